"""The read side of the dashboards: a fixed number of aggregate queries, whatever the tree's size.

Subtree questions are index ranges on the materialised path (units.path), each unit probing
plans through the index plan_year_path; the per-child break-down groups that range by the
child's path prefix, so 300 children cost the same one grouped query as 3. docs/benchmarks.md
has the measurements behind these choices.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from coso.core.dates import ROMAN_QUARTERS, today
from coso.plans.models import (
    NO_QUARTER,
    OPEN_STATUSES,
    Plan,
    PlanStatus,
    Task,
    TaskStatus,
    quarter_of_task,
)
from coso.units.models import PLANNING_KINDS, FollowAssignment, FollowUpNote, Unit, path_within

OVERDUE_SHOWN = 10


# --- The unit's own tasks ----------------------------------------------------------------------


@dataclass(frozen=True)
class Bucket:
    key: str
    label: str
    count: int


@dataclass(frozen=True)
class TaskSummary:
    by_status: list[Bucket]
    by_quarter: list[Bucket]
    total: int
    overdue: int


def own_tasks(unit: Unit, year: int) -> QuerySet[Task]:
    """Tasks of the plans this unit issued for `year`, drafts included, withdrawn plans not."""
    return Task.objects.of_unit_plans(unit).filter(plan__year=year)


def task_summary(unit: Unit, year: int, *, on: dt.date | None = None) -> TaskSummary:
    """Counts by status, by quarter and overdue: one grouped query."""
    day = on or today()
    rows = (
        own_tasks(unit, year)
        .annotate(bucket=quarter_of_task())
        .values("status", "bucket")
        .annotate(
            n=Count("pk"),
            late=Count("pk", filter=Q(status__in=OPEN_STATUSES, deadline__lt=day)),
        )
        .order_by()
    )
    by_status: dict[str, int] = dict.fromkeys(TaskStatus.values, 0)
    by_quarter: dict[int, int] = dict.fromkeys((1, 2, 3, 4, NO_QUARTER), 0)
    overdue = 0
    for row in rows:
        by_status[row["status"]] = by_status.get(row["status"], 0) + row["n"]
        by_quarter[row["bucket"]] = by_quarter.get(row["bucket"], 0) + row["n"]
        overdue += row["late"]
    quarter_labels = {q: _("Quarter %(q)s") % {"q": ROMAN_QUARTERS[q]} for q in (1, 2, 3, 4)}
    quarter_labels[NO_QUARTER] = _("Ongoing / ad hoc")
    return TaskSummary(
        by_status=[
            Bucket(status, str(TaskStatus(status).label), by_status[status])
            for status in TaskStatus.values
        ],
        by_quarter=[
            Bucket(str(q), str(quarter_labels[q]), by_quarter[q]) for q in (1, 2, 3, 4, NO_QUARTER)
        ],
        total=sum(by_status.values()),
        overdue=overdue,
    )


def overdue_tasks(unit: Unit, year: int, *, on: dt.date | None = None) -> list[Task]:
    """The first overdue tasks, the oldest deadline first, with their plan: one query."""
    return list(
        own_tasks(unit, year)
        .overdue(on)
        .select_related("plan")
        .order_by("deadline", "pk")[:OVERDUE_SHOWN]
    )


# --- Coverage: which units have issued their plan for the year ---------------------------------


def _has_issued_plan(year: int) -> Exists:
    """The unit has an issued plan for `year`: an index-only probe of plan_year_path."""
    return Exists(
        Plan.objects.filter(year=year, status=PlanStatus.ISSUED, unit_path=OuterRef("path"))
    )


def expected_below(unit: Unit) -> QuerySet[Unit]:
    """Units below `unit` that must issue their own plan: open units of a planning kind."""
    return Unit.objects.filter(
        path_within("path", unit.path),
        depth__gt=unit.depth,
        closed_on__isnull=True,
        kind__in=PLANNING_KINDS,
    ).order_by()


@dataclass(frozen=True)
class Coverage:
    issued: int
    expected: int

    @property
    def missing(self) -> int:
        return max(self.expected - self.issued, 0)

    @property
    def percent(self) -> int:
        return round(100 * self.issued / self.expected) if self.expected else 0


def subordinate_coverage(unit: Unit, year: int) -> Coverage:
    """How many units below `unit` (not itself) issued their plan: one aggregate query."""
    counts = expected_below(unit).aggregate(
        expected=Count("pk"), issued=Count("pk", filter=_has_issued_plan(year))
    )
    return Coverage(issued=counts["issued"], expected=counts["expected"])


def coverage_by_child(parent: Unit, year: int) -> tuple[Coverage, dict[str, Coverage]]:
    """The subtree's totals and, for each child path, the coverage of that child's subtree.

    One query, whatever the number of children or the tree's size: the expected units of the
    subtree (one index range on units.path), each probing plan_year_path for an issued plan,
    grouped by the child's path prefix. The totals are the sum of the groups, so they cost
    nothing more.
    """
    length = len(parent.path) + Unit.steplen
    rows = (
        expected_below(parent)
        .annotate(prefix=Substr("path", 1, length))
        .values("prefix")
        .annotate(expected=Count("pk"), issued=Count("pk", filter=_has_issued_plan(year)))
        .order_by()
    )
    by_child = {row["prefix"]: Coverage(row["issued"], row["expected"]) for row in rows}
    totals = Coverage(
        issued=sum(c.issued for c in by_child.values()),
        expected=sum(c.expected for c in by_child.values()),
    )
    return totals, by_child


def open_children(parent: Unit) -> QuerySet[Unit]:
    """Open direct children: one range of the (depth, path) index."""
    return Unit.objects.filter(
        path_within("path", parent.path), depth=parent.depth + 1, closed_on__isnull=True
    ).order_by("path")


def children_by_coverage(parent: Unit, year: int) -> QuerySet[Unit]:
    """Open direct children; those expected to plan that have not issued one come first."""
    return (
        open_children(parent)
        .annotate(has_plan=_has_issued_plan(year))
        .annotate(
            missing=Case(
                When(Q(kind__in=PLANNING_KINDS) & Q(has_plan=False), then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        .order_by("missing", "path")
    )


def missing_children_count(parent: Unit, year: int) -> int:
    """Direct children expected to plan that have not issued a plan for `year`: one query."""
    return (
        open_children(parent)
        .filter(kind__in=PLANNING_KINDS)
        .exclude(_has_issued_plan(year))
        .order_by()
        .count()
    )


def own_plans_of(units: Sequence[Unit], year: int) -> dict[int, list[Plan]]:
    """Issued plans of `year` of each unit: one query."""
    found: dict[int, list[Plan]] = {unit.pk: [] for unit in units}
    plans = Plan.objects.filter(
        unit_id__in=list(found), year=year, status=PlanStatus.ISSUED
    ).order_by("issued_on", "pk")
    for plan in plans:
        found[plan.unit_id].append(plan)
    return found


# --- Follow-up of the direct children ----------------------------------------------------------


@dataclass
class FollowRow:
    unit: Unit
    followers: list[FollowAssignment] = field(default_factory=list)


def first_line(text: str | None, limit: int = 160) -> str:
    line = (text or "").strip().splitlines()[0] if (text or "").strip() else ""
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def follow_rows(children: Sequence[Unit]) -> list[FollowRow]:
    """Each child with the members following it and their latest note: one query."""
    rows = {child.pk: FollowRow(child) for child in children}
    latest = FollowUpNote.objects.filter(assignment=OuterRef("pk")).order_by("-visited_on", "-pk")
    assignments = (
        FollowAssignment.objects.filter(unit_id__in=list(rows), ended_on__isnull=True)
        .select_related("member__user")
        .annotate(
            last_visited=Subquery(latest.values("visited_on")[:1]),
            last_findings=Subquery(latest.values("findings")[:1]),
        )
        .order_by("unit_id", "member__position", "pk")
    )
    for assignment in assignments:
        assignment.last_line = first_line(assignment.last_findings)  # type: ignore[attr-defined]
        rows[assignment.unit_id].followers.append(assignment)
    return list(rows.values())
