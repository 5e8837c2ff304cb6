"""Meetings as iCalendar (RFC 5545), for calendar apps, and the person's private feed address.

One VEVENT per meeting: a stable UID (the meeting's id and the site's host), DTSTART and DTEND
in UTC (a meeting without an end lasts two hours), LOCATION, SUMMARY, DESCRIPTION, URL, and a
STATUS (CANCELLED, so a subscribed calendar strikes the meeting out instead of keeping it).

Calendar apps cannot sign in: the private feed's address carries a secret token
(`CalendarFeed`) that stands for the person; resetting it makes the old address answer 404.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

import icalendar
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.units.models import User

from .access import visible_meetings
from .models import CalendarFeed, Meeting, MeetingStatus, new_token

CONTENT_TYPE = "text/calendar; charset=utf-8"
DEFAULT_LENGTH = dt.timedelta(hours=2)
# A feed reaches this far back; calendar apps keep what they already downloaded.
FEED_PAST = dt.timedelta(days=400)
FEED_LIMIT = 500

_STATUS = {
    MeetingStatus.DRAFT: "TENTATIVE",
    MeetingStatus.CANCELLED: "CANCELLED",
}


def ends_at(meeting: Meeting) -> dt.datetime:
    if meeting.ends_at and meeting.ends_at > meeting.starts_at:
        return meeting.ends_at
    return meeting.starts_at + DEFAULT_LENGTH


def meeting_event(meeting: Meeting, *, url: str, host: str, public: bool) -> icalendar.Event:
    """The meeting as a VEVENT. `public`: only what the portal shows (no cancelling reason)."""
    event = icalendar.Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", timezone.now().astimezone(dt.UTC))
    event.add("created", meeting.created_at.astimezone(dt.UTC))
    event.add("last-modified", meeting.updated_at.astimezone(dt.UTC))
    event.add("dtstart", meeting.starts_at.astimezone(dt.UTC))
    event.add("dtend", ends_at(meeting).astimezone(dt.UTC))
    event.add("summary", meeting.title)
    if meeting.venue:
        event.add("location", meeting.venue)
    lines = [f"{meeting.kind.name} — {meeting.unit.name}"]
    if meeting.status == MeetingStatus.CANCELLED:
        lines.append(_("The meeting was cancelled."))
        if meeting.cancelled_reason and not public:
            lines.append(meeting.cancelled_reason)
    if meeting.description:
        lines.append(meeting.description)
    event.add("description", "\n\n".join(lines))
    if url:
        event.add("url", url)
    event.add("status", _STATUS.get(meeting.status, "CONFIRMED"))
    return event


def to_ical(
    meetings: Iterable[Meeting],
    *,
    name: str,
    url_of: Callable[[Meeting], str],
    host: str,
    public: bool,
) -> bytes:
    """A VCALENDAR with one VEVENT per meeting (the meetings with their unit and kind)."""
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//coso//Hoi nghi, doi thoai//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for meeting in meetings:
        calendar.add_component(
            meeting_event(meeting, url=url_of(meeting), host=host, public=public)
        )
    return calendar.to_ical()


def recent_and_coming(meetings: QuerySet[Meeting]) -> QuerySet[Meeting]:
    """What a feed lists: meetings from FEED_PAST ago on, at most FEED_LIMIT, soonest first."""
    since = timezone.now() - FEED_PAST
    return (
        meetings.filter(starts_at__gte=since)
        .select_related("unit", "kind")
        .order_by("starts_at", "pk")[:FEED_LIMIT]
    )


def private_feed_meetings(user: User) -> QuerySet[Meeting]:
    """The meetings the person may see, as the internal pages show them."""
    return recent_and_coming(visible_meetings(user))


# --- The private address ----------------------------------------------------------------------


def feed_of(user: User) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(user_id=user.pk).first()


def user_of_token(token: str) -> User | None:
    """The active person a private feed token stands for, or None."""
    if not token or len(token) > 40:
        return None
    feed = CalendarFeed.objects.select_related("user").filter(token=token).first()
    if feed is None or not feed.user.is_active:
        return None
    return feed.user


@transaction.atomic
def reset_feed(*, by: User) -> CalendarFeed:
    """Give the person a new private address (the first one, or a new one that makes the old
    one stop working)."""
    with acting_as(by):
        feed, created = CalendarFeed.objects.select_for_update().get_or_create(user_id=by.pk)
        if created:
            return feed
        feed.token = new_token()
        feed.created_at = timezone.now()
        feed.save(update_fields=["token", "created_at"])
        return feed
