"""What the public portal shows of conferences and dialogues (see coso/portal/sections.py).

A meeting is public when its unit marked it so (`Meeting.is_public`) and its notice is out (not
a draft, not cancelled): the public reads its notice, agenda and the files marked public, and,
once the minutes are published, the minutes and the resolution. Never the participants, their
codes, the questions, the ballots, the check-in link or a file not marked public.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from coso.core.pages import row_id
from coso.units.models import Unit

from .models import Meeting, MeetingFile, MeetingStatus

SHOWN = 5


def public_unit(unit_id: int | str) -> Unit:
    """A unit as the public sees it: any open unit (closed ones answer 404)."""
    unit = Unit.objects.filter(pk=row_id(unit_id), closed_on__isnull=True).first()
    if unit is None:
        raise Http404
    return unit


def public_meetings() -> QuerySet[Meeting]:
    """Every meeting the public may read, of every open unit."""
    return (
        Meeting.objects.filter(is_public=True, unit__closed_on__isnull=True)
        .exclude(status__in=(MeetingStatus.DRAFT, MeetingStatus.CANCELLED))
        .select_related("unit", "kind")
    )


def get_public_meeting(pk: int | str) -> Meeting:
    meeting = public_meetings().filter(pk=row_id(pk)).first()
    if meeting is None:
        raise Http404
    return meeting


def minutes_are_public(meeting: Meeting) -> bool:
    """The minutes of a public meeting are public once published."""
    return meeting.is_public and meeting.minutes_published_at is not None


def get_public_file(pk: int | str) -> MeetingFile:
    item = (
        MeetingFile.objects.filter(
            pk=row_id(pk), is_public=True, meeting__in=public_meetings().values("pk")
        )
        .select_related("meeting")
        .first()
    )
    if item is None:
        raise Http404
    return item


def feed_meetings(unit: Unit) -> QuerySet[Meeting]:
    """The unit's public feed: its public meetings, and those cancelled after their notice was
    published, so a subscribed calendar learns of the cancellation."""
    cancelled_after_notice = Q(status=MeetingStatus.CANCELLED, noticed_at__isnull=False)
    return Meeting.objects.filter(unit=unit, is_public=True).filter(
        ~Q(status__in=(MeetingStatus.DRAFT, MeetingStatus.CANCELLED)) | cancelled_after_notice
    )


def portal_context(unit: Unit) -> dict:
    """The unit's coming public meetings and the latest published minutes: two queries."""
    meetings = Meeting.objects.public_for(unit).select_related("kind")
    since = timezone.now() - dt.timedelta(hours=12)
    coming = list(meetings.filter(starts_at__gte=since).order_by("starts_at", "pk")[:SHOWN])
    minutes = list(
        meetings.filter(minutes_published_at__isnull=False).order_by("-starts_at", "-pk")[:SHOWN]
    )
    return {"unit": unit, "coming": coming, "minutes": minutes}
