"""Every persona × every page of disclosure: 200, a redirect, 403 or 404; refusals change nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS
from coso.disclosure.models import Disclosure, DisclosureChannel, DisclosureFile

from .conftest import pdf_file, png_file


def _request(name: str, world, tree):
    """(method, url, data) of each page, aimed at the commune's records unless named otherwise."""
    budget, draft = world.budget, world.draft
    return {
        "list": ("get", reverse("disclosure:list"), None),
        "create": (
            "post",
            reverse("disclosure:create") + f"?unit={tree.commune.pk}",
            {"category_code": "ngan_sach", "title": "Mới", "starts_on": "17/03/2025"},
        ),
        "view_published": ("get", reverse("disclosure:detail", args=[budget.pk]), None),
        "view_draft": ("get", reverse("disclosure:detail", args=[draft.pk]), None),
        "view_sibling": ("get", reverse("disclosure:detail", args=[world.ward.pk]), None),
        "edit_draft": (
            "post",
            reverse("disclosure:edit", args=[draft.pk]),
            {"category_code": "dat_dai", "title": "Sửa", "starts_on": "20/03/2025"},
        ),
        "publish": ("post", reverse("disclosure:publish", args=[draft.pk]), {}),
        "delete_draft": ("post", reverse("disclosure:delete", args=[draft.pk]), {}),
        "add_file": (
            "post",
            reverse("disclosure:file_add", args=[draft.pk]),
            {"file": pdf_file("them.pdf")},
        ),
        "download_file": (
            "get",
            reverse("disclosure:file_download", args=[world.budget_file.pk]),
            None,
        ),
        "add_channel": (
            "post",
            reverse("disclosure:channel_add", args=[budget.pk]),
            {"method": "posting", "detail": "Nhà văn hóa thôn", "photo": png_file()},
        ),
        "photo": ("get", reverse("disclosure:channel_photo", args=[world.posting.pk]), None),
        "correct": (
            "post",
            reverse("disclosure:correct", args=[budget.pk]),
            {
                "correction_note": "Sửa số liệu",
                "title": budget.title,
                "starts_on": "17/03/2025",
                "keep_files": "on",
            },
        ),
        "end_early": (
            "post",
            reverse("disclosure:end_early", args=[budget.pk]),
            {"ended_on": "15/03/2025", "reason": "Nhầm"},
        ),
        "notice": ("get", reverse("disclosure:notice", args=[budget.pk]), None),
        "compliance": ("get", reverse("disclosure:compliance", args=[tree.commune.pk]), None),
    }[name]


MANAGER = {
    "list": 200,
    "create": 302,
    "view_published": 200,
    "view_draft": 200,
    "view_sibling": 200,
    "edit_draft": 302,
    "publish": 302,
    "delete_draft": 302,
    "add_file": 302,
    "download_file": 200,
    "add_channel": 302,
    "photo": 200,
    "correct": 302,
    "end_early": 302,
    "notice": 200,
    "compliance": 200,
}
READS = {
    "list",
    "view_published",
    "view_draft",
    "view_sibling",
    "download_file",
    "photo",
    "notice",
    "compliance",
}
OUTSIDER = {name: 404 for name in MANAGER} | {"list": 200}
EXPECTED = {
    "admin": MANAGER,
    "province_officer": MANAGER,
    "commune_officer": MANAGER | {"view_sibling": 404},
    # The ward's officer manages the ward, not the commune: its records do not exist for them.
    "other_commune_officer": OUTSIDER | {"view_sibling": 200},
    # Staff of the provincial office: the commune is outside their subtree.
    "employee": OUTSIDER,
    # A committee member of the province reads everything below it and changes nothing.
    "committee_member": {name: (200 if name in READS else 403) for name in MANAGER},
    "citizen": OUTSIDER,
    "anonymous": {name: 302 for name in MANAGER},
}
WRITES = set(MANAGER) - READS


def _snapshot() -> tuple:
    return (
        sorted(Disclosure.objects.values_list("pk", "status", "title", "version", "ended_on")),
        DisclosureFile.objects.count(),
        DisclosureChannel.objects.count(),
    )


@pytest.mark.parametrize("action", list(MANAGER))
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(request, client, tree, world, persona, action):
    # given a persona (or nobody) signed in
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    method, url, data = _request(action, world, tree)
    before = _snapshot()

    # when they try the action
    response = getattr(client, method)(url, data) if data is not None else client.get(url)

    # then they get what their role allows
    expected = EXPECTED[persona][action]
    assert response.status_code == expected, (persona, action, response.status_code)
    if expected == 302 and persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    if expected != 302 or persona == "anonymous":
        if action in WRITES:
            assert _snapshot() == before
    elif action in WRITES:
        assert _snapshot() != before


def test_a_citizens_list_is_empty(client, world, citizen):
    client.force_login(citizen)
    response = client.get(reverse("disclosure:list"))
    assert response.context["page_obj"].object_list == []


def test_the_ward_officer_lists_only_the_ward(client, world, other_commune_officer):
    client.force_login(other_commune_officer)
    response = client.get(reverse("disclosure:list"))
    assert [d.pk for d in response.context["page_obj"]] == [world.ward.pk]
