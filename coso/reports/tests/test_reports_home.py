"""The reports landing page: what my units must send, and what they have required."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coso.core.dates import today
from coso.reports import actions
from coso.reports.models import PeriodKind, ReportRequirement


def _submit(requirement: ReportRequirement, unit, by) -> None:
    submission = requirement.submissions.get(unit=unit)
    submission = actions.save_draft(submission, by=by, values={"receptions": "3"}, revision=0)
    actions.submit(submission, by=by)


def _future_requirement(tree, by, report_form, title: str) -> ReportRequirement:
    year = today().year
    return actions.create_requirement(
        by=by,
        unit=tree.province,
        title=title,
        form=report_form,
        period=actions.get_period(PeriodKind.YEAR, year),
        deadline=today() + dt.timedelta(days=60),
        receiving_office="Văn phòng Tỉnh ủy",
    )


@pytest.fixture
def two_requirements(tree, province_officer, commune_officer, report_form, half_year_requirement):
    """The 2024 one (deadline passed): the commune sent late. A current one: sent on time."""
    current = _future_requirement(tree, province_officer, report_form, "Tổng kết năm nay")
    _submit(half_year_requirement, tree.commune, commune_officer)
    _submit(current, tree.commune, commune_officer)
    return half_year_requirement, current


def test_the_province_sees_counts_of_what_it_required(login, province_officer, two_requirements):
    past, current = two_requirements

    response = login(province_officer).get(reverse("reports:home"))

    rows = {r.pk: r for r in response.context["requirements_page"]}
    counts = {
        pk: (r.required_count, r.submitted_count, r.late_count, r.missing_count)
        for pk, r in rows.items()
    }
    assert counts == {past.pk: (3, 1, 1, 2), current.pk: (3, 1, 0, 2)}
    page = response.content.decode()
    assert reverse("reports:requirement", args=[past.pk]) in page
    assert reverse("reports:requirement_create") + "?unit=" in page


def test_the_commune_sees_what_it_must_send_soonest_first(
    login, tree, commune_officer, two_requirements
):
    past, current = two_requirements

    response = login(commune_officer).get(reverse("reports:home"))

    rows = list(response.context["page_obj"])
    assert [r.requirement_id for r in rows] == [past.pk, current.pk]
    assert rows[0].late and not rows[0].overdue
    assert not rows[1].late and not rows[1].overdue
    assert list(response.context["requirements_page"]) == []
    page = response.content.decode()
    assert "15/06/2024" in page
    assert past.period.label in page


def test_the_ward_sees_its_overdue_report_and_accepted_ones_go(
    login, tree, province_officer, other_commune_officer, two_requirements
):
    past, current = two_requirements
    _submit(current, tree.other_commune, other_commune_officer)
    actions.accept_submission(current.submissions.get(unit=tree.other_commune), by=province_officer)

    response = login(other_commune_officer).get(reverse("reports:home"))

    rows = list(response.context["page_obj"])
    assert [r.requirement_id for r in rows] == [past.pk]
    assert rows[0].overdue


def test_employee_and_citizen_see_empty_lists(login, employee, citizen, two_requirements):
    for user in (employee, citizen):
        response = login(user).get(reverse("reports:home"))

        assert response.status_code == 200
        assert list(response.context["page_obj"]) == []
        assert list(response.context["requirements_page"]) == []


def _queries(client) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("reports:home")).status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_rows(
    login, tree, province_officer, report_form, two_requirements, django_assert_max_num_queries
):
    client = login(province_officer)
    few = _queries(client)

    for i in range(6):
        _future_requirement(tree, province_officer, report_form, f"Báo cáo chuyên đề {i}")
    many = _queries(client)

    assert many == few
    with django_assert_max_num_queries(9):
        client.get(reverse("reports:home"))
