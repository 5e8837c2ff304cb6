"""Who may run the check-in, open and end the meeting, see the QR code and the quorum:
every persona against every page of the hold part (the office's conference, open today)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.meetings.models import MeetingStatus, ParticipantRole

from .conftest import seat
from .test_hold_actions import open_today

RUN = "run"  # the officers over the office and the meeting's secretary
READ = "read"  # may read the meeting, not run it
HIDDEN = "hidden"  # the meeting does not exist for them

WHO = {
    "admin": RUN,
    "province_officer": RUN,
    "secretary": RUN,
    "commune_officer": HIDDEN,
    "other_commune_officer": HIDDEN,
    "employee": READ,
    "committee_member": READ,
    "citizen": HIDDEN,
    "anonymous": "anonymous",
}

# page -> (method, expected status for RUN, READ, HIDDEN)
PAGES = {
    "hold_checkin": ("get", 200, 403, 404),
    "hold_qr": ("get", 200, 403, 404),
    "hold_quorum": ("get", 200, 200, 404),
    "hold_checkin_code": ("post", 302, 403, 404),
    "hold_end": ("post", 302, 403, 404),
    "hold_check_in": ("post", 302, 403, 404),
    "hold_undo": ("post", 302, 403, 404),
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("persona", [*PERSONAS, "secretary"])
def test_permission_matrix(client, personas, secretary, tree, persona, page):
    meeting = open_today(tree.office, participants=3)
    seat(meeting, secretary, role=ParticipantRole.SECRETARY)
    person = meeting.participants.get(full_name="Nguyễn Văn An")
    if persona == "secretary":
        client.force_login(secretary)
    else:
        client_as(client, personas, persona)
    method, run, read, hidden = PAGES[page]
    arg = person.pk if page in ("hold_check_in", "hold_undo") else meeting.pk
    data = {"code": person.code} if page == "hold_checkin_code" else {}

    response = getattr(client, method)(reverse(f"meetings:{page}", args=[arg]), data)

    who = WHO[persona]
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/dang-nhap/")
        return
    expected = {RUN: run, READ: read, HIDDEN: hidden}[who]
    assert response.status_code == expected, (persona, page, response.status_code)
    meeting.refresh_from_db()
    person.refresh_from_db()
    if who != RUN:
        assert meeting.status == MeetingStatus.IN_PROGRESS
        assert not person.is_present


@pytest.mark.parametrize("persona", PERSONAS)
def test_only_those_running_the_meeting_open_it(client, personas, tree, persona):
    from .test_hold_actions import meeting_today

    meeting = meeting_today(tree.office)
    client_as(client, personas, persona)

    response = client.post(reverse("meetings:hold_open", args=[meeting.pk]))

    meeting.refresh_from_db()
    opened = meeting.status == MeetingStatus.IN_PROGRESS
    who = WHO[persona]
    assert opened == (who == RUN), persona
    expected = {RUN: 302, READ: 403, HIDDEN: 404, "anonymous": 302}[who]
    assert response.status_code == expected


@pytest.mark.parametrize("persona", PERSONAS)
def test_the_qr_link_checks_in_only_those_invited(client, personas, tree, persona):
    meeting = open_today(tree.office, participants=3)
    client_as(client, personas, persona)

    response = client.get(reverse("meetings:hold_scan", args=[meeting.checkin_token]))

    assert response.status_code == (302 if persona == "anonymous" else 403)
    assert not meeting.participants.filter(checked_in_at__isnull=False).exists()
