"""The time of a task: quarter, month, date, "trước ngày …", "thường xuyên", "đột xuất"."""

from __future__ import annotations

import datetime as dt
import re

from ..extraction import Timing
from . import dates

_LABEL = re.compile(
    r"thời gian(?:\s+(?:thực hiện|hoàn thành|tổ chức))?\s*:\s*([^;.]+(?:\.\d[^;.]*)?)", re.I
)
_BEFORE = re.compile(
    r"(?:trước|chậm nhất|không muộn hơn|hạn)\s+(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])",
    re.I,
)
_DATE = re.compile(
    r"(?:ngày\s+)(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*(\d{4}))?(?![\d/])|(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])",
    re.I,
)
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_QUARTER = re.compile(r"\bquý\s+(IV|III|II|I|[1-4])(?![\w])", re.I)
_MONTH = re.compile(r"\btháng\s+(\d{1,2})(?:\s*/\s*(\d{4})|\s+năm\s+(\d{4}))?(?![\d/])", re.I)
_AD_HOC = re.compile(r"(?<!hoặc )đột xuất", re.I)  # "6 tháng hoặc đột xuất": a report's period
_ONGOING = re.compile(
    r"(?:\(\s*|:\s*)?thường xuyên\s*(?=[.;,)]|$)|:\s*thường xuyên|(?:thực hiện|tiến hành)\s+thường xuyên",
    re.I,
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}


def _year(value: str | None, default: int | None) -> int | None:
    return int(value) if value else default


def find(
    text: str, year: int | None = None
) -> tuple[Timing, int | None, int | None, dt.date | None]:
    """(timing, quarter, month, due_on) read from a task's text, citations already masked."""
    label = _LABEL.search(text)
    if label:
        found = _scan(label.group(1), year, labelled=True)
        if found[0] == Timing.DATE and "hoàn thành" in label.group(0).lower():
            found = (Timing.BEFORE, *found[1:])  # "Thời gian hoàn thành: 30/6/2024"
        if found[0] != Timing.NONE:
            return found
    return _scan(text, year, labelled=False)


def _scan(text: str, year: int | None, labelled: bool):
    match = _BEFORE.search(text)
    if match:
        y = _year(match.group(3), year)
        return (
            Timing.BEFORE,
            None,
            None,
            dates.make(match.group(1), match.group(2), y) if y else None,
        )
    match = _DATE_WORDS.search(text)
    if match:
        return Timing.DATE, None, None, dates.make(*match.groups())
    match = _DATE.search(text)
    if match:
        g = match.groups()
        day, month, y = (g[0], g[1], g[2]) if g[0] else (g[3], g[4], g[5])
        y = _year(y, year)
        return Timing.DATE, None, None, dates.make(day, month, y) if y else None
    match = _QUARTER.search(text)
    if match:
        value = match.group(1).upper()
        return Timing.QUARTER, _ROMAN.get(value) or int(value), None, None
    match = _MONTH.search(text)
    if match and 1 <= int(match.group(1)) <= 12:
        return Timing.MONTH, None, int(match.group(1)), None
    if _AD_HOC.search(text):
        return Timing.AD_HOC, None, None, None
    if (labelled and re.search(r"thường xuyên", text, re.I)) or _ONGOING.search(text):
        return Timing.ONGOING, None, None, None
    return Timing.NONE, None, None, None
