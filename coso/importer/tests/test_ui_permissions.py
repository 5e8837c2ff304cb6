"""Who may import: managers (administrator, steering officer, unit officer) of the unit the plan
is for; staff, committee members and citizens may not, and nobody imports for another unit."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.importer import access, views

from .ui_fixtures import TEXT, extraction

MAY_IMPORT = {"admin", "province_officer", "commune_officer", "other_commune_officer"}


@pytest.fixture(autouse=True)
def _parser(monkeypatch):
    monkeypatch.setattr(views, "parse_document", lambda text: extraction())


@pytest.mark.parametrize("persona", PERSONAS)
def test_upload_page_for_managers_only(client, personas, persona):
    response = client_as(client, personas, persona).get(reverse("importer:upload"))

    if persona == "anonymous":
        assert response.status_code == 302 and "/dang-nhap/" in response["Location"]
    elif persona in MAY_IMPORT:
        assert response.status_code == 200
    else:
        assert response.status_code == 403


def test_unit_choices_are_the_units_the_officer_manages(tree, commune_officer, province_officer):
    commune_units = set(access.importable_units(commune_officer))
    province_units = set(access.importable_units(province_officer))

    assert commune_units == {tree.commune, tree.village}
    assert tree.other_commune in province_units and tree.central not in province_units


def test_officer_cannot_import_for_another_unit(login, tree, commune_officer):
    client = login(commune_officer)

    response = client.post(
        reverse("importer:upload"), {"unit": tree.other_commune.pk, "text": TEXT}
    )

    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert not client.session.get(views.SESSION_KEY)


def test_a_draft_is_only_readable_in_its_own_session(
    client, login, tree, commune_officer, other_commune_officer
):
    officer = login(commune_officer)
    response = officer.post(reverse("importer:upload"), {"unit": tree.commune.pk, "text": TEXT})
    preview = response["Location"]
    assert officer.get(preview).status_code == 200

    client.logout()
    other = login(other_commune_officer)

    assert other.get(preview).status_code == 404
    assert other.get(reverse("importer:preview", args=["not-a-token"])).status_code == 404


def test_a_role_lost_after_upload_refuses_the_preview(login, tree, commune_officer, root_admin):
    client = login(commune_officer)
    preview = client.post(reverse("importer:upload"), {"unit": tree.commune.pk, "text": TEXT})[
        "Location"
    ]
    commune_officer.roles.all().delete()

    assert client.get(preview).status_code == 403


def test_unit_preselected_from_the_query_string(login, tree, province_officer):
    client = login(province_officer)

    chosen = client.get(reverse("importer:upload"), {"unit": tree.commune.pk})
    foreign = client.get(reverse("importer:upload"), {"unit": tree.central.pk})
    junk = client.get(reverse("importer:upload"), {"unit": "abc"})

    assert chosen.context["form"]["unit"].value() == tree.commune.pk
    assert foreign.status_code == 200 and foreign.context["form"]["unit"].value() is None
    assert junk.status_code == 200
