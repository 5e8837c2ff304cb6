"""Citations matched to library texts by number, and the suggestions of the number box. Linking
plans' bases and the flag on plans live in the plans app (tests/test_legal_bases.py)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coso.library.citations import candidate_keys, link_citation
from coso.library.models import LegalText

from .conftest import add_text

pytestmark = pytest.mark.django_db

OLD = "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ"
CURRENT = "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ"


@pytest.mark.parametrize(
    ("citation", "number"),
    [
        (OLD, "04/2015/NĐ-CP"),
        (CURRENT, "59/2023/NĐ-CP"),
        ("Luật số 10/2022/QH15 ngày 10/11/2022", "10/2022/QH15"),
        ("Chỉ thị số 30-CT/TW, ngày 18/02/1998 của Bộ Chính trị", "30-CT/TW"),
        ("Quy định số 124- QĐ/TW ngày 02/02/2018 của Ban Bí thư", "124-QĐ/TW"),
        ("theo Quy dinh so 11-QDi/TW ngay 18/02/2019", "11-QĐi/TW"),
    ],
)
def test_link_citation_finds_the_text_by_number(db, citation, number):
    assert link_citation(citation) == LegalText.objects.get(number_symbol=number)


@pytest.mark.parametrize(
    "citation",
    ["Luật Thực hiện dân chủ ở cơ sở năm 2022", "Kế hoạch số 18/KH-UBND ngày 17/01/2025", ""],
)
def test_link_citation_answers_none_when_the_number_is_unknown(db, citation):
    assert link_citation(citation) is None


def test_dates_are_not_numbers():
    assert candidate_keys("ngày 14/8/2023 số 59/2023/NĐ-CP") == ["59/2023/nd-cp"]


def test_a_number_shared_by_two_issuers_is_settled_by_the_issuer(admin):
    ours = add_text(admin, "59/2023/NĐ-CP", issuer="UBND tỉnh Gia Lai", text_type="decision")
    assert link_citation("Quyết định 59/2023/NĐ-CP của UBND tỉnh Gia Lai") == ours
    assert link_citation("59/2023/NĐ-CP") is None


def test_suggestions_for_the_number_box(client, commune_officer):
    client.force_login(commune_officer)
    page = client.get(reverse("library:suggest"), {"number": "59/20"}).content.decode()
    assert 'value="59/2023/NĐ-CP"' in page
    assert client.get(reverse("library:suggest")).content.strip() == b""
