"""The API reads and writes through the same rules as the pages."""

from __future__ import annotations

from coso.core.dates import today
from coso.recognition.models import NominationStatus


def test_the_api_workflow(client, world, tree, commune_officer, province_officer, committee_member):
    client.force_login(commune_officer)
    created = client.post(
        "/api/v1/recognition/nominations/",
        {
            "unit_id": tree.commune.pk,
            "campaign_id": world.campaign.pk,
            "title": "Mô hình “Dân vận khéo trong xây dựng nông thôn mới”",
            "field": "environment",
            "subject_kind": "collective",
            "subject_name": "Ban công tác Mặt trận thôn Đông",
            "description": "Vận động hiến đất làm đường.",
            "results": "Mở rộng 2 km đường.",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]

    client.force_login(committee_member)
    points = {str(c.pk): 20 for c in world.criteria}
    scored = client.post(
        f"/api/v1/recognition/nominations/{pk}/scores",
        {"points": points},
        content_type="application/json",
    )
    assert scored.status_code == 200, scored.content
    assert scored.json()["average_total"] == 40

    too_many = client.post(
        f"/api/v1/recognition/nominations/{pk}/scores",
        {"points": {str(world.criteria[0].pk): 99, str(world.criteria[1].pk): 1}},
        content_type="application/json",
    )
    assert too_many.status_code == 400

    refused = client.post(
        f"/api/v1/recognition/nominations/{pk}/decision",
        {
            "recognised": True,
            "recognition_form": "praise",
            "decision_number": "1/QĐ",
            "decision_date": today().isoformat(),
        },
        content_type="application/json",
    )
    assert refused.status_code == 403

    client.force_login(province_officer)
    decided = client.post(
        f"/api/v1/recognition/nominations/{pk}/decision",
        {
            "recognised": True,
            "recognition_form": "praise",
            "decision_number": "1/QĐ",
            "decision_date": today().isoformat(),
        },
        content_type="application/json",
    )
    assert decided.status_code == 200, decided.content
    assert decided.json()["status"] == NominationStatus.RECOGNISED

    progress = client.get(f"/api/v1/recognition/campaigns/{world.campaign.pk}/progress").json()
    assert (progress["nominated"], progress["total"]) == (1, 2)
    listed = client.get("/api/v1/recognition/nominations/", {"status": "recognised"}).json()
    assert [n["id"] for n in listed["items"]] == [pk]
    campaign = client.get(f"/api/v1/recognition/campaigns/{world.campaign.pk}").json()
    assert len(campaign["criteria"]) == 2


def test_the_api_hides_other_units(client, world, other_commune_officer, citizen):
    client.force_login(other_commune_officer)
    assert client.get(f"/api/v1/recognition/nominations/{world.nomination.pk}").status_code == 404
    assert client.get("/api/v1/recognition/nominations/").json()["count"] == 0
    client.force_login(citizen)
    assert client.get(f"/api/v1/recognition/campaigns/{world.campaign.pk}").status_code == 404
