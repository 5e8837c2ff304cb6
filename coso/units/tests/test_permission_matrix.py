"""Every persona × every page and action of the units app, as the policy in access.py says.

200/302 = allowed (a successful POST redirects), 403 = visible but not allowed,
404 = not theirs (another commune's records look like records that do not exist),
"login" = anonymous visitors are sent to the sign-in page.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from coso.units.models import Role, UnitKind

PERSONAS = [
    "admin",
    "province_officer",
    "commune_officer",
    "other_commune_officer",
    "employee",
    "committee_member",
    "citizen",
    "anonymous",
]


def _view_unit(ns):
    return "get", reverse("units:detail", args=[ns.tree.commune.pk]), None


def _view_people(ns):
    return "get", reverse("units:people", args=[ns.tree.commune.pk]), None


def _view_committees(ns):
    return "get", reverse("units:committees", args=[ns.tree.province.pk]), None


def _view_committee(ns):
    return "get", reverse("units:committee", args=[ns.committee.pk]), None


def _view_assignment(ns):
    return "get", reverse("units:assignment", args=[ns.follow.pk]), None


def _create_unit(ns):
    data = {"name": "Thôn Tây", "kind": UnitKind.RESIDENTIAL}
    return "post", reverse("units:create", args=[ns.tree.commune.pk]), data


def _rename_unit(ns):
    data = {"name": "Xã Thanh Miện Mới", "short_name": ""}
    return "post", reverse("units:rename", args=[ns.tree.commune.pk]), data


def _move_unit(ns):
    data = {"new_parent": ns.tree.other_commune.pk}
    return "post", reverse("units:move", args=[ns.tree.village.pk]), data


def _close_unit(ns):
    data = {"closed_on": "01/07/2025", "reason": "Sáp nhập", "merged_into": ""}
    return "post", reverse("units:close", args=[ns.tree.village.pk]), data


def _assign_role(ns):
    data = {"username": "congdan", "role": Role.STAFF}
    return "post", reverse("units:role_assign", args=[ns.tree.commune.pk]), data


def _create_user(ns):
    data = {
        "username": "moi",
        "full_name": "Người Mới",
        "password": "Mat-khau-rat-dai-2025",
        "role": Role.STAFF,
    }
    return "post", reverse("units:user_create", args=[ns.tree.commune.pk]), data


def _revoke_role(ns):
    assignment = ns.commune_officer.roles.get()
    return "post", reverse("units:role_revoke", args=[assignment.pk]), {}


def _create_committee(ns):
    data = {"name": "Ban Chỉ đạo xã Thanh Miện", "established_on": "05/01/2024"}
    return "post", reverse("units:committee_create", args=[ns.tree.commune.pk]), data


def _add_member(ns):
    data = {"username": "congdan", "position": "member", "title": ""}
    return "post", reverse("units:member_add", args=[ns.committee.pk]), data


def _assign_follow(ns):
    data = {"unit": ns.tree.other_commune.pk, "assigned_on": "01/02/2024"}
    return "post", reverse("units:follow_assign", args=[ns.seat.pk]), data


def _end_follow(ns):
    return "post", reverse("units:follow_end", args=[ns.follow.pk]), {"ended_on": "01/03/2024"}


def _record_follow_up(ns):
    data = {"visited_on": "02/03/2024", "findings": "Đã niêm yết công khai", "recommendations": ""}
    return "post", reverse("units:assignment", args=[ns.follow.pk]), data


def _view_audit(ns):
    return "get", reverse("units:audit", args=[ns.tree.commune.pk]), None


L = "login"
# persona order:         admin province commune other employee member citizen anon
MATRIX = {
    _view_unit: (200, 200, 200, 404, 404, 200, 404, L),
    _view_people: (200, 200, 200, 404, 404, 200, 404, L),
    _view_committees: (200, 200, 404, 404, 404, 200, 404, L),
    _view_committee: (200, 200, 404, 404, 404, 200, 404, L),
    _view_assignment: (200, 200, 404, 404, 404, 200, 404, L),
    _create_unit: (302, 403, 403, 404, 404, 403, 404, L),
    _rename_unit: (302, 403, 403, 404, 404, 403, 404, L),
    _move_unit: (302, 403, 403, 404, 404, 403, 404, L),
    _close_unit: (302, 403, 403, 404, 404, 403, 404, L),
    _assign_role: (302, 403, 403, 404, 404, 403, 404, L),
    _create_user: (302, 403, 403, 404, 404, 403, 404, L),
    _revoke_role: (302, 403, 403, 404, 404, 403, 404, L),
    _create_committee: (302, 302, 403, 404, 404, 403, 404, L),
    _add_member: (302, 302, 404, 404, 404, 403, 404, L),
    _assign_follow: (302, 302, 404, 404, 404, 403, 404, L),
    _end_follow: (302, 302, 404, 404, 404, 403, 404, L),
    _record_follow_up: (302, 302, 404, 404, 404, 302, 404, L),
    _view_audit: (200, 200, 200, 404, 404, 403, 404, L),
}
CASES = [
    pytest.param(action, persona, expected[i], id=f"{action.__name__[1:]}-{persona}")
    for action, expected in MATRIX.items()
    for i, persona in enumerate(PERSONAS)
]


@pytest.fixture
def ns(tree, personas, committee, seat, follow):
    personas.tree = tree
    personas.committee = committee
    personas.seat = seat
    personas.follow = follow
    return personas


@pytest.mark.parametrize(("action", "persona", "expected"), CASES)
def test_policy(client, ns, snapshot, action, persona, expected):
    # given
    if persona != "anonymous":
        client.force_login(getattr(ns, persona))
    method, url, data = action(ns)
    before = snapshot()

    # when
    response = getattr(client, method)(url, data) if data is not None else client.get(url)

    # then
    after = snapshot()
    if expected == L:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
        assert after == before
    else:
        assert response.status_code == expected
        if expected in (403, 404) or method == "get":
            assert after == before
        else:
            assert after != before


@pytest.mark.parametrize(
    ("persona", "sees_commune"),
    [
        ("admin", True),
        ("province_officer", True),
        ("commune_officer", True),
        ("other_commune_officer", False),
        ("employee", False),
        ("committee_member", True),
        ("citizen", False),
    ],
)
def test_search_results_show_only_what_the_persona_may_see(client, ns, persona, sees_commune):
    # given
    client.force_login(getattr(ns, persona))

    # when
    response = client.get(reverse("units:tree"), {"q": "thanh mien"})

    # then
    assert response.status_code == 200
    assert ("Xã Thanh Miện" in response.content.decode()) is sees_commune


def test_anonymous_search_goes_to_login(client, ns):
    response = client.get(reverse("units:tree"), {"q": "thanh mien"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize(
    ("persona", "sees_buttons"),
    [("admin", True), ("province_officer", False), ("commune_officer", False)],
)
def test_only_administrators_see_the_unit_buttons(client, ns, persona, sees_buttons):
    client.force_login(getattr(ns, persona))

    page = client.get(reverse("units:detail", args=[ns.tree.commune.pk])).content.decode()

    assert (reverse("units:rename", args=[ns.tree.commune.pk]) in page) is sees_buttons
    assert (reverse("units:move", args=[ns.tree.commune.pk]) in page) is sees_buttons
    assert (reverse("units:close", args=[ns.tree.commune.pk]) in page) is sees_buttons
    assert (reverse("units:create", args=[ns.tree.commune.pk]) in page) is sees_buttons


def test_reopen_is_for_administrators_only(client, ns, snapshot):
    # given a closed village
    from coso.units import actions

    actions.close_unit(ns.tree.village, by=ns.admin, closed_on=dt.date(2025, 7, 1))
    url = reverse("units:reopen", args=[ns.tree.village.pk])
    before = snapshot()

    # when the commune officer tries, then the administrator
    client.force_login(ns.commune_officer)
    refused = client.post(url)
    unchanged = snapshot()
    client.force_login(ns.admin)
    done = client.post(url)

    # then
    assert refused.status_code == 403
    assert unchanged == before
    assert done.status_code == 302
    ns.tree.village.refresh_from_db()
    assert ns.tree.village.closed_on is None
