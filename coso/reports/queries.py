"""The read side of periodic reports: completeness, roll-up totals and trends, live.

DHIS2 computes these in an overnight analytics job; here each table is a fixed number of
aggregate queries over the submission table, whatever the size of the tree:

- a subtree is an index range on the materialised path (`path_within`), never a LIKE;
- the break-down per child groups that range by the child's path prefix
  (`Substr(unit_path, 1, len(unit.path) + steplen)`), so 300 children cost one query as 3;
- no double counting: an intermediate unit's own report already aggregates the units below
  it, so along each branch only the highest counted report is taken. A report counts when no
  counted report of the same requirement exists at one of its ancestors strictly below the
  viewing unit: each submission keeps the depth of its nearest counted report above
  (`shadow_depth`, maintained by reports.shadows when a report starts or stops counting), so
  this is a plain filter.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import (
    BooleanField,
    Count,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Sum,
    Value,
)
from django.db.models.functions import Substr
from django.utils import timezone

from coso.units.models import Unit, path_within

from .models import (
    COUNTED_STATUSES,
    Indicator,
    IndicatorKind,
    Period,
    ReportForm,
    ReportRequirement,
    Submission,
    SubmissionValue,
)

STEP = Unit.steplen
ROLL_UP_KINDS = (
    IndicatorKind.INTEGER,
    IndicatorKind.DECIMAL,
    IndicatorKind.PERCENT,
    IndicatorKind.BOOLEAN,
)
PERCENT_PLACES = Decimal("0.01")
VALUE_PLACES = Decimal("0.0001")


# --- Helpers shared by the tables ----------------------------------------------------------------


def deadline_cutoff(deadline: dt.date) -> dt.datetime:
    """The first instant after the deadline day, in Vietnam's time: a report first submitted
    before it is on time (officers count days in local time, not UTC)."""
    return timezone.make_aware(
        dt.datetime.combine(deadline + dt.timedelta(days=1), dt.time.min),
        timezone.get_default_timezone(),
    )


def _not_shadowed(unit: Unit, *, prefix: str = "") -> Q:
    """The submission (reached through `prefix`, e.g. "submission__") is the highest counted one
    on its branch below `unit`: no counted report of its requirement sits between `unit` and it
    (see reports.shadows, which keeps `shadow_depth`)."""
    return Q(**{f"{prefix}shadow_depth__lte": unit.depth})


def child_prefix(unit: Unit, field_name: str = "unit_path") -> Substr:
    """The path of the child of `unit` whose subtree holds the row (the row's own path when it
    is `unit` itself)."""
    return Substr(field_name, 1, len(unit.path) + STEP)


def _children(unit: Unit, with_data: set[str]) -> list[Unit]:
    """Open children, and closed ones that still have figures in the table: one query."""
    return list(
        Unit.objects.filter(path_within("path", unit.path), depth=unit.depth + 1)
        .filter(Q(closed_on__isnull=True) | Q(path__in=sorted(with_data)))
        .order_by("path")
    )


# --- Completeness --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CompletenessRow:
    """Reports expected in a subtree: on time and late (by the first submission, in Vietnam's
    time: a report returned since still counts as sent when it was first sent) and missing
    (never submitted: not started or a draft). A unit closed before it reported is not
    expected any more."""

    unit: Unit | None
    required: int
    on_time: int
    late: int
    missing: int

    @property
    def submitted(self) -> int:
        return self.on_time + self.late

    @property
    def percent(self) -> int:
        return round(100 * self.submitted / self.required) if self.required else 0


@dataclass
class CompletenessTable:
    requirement: ReportRequirement
    unit: Unit
    total: CompletenessRow
    rows: list[CompletenessRow]
    # The viewing unit's own report, when the requirement asks it for one (not in `total`,
    # which covers the units below it, as the rows do).
    own: CompletenessRow | None = None


def _completeness_counts(requirement: ReportRequirement, unit: Unit) -> QuerySet:
    cutoff = deadline_cutoff(requirement.deadline)
    return (
        Submission.objects.filter(requirement=requirement)
        .filter(path_within("unit_path", unit.path))
        # A unit closed before it reported is no longer expected to; what it sent still counts.
        # A probe rather than a join: only the rows not yet submitted need to look at the unit.
        .filter(
            Q(first_submitted_at__isnull=False)
            | ~Q(Exists(Unit.objects.filter(pk=OuterRef("unit_id"), closed_on__isnull=False)))
        )
        .annotate(prefix=child_prefix(unit))
        .values("prefix")
        .annotate(
            required=Count("pk"),
            on_time=Count("pk", filter=Q(first_submitted_at__lt=cutoff)),
            late=Count("pk", filter=Q(first_submitted_at__gte=cutoff)),
        )
        .order_by()
    )


def _row(unit: Unit | None, counts: dict | None) -> CompletenessRow:
    if not counts:
        return CompletenessRow(unit, 0, 0, 0, 0)
    required, on_time, late = counts["required"], counts["on_time"], counts["late"]
    return CompletenessRow(unit, required, on_time, late, required - on_time - late)


def completeness_by_child(requirement: ReportRequirement, unit: Unit) -> CompletenessTable:
    """Required, on time, late and missing for each child of `unit`: two queries."""
    by_prefix = {row["prefix"]: row for row in _completeness_counts(requirement, unit)}
    own = by_prefix.pop(unit.path, None)
    rows = [_row(child, by_prefix.get(child.path)) for child in _children(unit, set(by_prefix))]
    rows.sort(key=lambda r: (-r.missing, -r.late, r.unit.path if r.unit else ""))
    total = CompletenessRow(
        None,
        sum(r.required for r in rows),
        sum(r.on_time for r in rows),
        sum(r.late for r in rows),
        sum(r.missing for r in rows),
    )
    return CompletenessTable(
        requirement=requirement,
        unit=unit,
        total=total,
        rows=rows,
        own=_row(unit, own) if own else None,
    )


# --- Totals ----------------------------------------------------------------------------------------


@dataclass
class TotalsRow:
    unit: Unit | None
    values: dict[str, Decimal | None]
    # How many reports the figures come from (the highest counted one on each branch).
    reports: int = 0


@dataclass
class TotalsTable:
    requirement: ReportRequirement
    unit: Unit
    indicators: list[Indicator]
    total: TotalsRow
    rows: list[TotalsRow]


@dataclass
class Accumulator:
    """Running sum and number of reporting units of one indicator."""

    sum: Decimal = Decimal(0)
    count: int = 0

    def add(self, total: Decimal | None, count: int) -> None:
        if total is not None:
            self.sum += total
            self.count += count

    def value(self, kind: str) -> Decimal | None:
        if not self.count:
            return None
        if kind == IndicatorKind.PERCENT:
            return (self.sum / self.count).quantize(PERCENT_PLACES, rounding=ROUND_HALF_UP)
        # Values have 4 decimal places; SQLite adds them up as floating point numbers.
        total = self.sum.quantize(VALUE_PLACES, rounding=ROUND_HALF_UP)
        if total == total.to_integral_value():
            return total.quantize(Decimal(1))
        return total.normalize()


def rollup_indicators(form: ReportForm | int) -> list[Indicator]:
    """Indicators that roll up the tree, in form order: one query."""
    return list(
        Indicator.objects.filter(form=form, kind__in=ROLL_UP_KINDS).order_by(
            "section__order", "section_id", "order", "id"
        )
    )


def counted_values(
    requirements: QuerySet | list[int] | ReportRequirement,
    unit: Unit,
) -> QuerySet[SubmissionValue]:
    """Values of the counted reports below `unit` that are the highest on their branch."""
    if isinstance(requirements, ReportRequirement):
        by_requirement = Q(submission__requirement=requirements)
    else:
        by_requirement = Q(submission__requirement__in=requirements)
    return (
        SubmissionValue.objects.filter(by_requirement)
        .filter(path_within("submission__unit_path", unit.path))
        .exclude(submission__unit_path=unit.path)
        .filter(submission__status__in=COUNTED_STATUSES)
        .filter(_not_shadowed(unit, prefix="submission__"))
    )


def totals_by_child(requirement: ReportRequirement, unit: Unit) -> TotalsTable:
    """Indicator totals for each child of `unit` and for all of them: four queries.

    Whole numbers and decimals are summed, yes/no counted (the number of "yes"), percentages
    averaged over the reporting units. The viewing unit's own report is not part of it: it is
    the figure these totals feed.
    """
    indicators = rollup_indicators(requirement.form_id)
    kinds = {i.pk: i for i in indicators}
    rows = (
        # No filter on the indicators: each report's values are then one range of the unique
        # index (submission, indicator) instead of a seek per indicator; the others are
        # skipped below.
        counted_values(requirement, unit)
        .annotate(prefix=child_prefix(unit, "submission__unit_path"))
        .values("prefix", "indicator_id")
        .annotate(total=Sum("number"), n=Count("number"), reports=Count("submission_id"))
        .order_by()
    )
    acc: dict[str, dict[int, Accumulator]] = defaultdict(lambda: defaultdict(Accumulator))
    reports: dict[str, int] = defaultdict(int)
    for row in rows:
        reports[row["prefix"]] = max(reports[row["prefix"]], row["reports"])
        if row["indicator_id"] in kinds:
            acc[row["prefix"]][row["indicator_id"]].add(row["total"], row["n"])
    grand: dict[int, Accumulator] = defaultdict(Accumulator)
    table_rows = []
    for child in _children(unit, set(acc)):
        figures = acc.get(child.path, {})
        for pk, a in figures.items():
            grand[pk].add(a.sum, a.count)
        table_rows.append(
            TotalsRow(
                unit=child,
                values={
                    i.code: figures[i.pk].value(i.kind) if i.pk in figures else None
                    for i in indicators
                },
                reports=reports.get(child.path, 0),
            )
        )
    total = TotalsRow(
        unit=None,
        values={i.code: grand[i.pk].value(i.kind) if i.pk in grand else None for i in indicators},
        reports=sum(r.reports for r in table_rows),
    )
    return TotalsTable(requirement, unit, indicators, total, table_rows)


# --- Trends ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TrendPoint:
    period: Period
    value: Decimal | None


@dataclass
class _TrendSides:
    below: Accumulator = field(default_factory=Accumulator)
    own: Accumulator = field(default_factory=Accumulator)


def trend(
    unit: Unit,
    indicator_code: str,
    *,
    form: ReportForm | None = None,
    kind: str,
) -> list[TrendPoint]:
    """The indicator across the periods of one kind, oldest first: one grouped query.

    For each period: the total of the reports of the units below `unit` for the requirements
    `unit` issued (no double counting), or, when it issued none, `unit`'s own reports. Indicators
    are matched by code, so the trend spans forms and years. `form` keeps only requirements of
    that form.
    """
    counted = SubmissionValue.objects.filter(
        indicator__code=indicator_code,
        submission__status__in=COUNTED_STATUSES,
        submission__requirement__period__kind=kind,
    )
    if form is not None:
        counted = counted.filter(submission__requirement__form=form)
    below = (
        counted.filter(submission__requirement__unit=unit)
        .filter(path_within("submission__unit_path", unit.path))
        .exclude(submission__unit_path=unit.path)
        .filter(_not_shadowed(unit, prefix="submission__"))
    )
    own = counted.filter(submission__unit=unit)
    period = "submission__requirement__period__"
    fields = ("kind", "year", "number", "start", "end", "code")

    def grouped(values: QuerySet, mine: bool) -> QuerySet:
        # Two plain halves of a UNION ALL rather than one OR: PostgreSQL plans the no double
        # counting probes of the first as anti-joins only when nothing is OR-ed to them.
        return (
            values.annotate(
                mine=Value(mine, output_field=BooleanField()),
                period_id=F(f"{period[:-2]}_id"),
                indicator_kind=F("indicator__kind"),
            )
            .values("period_id", "mine", "indicator_kind", *(period + f for f in fields))
            .annotate(total=Sum("number"), n=Count("number"))
            .order_by()
        )

    rows = grouped(below, False).union(grouped(own, True), all=True)
    by_period: dict[int, _TrendSides] = defaultdict(_TrendSides)
    periods: dict[int, Period] = {}
    value_kind = IndicatorKind.INTEGER
    for row in rows:
        value_kind = row["indicator_kind"]
        side = by_period[row["period_id"]]
        (side.own if row["mine"] else side.below).add(row["total"], row["n"])
        periods[row["period_id"]] = Period(
            pk=row["period_id"], **{f: row[period + f] for f in fields}
        )
    points = []
    for period in sorted(periods.values(), key=lambda p: (p.start, p.end, p.pk)):
        acc = by_period[period.pk]
        chosen = acc.below if acc.below.count else acc.own
        points.append(TrendPoint(period, chosen.value(value_kind)))
    return points
