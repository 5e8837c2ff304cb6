"""Which units must still disseminate which ordered text, and how far an order has spread.

A unit covers an order when it has recorded a session of its own listing the order's text.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from coso.units.models import Unit, path_within

from .models import Order, Session


@dataclass(frozen=True)
class Progress:
    total: int
    covered: int

    @property
    def percent(self) -> int:
        return round(100 * self.covered / self.total) if self.total else 100

    @property
    def missing(self) -> int:
        return self.total - self.covered


def _covering_sessions(text_id) -> QuerySet[Session]:
    return Session.objects.filter(unit_id=OuterRef("pk"), texts__id=text_id)


def target_units(order: Order) -> QuerySet[Unit]:
    """Open units below the ordering unit, of the kinds the order names."""
    units = (
        Unit.objects.active()
        .filter(path_within("path", order.unit_path))
        .exclude(path=order.unit_path)
    )
    if order.unit_kinds:
        units = units.filter(kind__in=order.unit_kinds)
    return units


def coverage_rows(order: Order) -> QuerySet[Unit]:
    """The target units, each with `covered` (a session of its own lists the text): one query."""
    return target_units(order).annotate(covered=Exists(_covering_sessions(order.text_id)))


def progress(order: Order) -> Progress:
    """How many target units have covered the text: one aggregate query."""
    counts = target_units(order).aggregate(
        total=Count("pk"), covered=Count("pk", filter=Q(Exists(_covering_sessions(order.text_id))))
    )
    return Progress(total=counts["total"], covered=counts["covered"])


def progress_of_orders(orders: list[Order]) -> dict[int, Progress]:
    """Progress of several orders with two queries (their target units, the sessions covering
    their texts), for a list page."""
    if not orders:
        return {}
    within = Q(pk__in=[])
    sessions_within = Q(pk__in=[])
    for order in orders:
        within |= path_within("path", order.unit_path)
        sessions_within |= path_within("session__unit_path", order.unit_path)
    units = list(Unit.objects.active().filter(within).values_list("pk", "path", "kind"))
    text_ids = {order.text_id for order in orders}
    covered = set(
        Session.texts.through.objects.filter(legaltext_id__in=text_ids)
        .filter(sessions_within)
        .values_list("session__unit_id", "legaltext_id")
        .distinct()
    )
    result = {}
    for order in orders:
        total = done = 0
        for pk, path, kind in units:
            if (
                path.startswith(order.unit_path)
                and path != order.unit_path
                and (not order.unit_kinds or kind in order.unit_kinds)
            ):
                total += 1
                done += (pk, order.text_id) in covered
        result[order.pk] = Progress(total=total, covered=done)
    return result


def pending_orders(unit: Unit) -> list[Order]:
    """Active orders from the units above that reach this unit and that it has not covered yet,
    soonest due first."""
    above = [path for path in unit.ancestor_paths() if path != unit.path]
    if not above:
        return []
    covered = Session.objects.filter(unit_id=unit.pk, texts__id=OuterRef("text_id"))
    orders = (
        Order.objects.filter(unit_path__in=above, cancelled_on__isnull=True)
        .exclude(Exists(covered))
        .select_related("text", "unit")
        .order_by("due_on", "id")
    )
    return [order for order in orders if order.targets_unit(unit)]
