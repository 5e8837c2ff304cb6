"""Holding a meeting: open it, check people in (from the list, by personal code, by the meeting's
QR code), undo a check-in, end it. Every change atomic and audited.

Check-ins are counted from the participants' rows (`quorum.attendance_of`), never from a
counter: each check-in locks the meeting, then the participant, and re-checks both, so two
secretaries tapping the same person at once check them in once.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import require as _require
from coso.core.dates import format_date, today
from coso.core.errors import InvalidTransition
from coso.units.models import User

from . import access
from .models import (
    CheckinMethod,
    Election,
    Meeting,
    MeetingStatus,
    Motion,
    Participant,
    VoteStatus,
)

CODE_MAX_LENGTH = 12


def _label(value: str) -> str:
    return str(MeetingStatus(value).label)


def _fresh(meeting: Meeting) -> Meeting:
    """The meeting as stored now, locked until the end of the transaction."""
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("unit", "kind")
        .get(pk=meeting.pk)
    )


def meeting_day(meeting: Meeting) -> dt.date:
    return timezone.localdate(meeting.starts_at)


def may_open_from_draft(meeting: Meeting) -> bool:
    """A kind that needs no notice (a dialogue on request, a citizen reception day) is opened
    straight from its draft; the others only once the notice is out."""
    return meeting.kind.notice_days == 0


def can_be_opened(meeting: Meeting) -> bool:
    return meeting.status == MeetingStatus.NOTICED or (
        meeting.status == MeetingStatus.DRAFT and may_open_from_draft(meeting)
    )


def checkin_is_open(meeting: Meeting) -> bool:
    """People are checked in at the door on the meeting's day, before and after the chair opens
    it, and until it ends: after that the attendance is what the minutes record."""
    if meeting.status == MeetingStatus.IN_PROGRESS:
        return True
    return can_be_opened(meeting) and today() >= meeting_day(meeting)


def _check_checkin_open(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.IN_PROGRESS:
        return
    if meeting.status in (MeetingStatus.HELD, MeetingStatus.CLOSED):
        raise ValidationError(
            _("The meeting has ended: its attendance can no longer change."), code="ended"
        )
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("The meeting was cancelled."), code="cancelled")
    if not can_be_opened(meeting):
        raise ValidationError(
            _("Publish the meeting's notice first: check-in opens with the meeting."),
            code="not_noticed",
        )
    if today() < meeting_day(meeting):
        raise ValidationError(
            _("Check-in opens on the day of the meeting (%(day)s).")
            % {"day": format_date(meeting_day(meeting))},
            code="too_early",
        )


# --- Opening and ending -----------------------------------------------------------------------


@transaction.atomic
def open_meeting(meeting: Meeting, *, by: User) -> Meeting:
    """The chair opens the meeting: from its notice, or from its draft for a kind that needs none.
    From then on motions and elections may be opened."""
    meeting = _fresh(meeting)
    _require(access.can_run_meeting(by, meeting))
    if not can_be_opened(meeting):
        if meeting.status == MeetingStatus.DRAFT:
            raise ValidationError(
                _(
                    "Publish the notice first: this kind of meeting must be announced "
                    "%(days)s days ahead."
                )
                % {"days": meeting.kind.notice_days},
                code="not_noticed",
            )
        raise InvalidTransition(_label(meeting.status), _label(MeetingStatus.IN_PROGRESS))
    if today() < meeting_day(meeting):
        raise ValidationError(
            _(
                "The meeting is scheduled for %(day)s: it can be opened from that day. Change "
                "its date first if it is held earlier."
            )
            % {"day": format_date(meeting_day(meeting))},
            code="too_early",
        )
    if meeting.kind.needs_quorum and not meeting.participants.filter(is_convened=True).exists():
        raise ValidationError(
            _("Add the participants convened before opening: the quorum is counted against them."),
            code="nobody_convened",
        )
    with acting_as(by):
        meeting.status = MeetingStatus.IN_PROGRESS
        meeting.opened_at = timezone.now()
        meeting.save(update_fields=["status", "opened_at", "updated_at"])
    return meeting


def open_votes(meeting: Meeting) -> list[str]:
    """Titles of the meeting's motions and elections still being voted on."""
    motions = Motion.objects.filter(meeting=meeting, status=VoteStatus.OPEN)
    elections = Election.objects.filter(meeting=meeting, status=VoteStatus.OPEN)
    return [*motions.values_list("title", flat=True), *elections.values_list("title", flat=True)]


