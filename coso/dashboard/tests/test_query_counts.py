"""The pages cost the same number of queries for 3 children or 12: nothing walks the tree."""

import datetime as dt

import pytest
from django.urls import reverse

from coso.plans.models import Timing
from coso.units import actions as unit_actions
from coso.units.models import UnitKind

from .conftest import YEAR, make_plan

# session, user, grants, the unit, the notification badge, breadcrumbs, then the page's own
# (the reports panel: one query when the unit issued no report requirement, as here)
# 13 for plans and coverage, 4 for the overdue corrective actions of inspections, 2 for the
# overdue commitments of meetings.
DASHBOARD_QUERIES = 19
COVERAGE_QUERIES = 11


def build_province(root_admin, tree, committee, province_officer, committee_member, n: int):
    """A unit with n communes, each with villages, an issued plan, a follower and a note."""
    province = unit_actions.create_unit(
        by=root_admin, parent=tree.province, name=f"Đảng ủy {n}", kind=UnitKind.PARTY_BODY
    )
    make_plan(
        root_admin,
        province,
        tasks=[
            ("Quý I", Timing.QUARTER, {"quarter": 1}),
            ("Thường xuyên", Timing.ONGOING, {}),
        ],
    )
    member = committee.members.get()
    for i in range(n):
        commune = unit_actions.create_unit(
            by=root_admin, parent=province, name=f"Xã {i}", kind=UnitKind.COMMUNE
        )
        for j in range(2):
            unit_actions.create_unit(
                by=root_admin, parent=commune, name=f"Thôn {i}.{j}", kind=UnitKind.RESIDENTIAL
            )
        if i % 2:
            make_plan(root_admin, commune, tasks=[("Việc", Timing.QUARTER, {"quarter": 2})])
        assignment = unit_actions.assign_follow(member, by=province_officer, unit=commune)
        unit_actions.record_follow_up(
            assignment, by=committee_member, visited_on=dt.date(2024, 5, 1), findings="Tốt"
        )
    return province


@pytest.mark.parametrize("children", [3, 12])
def test_dashboard_query_count_does_not_grow_with_children(
    tree,
    root_admin,
    committee,
    province_officer,
    committee_member,
    admin,
    login,
    django_assert_num_queries,
    children,
):
    province = build_province(
        root_admin, tree, committee, province_officer, committee_member, children
    )
    client = login(admin)

    with django_assert_num_queries(DASHBOARD_QUERIES):
        response = client.get(reverse("dashboard:unit", args=[province.pk]), {"year": YEAR})

    assert response.status_code == 200
    assert response.context["coverage"].expected == children
    assert len(response.context["follow_rows"]) == children


@pytest.mark.parametrize("children", [3, 12])
def test_coverage_query_count_does_not_grow_with_children(
    tree,
    root_admin,
    committee,
    province_officer,
    committee_member,
    admin,
    login,
    django_assert_num_queries,
    children,
):
    province = build_province(
        root_admin, tree, committee, province_officer, committee_member, children
    )
    client = login(admin)

    with django_assert_num_queries(COVERAGE_QUERIES):
        response = client.get(reverse("dashboard:coverage", args=[province.pk]), {"year": YEAR})

    assert response.status_code == 200
    assert response.context["totals"].issued == children // 2
    assert len(response.context["rows"]) == children
