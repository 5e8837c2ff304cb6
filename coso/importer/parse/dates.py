"""Dates as plans write them: "14/8/2023", "06/02/2024", "ngày 14 tháng 8 năm 2023"."""

from __future__ import annotations

import datetime as dt
import re

NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?![\d/])")
WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
# "ngày 14/8/2023", "ngày 10 tháng 01 năm 2024": a date introduced by "ngày".
WITH_NGAY = re.compile(
    r"ngày\s*:?\s*(?:(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))",
    re.I,
)


def make(day: str | int, month: str | int, year: str | int) -> dt.date | None:
    try:
        return dt.date(int(year), int(month), int(day))
    except (TypeError, ValueError):
        return None


def from_match(match: re.Match) -> dt.date | None:
    groups = [g for g in match.groups() if g is not None]
    if len(groups) < 3:
        return None
    return make(*groups[:3])
