"""Finding plans and tasks through the API: by year, unit subtree, status, words, overdue."""

import datetime as dt

import pytest

from coso.plans import actions
from coso.plans.models import Plan, Timing


@pytest.fixture
def plans(tree, province_officer, commune_officer, other_commune_officer):
    province = actions.create_plan(
        by=province_officer,
        unit=tree.province,
        title="Kế hoạch thực hiện dân chủ ở cơ sở năm 2024",
        number="04-KH/BCĐ",
        issued_on=dt.date(2024, 1, 24),
    )
    actions.add_task(
        province, by=province_officer, title="Tuyên truyền Luật", timing=Timing.QUARTER, quarter=1
    )
    actions.issue_plan(province, by=province_officer)
    commune = actions.create_plan(
        by=commune_officer,
        unit=tree.commune,
        title="Kế hoạch tuyên truyền của xã",
        number="12-KH/UBND",
        issued_on=dt.date(2024, 2, 1),
    )
    # overdue: the first quarter of 2024 is over and nobody started it
    actions.add_task(commune, by=commune_officer, title="Họp dân", timing=Timing.QUARTER, quarter=1)
    # not overdue: ongoing work has no deadline
    actions.add_task(commune, by=commune_officer, title="Tiếp dân", timing=Timing.ONGOING)
    next_year = actions.create_plan(
        by=other_commune_officer,
        unit=tree.other_commune,
        title="Kế hoạch của phường năm 2025",
        issued_on=dt.date(2025, 1, 10),
    )
    return {"province": province, "commune": commune, "next_year": next_year}


def _titles(response) -> list[str]:
    assert response.status_code == 200, response.content
    return sorted(item["title"] for item in response.json()["items"])


def test_plans_a_commune_officer_sees(client, plans, commune_officer):
    # their own plans, and the province's issued plan they implement
    client.force_login(commune_officer)

    assert _titles(client.get("/api/v1/plans/")) == [
        "Kế hoạch thực hiện dân chủ ở cơ sở năm 2024",
        "Kế hoạch tuyên truyền của xã",
    ]


def test_plans_by_year_unit_status_and_words(client, tree, plans, province_officer):
    client.force_login(province_officer)

    assert _titles(client.get("/api/v1/plans/?year=2025")) == ["Kế hoạch của phường năm 2025"]
    assert _titles(client.get(f"/api/v1/plans/?unit_id={tree.commune.pk}")) == [
        "Kế hoạch tuyên truyền của xã"
    ]
    assert _titles(client.get("/api/v1/plans/?status=issued")) == [
        "Kế hoạch thực hiện dân chủ ở cơ sở năm 2024"
    ]
    assert _titles(client.get("/api/v1/plans/?q=tuyen truyen")) == ["Kế hoạch tuyên truyền của xã"]
    assert _titles(client.get("/api/v1/plans/?unit_id=987654321")) == []


def test_a_plan_carries_its_bases_sections_and_tasks(client, tree, plans, commune_officer):
    client.force_login(commune_officer)
    derived = client.post(
        f"/api/v1/plans/{plans['province'].pk}/derive",
        {
            "unit_id": tree.commune.pk,
            "title": "Kế hoạch của xã thực hiện kế hoạch tỉnh",
            "issued_on": "2024-02-05",
            "carried_task_ids": [plans["province"].tasks.get().pk],
        },
        content_type="application/json",
    )
    assert derived.status_code == 201

    body = client.get(f"/api/v1/plans/{derived.json()['id']}").json()

    assert body["parent_plan_id"] == plans["province"].pk
    assert body["bases"][0]["linked_plan_id"] == plans["province"].pk
    assert body["bases"][0]["kind"] == "plan"
    assert [t["title"] for t in body["tasks"]] == ["Tuyên truyền Luật"]
    assert body["tasks"][0]["source_task_id"] == plans["province"].tasks.get().pk


def test_tasks_by_overdue_status_plan_and_year(client, tree, plans, commune_officer):
    client.force_login(commune_officer)

    assert _titles(client.get("/api/v1/tasks/?overdue=true")) == ["Họp dân", "Tuyên truyền Luật"]
    assert _titles(client.get("/api/v1/tasks/?overdue=false")) == ["Tiếp dân"]
    assert _titles(client.get(f"/api/v1/tasks/?unit_id={tree.commune.pk}")) == [
        "Họp dân",
        "Tiếp dân",
    ]
    assert _titles(client.get(f"/api/v1/tasks/?plan_id={plans['province'].pk}")) == [
        "Tuyên truyền Luật"
    ]
    assert _titles(client.get("/api/v1/tasks/?status=done")) == []
    assert _titles(client.get("/api/v1/tasks/?year=2025")) == []


def test_task_output_has_deadline_time_label_and_overdue(client, plans, commune_officer):
    client.force_login(commune_officer)

    items = client.get(f"/api/v1/tasks/?plan_id={plans['commune'].pk}").json()["items"]

    meeting = next(item for item in items if item["title"] == "Họp dân")
    assert meeting["deadline"] == "2024-03-31"
    assert meeting["is_overdue"] is True
    assert meeting["time_label"] == "Quý I"
    assert meeting["unit_id"] == plans["commune"].unit_id


def test_other_communes_tasks_are_not_listed(client, plans, other_commune_officer):
    client.force_login(other_commune_officer)

    titles = _titles(client.get("/api/v1/tasks/"))

    assert "Họp dân" not in titles
    assert titles == ["Tuyên truyền Luật"]  # the province's issued plan reaches every commune
    assert Plan.objects.count() == 3
