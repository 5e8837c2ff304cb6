"""The internal list: search without diacritics, filters, pagination, a fixed number of queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from coso.disclosure.models import DisclosureCategory

from .conftest import publish


@pytest.fixture
def officer_client(client, commune_officer):
    client.force_login(commune_officer)
    return client


def _titles(response) -> list[str]:
    return [d.title for d in response.context["page_obj"]]


def test_search_ignores_diacritics(officer_client, world):
    # Vietnamese users often type without diacritics: "du toan" finds "dự toán"
    response = officer_client.get(reverse("disclosure:list"), {"q": "du toan ngan sach"})

    assert _titles(response) == ["Công khai dự toán ngân sách xã năm 2025"]
    page = response.content.decode()
    assert "Công khai dự toán ngân sách xã năm 2025" in page


def test_replaced_versions_are_listed_only_when_asked(officer_client, world):
    default = officer_client.get(reverse("disclosure:list"), {"q": "ke hoach"})
    replaced = officer_client.get(
        reverse("disclosure:list"), {"q": "ke hoach", "status": "superseded"}
    )

    assert [d.version for d in default.context["page_obj"]] == [2]
    assert [d.version for d in replaced.context["page_obj"]] == [1]


def test_filters_by_category_status_year_and_unit(officer_client, tree, world, commune_officer):
    publish(commune_officer, tree.commune, title="Ngân sách 2024", starts_on=dt.date(2024, 3, 1))
    budget = DisclosureCategory.objects.get(unit_kind="commune", code="ngan_sach")
    url = reverse("disclosure:list")

    assert _titles(officer_client.get(url, {"category": budget.pk, "year": 2024})) == [
        "Ngân sách 2024"
    ]
    assert _titles(officer_client.get(url, {"status": "draft"})) == [world.draft.title]
    assert _titles(officer_client.get(url, {"unit": tree.village.pk})) == [world.village.title]


def test_a_long_list_is_paginated_with_its_filters(officer_client, tree, commune_officer, world):
    for i in range(30):
        publish(commune_officer, tree.commune, "other", title=f"Thông báo số {i}")

    first = officer_client.get(reverse("disclosure:list"), {"q": "thong bao"})
    second = officer_client.get(reverse("disclosure:list"), {"q": "thong bao", "page": 2})

    assert len(first.context["page_obj"]) == 25 and len(second.context["page_obj"]) == 5
    assert "q=thong+bao&amp;page=2" in first.content.decode()


def test_the_list_costs_a_fixed_number_of_queries(
    officer_client, tree, commune_officer, world, django_assert_max_num_queries
):
    for i in range(30):
        publish(commune_officer, tree.village, "quy_dong_gop", title=f"Quỹ {i}")

    with django_assert_max_num_queries(9):
        response = officer_client.get(reverse("disclosure:list"), {"unit": tree.commune.pk})

    assert response.status_code == 200
    assert len(response.context["page_obj"]) == 25
