"""Searching units: with or without diacritics, only what the user may see, with the path."""

from __future__ import annotations

from django.urls import reverse


def test_search_without_diacritics_finds_the_commune(login, tree, province_officer):
    # when
    response = login(province_officer).get(reverse("units:tree"), {"q": "thanh mien"})

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert "Xã Thanh Miện" in page
    assert "Phường Quy Nhơn" not in page


def test_search_with_d_finds_the_party_bloc_and_shows_its_path(login, tree, province_officer):
    # when
    response = login(province_officer).get(reverse("units:tree"), {"q": "dang uy"})

    # then the bloc is found, with its ancestors in small text
    page = response.content.decode()
    assert "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh" in page
    assert "Ban Chỉ đạo Trung ương › Tỉnh Gia Lai" in page


def test_search_with_diacritics_finds_the_same_unit(login, tree, province_officer):
    response = login(province_officer).get(reverse("units:tree"), {"q": "Thanh Miện"})

    assert "Xã Thanh Miện" in response.content.decode()


def test_search_never_shows_units_outside_the_users_subtree(login, tree, other_commune_officer):
    response = login(other_commune_officer).get(reverse("units:tree"), {"q": "xa"})

    page = response.content.decode()
    assert "Xã Thanh Miện" not in page
    assert "Không tìm thấy đơn vị phù hợp." in page


def test_search_for_nothing_lists_the_top_units_of_the_user(login, tree, commune_officer):
    response = login(commune_officer).get(reverse("units:tree"), {"q": "   "})

    page = response.content.decode()
    assert "Xã Thanh Miện" in page
    assert "Tỉnh Gia Lai" not in page
