"""Units through the API: every persona × read / create / change, as the pages allow."""

import pytest

from conftest import PERSONAS, client_as
from coso.core.models import AuditEntry
from coso.units.models import Unit

READ = {
    "admin": 200,
    "province_officer": 200,
    "commune_officer": 200,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 200,
    "citizen": 404,
    "anonymous": 401,
}
# Creating, renaming, moving and closing units is for system administrators only.
MANAGE = {
    "admin": 200,
    "province_officer": 403,
    "commune_officer": 403,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 403,
    "citizen": 404,
    "anonymous": 401,
}


def _state(tree) -> tuple:
    commune = Unit.objects.get(pk=tree.commune.pk)
    return (
        Unit.objects.count(),
        AuditEntry.objects.count(),
        commune.name,
        commune.path,
        commune.closed_on,
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_read_unit(client, personas, tree, persona):
    # given a persona
    api = client_as(client, personas, persona)

    # when they read the commune
    response = api.get(f"/api/v1/units/{tree.commune.pk}")

    # then they see it only when their roles reach it
    assert response.status_code == READ[persona]
    assert response["Content-Type"].startswith("application/json")
    if response.status_code == 200:
        body = response.json()
        assert body["name"] == "Xã Thanh Miện"
        assert body["parent_id"] == tree.province.pk
        assert body["kind"] == "commune"
    else:
        assert "detail" in response.json()


@pytest.mark.parametrize("persona", PERSONAS)
def test_create_unit(client, personas, tree, persona):
    api = client_as(client, personas, persona)
    before = _state(tree)

    response = api.post(
        "/api/v1/units/",
        {"parent_id": tree.commune.pk, "name": "Thôn Tây", "kind": "residential"},
        content_type="application/json",
    )

    expected = MANAGE[persona]
    assert response.status_code == (201 if expected == 200 else expected)
    if response.status_code == 201:
        created = Unit.objects.get(pk=response.json()["id"])
        assert created.name == "Thôn Tây"
        assert created.is_within(tree.commune)
        assert response.json()["parent_id"] == tree.commune.pk
    else:
        assert "detail" in response.json()
        assert _state(tree) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_rename_unit(client, personas, tree, persona):
    api = client_as(client, personas, persona)
    before = _state(tree)

    response = api.patch(
        f"/api/v1/units/{tree.commune.pk}",
        {"name": "Xã Thanh Miện Mới"},
        content_type="application/json",
    )

    assert response.status_code == MANAGE[persona]
    tree.commune.refresh_from_db()
    if response.status_code == 200:
        assert tree.commune.name == "Xã Thanh Miện Mới"
    else:
        assert _state(tree) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_move_unit(client, personas, tree, persona):
    api = client_as(client, personas, persona)
    before = _state(tree)

    response = api.post(
        f"/api/v1/units/{tree.village.pk}/move",
        {"new_parent_id": tree.other_commune.pk},
        content_type="application/json",
    )

    # the other commune officer cannot see the village (404) and the commune officer cannot
    # see the other commune (404): both are refusals that change nothing.
    tree.village.refresh_from_db()
    if persona == "admin":
        assert response.status_code == 200
        assert tree.village.is_within(tree.other_commune)
    else:
        assert response.status_code in (401, 403, 404)
        assert response.status_code == {
            "province_officer": 403,
            "committee_member": 403,
            "anonymous": 401,
        }.get(persona, 404)
        assert tree.village.is_within(tree.commune)
        assert _state(tree) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_close_unit(client, personas, tree, persona):
    api = client_as(client, personas, persona)
    before = _state(tree)

    response = api.post(
        f"/api/v1/units/{tree.commune.pk}/close",
        {"closed_on": "2025-07-01", "reason": "Sáp nhập", "merged_into_id": None},
        content_type="application/json",
    )

    assert response.status_code == MANAGE[persona]
    tree.commune.refresh_from_db()
    if response.status_code == 200:
        assert tree.commune.closed_on.isoformat() == "2025-07-01"
        assert response.json()["is_closed"] is True
    else:
        assert tree.commune.closed_on is None
        assert _state(tree) == before
