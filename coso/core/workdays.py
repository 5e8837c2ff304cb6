"""Working days: every deadline the law sets in working days is counted here, and only here.

Saturdays and Sundays do not count, nor the public holidays of the administrator-maintained
calendar (`CalendarDay`); a weekend day that the calendar marks as worked does count.
"""

from __future__ import annotations

import datetime as dt

from .models import CalendarDay

# Long enough for any deadline of the law (the longest is counted in tens of working days)
# plus the longest holiday (Tết, about nine days).
_WINDOW_DAYS = 400


def _exceptions(start: dt.date, end: dt.date) -> dict[dt.date, bool]:
    """Calendar days between start and end (inclusive): date -> is it a working day."""
    return dict(
        CalendarDay.objects.filter(date__range=(start, end)).values_list("date", "is_working_day")
    )


def _is_working(day: dt.date, exceptions: dict[dt.date, bool]) -> bool:
    if day in exceptions:
        return exceptions[day]
    return day.weekday() < 5


def is_working_day(day: dt.date) -> bool:
    return _is_working(day, _exceptions(day, day))


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The day on which `count` working days after `start` have passed (`start` not counted).

    "Within 5 working days from Friday 1 May" ends on the fifth working day after it. With
    count 0 the answer is `start` itself if it is a working day, else the next working day.
    """
    if count < 0:
        raise ValueError("count must not be negative")
    exceptions = _exceptions(start, start + dt.timedelta(days=_WINDOW_DAYS + count * 2))
    day = start
    if count == 0:
        while not _is_working(day, exceptions):
            day += dt.timedelta(days=1)
        return day
    remaining = count
    while remaining:
        day += dt.timedelta(days=1)
        if _is_working(day, exceptions):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """Working days after `start` up to and including `end` (negative when end < start)."""
    if end < start:
        return -working_days_between(end, start)
    exceptions = _exceptions(start, end)
    return sum(
        _is_working(start + dt.timedelta(days=offset), exceptions)
        for offset in range(1, (end - start).days + 1)
    )
