"""What the public portal shows of this app (see coso/portal/sections.py)."""

from __future__ import annotations

from coso.units.models import Unit

from .access import public_conventions
from .models import VersionStatus

LATEST = 5


def portal_context(unit: Unit) -> dict:
    """The conventions in force of the community (or of a commune's communities): one query."""
    in_force = list(
        public_conventions(unit)
        .filter(versions__status=VersionStatus.IN_FORCE)
        .select_related("unit")
        .only("id", "title", "kind", "unit__name")
        .order_by("unit__path", "id")[:LATEST]
    )
    return {"unit": unit, "in_force": in_force}
