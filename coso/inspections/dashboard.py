"""The inspections panel of a unit's dashboard: overdue corrective actions on both sides.

The dashboard page (coso.dashboard) has already checked that the viewer may read the unit;
it calls `dashboard_panel(unit, on=...)` and includes "inspections/dashboard_panel.html" with
the result as `panel`. Four queries, whatever the size of the tree.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse

from coso.units.models import Unit, path_within

from .models import CorrectiveAction

SHOWN = 10


def _list_url(unit: Unit, side: str) -> str:
    query = {"unit": unit.pk, "side": side, "state": "overdue"}
    return f"{reverse('inspections:actions')}?{urlencode(query)}"


def dashboard_panel(unit: Unit, *, on: dt.date) -> dict:
    """Overdue corrective actions the unit must carry out (it was inspected), and those of
    the inspections it or a unit below it carried out (it inspects): counts and the first 10,
    most overdue first."""
    overdue = (
        CorrectiveAction.objects.overdue(on)
        .select_related("unit", "target__plan__unit")
        .order_by("deadline", "id")
    )
    inspected = overdue.filter(unit=unit)
    inspecting = overdue.filter(path_within("plan_path", unit.path))
    return {
        "unit": unit,
        "on": on,
        "inspected": {
            "count": inspected.count(),
            "items": list(inspected[:SHOWN]),
            "url": _list_url(unit, "inspected"),
        },
        "inspecting": {
            "count": inspecting.count(),
            "items": list(inspecting[:SHOWN]),
            "url": _list_url(unit, "inspecting"),
        },
    }
