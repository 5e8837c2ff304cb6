"""Figures of feedback for the periodic reports, under the codes of the built-in report form
(coso/reports/builtin_form.py, section IV), read by coso.reports.figures.

Items received by the unit's subtree in the period are counted in their state today, as the
statistics page counts them (coso.feedback.stats); merged duplicates are left out. Reflections
and recommendations are counted apart from complaints and denunciations, as the form asks.
"""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import F

from coso.units.models import Unit

from .stats import COMPLAINT, DENUNCIATION, Figures, grouped

CODES = (
    "feedback-received",
    "feedback-resolved",
    "feedback-overdue",
    "feedback-on-time-rate",
    "complaints-received",
    "complaints-settled",
    "denunciations-received",
    "denunciations-settled",
)


def _percent(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def report_figures(unit: Unit, start: dt.date, end: dt.date) -> dict[str, int | Decimal]:
    """The figures of `unit`'s subtree for items received from `start` to `end` (inclusive).

    "Resolved" and "settled" mean answered; "overdue" means still waiting past the deadline
    today (an answer given late is counted in the on-time rate instead). Two queries.
    """
    by_kind = grouped(unit, start, end, F("kind__code"))
    complaints = by_kind.pop(COMPLAINT, Figures())
    denunciations = by_kind.pop(DENUNCIATION, Figures())
    feedback = Figures()
    for figures in by_kind.values():
        feedback.add(figures)
    result: dict[str, int | Decimal] = {
        "feedback-received": feedback.received,
        "feedback-resolved": feedback.answered,
        "feedback-overdue": feedback.waiting_overdue,
        "complaints-received": complaints.received,
        "complaints-settled": complaints.answered,
        "denunciations-received": denunciations.received,
        "denunciations-settled": denunciations.answered,
    }
    rate = _percent(feedback.in_time, feedback.answered)
    if rate is not None:
        result["feedback-on-time-rate"] = rate
    return result
