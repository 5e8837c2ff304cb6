"""Geometry for the small inline SVG charts: the template only places what is computed here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .queries import Bucket

STATUS_COLOURS = {
    "not_started": "#9e9e9e",
    "in_progress": "#0b5394",
    "done": "#2e7d32",
    "paused": "#b26a00",
    "cancelled": "#5b5b5b",
}

ROW_HEIGHT = 24
BAR_MAX = 150  # px of the longest horizontal bar
COLUMN_WIDTH = 60
COLUMN_MAX = 90  # px of the tallest column
COLUMN_BASE = 110  # y of the columns' base line


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    url: str
    colour: str
    x: int
    y: int
    width: int
    height: int


def _scale(count: int, largest: int, size: int) -> int:
    if not count or not largest:
        return 0
    return max(2, round(size * count / largest))


def horizontal_bars(
    buckets: Sequence[Bucket], url_for: Callable[[Bucket], str]
) -> tuple[list[Bar], int]:
    """Rows of bars, one per bucket; returns the bars and the chart's height."""
    largest = max((b.count for b in buckets), default=0)
    bars = [
        Bar(
            label=b.label,
            count=b.count,
            url=url_for(b),
            colour=STATUS_COLOURS.get(b.key, "#0b5394"),
            x=120,
            y=i * ROW_HEIGHT,
            width=_scale(b.count, largest, BAR_MAX),
            height=ROW_HEIGHT - 8,
        )
        for i, b in enumerate(buckets)
    ]
    return bars, len(buckets) * ROW_HEIGHT


def columns(buckets: Sequence[Bucket], url_for: Callable[[Bucket], str]) -> tuple[list[Bar], int]:
    """Vertical columns side by side; returns the bars and the chart's width."""
    largest = max((b.count for b in buckets), default=0)
    bars = []
    for i, b in enumerate(buckets):
        height = _scale(b.count, largest, COLUMN_MAX)
        bars.append(
            Bar(
                label=b.label,
                count=b.count,
                url=url_for(b),
                colour="#0b5394",
                x=i * COLUMN_WIDTH + 10,
                y=COLUMN_BASE - height,
                width=COLUMN_WIDTH - 20,
                height=height,
            )
        )
    return bars, len(buckets) * COLUMN_WIDTH
