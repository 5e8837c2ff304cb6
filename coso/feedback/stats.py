"""How units handle feedback: counts by child unit (rolled up the tree), kind, field and period.

What is counted is the *cohort* of items received in the period (by `received_on`), in the
state they are in today; merged duplicates are left out (their original counts once):

- received: every item of the cohort;
- answered: answered at least once (`answered_on` set; a reopened item stays answered);
- in time: its (latest) answer came by the due day (`answered_in_time`, set by the answer);
- overdue: still open with the due day passed (`due_on` before today), or answered late;
- closed: settled (`status` closed);
- reopened: the sender reopened it (`reopened_count` > 0);
- average days to answer: mean of `days_to_answer` over the answered items, in the kind's
  days (working days for reflections, calendar days for complaints and denunciations).

Each break-down is one grouped query over the subtree's index range on `unit_path`; the
roll-up by child groups that range by the child's path prefix, so a unit with 300 children
costs one query like a unit with 3 (docs/benchmarks.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import CharField as CharOutput
from django.db.models import Count, F, Func, Q, QuerySet, Sum
from django.db.models.functions import Substr
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coso.core.dates import today
from coso.units.models import Unit, path_within

from .models import OPEN_STATUSES, Feedback, FeedbackField, FeedbackKind, Status

PERIODS = {
    "month": gettext_lazy("By month"),
    "quarter": gettext_lazy("By quarter"),
    "year": gettext_lazy("By year"),
}
DEFAULT_PERIOD = "month"
YEARS_SHOWN = 5
# Years a page may ask for: wide enough for any archive, narrow enough for dates to exist.
FIRST_YEAR, LAST_YEAR = 1990, 2100
COMPLAINT, DENUNCIATION = "complaint", "denunciation"
NO_FIELD = "none"
STEPLEN = Unit.steplen


class YearMonth(Func):
    """'YYYY-MM' of a date column, natively on each database (Django's ExtractMonth calls a
    Python function per row on SQLite)."""

    output_field = CharOutput()

    def as_sqlite(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="substr(%(expressions)s, 1, 7)")

    def as_postgresql(self, compiler, connection, **extra):
        return self.as_sql(compiler, connection, template="to_char(%(expressions)s, 'YYYY-MM')")

    def as_sql(self, compiler, connection, **extra):
        extra.setdefault("template", "substr(CAST(%(expressions)s AS char(10)), 1, 7)")
        return super().as_sql(compiler, connection, **extra)


@dataclass
class Figures:
    received: int = 0
    answered: int = 0
    in_time: int = 0
    overdue: int = 0
    waiting_overdue: int = 0  # still unanswered past the deadline (part of `overdue`)
    closed: int = 0
    reopened: int = 0
    days_total: int = 0
    days_count: int = 0
    complaints: int = 0
    denunciations: int = 0

    @property
    def average_days(self) -> float | None:
        return round(self.days_total / self.days_count, 1) if self.days_count else None

    def add(self, other: Figures) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @classmethod
    def of(cls, row: dict) -> Figures:
        return cls(**{name: row.get(name) or 0 for name in cls.__dataclass_fields__})


@dataclass
class Row:
    key: str
    label: str
    figures: Figures
    unit: Unit | None = None  # a child unit (links down the tree)
    is_self: bool = False  # the unit's own items, not a child's


@dataclass
class Statistics:
    unit: Unit
    year: int
    period: str
    start: dt.date
    end: dt.date
    totals: Figures
    by_child: list[Row]
    by_kind: list[Row]
    by_field: list[Row]
    by_period: list[Row]
    notes: list[str] = field(default_factory=list)


def _counts(day: dt.date, kind_ids: dict[str, int]) -> dict:
    """The aggregates of one group, as conditional counts: one pass over the rows.

    Rows are counted on `received_on` (never null) rather than the primary key: every column
    read is then in the covering index `feedback_stats_cover`, which the database answers
    without reading the wide rows (the key is not in that index).
    """
    return {
        "received": Count("received_on"),
        "answered": Count("received_on", filter=Q(answered_on__isnull=False)),
        "in_time": Count("received_on", filter=Q(answered_in_time=True)),
        "overdue": Count(
            "received_on",
            filter=Q(answered_in_time=False) | Q(status__in=OPEN_STATUSES, due_on__lt=day),
        ),
        "waiting_overdue": Count("received_on", filter=Q(status__in=OPEN_STATUSES, due_on__lt=day)),
        "closed": Count("received_on", filter=Q(status=Status.CLOSED)),
        "reopened": Count("received_on", filter=Q(reopened_count__gt=0)),
        "days_total": Sum("days_to_answer"),
        "days_count": Count("days_to_answer"),
        "complaints": Count("received_on", filter=Q(kind_id=kind_ids.get(COMPLAINT, 0))),
        "denunciations": Count("received_on", filter=Q(kind_id=kind_ids.get(DENUNCIATION, 0))),
    }


def cohort(unit: Unit, start: dt.date, end: dt.date) -> QuerySet[Feedback]:
    """Items received by the unit's subtree between `start` and `end` (inclusive)."""
    return (
        Feedback.objects.filter(path_within("unit_path", unit.path))
        .filter(received_on__gte=start, received_on__lte=end)
        .exclude(status=Status.MERGED)
        .order_by()
    )


def _kind_ids() -> dict[str, int]:
    return dict(
        FeedbackKind.objects.filter(code__in=(COMPLAINT, DENUNCIATION)).values_list("code", "id")
    )


