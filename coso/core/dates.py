"""Dates and periods as Vietnamese officers write them: quarters, months, dd/mm/yyyy."""

import calendar
import datetime as dt

from django.utils import timezone


def today() -> dt.date:
    return timezone.localdate()


def quarter_of(day: dt.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_end(year: int, quarter: int) -> dt.date:
    month = quarter * 3
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


def format_date(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""
