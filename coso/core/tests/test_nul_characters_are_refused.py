"""A NUL character (which PostgreSQL cannot store) is bad input: 400, never a server error."""

import json

from coso.units.models import Unit


def test_an_api_body_with_a_nul_character_is_refused_and_nothing_is_saved(client, admin, tree):
    client.force_login(admin)
    before = Unit.objects.count()

    response = client.post(
        "/api/v1/units/",
        data=json.dumps({"parent_id": tree.province.pk, "name": "Xã\u0000Mới", "kind": "commune"}),
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "NUL" in response.json()["detail"]
    assert Unit.objects.count() == before


def test_a_search_with_a_nul_character_is_refused(client, admin, tree):
    client.force_login(admin)

    assert client.get("/api/v1/units/", {"q": "thanh\x00mien"}).status_code == 400
    assert client.get("/don-vi/", {"q": "thanh\x00mien"}).status_code == 400


def test_a_form_post_with_a_nul_character_is_refused(client, admin, tree):
    client.force_login(admin)
    url = f"/don-vi/{tree.province.pk}/doi-ten/"

    encoded = client.post(
        url, "name=T%E1%BB%89nh%00", content_type="application/x-www-form-urlencoded"
    )
    multipart = client.post(url, {"name": "Tỉnh\x00"})

    assert encoded.status_code == 400
    assert multipart.status_code == 200  # the form itself refuses it, under the field
    assert (
        "Null characters are not allowed" in multipart.content.decode()
        or "ký tự" in multipart.content.decode()
    )
    assert Unit.objects.get(pk=tree.province.pk).name == "Tỉnh Gia Lai"
