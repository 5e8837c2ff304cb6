"""Who may see and record dissemination and training. Built on the one policy in
coso.units.access.

- Officers of a unit and steering officers above it (MANAGERS) record its sessions and training
  classes, and order their subtree to disseminate a text.
- Everyone with a role over the unit reads its sessions, classes and orders.
- A unit below an order sees it on its page "Văn bản cần phổ biến"; only the ordering level sees
  the coverage of the whole subtree.
- A citizen with no role sees nothing of this app.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import MANAGERS, has_role_over, paths_for, subtree_q
from coso.units.models import Unit, User

from .models import Order, Session, Trainee, TrainingClass


def visible_sessions(user: User) -> QuerySet[Session]:
    if not user.is_authenticated:
        return Session.objects.none()
    return Session.objects.filter(subtree_q(user, "unit_path"))


def visible_classes(user: User) -> QuerySet[TrainingClass]:
    if not user.is_authenticated:
        return TrainingClass.objects.none()
    return TrainingClass.objects.filter(subtree_q(user, "unit_path"))


def visible_orders(user: User) -> QuerySet[Order]:
    """Orders the user's units gave (their subtrees)."""
    if not user.is_authenticated:
        return Order.objects.none()
    return Order.objects.filter(subtree_q(user, "unit_path"))


def can_view_unit_records(user: User, unit: Unit) -> bool:
    return has_role_over(user, unit)


def can_record(user: User, unit: Unit) -> bool:
    """Record or change the unit's sessions and classes."""
    return not unit.is_closed and has_role_over(user, unit, MANAGERS)


def can_order(user: User, unit: Unit) -> bool:
    """Order the unit's subtree to disseminate a text."""
    return not unit.is_closed and has_role_over(user, unit, MANAGERS)


def can_manage_order(user: User, order: Order) -> bool:
    return has_role_over(user, order.unit, MANAGERS)


def manageable_paths(user: User) -> list[str]:
    return paths_for(user, MANAGERS)


def recordable_units(user: User) -> QuerySet[Unit]:
    return Unit.objects.active().filter(subtree_q(user, "path", MANAGERS)).order_by("path")


def own_units(user: User) -> QuerySet[Unit]:
    """The units where the user holds a role themselves (not the whole subtree)."""
    if not user.is_authenticated:
        return Unit.objects.none()
    return (
        Unit.objects.active()
        .filter(role_assignments__user_id=user.pk, role_assignments__role__in=MANAGERS)
        .distinct()
        .order_by("path")
    )


# --- Checked fetches --------------------------------------------------------------------------


def get_session_for(user: User, pk: int | str) -> Session:
    session = Session.objects.select_related("unit").filter(pk=row_id(pk)).first()
    if session is None or not has_role_over(user, session.unit):
        raise Http404
    return session


def get_class_for(user: User, pk: int | str) -> TrainingClass:
    training = TrainingClass.objects.select_related("unit").filter(pk=row_id(pk)).first()
    if training is None or not has_role_over(user, training.unit):
        raise Http404
    return training


def get_trainee_for(user: User, pk: int | str) -> Trainee:
    trainee = Trainee.objects.select_related("training__unit").filter(pk=row_id(pk)).first()
    if trainee is None or not has_role_over(user, trainee.training.unit):
        raise Http404
    return trainee


def get_order_for(user: User, pk: int | str) -> Order:
    order = Order.objects.select_related("unit", "text").filter(pk=row_id(pk)).first()
    if order is None or not has_role_over(user, order.unit):
        raise Http404
    return order
