"""What the public portal shows of this app (see coso/portal/sections.py)."""

from __future__ import annotations

from coso.core.dates import today
from coso.units.models import Unit

from .access import public_consultations
from .models import ConsultationStatus

LATEST = 5


def portal_context(unit: Unit) -> dict:
    """Open consultations with the days left, and the latest published syntheses: two queries."""
    day = today()
    mine = public_consultations(unit).only(
        "id", "title", "opens_on", "closes_on", "status", "published_at", "unit_id"
    )
    open_items = list(
        mine.filter(status=ConsultationStatus.OPEN, closes_on__gte=day).order_by("closes_on", "id")[
            :LATEST
        ]
    )
    published = list(
        mine.filter(status=ConsultationStatus.PUBLISHED).order_by("-published_at", "-id")[:LATEST]
    )
    return {"unit": unit, "open": open_items, "published": published}
