"""The JSON API: the same access checks and actions as the pages."""

from __future__ import annotations

import pytest
from django.test import Client

API = "/api/v1"


def _client(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def test_the_list_and_the_detail(world, commune_officer, django_assert_max_num_queries):
    client = _client(commune_officer)

    with django_assert_max_num_queries(6):
        listing = client.get(f"{API}/disclosures/", {"q": "du toan"}).json()
    detail = client.get(f"{API}/disclosures/{world.budget.pk}").json()

    assert [item["id"] for item in listing["items"]] == [world.budget.pk]
    assert detail["category_code"] == "ngan_sach" and detail["status"] == "published"
    assert [f["label"] for f in detail["files"]] == ["Biểu dự toán"]
    assert detail["channels"][0]["method"] == "posting" and detail["channels"][0]["has_photo"]
    assert detail["public_url"] == f"/cong-khai/thong-tin/{world.budget.pk}/"
    history = client.get(f"{API}/disclosures/{world.plan_v2.pk}").json()["versions"]
    assert [(v["version"], v["status"]) for v in history] == [(1, "superseded"), (2, "published")]


def test_create_publish_and_warnings(tree, commune_officer):
    client = _client(commune_officer)

    created = client.post(
        f"{API}/disclosures/",
        {
            "unit_id": tree.commune.pk,
            "category_code": "phi_le_phi",
            "title": "Mức thu phí chợ năm 2025",
            "starts_on": "2025-03-10",
            "ends_on": "2025-03-20",
        },
        content_type="application/json",
    )
    assert created.status_code == 201
    item = created.json()
    assert item["status"] == "draft"
    # 11 days of posting (art. 21) and no loudspeaker days yet (art. 13)
    assert len(item["warnings"]) == 2

    published = client.post(f"{API}/disclosures/{item['id']}/publish")
    assert published.status_code == 200 and published.json()["status"] == "published"

    broadcast = client.post(
        f"{API}/disclosures/{item['id']}/channels",
        {"method": "loudspeaker", "starts_on": "2025-03-10", "ends_on": "2025-03-12"},
        content_type="application/json",
    )
    assert broadcast.status_code == 201
    assert broadcast.json()["broadcast_days"] == 3
    assert len(broadcast.json()["warnings"]) == 1


def test_a_published_item_is_not_patched(world, commune_officer):
    client = _client(commune_officer)

    response = client.patch(
        f"{API}/disclosures/{world.budget.pk}", {"title": "Sửa"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert "đính chính" in str(response.json()["detail"])


def test_a_correction_and_an_early_end(world, commune_officer):
    client = _client(commune_officer)

    corrected = client.post(
        f"{API}/disclosures/{world.budget.pk}/correct",
        {"correction_note": "Sửa tổng thu", "body": "Tổng thu 12.800 triệu đồng."},
        content_type="application/json",
    )
    assert corrected.status_code == 201
    new = corrected.json()
    assert new["version"] == 2 and new["supersedes_id"] == world.budget.pk
    assert new["posting_days"] == 30  # as long as the earlier posting

    ended = client.post(
        f"{API}/disclosures/{new['id']}/end-early",
        {"ended_on": "2025-03-17", "reason": "Thay bằng văn bản mới"},
        content_type="application/json",
    )
    assert ended.status_code == 200 and ended.json()["status"] == "ended_early"


def test_the_compliance_endpoint(tree, world, province_officer):
    data = (
        _client(province_officer)
        .get(f"{API}/units/{tree.province.pk}/disclosure-compliance", {"year": 2025})
        .json()
    )

    assert data["subtree"]["missing"] == 17
    assert {c["unit_name"]: c["missing"] for c in data["children"]} == {
        "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh": 10,
        "Xã Thanh Miện": 3,
        "Phường Quy Nhơn": 4,
    }


def test_the_categories_of_a_kind(db):
    # a signed-in user reads the rule set
    from conftest import make_user

    data = (
        _client(make_user("ai", "Ai Đó"))
        .get(f"{API}/disclosure-categories/", {"unit_kind": "commune"})
        .json()
    )

    assert len(data) == 14
    assert data[6]["broadcast_days"] == 3


@pytest.mark.parametrize(
    ("persona", "read", "write"),
    [
        ("admin", 200, 201),
        ("province_officer", 200, 201),
        ("commune_officer", 200, 201),
        ("committee_member", 200, 403),
        ("other_commune_officer", 404, 404),
        ("employee", 404, 404),
        ("citizen", 404, 404),
        ("anonymous", 401, 401),
    ],
)
def test_permissions(request, tree, world, persona, read, write):
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    client = _client(user)

    detail = client.get(f"{API}/disclosures/{world.draft.pk}")
    created = client.post(
        f"{API}/disclosures/",
        {
            "unit_id": tree.commune.pk,
            "category_code": "other",
            "title": "Thông báo",
            "starts_on": "2025-03-17",
        },
        content_type="application/json",
    )

    assert detail.status_code == read
    assert created.status_code == write


def test_bad_input_answers_400_or_422(tree, commune_officer):
    client = _client(commune_officer)

    unknown = client.post(
        f"{API}/disclosures/",
        {"unit_id": tree.commune.pk, "category_code": "x", "title": "A", "starts_on": "2025-03-17"},
        content_type="application/json",
    )
    backwards = client.post(
        f"{API}/disclosures/",
        {
            "unit_id": tree.commune.pk,
            "category_code": "other",
            "title": "A",
            "starts_on": "2025-03-17",
            "ends_on": "2025-03-01",
        },
        content_type="application/json",
    )
    not_a_date = client.post(
        f"{API}/disclosures/",
        {
            "unit_id": tree.commune.pk,
            "category_code": "other",
            "title": "A",
            "starts_on": "hôm nay",
        },
        content_type="application/json",
    )

    assert unknown.status_code == 400 and "category" in unknown.json()["detail"]
    assert backwards.status_code == 400 and "ends_on" in backwards.json()["detail"]
    assert not_a_date.status_code == 422


def test_the_openapi_schema_describes_the_endpoints(admin):
    response = _client(admin).get(f"{API}/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert "/api/v1/disclosures/{disclosure_id}/correct" in paths
    assert "/api/v1/units/{unit_id}/disclosure-compliance" in paths
