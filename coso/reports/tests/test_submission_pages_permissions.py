"""Every persona × every action on a commune's report to the province: who may do what.

The commune fills and submits; the province (the receiving side) accepts or returns; the
committee member following the commune reads it; another commune, staff elsewhere and a citizen
get 404; anonymous visitors are sent to sign in. A refusal changes nothing.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.reports import actions
from coso.reports.models import SubmissionAttachment, SubmissionStatus

from .conftest_submission import filled, pdf_file

OK, DENIED, HIDDEN, LOGIN = "ok", 403, 404, "login"

# persona -> (view, save, submit, accept, return, upload, download)
EXPECTED = {
    "admin": (OK, OK, OK, OK, OK, OK, OK),
    "province_officer": (OK, OK, OK, OK, OK, OK, OK),
    "commune_officer": (OK, OK, OK, DENIED, DENIED, OK, OK),
    "other_commune_officer": (HIDDEN,) * 7,
    "employee": (HIDDEN,) * 7,
    # reads the commune it follows for the steering committee, changes nothing
    "committee_member": (OK, DENIED, DENIED, DENIED, DENIED, DENIED, OK),
    "citizen": (HIDDEN,) * 7,
    "anonymous": (LOGIN,) * 7,
}
ACTIONS = ("view", "save", "submit", "accept", "return", "upload", "download")
CASES = [(p, a, EXPECTED[p][i]) for p in PERSONAS for i, a in enumerate(ACTIONS)]


def _prepare(action: str, submission, commune_officer):
    """Bring the report to the state the action needs: submitted for a decision, else a draft."""
    actions.save_draft(submission, by=commune_officer, values={"received": "5"}, revision=0)
    attachment = actions.add_attachment(submission, by=commune_officer, file=pdf_file())
    if action in ("accept", "return"):
        actions.submit(submission, by=commune_officer)
    submission.refresh_from_db()
    return attachment


def _request(client, action: str, submission, attachment):
    detail = reverse("reports:submission", args=[submission.pk])
    if action == "view":
        return client.get(detail)
    if action == "save":
        return client.post(detail, filled(submission.revision, received="8"))
    if action == "submit":
        return client.post(detail, filled(submission.revision, "submit", received="8"))
    if action == "accept":
        return client.post(reverse("reports:submission_accept", args=[submission.pk]))
    if action == "return":
        return client.post(
            reverse("reports:submission_return", args=[submission.pk]), {"reason": "Bổ sung"}
        )
    if action == "upload":
        return client.post(
            reverse("reports:submission_attach", args=[submission.pk]),
            {"file": pdf_file("phu-luc.pdf")},
        )
    return client.get(reverse("reports:attachment_download", args=[attachment.pk]))


def _effect(action: str, submission) -> bool:
    """Whether the action left its mark in the database."""
    submission.refresh_from_db()
    return {
        "view": True,
        "download": True,
        "save": submission.values.filter(indicator__code="received", number=8).exists(),
        "submit": submission.status == SubmissionStatus.SUBMITTED,
        "accept": submission.status == SubmissionStatus.ACCEPTED,
        "return": submission.status == SubmissionStatus.RETURNED,
        "upload": SubmissionAttachment.objects.filter(original_name="phu-luc.pdf").exists(),
    }[action]


@pytest.mark.parametrize(("persona", "action", "expected"), CASES)
def test_permission_matrix(
    client, personas, submission, commune_officer, persona, action, expected
):
    attachment = _prepare(action, submission, commune_officer)
    client = client_as(client, personas, persona)

    response = _request(client, action, submission, attachment)

    if expected == OK:
        assert response.status_code in (200, 302)
        if response.status_code == 302:
            assert "/dang-nhap" not in response["Location"] and "login" not in response["Location"]
        assert _effect(action, submission)
        if action == "download":
            assert b"".join(response.streaming_content).startswith(b"%PDF")
    elif expected == LOGIN:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    else:
        assert response.status_code == expected
    if expected != OK and action not in ("view", "download"):
        assert not _effect(action, submission)


def test_the_commune_does_not_see_the_decision_buttons(client, submission, commune_officer):
    _prepare("accept", submission, commune_officer)
    client.force_login(commune_officer)

    page = client.get(reverse("reports:submission", args=[submission.pk])).content.decode()

    assert reverse("reports:submission_accept", args=[submission.pk]) not in page
    assert reverse("reports:submission_return", args=[submission.pk]) not in page


def test_a_submitted_report_can_no_longer_be_saved_or_added_to(client, submission, commune_officer):
    _prepare("accept", submission, commune_officer)
    client.force_login(commune_officer)

    saved = client.post(
        reverse("reports:submission", args=[submission.pk]),
        filled(submission.revision, received="9"),
    )
    attached = client.post(
        reverse("reports:submission_attach", args=[submission.pk]), {"file": pdf_file("x.pdf")}
    )

    assert saved.status_code == 403 and attached.status_code == 403
    assert not submission.values.filter(number=9).exists()
    assert submission.attachments.count() == 1


def test_the_receiving_office_cannot_accept_a_draft(
    client, submission, commune_officer, province_officer
):
    _prepare("save", submission, commune_officer)
    client.force_login(province_officer)

    response = client.post(reverse("reports:submission_accept", args=[submission.pk]), follow=True)

    assert response.status_code == 200
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT
