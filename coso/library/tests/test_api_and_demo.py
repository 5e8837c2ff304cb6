"""The library's API (list, search, detail, create, replace). The demo's linking of plans is
tested with plans (tests/test_legal_bases.py of the plans app)."""

from __future__ import annotations

import pytest

from coso.library.models import LegalText

pytestmark = pytest.mark.django_db

BODY = {
    "number_symbol": "16/2025/NĐ-CP",
    "text_type": "decree",
    "issuer": "Chính phủ",
    "title": "Nghị định mới",
    "issued_on": "2025-02-01",
    "effective_on": "2025-03-01",
}


def test_detail_shows_the_chain(client, citizen):
    client.force_login(citizen)
    old = LegalText.objects.get(number_symbol="04/2015/NĐ-CP")
    data = client.get(f"/api/v1/library/texts/{old.pk}").json()
    assert data["status"] == "replaced"
    assert data["current_version"]["number_symbol"] == "59/2023/NĐ-CP"
    assert [t["number_symbol"] for t in data["replacement_chain"]] == ["59/2023/NĐ-CP"]


def test_list_filters(client, citizen):
    client.force_login(citizen)
    items = client.get("/api/v1/library/texts/", {"text_type": "law", "limit": 100}).json()
    assert {t["number_symbol"] for t in items["items"]} >= {"10/2022/QH15", "45/2019/QH14"}
    assert all(t["text_type"] == "law" for t in items["items"])


def test_create_by_a_steering_officer(client, province_officer):
    client.force_login(province_officer)
    response = client.post("/api/v1/library/texts/", BODY, content_type="application/json")
    assert response.status_code == 201, response.content
    assert LegalText.objects.filter(number_symbol="16/2025/NĐ-CP").exists()


def test_create_refused_to_others_and_anonymous(client, commune_officer):
    assert (
        client.post("/api/v1/library/texts/", BODY, content_type="application/json").status_code
        == 401
    )
    client.force_login(commune_officer)
    response = client.post("/api/v1/library/texts/", BODY, content_type="application/json")
    assert response.status_code == 403
    assert not LegalText.objects.filter(number_symbol="16/2025/NĐ-CP").exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"number_symbol": "59/2023/NĐ-CP"},
        {"effective_on": "2025-03-01", "expires_on": "2025-01-01"},
        {"text_type": "poem"},
        {"issued_on": "not a date"},
        {"title": ""},
    ],
)
def test_create_bad_input_answers_4xx(client, admin, changes):
    client.force_login(admin)
    count = LegalText.objects.count()
    response = client.post(
        "/api/v1/library/texts/", BODY | changes, content_type="application/json"
    )
    assert response.status_code in (400, 422)
    assert LegalText.objects.count() == count


def test_replace_and_cycle(client, admin):
    client.force_login(admin)
    a = client.post("/api/v1/library/texts/", BODY, content_type="application/json").json()
    b = client.post(
        "/api/v1/library/texts/",
        BODY | {"number_symbol": "17/2025/NĐ-CP"},
        content_type="application/json",
    ).json()
    response = client.post(
        f"/api/v1/library/texts/{a['id']}/replace",
        {"replacement_id": b["id"]},
        content_type="application/json",
    )
    assert response.status_code == 200 and response.json()["status"] == "replaced"
    cycle = client.post(
        f"/api/v1/library/texts/{b['id']}/replace",
        {"replacement_id": a["id"]},
        content_type="application/json",
    )
    assert cycle.status_code == 400
