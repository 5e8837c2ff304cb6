"""Every persona × every page of the library: who gets 200, a redirect or 403; refusals change
nothing. The library is read by everyone signed in; administrators and steering officers change
it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.library.models import LegalText

pytestmark = pytest.mark.django_db
D = "%d/%m/%Y"


def _texts():
    return (
        LegalText.objects.get(number_symbol="59/2023/NĐ-CP"),
        LegalText.objects.get(number_symbol="61/2023/NĐ-CP"),
    )


def _request(name: str):
    text, other = _texts()
    form = {
        "number_symbol": "15/2025/NĐ-CP",
        "text_type": "decree",
        "issuer": "Chính phủ",
        "title": "Nghị định mới",
        "issued_on": "01/02/2025",
        "effective_on": "01/03/2025",
    }
    return {
        "list": ("get", reverse("library:list"), None),
        "search": ("get", reverse("library:list") + "?q=59%2F2023", None),
        "view": ("get", reverse("library:detail", args=[text.pk]), None),
        "suggest": ("get", reverse("library:suggest") + "?q=59", None),
        "create_page": ("get", reverse("library:create"), None),
        "create": ("post", reverse("library:create"), form),
        "edit_page": ("get", reverse("library:edit", args=[text.pk]), None),
        "edit": (
            "post",
            reverse("library:edit", args=[text.pk]),
            {
                "number_symbol": text.number_symbol,
                "text_type": "decree",
                "issuer": text.issuer,
                "title": "Trích yếu đã sửa",
                "issued_on": "14/08/2023",
                "effective_on": "14/08/2023",
            },
        ),
        "replace": ("post", reverse("library:replace", args=[text.pk]), {"replacement": other.pk}),
        "amend": ("post", reverse("library:amend", args=[text.pk]), {"amending": other.pk}),
        "expire": ("post", reverse("library:expire", args=[text.pk]), {"on": "01/01/2025"}),
    }[name]


PAGES = (
    "list",
    "search",
    "view",
    "suggest",
    "create_page",
    "create",
    "edit_page",
    "edit",
    "replace",
    "amend",
    "expire",
)
READS = {"list": 200, "search": 200, "view": 200, "suggest": 200}
WRITES = ("create_page", "create", "edit_page", "edit", "replace", "amend", "expire")
MANAGER = (
    READS
    | {"create_page": 200, "edit_page": 200}
    | {name: 302 for name in ("create", "edit", "replace", "amend", "expire")}
)
READER = READS | {name: 403 for name in WRITES}
EXPECTED = {
    "admin": MANAGER,
    "province_officer": MANAGER,
    "commune_officer": READER,
    "other_commune_officer": READER,
    "employee": READER,
    "committee_member": READER,
    "citizen": READER,
    "anonymous": {name: 302 for name in PAGES},
}


def _snapshot() -> tuple:
    return (
        sorted(
            LegalText.objects.values_list("pk", "status", "title", "replaced_by_id", "expires_on")
        ),
        sorted(LegalText.amended_by.through.objects.values_list("pk", flat=True)),
    )


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(client, personas, persona, page):
    # given the persona signed in (or not) and the core texts
    method, url, data = _request(page)
    before = _snapshot()
    # when they open or post the page
    response = getattr(client_as(client, personas, persona), method)(url, data or {})
    # then the answer is the expected one, and a refusal changes nothing
    expected = EXPECTED[persona][page]
    assert response.status_code == expected, (persona, page, response.status_code)
    if expected == 302 and persona == "anonymous":
        assert "/dang-nhap/" in response["Location"] or "login" in response["Location"]
    if expected in (403, 404) or persona == "anonymous":
        assert _snapshot() == before
    if expected == 302 and persona != "anonymous":
        assert _snapshot() != before


def test_a_missing_text_answers_404(client, citizen):
    client.force_login(citizen)
    assert client.get(reverse("library:detail", args=[999999])).status_code == 404
