"""Which meetings a unit must hold in a year, and whether it has (Tình hình tổ chức hội nghị).

A kind of meeting applies to a unit by the unit's kind and size (`MeetingKind.applies_to`): the
officials' conference to every agency, the workers' conference to enterprises of 10 workers or
more, citizen reception to communes. A yearly kind is due once (`times_per_period`) per work
year, by the end of the year, or `due_months_after_year_end` months after it (Law 10/2022/QH15,
art. 51: the officials' conference for 2025 by 31/3/2026); a monthly kind is due
`times_per_period` times in each month (Regulation 11-QĐi/TW: citizen reception at least two days
a month). Kinds held on request are never due.

A meeting counts for a yearly kind by the year it serves (`Meeting.year`), for a monthly kind
by the month it starts in. Held means HELD or CLOSED; planned means any other status but
cancelled.

A subtree's roll-up reads the units that may owe a meeting from one index range and the
meetings from one aggregate query (grouped by unit, kind and month), whatever the depth of the
tree; the status rules then run on those rows, so they are written once for one unit and for a
province.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.translation import pgettext_lazy

from coso.core.dates import month_end
from coso.units.models import Unit, path_within

from .models import HELD_STATUSES, Frequency, Meeting, MeetingKind, MeetingStatus


class ObligationStatus:
    """How far a unit is with a kind of meeting, worst last."""

    HELD = "held"
    PLANNED = "planned"
    NOT_YET = "not_yet"
    OVERDUE = "overdue"

    ORDER = (HELD, PLANNED, NOT_YET, OVERDUE)
    LABELS = {
        HELD: pgettext_lazy("meetings", "Held"),
        PLANNED: pgettext_lazy("meetings", "Planned"),
        NOT_YET: pgettext_lazy("meetings", "Not yet"),
        OVERDUE: pgettext_lazy("meetings", "Overdue"),
    }

    @classmethod
    def worst(cls, statuses: Iterable[str]) -> str:
        found = list(statuses)
        return max(found, key=cls.ORDER.index) if found else cls.HELD


# --- Periods and deadlines ---------------------------------------------------------------------


def deadline_of(kind: MeetingKind, year: int) -> dt.date:
    """The last day a yearly kind may be held for `year`."""
    months = kind.due_months_after_year_end
    if not months:
        return dt.date(year, 12, 31)
    # Months counted from the end of the year: 3 gives 31 March of the next year.
    return month_end(year + 1 + (months - 1) // 12, (months - 1) % 12 + 1)


@dataclass(frozen=True)
class Period:
    """One stretch of time in which a kind must be held `required` times."""

    key: str  # "2025" or "2026-03": part of reminder keys
    month: int  # 1-12 for a monthly kind, 0 for a yearly one
    starts_on: dt.date
    deadline: dt.date
    required: int
    held: int = 0
    planned: int = 0

    def status_on(self, on: dt.date) -> str:
        if self.held >= self.required:
            return ObligationStatus.HELD
        if on > self.deadline:
            return ObligationStatus.OVERDUE
        if self.held + self.planned >= self.required:
            return ObligationStatus.PLANNED
        return ObligationStatus.NOT_YET

    @property
    def is_covered(self) -> bool:
        """Enough held or planned: nothing to remind."""
        return self.held + self.planned >= self.required


def periods_of(kind: MeetingKind, year: int) -> list[Period]:
    """The periods of `year` for a kind that is due (none for a kind held on request)."""
    times = kind.times_per_period
    if kind.frequency == Frequency.YEARLY:
        return [Period(str(year), 0, dt.date(year, 1, 1), deadline_of(kind, year), times)]
    if kind.frequency == Frequency.MONTHLY:
        return [
            Period(f"{year}-{m:02d}", m, dt.date(year, m, 1), month_end(year, m), times)
            for m in range(1, 13)
        ]
    return []


@dataclass(frozen=True)
class Obligation:
    """A kind of meeting a unit must hold in a year, with what it has held and planned."""

    unit_id: int
    kind: MeetingKind
    year: int
    periods: tuple[Period, ...]
    on: dt.date

    @property
    def due_periods(self) -> tuple[Period, ...]:
        """The periods that have begun: a monthly kind in June answers for January to June."""
        begun = tuple(p for p in self.periods if p.starts_on <= self.on)
        return begun or self.periods

    @property
    def status(self) -> str:
        return ObligationStatus.worst(p.status_on(self.on) for p in self.due_periods)

    @property
    def status_label(self) -> str:
        return str(ObligationStatus.LABELS[self.status])

    @property
    def required(self) -> int:
        return sum(p.required for p in self.due_periods)

    @property
    def held(self) -> int:
        return sum(min(p.held, p.required) for p in self.due_periods)

    @property
    def planned(self) -> int:
        return sum(p.planned for p in self.due_periods)

    @property
    def deadline(self) -> dt.date:
        """The next deadline not yet met (the last one when all are met or passed)."""
        for period in self.due_periods:
            if period.status_on(self.on) != ObligationStatus.HELD:
                return period.deadline
        return self.due_periods[-1].deadline


def due_kinds(kind_id: int | None = None) -> list[MeetingKind]:
    """The kinds that are due by a calendar (not on request): one query."""
    kinds = MeetingKind.objects.exclude(frequency=Frequency.ON_REQUEST).order_by("code")
    if kind_id is not None:
        kinds = kinds.filter(pk=kind_id)
    return list(kinds)


# {(unit id, kind id, month): [held, planned]}: month 0 for a yearly kind.
Counts = dict[tuple[int, int, int], list[int]]


def meeting_counts(where: Q, kinds: list[MeetingKind], year: int) -> Counts:
    """Held and planned meetings of `kinds` for `year`, grouped by unit, kind and month: one
    aggregate query over the units `where` selects (a filter on Meeting)."""
    yearly = [k.pk for k in kinds if k.frequency == Frequency.YEARLY]
    monthly = [k.pk for k in kinds if k.frequency == Frequency.MONTHLY]
    if not yearly and not monthly:
        return {}
    tz = timezone.get_current_timezone()
    year_start = dt.datetime(year, 1, 1, tzinfo=tz)
    next_year = dt.datetime(year + 1, 1, 1, tzinfo=tz)
    rows = (
        Meeting.objects.filter(where)
        .exclude(status=MeetingStatus.CANCELLED)
        .filter(
            Q(kind_id__in=yearly, year=year)
            | Q(kind_id__in=monthly, starts_at__gte=year_start, starts_at__lt=next_year)
        )
        .annotate(month=ExtractMonth("starts_at"))
        .values("unit_id", "kind_id", "month")
        .annotate(
            held=Count("pk", filter=Q(status__in=HELD_STATUSES)),
            planned=Count("pk", filter=~Q(status__in=HELD_STATUSES)),
        )
        .order_by()
    )
    monthly_ids = set(monthly)
    counts: Counts = defaultdict(lambda: [0, 0])
    for row in rows:
        month = row["month"] if row["kind_id"] in monthly_ids else 0
        cell = counts[(row["unit_id"], row["kind_id"], month)]
        cell[0] += row["held"]
        cell[1] += row["planned"]
    return counts


def obligation(
    unit_id: int, kind: MeetingKind, year: int, counts: Counts, on: dt.date
) -> Obligation:
    periods = []
    for period in periods_of(kind, year):
        held, planned = counts.get((unit_id, kind.pk, period.month), (0, 0))
        periods.append(
            Period(
                period.key,
                period.month,
                period.starts_on,
                period.deadline,
                period.required,
                held,
                planned,
            )
        )
    return Obligation(unit_id, kind, year, tuple(periods), on)


def unit_obligations(unit: Unit, year: int, *, on: dt.date) -> list[Obligation]:
    """What `unit` itself must hold in `year`, and how far it is: two queries."""
    kinds = [k for k in due_kinds() if k.applies_to(unit)]
    if not kinds or unit.is_closed:
        return []
    counts = meeting_counts(Q(unit_id=unit.pk), kinds, year)
    return [obligation(unit.pk, k, year, counts, on) for k in kinds]


# --- A subtree, one row per child ----------------------------------------------------------------


@dataclass
class Cell:
    """How many units of a row owe a kind of meeting, by status."""

    held: int = 0
    planned: int = 0
    not_yet: int = 0
    overdue: int = 0
    # The one obligation when the row is a single unit that owes it: its detail is shown.
    single: Obligation | None = None

    @property
    def units(self) -> int:
        return self.held + self.planned + self.not_yet + self.overdue

    @property
    def status(self) -> str:
        return ObligationStatus.worst(s for s in ObligationStatus.ORDER if getattr(self, s))

    @property
    def status_label(self) -> str:
        return str(ObligationStatus.LABELS[self.status])

    def add(self, item: Obligation) -> None:
        setattr(self, item.status, getattr(self, item.status) + 1)
        self.single = item if self.units == 1 else None

    def has(self, status: str) -> bool:
        return bool(getattr(self, status))


@dataclass
class Row:
    unit: Unit
    is_self: bool
    cells: list[Cell | None]  # in the order of Rollup.kinds; None: nobody in the row owes it

    def has(self, status: str) -> bool:
        return any(c is not None and c.has(status) for c in self.cells)


@dataclass
class Rollup:
    unit: Unit
    year: int
    on: dt.date
    kinds: list[MeetingKind] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    totals: Cell = field(default_factory=Cell)
    by_kind: list[Cell] = field(default_factory=list)


def subtree_rollup(unit: Unit, year: int, *, on: dt.date, kind_id: int | None = None) -> Rollup:
    """For `unit` and each child: how many units of its subtree owe each kind of meeting in
    `year`, and how many have held it, planned it, not yet, or let it pass. Four queries."""
    kinds = due_kinds(kind_id)
    result = Rollup(unit=unit, year=year, on=on)
    if not kinds:
        return result
    unit_kinds = {k for kind in kinds for k in kind.unit_kind_list}
    owing = list(
        Unit.objects.subtree_of(unit)
        .active()
        .filter(kind__in=unit_kinds)
        .only("id", "path", "kind", "staff_count", "closed_on")
        .order_by()
    )
    counts = meeting_counts(path_within("unit_path", unit.path), kinds, year)
    children = list(
        Unit.objects.active()
        .filter(path_within("path", unit.path), depth=unit.depth + 1)
        .only("id", "name", "path", "kind", "depth")
        .order_by("path")
    )
    step = len(unit.path) + Unit.steplen
    # {row prefix: {kind id: Cell}}
    cells: dict[str, dict[int, Cell]] = defaultdict(dict)
    by_kind: dict[int, Cell] = {}
    for owner in owing:
        prefix = owner.path[:step] if owner.path != unit.path else unit.path
        for kind in kinds:
            if not kind.applies_to(owner):
                continue
            item = obligation(owner.pk, kind, year, counts, on)
            cells[prefix].setdefault(kind.pk, Cell()).add(item)
            by_kind.setdefault(kind.pk, Cell()).add(item)
            result.totals.add(item)
    result.kinds = [k for k in kinds if k.pk in by_kind]
    result.by_kind = [by_kind[k.pk] for k in result.kinds]
    row_units = [(unit, True)] + [(child, False) for child in children]
    for row_unit, is_self in row_units:
        found = cells.get(row_unit.path)
        if found:
            result.rows.append(Row(row_unit, is_self, [found.get(k.pk) for k in result.kinds]))
    return result
