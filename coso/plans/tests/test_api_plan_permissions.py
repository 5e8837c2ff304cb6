"""Plans through the API: every persona × read / create / change / issue / derive."""

import datetime as dt

import pytest

from conftest import PERSONAS, client_as
from coso.core.models import AuditEntry
from coso.plans import actions
from coso.plans.models import Plan, PlanStatus, Task, Timing

# A commune's draft plan: read by whoever's roles reach the commune.
READ_DRAFT = {
    "admin": 200,
    "province_officer": 200,
    "commune_officer": 200,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 200,
    "citizen": 404,
    "anonymous": 401,
}
# The province's issued plan: also read by every unit below the province (the cascade).
READ_ISSUED_UPPER = {**{name: 200 for name in PERSONAS}, "citizen": 404, "anonymous": 401}
# Managers (administrator, steering officer, unit officer) over the commune change its plans.
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
def province_plan(tree, personas) -> Plan:
    plan = actions.create_plan(
        by=personas.province_officer,
        unit=tree.province,
        title="Kế hoạch thực hiện dân chủ ở cơ sở năm 2024",
        number="04-KH/BCĐ",
        issued_on=dt.date(2024, 1, 24),
    )
    actions.add_task(
        plan,
        by=personas.province_officer,
        title="Tuyên truyền Luật",
        timing=Timing.QUARTER,
        quarter=1,
    )
    return actions.issue_plan(plan, by=personas.province_officer)


@pytest.fixture
def commune_plan(tree, personas) -> Plan:
    plan = actions.create_plan(
        by=personas.commune_officer,
        unit=tree.commune,
        title="Kế hoạch của xã năm 2024",
        number="12-KH/UBND",
        issued_on=dt.date(2024, 2, 1),
    )
    actions.add_task(
        plan, by=personas.commune_officer, title="Họp dân", timing=Timing.QUARTER, quarter=2
    )
    return plan


def _state(plan: Plan) -> tuple:
    plan = Plan.objects.get(pk=plan.pk)
    return (
        Plan.objects.count(),
        Task.objects.count(),
        AuditEntry.objects.count(),
        plan.title,
        plan.status,
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_read_a_commune_draft_plan(client, personas, commune_plan, persona):
    api = client_as(client, personas, persona)

    response = api.get(f"/api/v1/plans/{commune_plan.pk}")

    assert response.status_code == READ_DRAFT[persona]
    if response.status_code == 200:
        body = response.json()
        assert body["number"] == "12-KH/UBND"
        assert body["issued_on"] == "2024-02-01"
        assert [t["title"] for t in body["tasks"]] == ["Họp dân"]


@pytest.mark.parametrize("persona", PERSONAS)
def test_read_the_upper_levels_issued_plan(client, personas, province_plan, persona):
    api = client_as(client, personas, persona)

    response = api.get(f"/api/v1/plans/{province_plan.pk}")

    assert response.status_code == READ_ISSUED_UPPER[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_create_plan(client, personas, tree, commune_plan, persona):
    api = client_as(client, personas, persona)
    before = _state(commune_plan)

    response = api.post(
        "/api/v1/plans/",
        {
            "unit_id": tree.commune.pk,
            "title": "Kế hoạch tuyên truyền",
            "issued_on": "2024-03-01",
            "number": "15-KH/UBND",
            "bases": [{"citation": "Luật số 10/2022/QH15"}],
            "sections": [{"number": "I", "title": "MỤC ĐÍCH, YÊU CẦU"}],
        },
        content_type="application/json",
    )

    assert response.status_code == CREATE[persona]
    if response.status_code == 201:
        plan = Plan.objects.get(pk=response.json()["id"])
        assert (plan.unit_id, plan.year, plan.status) == (tree.commune.pk, 2024, PlanStatus.DRAFT)
        assert [b.citation for b in plan.bases.all()] == ["Luật số 10/2022/QH15"]
        assert response.json()["sections"][0]["title"] == "MỤC ĐÍCH, YÊU CẦU"
    else:
        assert "detail" in response.json()
        assert _state(commune_plan) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_change_plan(client, personas, commune_plan, persona):
    api = client_as(client, personas, persona)
    before = _state(commune_plan)

    response = api.patch(
        f"/api/v1/plans/{commune_plan.pk}",
        {"title": "Kế hoạch đã sửa"},
        content_type="application/json",
    )

    assert response.status_code == CHANGE[persona]
    commune_plan.refresh_from_db()
    if response.status_code == 200:
        assert commune_plan.title == "Kế hoạch đã sửa"
        assert commune_plan.number == "12-KH/UBND"  # fields not sent are kept
    else:
        assert _state(commune_plan) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_issue_plan(client, personas, commune_plan, persona):
    api = client_as(client, personas, persona)
    before = _state(commune_plan)

    response = api.post(f"/api/v1/plans/{commune_plan.pk}/issue")

    assert response.status_code == CHANGE[persona]
    commune_plan.refresh_from_db()
    if response.status_code == 200:
        assert commune_plan.status == PlanStatus.ISSUED
        assert response.json()["status"] == "issued"
    else:
        assert _state(commune_plan) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_derive_plan(client, personas, tree, province_plan, persona):
    api = client_as(client, personas, persona)
    task = province_plan.tasks.get()
    before = _state(province_plan)

    response = api.post(
        f"/api/v1/plans/{province_plan.pk}/derive",
        {
            "unit_id": tree.commune.pk,
            "title": "Kế hoạch của xã",
            "number": "20-KH/UBND",
            "issued_on": "2024-02-01",
            "carried_task_ids": [task.pk],
        },
        content_type="application/json",
    )

    assert response.status_code == CREATE[persona]
    if response.status_code == 201:
        plan = Plan.objects.get(pk=response.json()["id"])
        assert plan.parent_plan == province_plan
        assert plan.tasks.get().source_task == task
    else:
        assert _state(province_plan) == before
