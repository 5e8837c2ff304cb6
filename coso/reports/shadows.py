"""Which counted report already includes a report's figures: no double counting, precomputed.

An intermediate unit's report aggregates the reports of the units below it. Under any viewing
unit, a report counts only when no counted report of the same requirement sits between the
viewing unit and it. Each submission keeps the depth of its nearest counted report above
(`shadow_depth`), refreshed for the subtree whenever a report starts or stops counting, so a
roll-up is a plain filter instead of one probe per level and per report.
"""

from __future__ import annotations

from django.db.models import Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Length, Substr

from coso.units.models import Unit, path_within

from .models import COUNTED_STATUSES, Submission

STEP = Unit.steplen


def refresh_shadow_depths(requirement_id: int, path: str, *, model=Submission) -> int:
    """Recompute `shadow_depth` of the requirement's submissions strictly below `path`.

    `model` lets a data migration pass its historical Submission model."""
    below = model.objects.filter(requirement_id=requirement_id).filter(
        path_within("unit_path", path)
    )
    longest = below.aggregate(longest=Max(Length("unit_path")))["longest"] or 0
    prefixes = Q(pk__in=[])
    for length in range(STEP, longest, STEP):
        prefixes |= Q(unit_path=Substr(OuterRef("unit_path"), 1, length))
    nearest = (
        model.objects.filter(requirement_id=requirement_id, status__in=COUNTED_STATUSES)
        .filter(prefixes)
        .exclude(unit_path=OuterRef("unit_path"))
        .annotate(depth=Length("unit_path") / STEP)
        .order_by("-depth")
        .values("depth")[:1]
    )
    return below.exclude(unit_path=path).update(shadow_depth=Coalesce(Subquery(nearest), Value(0)))


def refresh_after_change(submission: Submission) -> None:
    """A report started or stopped counting: the reports below it may now be shadowed or not."""
    refresh_shadow_depths(submission.requirement_id, submission.unit_path)
