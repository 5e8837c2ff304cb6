"""A unit's report filled with the figures coso recorded: no typing what the system knows."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.disclosure import actions as disclosure_actions
from coso.reports import actions, figures
from coso.reports.builtin_form import CODE
from coso.reports.models import PeriodKind, ReportForm


@pytest.fixture
def commune_report(tree, province_officer):
    requirement = actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title="Sơ kết 6 tháng đầu năm 2024",
        form=ReportForm.objects.get(code=CODE),
        period=actions.get_period(PeriodKind.HALF_YEAR, 2024, 1),
        deadline=dt.date(2024, 6, 15),
        receiving_office="Ban Dân vận",
        levels_down=2,
    )
    return requirement.submissions.get(unit=tree.commune)


def disclose(unit, officer, starts_on: dt.date, title: str = "Dự toán ngân sách xã") -> None:
    disclosure_actions.publish_disclosure(
        by=officer, unit=unit, category_code="ngan_sach", title=title, starts_on=starts_on
    )


def test_disclosures_of_the_period_and_subtree_fill_the_report(
    tree, commune_report, commune_officer, other_commune_officer
):
    disclose(tree.commune, commune_officer, dt.date(2024, 2, 1))
    disclose(tree.commune, commune_officer, dt.date(2024, 6, 30))
    disclose(tree.commune, commune_officer, dt.date(2024, 7, 1))  # the next half-year
    disclose(tree.other_commune, other_commune_officer, dt.date(2024, 3, 1))  # not below

    saved, filled = figures.prefill_from_records(commune_report, by=commune_officer)

    values = {v.indicator.code: v.number for v in saved.values.select_related("indicator")}
    assert values["disclosures"] == 2
    assert values["community-decisions"] == 0
    assert filled >= 2


def test_typed_figures_stay_when_recorded_ones_are_filled(tree, commune_report, commune_officer):
    actions.save_draft(
        commune_report, by=commune_officer, values={"steering-meetings": "12"}, revision=0
    )
    commune_report.refresh_from_db()

    saved, _ = figures.prefill_from_records(commune_report, by=commune_officer)

    values = {v.indicator.code: v.number for v in saved.values.select_related("indicator")}
    assert values["steering-meetings"] == 12


def test_another_commune_cannot_fill_it(commune_report, other_commune_officer):
    with pytest.raises(Exception) as raised:
        figures.prefill_from_records(commune_report, by=other_commune_officer)
    assert raised.type.__name__ == "PermissionDenied"
    assert not commune_report.values.exists()


def test_a_submitted_report_is_not_changed(tree, commune_report, commune_officer):
    actions.save_draft(
        commune_report,
        by=commune_officer,
        values={
            "self-assessment": "Tốt",
            "propaganda-sessions": "3",
            "democracy-regulation-issued": "có",
            "results": "Kết quả tốt.",
            "next-tasks": "Tiếp tục.",
        },
        revision=0,
    )
    submitted = actions.submit(commune_report, by=commune_officer)

    with pytest.raises(ValidationError):
        figures.prefill_from_records(submitted, by=commune_officer)


def test_the_button_fills_the_report_and_says_how_many(
    client, tree, commune_report, commune_officer
):
    disclose(tree.commune, commune_officer, dt.date(2024, 3, 1))
    client.force_login(commune_officer)

    page = client.get(reverse("reports:submission", args=[commune_report.pk]))
    assert "Điền số liệu coso đã ghi nhận" in page.content.decode()

    response = client.post(
        reverse("reports:prefill_recorded", args=[commune_report.pk]),
        {"revision": commune_report.revision},
        follow=True,
    )

    assert response.status_code == 200
    assert "số liệu đã được điền" in response.content.decode()
    assert commune_report.values.get(indicator__code="disclosures").number == 1
