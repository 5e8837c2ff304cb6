"""A unit's officers publish how people reach it; the portal shows it."""

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.core.models import AuditEntry

# Who may change the commune's contact details.
MAY_EDIT = {"admin", "province_officer", "commune_officer"}


@pytest.mark.django_db
@pytest.mark.parametrize("persona", PERSONAS)
def test_who_may_change_a_communes_contact_details(client, personas, tree, persona):
    # given a persona and the commune's contact page
    client = client_as(client, personas, persona)
    url = reverse("units:contact", kwargs={"unit_id": tree.commune.pk})

    # when they save new reception days
    response = client.post(url, {"phone": "0220 3888 111", "feedback_info": "Thứ Năm"})

    # then only the commune's officers and those above it change them
    tree.commune.refresh_from_db()
    if persona in MAY_EDIT:
        assert response.status_code == 302
        assert tree.commune.feedback_info == "Thứ Năm"
    else:
        assert response.status_code in (302, 403, 404)
        assert tree.commune.feedback_info == ""
        if persona == "anonymous":
            assert reverse("login") in response["Location"]


@pytest.mark.django_db
def test_a_change_is_audited_and_shown_on_the_portal(client, personas, tree):
    client.force_login(personas.commune_officer)
    client.post(
        reverse("units:contact", kwargs={"unit_id": tree.commune.pk}),
        {"email": "xa@thanhmien.vn", "feedback_info": "Hòm thư góp ý tại trụ sở"},
    )
    entry = AuditEntry.objects.filter(object_pk=str(tree.commune.pk)).latest("timestamp")
    assert entry.actor == personas.commune_officer
    assert "feedback_info" in entry.changes_dict

    client.logout()
    html = client.get(reverse("portal:unit", kwargs={"unit_id": tree.commune.pk})).content.decode()
    assert "Hòm thư góp ý tại trụ sở" in html
    assert "mailto:xa@thanhmien.vn" in html


@pytest.mark.django_db
def test_a_bad_email_is_shown_on_its_field(client, personas, tree):
    client.force_login(personas.commune_officer)
    response = client.post(
        reverse("units:contact", kwargs={"unit_id": tree.commune.pk}), {"email": "khong-hop-le"}
    )
    assert response.status_code == 200
    assert 'id="id_email-error"' in response.content.decode()
