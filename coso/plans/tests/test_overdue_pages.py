"""Overdue tasks carry a red "Quá hạn" badge on the plan and in the task lists."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from coso.core.dates import today
from coso.plans import actions


@pytest.fixture
def plan(tree, root_admin):
    plan = actions.create_plan(
        by=root_admin, unit=tree.commune, title="KH", issued_on=dt.date(2024, 1, 2)
    )
    actions.add_task(plan, by=root_admin, title="Việc đã trễ", timing="quarter", quarter=1)
    actions.add_task(
        plan,
        by=root_admin,
        title="Việc còn hạn",
        timing="date",
        due_date=today() + dt.timedelta(days=30),
    )
    actions.add_task(plan, by=root_admin, title="Việc thường xuyên", timing="ongoing")
    return plan


BADGE = '<span class="badge overdue">Quá hạn</span>'


def test_plan_detail_marks_only_the_overdue_task(login, plan, commune_officer):
    html = login(commune_officer).get(reverse("plans:detail", args=[plan.pk])).content.decode()

    assert html.count(BADGE) == 1
    late = html.index("Việc đã trễ")
    assert late < html.index(BADGE) < html.index("Việc còn hạn")


def test_done_task_is_no_longer_overdue(login, plan, commune_officer, root_admin):
    late = plan.tasks.get(title="Việc đã trễ")
    actions.change_task_status(late, by=root_admin, status="done")

    html = login(commune_officer).get(reverse("plans:detail", args=[plan.pk])).content.decode()

    assert BADGE not in html


def test_overdue_list_shows_overdue_tasks_of_the_unit(login, tree, plan, commune_officer):
    client = login(commune_officer)

    response = client.get(reverse("plans:overdue") + f"?unit={tree.commune.pk}", follow=True)

    html = response.content.decode()
    assert response.redirect_chain[0][0].endswith(f"overdue=1&unit={tree.commune.pk}")
    assert "Việc đã trễ" in html
    assert "Việc còn hạn" not in html
    assert BADGE in html


def test_general_task_list_filters(login, tree, plan, commune_officer):
    client = login(commune_officer)
    url = reverse("plans:tasks")

    everything = client.get(url, {"unit": tree.commune.pk}).content.decode()
    quarter_one = client.get(url, {"unit": tree.commune.pk, "quarter": 1, "year": 2024})
    in_progress = client.get(url, {"status": "in_progress"}).content.decode()

    assert all(t in everything for t in ("Việc đã trễ", "Việc còn hạn", "Việc thường xuyên"))
    assert "Việc đã trễ" in quarter_one.content.decode()
    assert "Việc thường xuyên" not in quarter_one.content.decode()
    assert "Việc đã trễ" not in in_progress


def test_overdue_list_of_another_commune_is_not_found(login, tree, plan, commune_officer):
    response = login(commune_officer).get(
        reverse("plans:tasks"), {"unit": tree.other_commune.pk, "overdue": 1}
    )

    assert response.status_code == 404


def test_plan_list_counts_tasks_and_overdue_tasks(login, plan, commune_officer):
    html = login(commune_officer).get(reverse("plans:list")).content.decode()

    assert "<td>3</td>" in html
    assert '<span class="badge overdue">1</span>' in html
    assert "02/01/2024" in html
