"""JSON API of meetings: the obligations roll-up, the calendar and the private calendar address
(mounted under /api/v1/ by coso/api.py). Same access and functions as the pages."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Router, Schema

from coso.core.dates import today
from coso.units.access import get_unit_for

from . import calendar as ical
from .access import visible_meetings
from .calendar_views import meeting_url, month_bounds, parse_month
from .obligation_views import FIRST_YEAR
from .obligations import Cell, subtree_rollup

router = Router(tags=["meetings"])


class KindOut(Schema):
    id: int
    code: str
    name: str


class CellOut(Schema):
    kind_id: int
    status: str
    status_label: str
    units: int
    held: int
    planned: int
    not_yet: int
    overdue: int
    deadline: dt.date | None = None  # when the row is the one unit that owes the kind


class RowOut(Schema):
    unit_id: int
    unit_name: str
    is_self: bool
    cells: list[CellOut]


class TotalsOut(Schema):
    held: int
    planned: int
    not_yet: int
    overdue: int


class ObligationsOut(Schema):
    unit_id: int
    unit_name: str
    year: int
    on: dt.date
    kinds: list[KindOut]
    totals: TotalsOut
    rows: list[RowOut]


class CalendarMeetingOut(Schema):
    id: int
    title: str
    unit_id: int
    unit_name: str
    kind_code: str
    kind_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    venue: str
    status: str
    status_label: str
    url: str


class FeedOut(Schema):
    url: str | None


def _cell(kind_id: int, cell: Cell) -> CellOut:
    return CellOut(
        kind_id=kind_id,
        status=cell.status,
        status_label=cell.status_label,
        units=cell.units,
        held=cell.held,
        planned=cell.planned,
        not_yet=cell.not_yet,
        overdue=cell.overdue,
        deadline=cell.single.deadline if cell.single else None,
    )


@router.get(
    "/meetings/obligations/",
    response=ObligationsOut,
    summary="Which units of a subtree held the conferences and dialogues the law requires",
)
def meeting_obligations(
    request: HttpRequest, unit_id: int, year: int | None = None, kind_id: int | None = None
) -> ObligationsOut:
    """One row for the unit itself (when it owes a meeting) and one per child unit, counting the
    units of its subtree by status: held, planned, not yet, overdue."""
    unit = get_unit_for(request.user, unit_id)
    day = today()
    year = day.year if year is None else year
    if not FIRST_YEAR <= year <= day.year + 1:
        raise ValidationError(
            {
                "year": _("Choose a year from %(first)s to %(last)s.")
                % {"first": FIRST_YEAR, "last": day.year + 1}
            }
        )
    rollup = subtree_rollup(unit, year, on=day, kind_id=kind_id)
    return ObligationsOut(
        unit_id=unit.pk,
        unit_name=unit.name,
        year=year,
        on=day,
        kinds=[KindOut(id=k.pk, code=k.code, name=k.name) for k in rollup.kinds],
        totals=TotalsOut(
            held=rollup.totals.held,
            planned=rollup.totals.planned,
            not_yet=rollup.totals.not_yet,
            overdue=rollup.totals.overdue,
        ),
        rows=[
            RowOut(
                unit_id=row.unit.pk,
                unit_name=row.unit.name,
                is_self=row.is_self,
                cells=[
                    _cell(kind.pk, cell)
                    for kind, cell in zip(rollup.kinds, row.cells, strict=True)
                    if cell is not None
                ],
            )
            for row in rollup.rows
        ],
    )


@router.get(
    "/meetings/calendar/",
    response=list[CalendarMeetingOut],
    summary="The meetings you may see in a month (yyyy-mm), of a unit's subtree or all",
)
def meeting_calendar(
    request: HttpRequest, month: str = "", unit_id: int | None = None
) -> list[CalendarMeetingOut]:
    meetings = visible_meetings(request.user)
    if unit_id is not None:
        meetings = meetings.in_subtree(get_unit_for(request.user, unit_id))
    start, end = month_bounds(parse_month(month))
    meetings = meetings.filter(starts_at__gte=start, starts_at__lt=end).select_related(
        "unit", "kind"
    )
    return [
        CalendarMeetingOut(
            id=m.pk,
            title=m.title,
            unit_id=m.unit_id,
            unit_name=m.unit.name,
            kind_code=m.kind.code,
            kind_name=m.kind.name,
            starts_at=m.starts_at,
            ends_at=ical.ends_at(m),
            venue=m.venue,
            status=m.status,
            status_label=m.get_status_display(),
            url=request.build_absolute_uri(meeting_url(m)),
        )
        for m in meetings.order_by("starts_at", "pk")[:1000]
    ]


def _feed_url(request: HttpRequest, feed) -> str | None:
    if feed is None:
        return None
    return request.build_absolute_uri(reverse("meetings_public:private_feed", args=[feed.token]))


@router.get(
    "/meetings/calendar-feed/",
    response=FeedOut,
    summary="Your private iCalendar address (null until you create it)",
)
def meeting_calendar_feed(request: HttpRequest) -> FeedOut:
    return FeedOut(url=_feed_url(request, ical.feed_of(request.user)))


@router.post(
    "/meetings/calendar-feed/reset/",
    response=FeedOut,
    summary="Create your private iCalendar address, or replace it (the old one stops working)",
)
def reset_meeting_calendar_feed(request: HttpRequest) -> FeedOut:
    return FeedOut(url=_feed_url(request, ical.reset_feed(by=request.user)))
