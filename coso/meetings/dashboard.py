"""The meetings panel of a unit's dashboard: overdue commitments its subtree must carry out.

The dashboard page has already checked that the viewer may read the unit; it calls
`dashboard_panel(unit, on=...)` and includes "meetings/dashboard_panel.html" with the result as
`panel`. Two queries, whatever the size of the tree.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from django.urls import reverse

from coso.units.models import Unit, path_within

from .models import Commitment

SHOWN = 10


def dashboard_panel(unit: Unit, *, on: dt.date) -> dict:
    """Overdue commitments whose responsible unit is `unit` or below it: the count and the
    first 10, most overdue first."""
    overdue = (
        Commitment.objects.overdue(on)
        .filter(path_within("owner_unit__path", unit.path))
        .select_related("owner_unit", "meeting")
        .order_by("due_on", "id")
    )
    query = urlencode({"unit": unit.pk, "state": "overdue"})
    return {
        "unit": unit,
        "on": on,
        "count": overdue.count(),
        "items": list(overdue[:SHOWN]),
        "url": f"{reverse('meetings:commitments')}?{query}",
    }
