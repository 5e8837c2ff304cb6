"""What the public portal shows of community decisions (see coso/portal/sections.py): open
votes, the latest results, and the coming household meetings — the community's meeting
calendar for now. Only what anyone may read; a handful of rows and few queries."""

from __future__ import annotations

from django.db.models import Count
from django.utils import timezone

from coso.units.models import Unit, UnitKind

from .access import public_matters
from .models import Matter, MatterStatus

LATEST = 5


def _matters_of(unit: Unit):
    if unit.kind == UnitKind.RESIDENTIAL:
        return public_matters(unit)
    if unit.kind == UnitKind.COMMUNE:
        # A commune's page shows what its residential communities decided.
        return Matter.objects.in_subtree(unit).exclude(status=MatterStatus.CONVERTED)
    return Matter.objects.none()


def portal_context(unit: Unit) -> dict:
    if unit.kind not in (UnitKind.RESIDENTIAL, UnitKind.COMMUNE):
        return {}
    matters = _matters_of(unit).select_related("unit")
    open_votes = list(
        matters.filter(status=MatterStatus.OPEN)
        .annotate(voted=Count("votes"))
        .order_by("voting_closes_at", "-created_at")[:LATEST]
    )
    results = list(matters.decided().order_by("-decided_on", "-pk")[:LATEST])
    meetings = list(
        matters.filter(
            status=MatterStatus.OPEN, meeting_at__gte=timezone.now() - timezone.timedelta(hours=12)
        ).order_by("meeting_at")[:LATEST]
    )
    return {
        "unit": unit,
        "open_votes": open_votes,
        "results": results,
        "meetings": meetings,
        "show_unit": unit.kind != UnitKind.RESIDENTIAL,
        "has_anything": bool(open_votes or results or meetings),
    }
