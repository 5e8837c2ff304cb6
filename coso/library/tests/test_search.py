"""Searching the library: by number, by words without diacritics, with filters."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coso.library.models import LegalText

from .conftest import add_text

pytestmark = pytest.mark.django_db


def _numbers(response) -> list[str]:
    return [t.number_symbol for t in response.context["page_obj"]]


def test_a_number_finds_the_text(client, citizen):
    client.force_login(citizen)
    response = client.get(reverse("library:list"), {"q": "59/2023"})
    assert _numbers(response) == ["59/2023/NĐ-CP"]


def test_words_without_diacritics_find_the_text(client, citizen):
    client.force_login(citizen)
    response = client.get(reverse("library:list"), {"q": "cong tac van thu"})
    assert _numbers(response) == ["30/2020/NĐ-CP"]


def test_the_symbol_without_diacritics(db):
    assert [t.number_symbol for t in LegalText.objects.search("30-ct/tw")] == ["30-CT/TW"]
    assert [t.number_symbol for t in LegalText.objects.search("145/")] == ["145/2020/NĐ-CP"]
    assert "61/2023/NĐ-CP" in [t.number_symbol for t in LegalText.objects.search("huong uoc")]


def test_filters(client, citizen):
    client.force_login(citizen)
    laws = _numbers(client.get(reverse("library:list"), {"text_type": "law"}))
    assert "10/2022/QH15" in laws and "59/2023/NĐ-CP" not in laws
    replaced = _numbers(client.get(reverse("library:list"), {"status": "replaced"}))
    assert set(replaced) >= {"04/2015/NĐ-CP", "34/2007/PL-UBTVQH11"}
    assert "10/2022/QH15" not in replaced
    by_issuer = _numbers(client.get(reverse("library:list"), {"issuer": "bo chinh tri"}))
    assert "30-CT/TW" in by_issuer and "59/2023/NĐ-CP" not in by_issuer
    of_2023 = _numbers(client.get(reverse("library:list"), {"year": 2023}))
    assert set(of_2023) == {"59/2023/NĐ-CP", "61/2023/NĐ-CP"}


def test_the_list_makes_a_fixed_number_of_queries(client, admin, django_assert_num_queries):
    client.force_login(admin)
    client.get(reverse("library:list"))
    for i in range(30):
        add_text(admin, f"{i + 100}/2019/NĐ-CP")
    # session, user, count, page, grants, unread notifications
    with django_assert_num_queries(6):
        response = client.get(reverse("library:list"))
    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 25


def test_the_api_searches_too(client, citizen):
    client.force_login(citizen)
    response = client.get("/api/v1/library/texts/", {"q": "59/2023"})
    assert response.status_code == 200
    assert [t["number_symbol"] for t in response.json()["items"]] == ["59/2023/NĐ-CP"]
