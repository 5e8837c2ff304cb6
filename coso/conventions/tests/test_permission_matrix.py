"""Every persona × every page of conventions: who gets 200, a redirect, 403 or 404; refusals
change nothing. The public pages answer everyone."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.conventions.models import Convention, ConventionReview, ConventionVersion
from coso.core.dates import today

from .conftest import TEXT


def _request(name: str, world, tree):
    day = today().strftime("%d/%m/%Y")
    return {
        "list": ("get", reverse("conventions:list"), None),
        "create": (
            "post",
            reverse("conventions:create"),
            {
                "unit": tree.village.pk,
                "kind": "quy_uoc",
                "title": "Quy ước mới",
                "text": TEXT,
                "review_day": "18",
                "review_month": "11",
            },
        ),
        "view": ("get", reverse("conventions:detail", args=[world.in_force.pk]), None),
        "view_version": ("get", reverse("conventions:version", args=[world.second.pk]), None),
        "edit_draft": (
            "post",
            reverse("conventions:version_edit", args=[world.draft_version.pk]),
            {"text": TEXT + "Điều 9. Hiệu lực", "changes": ""},
        ),
        "review": (
            "post",
            reverse("conventions:review", args=[world.in_force.pk]),
            {"reviewed_on": day, "conclusion": "keep"},
        ),
        "recognise": (
            "post",
            reverse("conventions:version_recognise", args=[world.second.pk]),
            {"decided_on": day, "decision_number": "20/QĐ-UBND"},
        ),
        "public_detail": (
            "get",
            reverse("conventions_public:detail", args=[world.in_force.pk]),
            None,
        ),
        "public_version": (
            "get",
            reverse("conventions_public:version", args=[world.first.pk]),
            None,
        ),
    }[name]


MANAGER = {
    "list": 200,
    "create": 302,
    "view": 200,
    "view_version": 200,
    "edit_draft": 302,
    "review": 302,
    "recognise": 302,
    "public_detail": 200,
    "public_version": 200,
}
PUBLIC = {"public_detail": 200, "public_version": 200}
OUTSIDER = {name: 404 for name in MANAGER} | {"list": 200, "create": 403} | PUBLIC
EXPECTED = {
    "admin": MANAGER,
    "province_officer": MANAGER,
    "commune_officer": MANAGER,
    # The ward's officer may create conventions of the ward's communities, not of Thôn Đông:
    # the form refuses the choice (200, nothing created).
    "other_commune_officer": OUTSIDER | {"create": 200},
    # Staff manage no unit: the create page is refused outright.
    "employee": OUTSIDER,
    "committee_member": {name: 403 for name in MANAGER}
    | {"list": 200, "view": 200, "view_version": 200}
    | PUBLIC,
    "citizen": OUTSIDER,
    "anonymous": {name: 302 for name in MANAGER} | PUBLIC,
}
WRITES = {"create", "edit_draft", "review", "recognise"}


def _snapshot() -> tuple:
    return (
        sorted(Convention.objects.values_list("pk", "title")),
        sorted(ConventionVersion.objects.values_list("pk", "status", "text")),
        ConventionReview.objects.count(),
    )


@pytest.mark.parametrize("action", list(MANAGER))
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(client, personas, tree, world, persona, action):
    client = client_as(client, personas, persona)
    method, url, data = _request(action, world, tree)
    before = _snapshot()

    response = getattr(client, method)(url, data) if data is not None else client.get(url)

    expected = EXPECTED[persona][action]
    assert response.status_code == expected, (persona, action)
    if persona == "anonymous" and action not in PUBLIC:
        assert response["Location"].startswith(reverse("login"))
    changed = _snapshot() != before
    if action in WRITES:
        assert changed is (expected == 302 and persona != "anonymous")
    else:
        assert not changed
