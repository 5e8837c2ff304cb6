"""Reading a campaign: the assessors' scores of a nomination and which units have nominated."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count

from coso.units.models import Unit

from .models import Campaign, Criterion, Nomination, Score


@dataclass
class AssessorTotals:
    assessor: object
    points: dict[int, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.points.values())


@dataclass
class Assessment:
    criteria: list[Criterion]
    assessors: list[AssessorTotals]

    @property
    def max_total(self) -> int:
        return sum(c.max_points for c in self.criteria)

    @property
    def average_total(self) -> float | None:
        """The mean of the assessors' totals: each assessor counts once."""
        if not self.assessors:
            return None
        return round(sum(a.total for a in self.assessors) / len(self.assessors), 1)


def assessment_of(nomination: Nomination) -> Assessment:
    """Criteria and every assessor's points: two queries."""
    if nomination.campaign_id is None:
        return Assessment([], [])
    criteria = list(nomination.campaign.criteria.all())
    by_assessor: dict[int, AssessorTotals] = {}
    for score in Score.objects.filter(nomination=nomination).select_related("assessor"):
        entry = by_assessor.setdefault(score.assessor_id, AssessorTotals(score.assessor))
        entry.points[score.criterion_id] = score.points
    return Assessment(criteria, sorted(by_assessor.values(), key=lambda a: str(a.assessor)))


@dataclass
class UnitProgress:
    unit: Unit
    nominations: int


@dataclass
class Progress:
    rows: list[UnitProgress]

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def nominated(self) -> int:
        return sum(1 for r in self.rows if r.nominations)

    @property
    def percent(self) -> int:
        return round(100 * self.nominated / self.total) if self.total else 0


def campaign_progress(campaign: Campaign) -> Progress:
    """Every unit asked to nominate with its number of nominations: two queries."""
    counts = dict(
        Nomination.objects.filter(campaign=campaign)
        .values_list("unit_id")
        .annotate(n=Count("pk"))
        .values_list("unit_id", "n")
    )
    units = campaign.target_units().order_by("path")
    return Progress([UnitProgress(u, counts.get(u.pk, 0)) for u in units])
