"""Tasks through the API: every persona × read / create / change / status / progress."""

import datetime as dt

import pytest

from conftest import PERSONAS, client_as
from coso.core.models import AuditEntry
from coso.plans import actions
from coso.plans.models import Task, TaskStatus, Timing

READ = {
    "admin": 200,
    "province_officer": 200,
    "commune_officer": 200,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 200,
    "citizen": 404,
    "anonymous": 401,
}
CHANGE = {
    "admin": 200,
    "province_officer": 200,
    "commune_officer": 200,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 403,
    "citizen": 404,
    "anonymous": 401,
}
CREATE = {name: 201 if code == 200 else code for name, code in CHANGE.items()}


@pytest.fixture
def task(tree, personas) -> Task:
    plan = actions.create_plan(
        by=personas.commune_officer,
        unit=tree.commune,
        title="Kế hoạch của xã năm 2024",
        number="12-KH/UBND",
        issued_on=dt.date(2024, 2, 1),
    )
    return actions.add_task(
        plan,
        by=personas.commune_officer,
        title="Họp dân",
        timing=Timing.QUARTER,
        quarter=2,
        lead_unit=tree.village,
        coordinating_units=[tree.village],
    )


def _state(task: Task) -> tuple:
    task = Task.objects.get(pk=task.pk)
    return (
        Task.objects.count(),
        AuditEntry.objects.count(),
        task.title,
        task.status,
        task.progress,
        task.quarter,
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_read_task(client, personas, tree, task, persona):
    api = client_as(client, personas, persona)

    response = api.get(f"/api/v1/tasks/{task.pk}")

    assert response.status_code == READ[persona]
    if response.status_code == 200:
        body = response.json()
        assert body["title"] == "Họp dân"
        assert body["deadline"] == "2024-06-30"
        assert body["is_overdue"] is True  # 2024 is over and the task is still open
        assert body["lead_unit_id"] == tree.village.pk
        assert body["coordinating_unit_ids"] == [tree.village.pk]
        assert body["time_label"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_add_task(client, personas, tree, task, persona):
    api = client_as(client, personas, persona)
    before = _state(task)

    response = api.post(
        f"/api/v1/plans/{task.plan_id}/tasks",
        {
            "title": "Niêm yết công khai",
            "timing": "date",
            "due_date": "2024-05-15",
            "target_unit_ids": [tree.village.pk],
        },
        content_type="application/json",
    )

    assert response.status_code == CREATE[persona]
    if response.status_code == 201:
        created = Task.objects.get(pk=response.json()["id"])
        assert created.deadline == dt.date(2024, 5, 15)
        assert list(created.target_units.all()) == [tree.village]
    else:
        assert _state(task) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_change_task(client, personas, task, persona):
    api = client_as(client, personas, persona)
    before = _state(task)

    response = api.patch(
        f"/api/v1/tasks/{task.pk}",
        {"title": "Họp dân toàn thôn", "quarter": 3},
        content_type="application/json",
    )

    assert response.status_code == CHANGE[persona]
    task.refresh_from_db()
    if response.status_code == 200:
        assert (task.title, task.deadline) == ("Họp dân toàn thôn", dt.date(2024, 9, 30))
        assert task.coordinating_units.count() == 1  # not sent, so kept
    else:
        assert _state(task) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_change_task_status(client, personas, task, persona):
    api = client_as(client, personas, persona)
    before = _state(task)

    response = api.post(
        f"/api/v1/tasks/{task.pk}/status",
        {"status": "in_progress", "progress": 40},
        content_type="application/json",
    )

    assert response.status_code == CHANGE[persona]
    task.refresh_from_db()
    if response.status_code == 200:
        assert (task.status, task.progress) == (TaskStatus.IN_PROGRESS, 40)
        assert response.json()["progress"] == 40
    else:
        assert _state(task) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_record_task_progress(client, personas, task, persona):
    api = client_as(client, personas, persona)
    before = _state(task)

    response = api.post(
        f"/api/v1/tasks/{task.pk}/progress", {"progress": 100}, content_type="application/json"
    )

    assert response.status_code == CHANGE[persona]
    task.refresh_from_db()
    if response.status_code == 200:
        assert (task.status, task.progress) == (TaskStatus.DONE, 100)
        assert response.json()["is_overdue"] is False
    else:
        assert _state(task) == before
