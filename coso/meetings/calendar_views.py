"""A unit's meetings by month (a grid on a wide screen, a list by day on a phone), and the
person's private iCalendar address."""

from __future__ import annotations

import calendar as pycalendar
import datetime as dt
import re
from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from coso.core.dates import today
from coso.units.access import get_unit_for

from . import calendar as ical
from .access import visible_meetings
from .models import Meeting

MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
# A month of a large subtree can hold thousands of citizen reception days: the page shows
# this many and says how many more there are.
SHOWN = 300


def parse_month(raw: str | None) -> dt.date:
    """The first day of the month asked for as yyyy-mm; this month for anything else."""
    match = MONTH.match(raw or "")
    if match:
        year, month = int(match[1]), int(match[2])
        if 1900 < year < 2200 and 1 <= month <= 12:
            return dt.date(year, month, 1)
    return today().replace(day=1)


def shift_month(first: dt.date, months: int) -> dt.date:
    index = first.year * 12 + first.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def month_bounds(first: dt.date) -> tuple[dt.datetime, dt.datetime]:
    tz = timezone.get_current_timezone()
    after = shift_month(first, 1)
    return (
        dt.datetime(first.year, first.month, 1, tzinfo=tz),
        dt.datetime(after.year, after.month, 1, tzinfo=tz),
    )


def meeting_url(meeting: Meeting) -> str:
    """The meeting's page in the app (written by the prepare part of the app)."""
    try:
        return reverse("meetings:detail", args=[meeting.pk])
    except NoReverseMatch:
        return ""


def private_feed_url(request: HttpRequest, token: str) -> str:
    path = reverse("meetings_public:private_feed", args=[token])
    return request.build_absolute_uri(path)


@login_required
@require_GET
def calendar_page(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = get_unit_for(user, request.GET["unit"]) if request.GET.get("unit") else None
    first = parse_month(request.GET.get("thang"))
    start, end = month_bounds(first)
    meetings = visible_meetings(user).filter(starts_at__gte=start, starts_at__lt=end)
    if unit is not None:
        meetings = meetings.in_subtree(unit)
    total = meetings.count()
    shown = list(meetings.select_related("unit", "kind").order_by("starts_at", "pk")[:SHOWN])
    by_day: dict[dt.date, list[Meeting]] = defaultdict(list)
    for meeting in shown:
        meeting.url = meeting_url(meeting)  # type: ignore[attr-defined]
        by_day[timezone.localtime(meeting.starts_at).date()].append(meeting)
    weeks = [
        [
            {"day": day, "in_month": day.month == first.month, "meetings": by_day.get(day, [])}
            for day in week
        ]
        for week in pycalendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    feed = ical.feed_of(user)
    context = {
        "unit": unit,
        "first": first,
        "previous": shift_month(first, -1),
        "next": shift_month(first, 1),
        "weeks": weeks,
        "days": sorted(by_day.items()),
        "total": total,
        "hidden": max(total - len(shown), 0),
        "today": today(),
        "feed_url": private_feed_url(request, feed.token) if feed else "",
        "public_feed_url": (
            request.build_absolute_uri(reverse("meetings_public:unit_feed", args=[unit.pk]))
            if unit is not None
            else ""
        ),
    }
    return render(request, "meetings/calendar_month.html", context)


@login_required
@require_POST
def calendar_feed_reset(request: HttpRequest) -> HttpResponse:
    had_one = ical.feed_of(request.user) is not None
    ical.reset_feed(by=request.user)
    if had_one:
        messages.success(
            request, _("Your private calendar address was changed; the old one no longer works.")
        )
    else:
        messages.success(request, _("Your private calendar address was created."))
    target = reverse("meetings:calendar")
    unit = request.POST.get("unit", "")
    return redirect(f"{target}?unit={unit}" if unit.isdigit() else target)
