"""Pages run a fixed number of queries whatever the number of tasks or plans."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coso.plans import actions

from .conftest import make_plan


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _grow_plan(plan, by, n: int) -> None:
    for i in range(n):
        task = actions.add_task(
            plan,
            by=by,
            title=f"Nhiệm vụ {i}",
            timing="quarter",
            quarter=1 + i % 4,
            lead_unit=plan.unit,
        )
        task.coordinating_units.set([plan.unit])


@pytest.fixture
def carried_province_plan(tree, root_admin):
    plan = make_plan(root_admin, tree.province, "04-KH/BCĐ", issue=True)
    actions.derive_plan(
        plan,
        by=root_admin,
        unit=tree.commune,
        carried_task_ids=[plan.tasks.get().pk],
        title="KH xã",
        issued_on=dt.date(2024, 2, 1),
    )
    return plan


def test_plan_detail_query_count_does_not_grow_with_tasks(
    login, root_admin, province_officer, carried_province_plan, django_assert_num_queries
):
    client = login(province_officer)
    url = reverse("plans:detail", args=[carried_province_plan.pk])
    few = _queries(client, url)

    _grow_plan(carried_province_plan, root_admin, 12)

    with django_assert_num_queries(few):
        client.get(url)
    # session, user, roles, notifications, plan, sections, tasks, their coordinating and
    # target units, bases, derived plans, and the one grouped roll-up query
    assert few == 12


def test_plan_list_query_count_does_not_grow_with_plans(
    login, tree, root_admin, province_officer, django_assert_num_queries
):
    client = login(province_officer)
    make_plan(root_admin, tree.province, "01-KH", issue=True)
    url = reverse("plans:list") + f"?unit={tree.province.pk}&year=2024"
    few = _queries(client, url)

    for i in range(2, 12):
        plan = make_plan(root_admin, tree.commune, f"{i:02d}-KH", issue=i % 2 == 0)
        _grow_plan(plan, root_admin, 2)

    with django_assert_num_queries(few):
        client.get(url)


def test_task_list_query_count_does_not_grow_with_tasks(
    login, tree, root_admin, commune_officer, django_assert_num_queries
):
    client = login(commune_officer)
    plan = make_plan(root_admin, tree.commune, "01-KH", issue=True)
    url = reverse("plans:tasks") + f"?unit={tree.commune.pk}&overdue=1"
    few = _queries(client, url)

    _grow_plan(plan, root_admin, 15)

    with django_assert_num_queries(few):
        client.get(url)


def test_task_page_query_count_does_not_grow_with_evidence(
    login, tree, root_admin, commune_officer, django_assert_num_queries
):
    client = login(commune_officer)
    plan = make_plan(root_admin, tree.commune, "01-KH", issue=True)
    task = plan.tasks.get()
    actions.add_evidence(task, by=root_admin, note="Một")
    url = reverse("plans:task", args=[task.pk])
    few = _queries(client, url)

    for i in range(8):
        actions.add_evidence(task, by=commune_officer, note=f"Ghi chú {i}")

    with django_assert_num_queries(few):
        client.get(url)
