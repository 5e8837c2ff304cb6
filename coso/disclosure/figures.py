"""Figures of disclosure for the periodic reports (coso.reports.figures)."""

from __future__ import annotations

import datetime as dt

from coso.units.models import Unit, path_within

from .models import PUBLIC_STATUSES, Disclosure


def report_figures(unit: Unit, start: dt.date, end: dt.date) -> dict[str, int]:
    """Items disclosed in the unit's subtree whose posting began in the period.

    A correction is a new version of the same item, not a new item: only first versions count.
    """
    disclosed = Disclosure.objects.filter(
        path_within("unit_path", unit.path),
        root__isnull=True,
        status__in=PUBLIC_STATUSES,
        starts_on__range=(start, end),
    ).count()
    return {"disclosures": disclosed}
