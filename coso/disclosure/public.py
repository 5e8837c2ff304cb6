"""What the public portal shows of this app (see coso/portal/sections.py)."""

from __future__ import annotations

from django.db.models import Q

from coso.core.dates import today
from coso.units.models import Unit

from .access import public_disclosures
from .models import DisclosureStatus

LATEST = 5


def portal_context(unit: Unit) -> dict:
    """The unit's postings up now (the latest few) and how many items it has disclosed.

    Two queries; only what the public may read.
    """
    day = today()
    current = (
        public_disclosures(unit)
        .filter(status=DisclosureStatus.PUBLISHED, starts_on__lte=day)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=day))
        .select_related("category")
        .only("id", "title", "starts_on", "ends_on", "version", "category__name")
        .order_by("-starts_on", "-id")[:LATEST]
    )
    return {
        "unit": unit,
        "current": list(current),
        "count": public_disclosures(unit).exclude(status=DisclosureStatus.SUPERSEDED).count(),
    }
