"""Browsing the tree through the API: level by level, by name without diacritics, closed units."""

import datetime as dt

from coso.units import actions


def _names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [unit["name"] for unit in response.json()["items"]]


def test_one_level_below_a_unit(client, tree, province_officer):
    client.force_login(province_officer)

    response = client.get(f"/api/v1/units/?parent={tree.province.pk}")

    assert _names(response) == [
        "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh",
        "Xã Thanh Miện",
        "Phường Quy Nhơn",
    ]
    assert {u["parent_id"] for u in response.json()["items"]} == {tree.province.pk}


def test_a_commune_officer_lists_only_their_subtree(client, tree, commune_officer):
    client.force_login(commune_officer)

    assert _names(client.get("/api/v1/units/")) == ["Xã Thanh Miện", "Thôn Đông"]
    # a level they cannot read is not found, as on the pages
    assert client.get(f"/api/v1/units/?parent={tree.province.pk}").status_code == 404


def test_search_ignores_diacritics(client, tree, admin):
    client.force_login(admin)

    assert _names(client.get("/api/v1/units/?q=thanh mien")) == ["Xã Thanh Miện"]
    assert _names(client.get("/api/v1/units/?q=ĐẢNG ỦY")) == [
        "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh"
    ]


def test_closed_units_are_hidden_unless_asked_for(client, tree, admin):
    actions.close_unit(tree.village, by=admin, closed_on=dt.date(2025, 7, 1), reason="Sáp nhập")
    client.force_login(admin)
    url = f"/api/v1/units/?parent={tree.commune.pk}"

    assert _names(client.get(url)) == []
    closed = client.get(url + "&include_closed=true").json()["items"]
    assert [(u["name"], u["is_closed"], u["closed_on"]) for u in closed] == [
        ("Thôn Đông", True, "2025-07-01")
    ]


def test_lists_are_paginated_with_limit_and_offset(client, tree, admin):
    client.force_login(admin)

    first = client.get("/api/v1/units/?limit=4").json()
    rest = client.get("/api/v1/units/?limit=4&offset=4").json()

    assert first["count"] == rest["count"] == 9
    assert len(first["items"]) == 4
    assert {u["id"] for u in first["items"]}.isdisjoint({u["id"] for u in rest["items"]})


def test_moving_a_unit_through_the_api(client, tree, admin):
    client.force_login(admin)

    response = client.post(
        f"/api/v1/units/{tree.village.pk}/move",
        {"new_parent_id": tree.village.pk},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "new_parent" in response.json()["detail"]
