"""Every persona × every page and action of recognition: 200 / 302 allowed, 403 refused, 404 for
what the persona may not even see."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.recognition.models import Nomination, NominationStatus, Score

from .conftest import pdf

# Page → persona → expected status of a GET.
READ = {
    "campaigns": {"*": 200, "anonymous": 302},
    "nominations": {"*": 200, "anonymous": 302},
    "campaign": {
        "admin": 200,
        "province_officer": 200,
        "commune_officer": 200,
        "other_commune_officer": 200,
        "employee": 200,  # the office lies below the province: an open campaign is visible
        "committee_member": 200,
        "citizen": 404,
        "anonymous": 302,
    },
    "campaign_progress": {
        "admin": 200,
        "province_officer": 200,
        "committee_member": 200,
        "commune_officer": 403,
        "other_commune_officer": 403,
        "employee": 403,
        "citizen": 404,
        "anonymous": 302,
    },
    "nomination": {
        "admin": 200,
        "province_officer": 200,
        "commune_officer": 200,
        "committee_member": 200,
        "other_commune_officer": 404,
        "employee": 404,
        "citizen": 404,
        "anonymous": 302,
    },
    "campaign_create": {
        "admin": 200,
        "province_officer": 200,
        "commune_officer": 403,
        "other_commune_officer": 403,
        "employee": 403,
        "committee_member": 403,
        "citizen": 403,
        "anonymous": 302,
    },
    "nomination_create": {
        "admin": 200,
        "province_officer": 200,
        "commune_officer": 200,
        "other_commune_officer": 200,
        "employee": 403,
        "committee_member": 403,
        "citizen": 403,
        "anonymous": 302,
    },
}


def _url(name: str, world) -> str:
    if name in ("campaign", "campaign_progress"):
        return reverse(f"recognition:{name}", args=[world.campaign.pk])
    if name == "nomination":
        return reverse("recognition:nomination", args=[world.nomination.pk])
    return reverse(f"recognition:{name}")


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("page", READ)
def test_reading(client, personas, world, persona, page):
    expected = READ[page].get(persona, READ[page].get("*"))

    response = client_as(client, personas, persona).get(_url(page, world))

    assert response.status_code == expected


SCORE = {
    "admin": 302,
    "province_officer": 302,
    "committee_member": 302,
    "commune_officer": 403,
    "other_commune_officer": 404,
    "employee": 404,
    "citizen": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_scoring(client, personas, world, persona):
    data = {f"criterion_{c.pk}": 5 for c in world.criteria}

    response = client_as(client, personas, persona).post(
        reverse("recognition:nomination_score", args=[world.nomination.pk]), data
    )

    assert response.status_code == SCORE[persona]
    allowed = persona in ("admin", "province_officer", "committee_member")
    assert Score.objects.exists() == allowed


DECIDE = {**SCORE, "committee_member": 403}


@pytest.mark.parametrize("persona", PERSONAS)
def test_deciding(client, personas, world, persona):
    data = {"recognised": "0", "reasons": "Chưa đủ tiêu chuẩn"}

    response = client_as(client, personas, persona).post(
        reverse("recognition:nomination_decide", args=[world.nomination.pk]), data
    )

    assert response.status_code == DECIDE[persona]
    status = Nomination.objects.get().status
    allowed = persona in ("admin", "province_officer")
    assert (status == NominationStatus.NOT_RECOGNISED) == allowed


EVIDENCE = {
    "admin": 302,
    "province_officer": 302,
    "commune_officer": 302,
    "committee_member": 403,
    "other_commune_officer": 404,
    "employee": 404,
    "citizen": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_attaching_evidence(client, personas, world, persona):
    response = client_as(client, personas, persona).post(
        reverse("recognition:evidence_add", args=[world.nomination.pk]),
        {"title": "Báo cáo", "file": pdf()},
    )

    assert response.status_code == EVIDENCE[persona]
    assert world.nomination.evidence.exists() == (
        persona in ("admin", "province_officer", "commune_officer")
    )


OPEN_CLOSE = {
    "admin": 302,
    "province_officer": 302,
    "committee_member": 403,
    "commune_officer": 403,
    "other_commune_officer": 403,
    "employee": 403,
    "citizen": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_closing_a_campaign(client, personas, world, persona):
    response = client_as(client, personas, persona).post(
        reverse("recognition:campaign_close", args=[world.campaign.pk])
    )

    assert response.status_code == OPEN_CLOSE[persona]
    world.campaign.refresh_from_db()
    assert (world.campaign.status == "closed") == (persona in ("admin", "province_officer"))


def test_a_draft_campaign_is_hidden_below(client, personas, tree, province_officer):
    from .conftest import make_campaign

    draft = make_campaign(province_officer, tree.province, open_it=False)

    client.force_login(personas.commune_officer)
    assert client.get(reverse("recognition:campaign", args=[draft.pk])).status_code == 404
    client.force_login(personas.province_officer)
    assert client.get(reverse("recognition:campaign", args=[draft.pk])).status_code == 200
