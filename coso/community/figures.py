"""Figures of community decisions for the periodic reports (coso.reports.figures)."""

from __future__ import annotations

import datetime as dt

from coso.units.models import Unit, path_within

from .models import Matter


def report_figures(unit: Unit, start: dt.date, end: dt.date) -> dict[str, int]:
    """Matters the people of the unit's subtree decided in the period (Law 10/2022, art. 15)."""
    decided = Matter.objects.filter(
        path_within("unit_path", unit.path), decided_on__range=(start, end)
    ).count()
    return {"community-decisions": decided}