@transaction.atomic
def end_meeting(meeting: Meeting, *, by: User) -> Meeting:
    """The meeting ends (→ held): attendance, motions and elections are frozen for the minutes.
    Refused while a vote is still open: close it first, or its ballots would be lost."""
    meeting = _fresh(meeting)
    _require(access.can_run_meeting(by, meeting))
    if meeting.status != MeetingStatus.IN_PROGRESS:
        raise InvalidTransition(_label(meeting.status), _label(MeetingStatus.HELD))
    still_open = open_votes(meeting)
    if still_open:
        raise ValidationError(
            _("Close the votes still open first: %(titles)s.") % {"titles": "; ".join(still_open)},
            code="votes_open",
        )
    with acting_as(by):
        meeting.status = MeetingStatus.HELD
        meeting.ended_at = timezone.now()
        meeting.save(update_fields=["status", "ended_at", "updated_at"])
    return meeting


# --- Check-in ---------------------------------------------------------------------------------


def _fresh_participant(meeting: Meeting, participant_id: int) -> Participant:
    return Participant.objects.select_for_update().get(pk=participant_id, meeting=meeting)


def _mark_present(participant: Participant, *, by: User, method: str) -> Participant:
    if participant.checked_in_at is not None:
        raise ValidationError(
            _("%(name)s was already checked in at %(time)s.")
            % {
                "name": participant.full_name,
                "time": timezone.localtime(participant.checked_in_at).strftime("%H:%M"),
            },
            code="already_checked_in",
        )
    with acting_as(by):
        participant.checked_in_at = timezone.now()
        participant.checkin_method = method
        participant.checked_in_by = by
        participant.save(update_fields=["checked_in_at", "checkin_method", "checked_in_by"])
    return participant


@transaction.atomic
def check_in(participant: Participant, *, by: User) -> Participant:
    """The secretary ticks a participant on the list."""
    meeting = _fresh(participant.meeting)
    _require(access.can_run_meeting(by, meeting))
    _check_checkin_open(meeting)
    fresh = _fresh_participant(meeting, participant.pk)
    fresh.meeting = meeting
    return _mark_present(fresh, by=by, method=CheckinMethod.LIST)


def normalise_code(code: str) -> str:
    """What the secretary typed, as stored: upper case, without spaces or dashes."""
    return re.sub(r"[\s\-.]", "", code or "").upper()


@transaction.atomic
def check_in_by_code(meeting: Meeting, *, by: User, code: str) -> Participant:
    """The secretary types the personal code a participant reads out or shows on their notice."""
    meeting = _fresh(meeting)
    _require(access.can_run_meeting(by, meeting))
    _check_checkin_open(meeting)
    typed = normalise_code(code)
    if not typed:
        raise ValidationError({"code": _("Enter the participant's code.")})
    if len(typed) > CODE_MAX_LENGTH:
        raise ValidationError(
            {"code": _("A personal code has at most %(n)s characters.") % {"n": CODE_MAX_LENGTH}}
        )
    participant = (
        Participant.objects.select_for_update().filter(meeting=meeting, code=typed).first()
    )
    if participant is None:
        raise ValidationError(
            {
                "code": _(
                    "No participant of this meeting has the code %(code)s: check it, or find "
                    "the person in the list."
                )
                % {"code": typed}
            }
        )
    participant.meeting = meeting
    try:
        return _mark_present(participant, by=by, method=CheckinMethod.CODE)
    except ValidationError as exc:
        raise ValidationError({"code": exc.messages}) from exc


def meeting_for_token(token: str) -> Meeting | None:
    """The meeting whose QR code carries `token`."""
    if not token or len(token) > 40:
        return None
    return Meeting.objects.select_related("unit", "kind").filter(checkin_token=token).first()


@transaction.atomic
def check_in_by_qr(meeting: Meeting, *, by: User) -> Participant:
    """A signed-in participant opens the meeting's QR code link with their phone: their own seat
    is checked in. Someone not invited is told so and nothing changes."""
    meeting = _fresh(meeting)
    participant = (
        Participant.objects.select_for_update().filter(meeting=meeting, user_id=by.pk).first()
        if by.is_authenticated
        else None
    )
    if participant is None:
        raise ValidationError(
            _(
                "You are not on the list of participants of this meeting. If you were invited, "
                "ask the secretary at the door to check you in."
            ),
            code="not_invited",
        )
    _check_checkin_open(meeting)
    participant.meeting = meeting
    return _mark_present(participant, by=by, method=CheckinMethod.QR)


@transaction.atomic
def undo_check_in(participant: Participant, *, by: User) -> Participant:
    """Take back a check-in made by mistake (the wrong row tapped, someone who left)."""
    meeting = _fresh(participant.meeting)
    _require(access.can_run_meeting(by, meeting))
    _check_checkin_open(meeting)
    fresh = _fresh_participant(meeting, participant.pk)
    fresh.meeting = meeting
    if fresh.checked_in_at is None:
        raise ValidationError(
            _("%(name)s is not checked in.") % {"name": fresh.full_name}, code="not_checked_in"
        )
    with acting_as(by):
        fresh.checked_in_at = None
        fresh.checkin_method = ""
        fresh.checked_in_by = None
        fresh.save(update_fields=["checked_in_at", "checkin_method", "checked_in_by"])
    return fresh
