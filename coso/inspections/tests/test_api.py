"""The JSON API: plans, targets with findings, corrective actions by state, reporting done,
campaigns with who has reported; the same permissions as the pages."""

from __future__ import annotations

from coso.inspections.models import ActionStatus

API = "/api/v1/inspections"


def test_plans_and_a_target_with_its_findings(world, login, commune_officer, province_officer):
    officer = login(province_officer)
    plans = officer.get(f"{API}/plans/").json()
    assert {p["title"] for p in plans["items"]} == {world.plan.title, world.draft.title}

    detail = officer.get(f"{API}/plans/{world.plan.pk}").json()
    assert detail["status"] == "in_progress" and detail["status_label"] == "Đang kiểm tra"
    assert {t["unit_name"] for t in detail["targets"]} == {"Xã Thanh Miện", "Văn phòng UBND tỉnh"}
    assert any(m["is_leader"] for m in detail["team"])

    # the inspected commune sees the plan with its own target only
    unit = login(commune_officer)
    detail = unit.get(f"{API}/plans/{world.plan.pk}").json()
    assert [t["unit_name"] for t in detail["targets"]] == ["Xã Thanh Miện"]
    target = unit.get(f"{API}/targets/{world.commune_target.pk}").json()
    assert target["findings"][0]["text"] == world.finding.text
    assert target["conclusion"].startswith("Yêu cầu chấn chỉnh")
    assert [a["overdue"] for a in target["actions"]] == [True, False]
    assert unit.get(f"{API}/targets/{world.office_target.pk}").status_code == 404
    assert unit.get(f"{API}/plans/{world.draft.pk}").status_code == 404


def test_corrective_actions_by_state_and_reporting_done(
    world, login, commune_officer, province_officer
):
    unit = login(commune_officer)
    overdue = unit.get(f"{API}/corrective-actions/?state=overdue").json()
    assert [a["id"] for a in overdue["items"]] == [world.overdue.pk]
    todo = unit.get(f"{API}/corrective-actions/?state=todo").json()
    assert [a["id"] for a in todo["items"]] == [world.upcoming.pk]

    response = unit.post(
        f"{API}/corrective-actions/{world.upcoming.pk}/report",
        {"note": "Đã niêm yết công khai."},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["status"] == "reported"
    refused = unit.post(
        f"{API}/corrective-actions/{world.upcoming.pk}/accept", {}, content_type="application/json"
    )
    assert refused.status_code == 403

    officer = login(province_officer)
    accepted = officer.post(
        f"{API}/corrective-actions/{world.upcoming.pk}/accept",
        {"note": "Đạt"},
        content_type="application/json",
    )
    assert accepted.json()["status"] == ActionStatus.DONE
    side = officer.get(
        f"{API}/corrective-actions/?state=done&unit_id={world.plan.unit_id}&side=inspecting"
    ).json()
    assert [a["id"] for a in side["items"]] == [world.upcoming.pk]


def test_a_campaign_with_who_has_reported(campaign, tree, login, province_officer, commune_officer):
    unit = login(commune_officer)
    report = campaign.reports.get(unit=tree.commune)
    unit.post(
        f"/kiem-tra/tu-kiem-tra/bao-cao/{report.pk}/",
        {"result": "Đã tự kiểm tra.", "assessment": "average"},
    )

    officer = login(province_officer)
    listed = officer.get(f"{API}/self-inspections/").json()
    assert [c["id"] for c in listed["items"]] == [campaign.pk]
    detail = officer.get(f"{API}/self-inspections/{campaign.pk}").json()
    assert (detail["total"], detail["reported"], detail["late"]) == (4, 1, 0)
    reported = [r["unit_name"] for r in detail["reports"] if r["submitted_on"]]
    assert reported == ["Xã Thanh Miện"]


def test_outsiders_get_nothing(world, campaign, login, employee, citizen, client):
    for user in (employee, citizen):
        c = login(user)
        assert c.get(f"{API}/plans/").json()["count"] == 0
        assert c.get(f"{API}/corrective-actions/").json()["count"] == 0
        assert c.get(f"{API}/plans/{world.plan.pk}").status_code == 404
        assert c.get(f"{API}/self-inspections/{campaign.pk}").status_code == 404
    client.logout()
    assert client.get(f"{API}/plans/").status_code == 401
