"""Shared by the voting tests: people checked in, voters with accounts, a meeting in progress."""

from __future__ import annotations

from django.utils import timezone

from conftest import make_user
from coso.meetings.models import Meeting, MeetingStatus, Participant, ParticipantRole

from .conftest import make_meeting, seat


def check_in(people: list[Participant]) -> None:
    Participant.objects.filter(pk__in=[p.pk for p in people]).update(
        checked_in_at=timezone.now(), checkin_method="list"
    )


def present(meeting: Meeting, count: int) -> None:
    """Check in the first `count` convened participants (by name)."""
    check_in(
        list(meeting.participants.filter(is_convened=True).order_by("full_name", "id"))[:count]
    )


def voter(
    meeting: Meeting,
    username: str,
    *,
    unit=None,
    checked_in: bool = True,
    convened: bool = True,
    role: str = ParticipantRole.MEMBER,
):
    """A participant with an account (convened and checked in unless told)."""
    user = make_user(username, f"Cử tri {username}", unit or meeting.unit)
    place = seat(meeting, user, role=role)
    if not convened:
        Participant.objects.filter(pk=place.pk).update(is_convened=False)
    if checked_in:
        check_in([place])
    return user


def in_progress(unit, *, participants: int = 12, **fields) -> Meeting:
    return make_meeting(unit, status=MeetingStatus.IN_PROGRESS, participants=participants, **fields)


def seat_secretary(meeting: Meeting, user) -> Participant:
    return seat(meeting, user, role=ParticipantRole.SECRETARY)
