"""Figures of inspections for the periodic reports (coso.reports.figures).

Counted on the inspecting side: what the unit and the units below it inspected in the period.
"""

from __future__ import annotations

import datetime as dt

from coso.units.models import Unit, path_within

from .models import ActionStatus, CorrectiveAction, InspectionTarget


def report_figures(unit: Unit, start: dt.date, end: dt.date) -> dict[str, int]:
    """Inspections concluded in the period (one per inspected unit), the corrections their
    conclusions required, and the corrections accepted as done in the period."""
    by_subtree = path_within("plan_path", unit.path)
    return {
        "inspections": InspectionTarget.objects.filter(
            by_subtree, concluded_on__range=(start, end)
        ).count(),
        "violations-found": CorrectiveAction.objects.filter(
            by_subtree, target__concluded_on__range=(start, end)
        ).count(),
        "violations-corrected": CorrectiveAction.objects.filter(
            by_subtree, status=ActionStatus.DONE, done_on__range=(start, end)
        ).count(),
    }
