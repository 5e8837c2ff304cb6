"""Figures of recognition for the periodic reports (coso.reports.figures)."""

from __future__ import annotations

import datetime as dt

from coso.units.models import Unit, path_within

from .models import Nomination, NominationStatus


def report_figures(unit: Unit, start: dt.date, end: dt.date) -> dict[str, int]:
    """Models and people of the unit's subtree recognised by a decision dated in the period."""
    recognised = Nomination.objects.filter(
        path_within("unit_path", unit.path),
        status=NominationStatus.RECOGNISED,
        decision_date__range=(start, end),
    )
    return {"models-recognised": recognised.count()}
