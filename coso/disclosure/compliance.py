"""Compliance: has each unit disclosed what the law requires this year, and how well.

A fixed number of aggregate queries whatever the size of the tree: the required categories
per unit kind (a handful of rows), the units of the subtree grouped by their child's path
prefix and kind, the (unit, category) pairs disclosed that year grouped the same way, and the
flagged postings grouped the same way. No walk down the tree in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import CharField, Count, Exists, F, OuterRef, QuerySet, Value
from django.db.models.functions import Cast, Concat, Substr

from coso.units.models import Unit, path_within

from .models import HEAD_STATUSES, PUBLIC_STATUSES, Disclosure, DisclosureCategory

# A category counts as disclosed in a year when any version of an item of it was published
# with a posting starting that year (a later correction or early end does not undo it).
COUNTED_STATUSES = PUBLIC_STATUSES


def required_categories(kind: str) -> QuerySet[DisclosureCategory]:
    return DisclosureCategory.objects.filter(
        unit_kind=kind, active=True, required_every_year=True
    ).order_by("order", "id")


def _disclosed(unit: Unit, year: int) -> QuerySet[Disclosure]:
    return Disclosure.objects.filter(unit=unit, year=year, status__in=COUNTED_STATUSES)


@dataclass
class UnitCompliance:
    """One unit's own year: the required categories, those still missing, flagged postings."""

    unit: Unit
    year: int
    required: list[DisclosureCategory]
    missing: list[DisclosureCategory]
    flagged: list[Disclosure]

    @property
    def done(self) -> int:
        return len(self.required) - len(self.missing)

    @property
    def percent(self) -> int:
        return round(100 * self.done / len(self.required)) if self.required else 100


def unit_compliance(unit: Unit, year: int) -> UnitCompliance:
    """Two queries: the required categories with whether each was disclosed, the flagged items."""
    categories = list(
        required_categories(unit.kind).annotate(
            disclosed=Exists(_disclosed(unit, year).filter(category=OuterRef("pk")))
        )
    )
    flagged = list(
        Disclosure.objects.filter(unit=unit, year=year, status__in=HEAD_STATUSES)
        .flagged()
        .select_related("unit", "category")
        .order_by("-starts_on", "-id")
    )
    return UnitCompliance(
        unit=unit,
        year=year,
        required=categories,
        missing=[c for c in categories if not c.disclosed],  # type: ignore[attr-defined]
        flagged=flagged,
    )


@dataclass
class Rollup:
    """A subtree's figures: units expected to disclose, (unit, category) pairs expected and
    disclosed, and postings flagged."""

    units: int = 0
    expected: int = 0
    done: int = 0
    flagged: int = 0

    @property
    def missing(self) -> int:
        return max(self.expected - self.done, 0)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.expected) if self.expected else 100


@dataclass
class SubtreeCompliance:
    totals: Rollup
    by_child: dict[str, Rollup] = field(default_factory=dict)

    def for_child(self, child: Unit) -> Rollup:
        return self.by_child.get(child.path, Rollup())


def subtree_compliance(parent: Unit, year: int) -> SubtreeCompliance:
    """Figures for the units below `parent`, grouped by the child whose subtree holds them.

    Four queries whatever the number of units below.
    """
    length = len(parent.path) + Unit.steplen
    required = dict(
        DisclosureCategory.objects.filter(active=True, required_every_year=True)
        .values("unit_kind")
        .annotate(n=Count("pk"))
        .values_list("unit_kind", "n")
        .order_by()
    )
    by_child: dict[str, Rollup] = {}
    units = (
        Unit.objects.filter(
            path_within("path", parent.path),
            depth__gt=parent.depth,
            closed_on__isnull=True,
            kind__in=list(required),
        )
        .annotate(prefix=Substr("path", 1, length))
        .values("prefix", "kind")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in units:
        rollup = by_child.setdefault(row["prefix"], Rollup())
        rollup.units += row["n"]
        rollup.expected += row["n"] * required.get(row["kind"], 0)

    below = Disclosure.objects.filter(
        path_within("unit_path", parent.path),
        unit__depth__gt=parent.depth,
        unit__closed_on__isnull=True,
        year=year,
    )
    pair = Concat(
        Cast("unit_id", CharField()),
        Value(":"),
        Cast("category_id", CharField()),
        output_field=CharField(),
    )
    done = (
        below.filter(
            status__in=COUNTED_STATUSES,
            category__active=True,
            category__required_every_year=True,
            category__unit_kind=F("unit__kind"),
        )
        .annotate(prefix=Substr("unit_path", 1, length))
        .values("prefix")
        .annotate(n=Count(pair, distinct=True))
        .order_by()
    )
    for row in done:
        by_child.setdefault(row["prefix"], Rollup()).done += row["n"]
    flagged = (
        below.filter(status__in=HEAD_STATUSES)
        .flagged()
        .annotate(prefix=Substr("unit_path", 1, length))
        .values("prefix")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in flagged:
        by_child.setdefault(row["prefix"], Rollup()).flagged += row["n"]
    totals = Rollup(
        units=sum(r.units for r in by_child.values()),
        expected=sum(r.expected for r in by_child.values()),
        done=sum(r.done for r in by_child.values()),
        flagged=sum(r.flagged for r in by_child.values()),
    )
    return SubtreeCompliance(totals=totals, by_child=by_child)


def open_children(parent: Unit) -> QuerySet[Unit]:
    return Unit.objects.filter(
        path_within("path", parent.path), depth=parent.depth + 1, closed_on__isnull=True
    ).order_by("path")
