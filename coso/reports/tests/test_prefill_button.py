"""The button that starts a unit's own report from its units' reports shows where it can work."""

import datetime as dt

from django.urls import reverse

from coso.reports import actions
from coso.reports.models import PeriodKind, ReportForm


def _require(by, unit, title):
    return actions.create_requirement(
        by=by,
        unit=unit,
        title=title,
        form=ReportForm.objects.get(code="dan-chu-co-so"),
        period=actions.get_period(PeriodKind.HALF_YEAR, 2024, 1),
        deadline=dt.date(2024, 6, 15),
        receiving_office="Ban Dân vận",
    )


def test_only_a_unit_that_asked_its_own_units_sees_the_aggregate_button(
    client, tree, admin, province_officer, commune_officer
):
    from_centre = _require(admin, tree.central, "Sơ kết 6 tháng đầu năm 2024 (Trung ương)")
    from_province = _require(province_officer, tree.province, "Sơ kết 6 tháng đầu năm 2024")
    province_report = from_centre.submissions.get(unit=tree.province)
    commune_report = from_province.submissions.get(unit=tree.commune)

    client.force_login(province_officer)
    province_page = client.get(reverse("reports:submission", args=[province_report.pk]))
    client.force_login(commune_officer)
    commune_page = client.get(reverse("reports:submission", args=[commune_report.pk]))

    assert reverse("reports:prefill", args=[province_report.pk]) in province_page.content.decode()
    assert reverse("reports:prefill", args=[commune_report.pk]) not in commune_page.content.decode()
