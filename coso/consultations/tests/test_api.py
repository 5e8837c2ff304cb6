"""The JSON API: list, detail and comment, under the pages' own permission policy."""

from __future__ import annotations

import datetime as dt

from coso.consultations.models import Comment
from coso.core.dates import today

from .conftest import time_passes


def test_a_signed_in_citizen_lists_public_consultations_only(client, world, citizen):
    client.force_login(citizen)

    items = client.get("/api/v1/consultations/").json()["items"]

    titles = {item["title"] for item in items}
    assert world.open.title in titles
    assert "Bản nháp" not in titles
    opened = next(i for i in items if i["id"] == world.open.pk)
    assert opened["accepting_comments"] is True
    assert opened["comment_count"] == 3
    assert opened["kind_citation"].startswith("Luật Thực hiện dân chủ ở cơ sở")


def test_the_units_officer_also_lists_its_drafts(client, world, commune_officer, tree):
    client.force_login(commune_officer)

    items = client.get(f"/api/v1/consultations/?unit_id={tree.commune.pk}&status=draft").json()

    assert [i["title"] for i in items["items"]] == ["Bản nháp"]


def test_the_detail_has_the_sections_and_their_counts(client, world, citizen):
    client.force_login(citizen)

    detail = client.get(f"/api/v1/consultations/{world.open.pk}").json()

    assert [s["heading"] for s in detail["sections"]] == ["Điều 1. Phạm vi", "Điều 2. Mức đóng góp"]
    assert [s["comment_count"] for s in detail["sections"]] == [0, 2]
    assert detail["groups"] == []
    assert detail["synthesis_published"] is False


def test_a_draft_answers_404_to_a_citizen(client, world, citizen):
    client.force_login(citizen)

    assert client.get(f"/api/v1/consultations/{world.draft.pk}").status_code == 404


def test_a_citizen_comments_through_the_api(client, world, citizen):
    client.force_login(citizen)

    response = client.post(
        f"/api/v1/consultations/{world.open.pk}/comments",
        {"text": "Đề nghị bổ sung thời hạn.", "section_id": world.first.pk},
        content_type="application/json",
    )

    assert response.status_code == 201
    receipt = response.json()
    assert receipt["section_id"] == world.first.pk
    assert "contact" not in receipt
    assert Comment.objects.get(pk=receipt["id"]).author == citizen


def test_a_comment_after_the_period_is_refused_in_vietnamese(client, world, citizen):
    client.force_login(citizen)

    response = client.post(
        f"/api/v1/consultations/{world.ended.pk}/comments",
        {"text": "Muộn rồi."},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "Thời gian lấy ý kiến đã kết thúc" in str(response.json()["detail"])


def test_only_the_units_officers_enter_comments_of_other_channels(
    client, world, citizen, commune_officer
):
    body = {
        "text": "Ý kiến qua đường dây nóng.",
        "channel": "hotline",
        "received_on": today().isoformat(),
    }
    client.force_login(citizen)
    refused = client.post(
        f"/api/v1/consultations/{world.open.pk}/comments", body, content_type="application/json"
    )
    assert refused.status_code == 403

    client.force_login(commune_officer)
    accepted = client.post(
        f"/api/v1/consultations/{world.open.pk}/comments", body, content_type="application/json"
    )
    assert accepted.status_code == 201
    assert accepted.json()["channel"] == "hotline"


def test_the_published_synthesis_is_in_the_detail(client, world, citizen, commune_officer):
    from .conftest import publish

    consultation = time_passes(world.open, 21)
    publish(consultation, commune_officer)
    client.force_login(citizen)

    detail = client.get(f"/api/v1/consultations/{consultation.pk}").json()

    assert detail["synthesis_published"] is True
    assert detail["groups"][0]["response"] == "adopted"
    assert detail["groups"][0]["comment_count"] == 3


def test_anonymous_callers_must_sign_in(client, world):
    assert client.get("/api/v1/consultations/").status_code == 401
    response = client.post(
        f"/api/v1/consultations/{world.open.pk}/comments",
        {"text": "Ẩn danh"},
        content_type="application/json",
    )
    assert response.status_code == 401
    assert dt.date  # dates are ISO in the API
