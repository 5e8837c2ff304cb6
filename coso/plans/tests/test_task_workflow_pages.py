"""A task moves not started → in progress → done through its page; illegal moves are refused."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from coso.plans import actions
from coso.plans.models import TaskStatus


@pytest.fixture
def task(tree, root_admin):
    plan = actions.create_plan(
        by=root_admin, unit=tree.commune, title="KH", issued_on=dt.date(2024, 1, 2)
    )
    return actions.add_task(
        plan, by=root_admin, title="Tổ chức hội nghị", timing="quarter", quarter=3
    )


def _buttons(response) -> set[str]:
    html = response.content.decode()
    return {s for s in TaskStatus.values if f'name="status" value="{s}"' in html}


def test_task_goes_through_its_workflow(login, task, commune_officer):
    client = login(commune_officer)
    page = reverse("plans:task", args=[task.pk])
    status_url = reverse("plans:task_status", args=[task.pk])

    # a new task offers only the moves the workflow allows
    assert _buttons(client.get(page)) == {"in_progress", "done", "cancelled"}

    client.post(status_url, {"status": "in_progress"})
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_PROGRESS
    assert _buttons(client.get(page)) == {"done", "paused", "cancelled"}

    client.post(reverse("plans:task_progress", args=[task.pk]), {"progress": "60"})
    task.refresh_from_db()
    assert task.progress == 60

    response = client.post(status_url, {"status": "done"}, follow=True)
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    assert task.progress == 100
    assert task.completed_on is not None
    assert "Hoàn thành" in response.content.decode()
    assert _buttons(response) == {"in_progress"}


def test_illegal_transition_is_refused_with_a_message(login, task, commune_officer):
    client = login(commune_officer)
    client.post(reverse("plans:task_status", args=[task.pk]), {"status": "done"})

    # done may only be reopened, not paused
    response = client.post(reverse("plans:task_status", args=[task.pk]), {"status": "paused"})

    assert response.status_code == 200
    assert "Không thể chuyển trạng thái từ" in response.content.decode()
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE


def test_unknown_status_is_refused(login, task, commune_officer):
    response = login(commune_officer).post(
        reverse("plans:task_status", args=[task.pk]), {"status": "finished"}
    )

    assert response.status_code == 200
    task.refresh_from_db()
    assert task.status == TaskStatus.NOT_STARTED


def test_progress_starts_a_task_and_a_hundred_finishes_it(login, task, commune_officer):
    client = login(commune_officer)
    url = reverse("plans:task_progress", args=[task.pk])

    client.post(url, {"progress": "30"})
    task.refresh_from_db()
    assert (task.status, task.progress) == (TaskStatus.IN_PROGRESS, 30)

    client.post(url, {"progress": "100"})
    task.refresh_from_db()
    assert (task.status, task.progress) == (TaskStatus.DONE, 100)


def test_lead_person_without_a_role_may_update_the_task_but_not_edit_it(
    login, tree, task, root_admin
):
    # given a task led by a villager who holds no role in the tree
    from conftest import make_user

    leader = make_user("truongthon", "Trưởng thôn Đông", tree.village)
    actions.update_task(task, by=root_admin, lead_person=leader)
    client = login(leader)

    # then they see the task and may report progress, but not edit it
    assert client.get(reverse("plans:task", args=[task.pk])).status_code == 200
    response = client.post(reverse("plans:task_progress", args=[task.pk]), {"progress": "20"})
    task.refresh_from_db()
    assert response.status_code == 302
    assert task.progress == 20
    assert client.get(reverse("plans:task_edit", args=[task.pk])).status_code == 403


def test_task_edit_page_changes_the_task(login, tree, task, commune_officer):
    client = login(commune_officer)
    assert client.get(reverse("plans:task_edit", args=[task.pk])).status_code == 200

    response = client.post(
        reverse("plans:task_edit", args=[task.pk]),
        {
            "title": "Hội nghị đối thoại",
            "timing": "month",
            "month": "10",
            "lead_unit": tree.village.pk,
            "coordinating_units": [tree.commune.pk],
            "target_units": [tree.village.pk],
        },
    )

    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.title, task.timing, task.month, task.quarter) == (
        "Hội nghị đối thoại",
        "month",
        10,
        None,
    )
    assert task.deadline == dt.date(2024, 10, 31)
    assert list(task.target_units.all()) == [tree.village]
    page = login(commune_officer).get(reverse("plans:detail", args=[task.plan_id])).content.decode()
    assert "Tháng 10" in page
    assert "Thôn Đông" in page


def test_lead_unit_outside_the_plans_unit_is_not_offered(login, tree, task, commune_officer):
    response = login(commune_officer).post(
        reverse("plans:task_edit", args=[task.pk]),
        {"title": "X", "timing": "ongoing", "lead_unit": tree.other_commune.pk},
    )

    assert response.status_code == 200
    task.refresh_from_db()
    assert task.lead_unit is None


def test_task_delete(login, task, commune_officer):
    response = login(commune_officer).post(reverse("plans:task_delete", args=[task.pk]))

    assert response.status_code == 302
    assert not type(task).objects.filter(pk=task.pk).exists()