def grouped(
    unit: Unit, start: dt.date, end: dt.date, key, *, day: dt.date | None = None, kind_ids=None
) -> dict[str, Figures]:
    """Figures of the cohort grouped by the expression `key` (one query)."""
    day = day or today()
    kind_ids = _kind_ids() if kind_ids is None else kind_ids
    rows = (
        cohort(unit, start, end)
        .annotate(group=key)
        .values("group")
        .annotate(**_counts(day, kind_ids))
        .order_by()
    )
    return {str(row["group"]): Figures.of(row) for row in rows}


def totals(unit: Unit, start: dt.date, end: dt.date, *, day: dt.date | None = None) -> Figures:
    """The figures of the whole subtree for the period (one query, plus the kinds' ids)."""
    row = cohort(unit, start, end).aggregate(**_counts(day or today(), _kind_ids()))
    return Figures.of(row)


def _child_rows(unit: Unit, figures: dict[str, Figures]) -> list[Row]:
    """Rows for the children of `unit` from figures keyed by path prefix (one query: the
    children), plus the unit's own items when it has any."""
    figures = dict(figures)
    rows = []
    own = figures.pop(unit.path, None)
    if own is not None:
        rows.append(Row(unit.path, _("Handled by the unit itself"), own, unit, is_self=True))
    for child in Unit.objects.get_children(unit):
        found = figures.pop(child.path, None)
        if found is None and child.closed_on is not None:
            continue  # a closed unit without items in the period is not worth a line
        rows.append(Row(child.path, child.name, found or Figures(), child))
    if figures:  # items under a path no child has any more: counted, not lost
        rest = Figures()
        for found in figures.values():
            rest.add(found)
        rows.append(Row("other", _("Other units"), rest))
    return rows


def _child_prefix(unit: Unit) -> Substr:
    return Substr("unit_path", 1, len(unit.path) + STEPLEN)


def rollup(
    unit: Unit, start: dt.date, end: dt.date, *, day: dt.date | None = None, kind_ids=None
) -> list[Row]:
    """One row per child unit with its whole subtree's figures, and a row for the unit's own
    items when it has any: one grouped query on the child's path prefix, plus the children."""
    figures = grouped(unit, start, end, _child_prefix(unit), day=day, kind_ids=kind_ids)
    return _child_rows(unit, figures)


def _breakdowns(unit: Unit, start: dt.date, end: dt.date, day, kind_ids):
    """Figures by child prefix, kind, field and month, from ONE grouped query: every item of
    the period is read once, whichever break-down it feeds."""
    rows = (
        cohort(unit, start, end)
        .annotate(child=_child_prefix(unit), month=YearMonth("received_on"), f_kind=F("kind_id"))
        .values("child", "f_kind", "field_id", "month")
        .annotate(**_counts(day, kind_ids))
        .order_by()
    )
    by: dict[str, dict[str, Figures]] = {"child": {}, "kind": {}, "field": {}, "month": {}}
    for row in rows:
        figures = Figures.of(row)
        for name, key in (
            ("child", row["child"]),
            ("kind", row["f_kind"]),
            ("field", row["field_id"]),
            ("month", row["month"]),
        ):
            by[name].setdefault(str(key), Figures()).add(figures)
    return by


def _period_rows(unit, year, period, day, kind_ids, months: dict[str, Figures]) -> list[Row]:
    if period == "year":
        first = max(FIRST_YEAR, year - YEARS_SHOWN + 1)
        start, end = dt.date(first, 1, 1), dt.date(year, 12, 31)
        by_month = grouped(unit, start, end, YearMonth("received_on"), day=day, kind_ids=kind_ids)
        keys = [(str(y), str(y)) for y in range(first, year + 1)]

        def bucket(month: str) -> str:
            return month[:4]
    else:
        by_month = months
        if period == "quarter":
            keys = [(str(q), _("Quarter %(n)s") % {"n": q}) for q in range(1, 5)]

            def bucket(month: str) -> str:
                return str((int(month[5:7]) - 1) // 3 + 1)
        else:
            keys = [(f"{m:02d}", _("Month %(n)s") % {"n": m}) for m in range(1, 13)]

            def bucket(month: str) -> str:
                return month[5:7]

    sums = {key: Figures() for key, _label in keys}
    for month, figures in by_month.items():
        if bucket(month) in sums:
            sums[bucket(month)].add(figures)
    return [Row(key, label, sums[key]) for key, label in keys]


def _named(figures: dict[str, Figures], names: Iterable[tuple[int, str]]) -> list[Row]:
    rows = []
    for pk, name in names:
        found = figures.pop(str(pk), None)
        if found is not None:
            rows.append(Row(str(pk), name, found))
    return rows


def statistics(unit: Unit, year: int, period: str = DEFAULT_PERIOD) -> Statistics:
    """Everything the statistics page shows for `unit` and `year`: five queries whatever the
    size of the tree (the complaint and denunciation kinds, one grouped count by child, kind,
    field and month, the children, the kinds' and the fields' names), one more by year."""
    period = period if period in PERIODS else DEFAULT_PERIOD
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    day = today()
    kind_ids = _kind_ids()
    by = _breakdowns(unit, start, end, day, kind_ids)
    by_child = _child_rows(unit, by["child"])
    all_figures = Figures()
    for row in by_child:
        all_figures.add(row.figures)
    by_kind = _named(dict(by["kind"]), FeedbackKind.objects.values_list("id", "name"))
    by_field_figures = dict(by["field"])
    by_field = _named(by_field_figures, FeedbackField.objects.values_list("id", "name"))
    unclassified = by_field_figures.pop("None", None)
    if unclassified is not None:
        by_field.append(Row(NO_FIELD, _("Not classified yet"), unclassified))
    return Statistics(
        unit=unit,
        year=year,
        period=period,
        start=start,
        end=end,
        totals=all_figures,
        by_child=by_child,
        by_kind=by_kind,
        by_field=by_field,
        by_period=_period_rows(unit, year, period, day, kind_ids, by["month"]),
    )
