"""The commune recognises the version, which comes into force, or refuses it in writing with
its reasons (Decree 61/2023/NĐ-CP). Only officers of the commune above the community decide."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coso.conventions import actions
from coso.conventions.models import VersionStatus
from coso.core.dates import today

from .conftest import approve, working


@pytest.fixture
def submitted(convention, commune_officer, households):
    version = approve(working(convention), commune_officer, households)
    return actions.submit_to_commune(version, by=commune_officer)


def test_the_commune_recognises_and_the_version_comes_into_force(login, submitted, commune_officer):
    client = login(commune_officer)

    response = client.post(
        reverse("conventions:version_recognise", args=[submitted.pk]),
        {"decided_on": today().strftime("%d/%m/%Y"), "decision_number": "15/QĐ-UBND"},
    )

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == VersionStatus.IN_FORCE
    assert submitted.decision_number == "15/QĐ-UBND"
    assert submitted.in_force_from == today()
    assert submitted.decided_by == commune_officer


def test_a_refusal_without_reasons_is_refused(login, submitted, commune_officer):
    client = login(commune_officer)

    response = client.post(
        reverse("conventions:version_refuse", args=[submitted.pk]),
        {"decided_on": today().strftime("%d/%m/%Y"), "reasons": "   "},
    )

    assert response.status_code == 200
    assert "Việc không công nhận phải được trả lời bằng văn bản, nêu rõ lý do" in (
        response.content.decode()
    )
    submitted.refresh_from_db()
    assert submitted.status == VersionStatus.SUBMITTED


def test_a_one_word_reason_is_not_a_reason(submitted, commune_officer):
    with pytest.raises(ValidationError) as caught:
        actions.refuse_version(submitted, by=commune_officer, decided_on=today(), reasons="Không")

    assert "reasons" in caught.value.message_dict


def test_a_refusal_with_reasons_is_recorded_and_shown(login, submitted, commune_officer):
    client = login(commune_officer)
    reasons = "Điều 2 quy định mức phạt tiền, trái với Nghị định 61/2023/NĐ-CP."

    client.post(
        reverse("conventions:version_refuse", args=[submitted.pk]),
        {
            "decided_on": today().strftime("%d/%m/%Y"),
            "reasons": reasons,
            "decision_number": "7/UBND",
        },
    )

    submitted.refresh_from_db()
    assert submitted.status == VersionStatus.REFUSED
    assert submitted.refusal_reasons == reasons
    page = client.get(reverse("conventions:version", args=[submitted.pk])).content.decode()
    assert reasons in page


def test_an_officer_of_the_village_alone_cannot_decide(submitted, village_officer, login):
    with pytest.raises(PermissionDenied):
        actions.recognise_version(submitted, by=village_officer, decided_on=today())

    client = login(village_officer)
    response = client.post(
        reverse("conventions:version_recognise", args=[submitted.pk]),
        {"decided_on": today().strftime("%d/%m/%Y")},
    )
    assert response.status_code == 403
    page = client.get(reverse("conventions:version", args=[submitted.pk])).content.decode()
    assert "Chờ Xã Thanh Miện quyết định" in page
    submitted.refresh_from_db()
    assert submitted.status == VersionStatus.SUBMITTED


def test_the_village_officer_drafts_and_submits(tree, village_officer, households):
    from .conftest import start

    convention = start(village_officer, tree.village)
    version = approve(working(convention), village_officer, households)
    version = actions.submit_to_commune(version, by=village_officer)

    assert version.status == VersionStatus.SUBMITTED


def test_a_decision_is_not_dated_before_the_dossier(submitted, commune_officer):
    import datetime as dt

    with pytest.raises(ValidationError):
        actions.recognise_version(
            submitted,
            by=commune_officer,
            decided_on=submitted.submitted_on - dt.timedelta(days=1),
        )
