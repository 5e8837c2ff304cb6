"""Bad input to the API answers a 4xx JSON error, never a 500, and changes nothing."""

import datetime as dt

import pytest

from coso.core.models import AuditEntry
from coso.plans import actions
from coso.plans.models import Plan, Task, Timing
from coso.units.models import Unit


@pytest.fixture
def task(tree, commune_officer) -> Task:
    plan = actions.create_plan(
        by=commune_officer,
        unit=tree.commune,
        title="Kế hoạch của xã năm 2024",
        number="12-KH/UBND",
        issued_on=dt.date(2024, 2, 1),
    )
    return actions.add_task(
        plan, by=commune_officer, title="Họp dân", timing=Timing.QUARTER, quarter=2
    )


def _counts() -> tuple[int, ...]:
    return (
        Unit.objects.count(),
        Plan.objects.count(),
        Task.objects.count(),
        AuditEntry.objects.count(),
    )


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "Kế hoạch", "issued_on": "2024-02-31"}, "issued_on"),  # no such day
        ({"title": "Kế hoạch", "issued_on": "31/01/2024"}, "issued_on"),  # the API speaks ISO
        ({"title": "Kế hoạch"}, "issued_on"),  # missing
        ({"title": ["not", "a", "string"], "issued_on": "2024-02-01"}, "title"),
        ({"title": "Kế hoạch", "issued_on": "2024-02-01", "kind": "memo"}, "kind"),
        ({"title": "Kế hoạch", "issued_on": "2024-02-01", "bases": "Luật"}, "bases"),
    ],
)
def test_invalid_plan_bodies_answer_422_naming_the_field(
    client, tree, commune_officer, task, body, field
):
    # given a commune officer
    client.force_login(commune_officer)
    before = _counts()

    # when they send a body that does not match the schema
    response = client.post(
        "/api/v1/plans/", {"unit_id": tree.commune.pk, **body}, content_type="application/json"
    )

    # then the API answers 422 with the field, in JSON, and nothing was saved
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/json")
    payload = response.json()
    assert payload["detail"]
    assert field in {part for error in payload["errors"] for part in error["loc"]}
    assert _counts() == before


@pytest.mark.parametrize(
    ("url", "body"),
    [
        ("/api/v1/plans/", "{not json"),
        ("/api/v1/plans/", "[1, 2"),
        ("/api/v1/units/", "\x00\x01"),
        ("/api/v1/tasks/{task}/status", "status=done"),
    ],
)
def test_a_body_that_is_not_json_answers_400(client, commune_officer, task, url, body):
    client.force_login(commune_officer)
    before = _counts()

    response = client.post(url.format(task=task.pk), body, content_type="application/json")

    assert response.status_code == 400
    assert response.json()["detail"]
    assert _counts() == before


@pytest.mark.parametrize(
    ("method", "url", "body"),
    [
        ("post", "/api/v1/tasks/{task}/status", {"status": "finished"}),
        ("post", "/api/v1/tasks/{task}/status", {}),
        ("post", "/api/v1/tasks/{task}/progress", {"progress": "a lot"}),
        ("patch", "/api/v1/tasks/{task}", {"due_date": "2024-13-01"}),
        ("patch", "/api/v1/tasks/{task}", {"quarter": "second"}),
        ("post", "/api/v1/plans/{plan}/tasks", {"title": "Thiếu thời gian"}),
        ("post", "/api/v1/plans/{plan}/derive", {"unit_id": "xa", "title": "x"}),
        ("post", "/api/v1/units/", {"parent_id": 1, "name": "Thôn", "kind": "hamlet"}),
        ("post", "/api/v1/units/{unit}/close", {"closed_on": "2024-02-30"}),
        ("patch", "/api/v1/plans/{plan}", {"issued_on": "2023-02-29"}),
    ],
)
def test_wrong_types_and_missing_fields_answer_422(
    client, tree, commune_officer, task, method, url, body
):
    client.force_login(commune_officer)
    before = _counts()

    response = getattr(client, method)(
        url.format(task=task.pk, plan=task.plan_id, unit=tree.commune.pk),
        body,
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["errors"]
    assert _counts() == before


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"title": "   ", "timing": "quarter", "quarter": 2}, "title"),
        ({"title": "Họp", "timing": "quarter", "quarter": 5}, "quarter"),
        ({"title": "Họp", "timing": "date"}, "due_date"),
        ({"title": "Họp", "timing": "date", "due_date": "2024-01-01"}, "due_date"),
    ],
)
def test_data_the_action_refuses_answers_400_with_the_field(
    client, commune_officer, task, body, field
):
    client.force_login(commune_officer)
    before = _counts()

    response = client.post(
        f"/api/v1/plans/{task.plan_id}/tasks", body, content_type="application/json"
    )

    assert response.status_code == 400
    assert field in response.json()["detail"]
    assert _counts() == before


def test_a_wrong_status_transition_answers_400(client, commune_officer, task):
    # given a task that has not started: it cannot be paused
    client.force_login(commune_officer)

    response = client.post(
        f"/api/v1/tasks/{task.pk}/status", {"status": "paused"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json()["detail"]["__all__"]
    task.refresh_from_db()
    assert task.status == "not_started"
