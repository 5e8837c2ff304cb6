"""Meetings shared by the tests of this app.

`make_meeting` builds a meeting straight in the database so that the tests of each stage
(prepare, hold, vote, follow up) can start where they need; the tests of the actions
themselves go through the actions.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from conftest import make_user
from coso.meetings.models import (
    KindCode,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Participant,
    ParticipantRole,
)

NAMES = (
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
    "Vũ Thị Giang",
    "Đặng Văn Hải",
    "Bùi Thị Lan",
    "Đỗ Văn Minh",
    "Ngô Thị Nga",
    "Dương Văn Phúc",
    "Lý Thị Quyên",
)


def kind(code: str = KindCode.OFFICIALS_CONFERENCE) -> MeetingKind:
    return MeetingKind.objects.get(code=code)


def make_meeting(
    unit,
    *,
    code: str = KindCode.OFFICIALS_CONFERENCE,
    status: str = MeetingStatus.DRAFT,
    starts_in: dt.timedelta = dt.timedelta(days=14),
    participants: int = 0,
    by=None,
    **fields,
) -> Meeting:
    """A meeting of `unit` starting `starts_in` from now, with `participants` convened people
    without accounts (named from NAMES, then "Người tham dự N")."""
    starts_at = timezone.now() + starts_in
    fields.setdefault("title", f"{kind(code).name} năm {starts_at.year}")
    fields.setdefault("year", starts_at.year)
    fields.setdefault("venue", "Hội trường tầng 2")
    meeting = Meeting.objects.create(
        unit=unit, kind=kind(code), starts_at=starts_at, status=status, created_by=by, **fields
    )
    add_people(meeting, participants)
    return meeting


def add_people(meeting: Meeting, count: int, *, convened: bool = True, start: int = 0) -> list:
    have = meeting.participants.count()
    people = []
    for i in range(have + start, have + start + count):
        name = NAMES[i] if i < len(NAMES) else f"Người tham dự {i + 1}"
        people.append(
            Participant.objects.create(meeting=meeting, full_name=name, is_convened=convened)
        )
    return people


def seat(meeting: Meeting, user, *, role: str = ParticipantRole.MEMBER) -> Participant:
    """Invite a person with an account."""
    return Participant.objects.create(
        meeting=meeting, user=user, full_name=user.display_name, role=role
    )


@pytest.fixture
def office_meeting(tree, province_officer) -> Meeting:
    """The provincial office's officials' conference (85 staff), 12 people convened."""
    return make_meeting(tree.office, by=province_officer, participants=12)


@pytest.fixture
def secretary(tree) -> object:
    """A member of staff with an account, to be seated as a meeting's secretary."""
    return make_user("thuky", "Mai Thị Thư Ký", tree.office)
