"""List endpoints run a fixed number of queries, however many rows they return."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coso.plans import actions
from coso.plans.models import Timing
from coso.units import actions as unit_actions
from coso.units.models import UnitKind


def _add_plans(tree, officer, count: int, start: int) -> None:
    for n in range(start, start + count):
        plan = actions.create_plan(
            by=officer,
            unit=tree.commune,
            title=f"Kế hoạch {n}",
            number=f"{n}-KH/UBND",
            issued_on=dt.date(2024, 2, 1),
        )
        for quarter in (1, 2):
            actions.add_task(
                plan,
                by=officer,
                title=f"Nhiệm vụ {n}.{quarter}",
                timing=Timing.QUARTER,
                quarter=quarter,
                lead_unit=tree.village,
                lead_person=officer,
                coordinating_units=[tree.village, tree.commune],
                target_units=[tree.village],
            )


def _add_units(tree, admin, count: int, start: int) -> None:
    for n in range(start, start + count):
        unit_actions.create_unit(
            by=admin, parent=tree.commune, name=f"Thôn {n}", kind=UnitKind.RESIDENTIAL
        )


def _queries(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries), response.json()["count"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/plans/",
        "/api/v1/plans/?year=2024&unit_id={commune}&q=ke+hoach",
        "/api/v1/tasks/",
        "/api/v1/tasks/?overdue=true&unit_id={commune}&year=2024",
    ],
)
def test_plan_and_task_lists_do_not_grow_with_rows(client, tree, commune_officer, url):
    # given a few plans with tasks
    _add_plans(tree, commune_officer, 2, 1)
    client.force_login(commune_officer)
    url = url.format(commune=tree.commune.pk)
    few, few_rows = _queries(client, url)

    # when there are many more
    _add_plans(tree, commune_officer, 6, 10)
    many, many_rows = _queries(client, url)

    # then the list answers more rows with the same number of queries
    assert many_rows > few_rows > 0
    assert many == few


def test_unit_list_does_not_grow_with_rows(client, tree, admin):
    _add_units(tree, admin, 2, 1)
    client.force_login(admin)
    url = f"/api/v1/units/?parent={tree.commune.pk}"
    few, few_rows = _queries(client, url)

    _add_units(tree, admin, 8, 10)
    many, many_rows = _queries(client, url)

    assert many_rows == few_rows + 8
    assert many == few


def test_list_query_counts_are_pinned(client, tree, commune_officer, django_assert_num_queries):
    _add_plans(tree, commune_officer, 3, 1)
    client.force_login(commune_officer)

    # session, user, roles, count, page of plans (with their unit)
    with django_assert_num_queries(5):
        assert client.get("/api/v1/plans/").status_code == 200
    # session, user, roles, count, page of tasks (plan, lead unit and person joined),
    # coordinating units, target units
    with django_assert_num_queries(7):
        assert client.get("/api/v1/tasks/").status_code == 200
    # session, user, roles, count, page of units (parent id by subquery)
    with django_assert_num_queries(5):
        assert client.get("/api/v1/units/").status_code == 200
