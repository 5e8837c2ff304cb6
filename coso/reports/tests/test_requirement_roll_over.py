"""Rolling a requirement over to next year keeps what was asked and moves the dates a year."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.reports import actions
from coso.reports.models import PeriodKind, ReportRequirement, TargetMode


def test_roll_over_keeps_units_form_office_and_moves_29_february(
    login, tree, province_officer, report_form
):
    # given a list requirement for February 2024 due on 29/02/2024
    requirement = actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title="Báo cáo tháng 2 năm 2024",
        form=report_form,
        period=actions.get_period(
            PeriodKind.AD_HOC, 2024, start=dt.date(2024, 2, 1), end=dt.date(2024, 2, 29)
        ),
        deadline=dt.date(2024, 2, 29),
        receiving_office="Ban Dân vận Tỉnh ủy (qua Phòng Tổng hợp)",
        target_mode=TargetMode.LIST,
        target_units=[tree.commune, tree.village],
        repeats_yearly=True,
    )
    client = login(province_officer)

    # when the province officer asks for next year's
    response = client.post(reverse("reports:requirement_roll_over", args=[requirement.pk]))

    # then a 2025 requirement asks the same units on the same form, to the same office
    following = ReportRequirement.objects.get(previous=requirement)
    assert response["Location"] == reverse("reports:requirement", args=[following.pk])
    assert following.title == "Báo cáo tháng 2 năm 2025"
    assert following.form == report_form
    assert following.receiving_office == requirement.receiving_office
    assert set(following.submissions.values_list("unit", flat=True)) == {
        tree.commune.pk,
        tree.village.pk,
    }
    assert following.deadline == dt.date(2025, 2, 28)
    assert (following.period.start, following.period.end) == (
        dt.date(2025, 2, 1),
        dt.date(2025, 2, 28),
    )
    assert following.repeats_yearly


def test_roll_over_of_a_half_year_and_twice_is_once(
    login, tree, province_officer, half_year_requirement
):
    client = login(province_officer)
    url = reverse("reports:requirement_roll_over", args=[half_year_requirement.pk])

    client.post(url)
    client.post(url)

    following = ReportRequirement.objects.get(previous=half_year_requirement)
    assert ReportRequirement.objects.count() == 2
    assert following.period.code == "2025S1"
    assert following.deadline == dt.date(2025, 6, 15)
    assert following.submissions.count() == 3
    # the page of the old requirement now links to the new one instead of offering the button
    page = client.get(reverse("reports:requirement", args=[half_year_requirement.pk]))
    assert reverse("reports:requirement", args=[following.pk]) in page.content.decode()
    assert url not in page.content.decode()
