"""JSON API of meetings: hold (mounted under /api/v1/ by coso/api.py).

The same access checks and actions as the check-in page: open and end the meeting, check
participants in from the list or by their personal code, take a check-in back, read the live
attendance. A participant's app checks its own user in with the meeting's QR token.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema

from . import access, hold
from .models import CheckinMethod, Meeting, MeetingStatus, Participant, ParticipantRole
from .quorum import attendance_of

router = Router(tags=["meetings"])


class AttendanceOut(Schema):
    meeting_id: int
    status: MeetingStatus
    convened: int
    present: int
    guests_present: int
    needed: int
    has_quorum: bool
    missing: int
    percent_present: int
    checkin_open: bool


class MeetingStateOut(Schema):
    id: int
    status: MeetingStatus
    status_label: str = Field(..., alias="get_status_display")
    opened_at: dt.datetime | None
    ended_at: dt.datetime | None


class CheckinOut(Schema):
    id: int
    meeting_id: int
    full_name: str
    job_title: str
    role: ParticipantRole
    is_convened: bool
    present: bool = Field(..., alias="is_present")
    checked_in_at: dt.datetime | None
    checkin_method: CheckinMethod | None

    @staticmethod
    def resolve_checkin_method(participant: Participant) -> str | None:
        return participant.checkin_method or None


class CodeIn(Schema):
    code: str = Field(..., max_length=40)


def _attendance(meeting: Meeting) -> AttendanceOut:
    figures = attendance_of(meeting)
    return AttendanceOut(
        meeting_id=meeting.pk,
        status=meeting.status,
        convened=figures.convened,
        present=figures.present,
        guests_present=figures.guests_present,
        needed=figures.needed,
        has_quorum=figures.has_quorum,
        missing=figures.missing,
        percent_present=figures.percent_present,
        checkin_open=hold.checkin_is_open(meeting),
    )


def _runner_meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    meeting = access.get_meeting_for(request.user, meeting_id)
    if not access.can_run_meeting(request.user, meeting):
        raise PermissionDenied
    return meeting


@router.get(
    "/meetings/{meeting_id}/attendance",
    response=AttendanceOut,
    summary="The live attendance and whether the quorum is reached",
)
def get_attendance(request: HttpRequest, meeting_id: int) -> AttendanceOut:
    return _attendance(access.get_meeting_for(request.user, meeting_id))


@router.get(
    "/meetings/{meeting_id}/check-in",
    response=list[CheckinOut],
    summary="Every participant with their check-in (for the secretary)",
)
def list_checkins(request: HttpRequest, meeting_id: int) -> list[Participant]:
    meeting = _runner_meeting(request, meeting_id)
    return list(meeting.participants.all())


@router.post("/meetings/{meeting_id}/open", response=MeetingStateOut, summary="Open the meeting")
def open_meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    meeting = access.get_meeting_for(request.user, meeting_id)
    return hold.open_meeting(meeting, by=request.user)


@router.post(
    "/meetings/{meeting_id}/end",
    response=MeetingStateOut,
    summary="End the meeting (refused while a vote is open)",
)
def end_meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    meeting = access.get_meeting_for(request.user, meeting_id)
    return hold.end_meeting(meeting, by=request.user)


@router.post(
    "/meetings/{meeting_id}/check-in-by-code",
    response=CheckinOut,
    summary="Check in the participant whose personal code the secretary typed",
)
def check_in_by_code(request: HttpRequest, meeting_id: int, payload: CodeIn) -> Participant:
    meeting = access.get_meeting_for(request.user, meeting_id)
    return hold.check_in_by_code(meeting, by=request.user, code=payload.code)


@router.post(
    "/meetings/participants/{participant_id}/check-in",
    response=CheckinOut,
    summary="Check a participant in from the list",
)
def check_in(request: HttpRequest, participant_id: int) -> Participant:
    participant = access.get_participant_for(request.user, participant_id)
    return hold.check_in(participant, by=request.user)


@router.post(
    "/meetings/participants/{participant_id}/undo-check-in",
    response=CheckinOut,
    summary="Take a check-in back",
)
def undo_check_in(request: HttpRequest, participant_id: int) -> Participant:
    participant = access.get_participant_for(request.user, participant_id)
    return hold.undo_check_in(participant, by=request.user)


@router.post(
    "/meetings/check-in/{token}",
    response=CheckinOut,
    summary="Check yourself in with the token of the meeting's QR code",
)
def check_in_by_qr(request: HttpRequest, token: str) -> Participant:
    meeting = hold.meeting_for_token(token)
    if meeting is None:
        raise Http404
    return hold.check_in_by_qr(meeting, by=request.user)
