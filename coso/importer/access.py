"""Who may import a plan from its document: the managers of the unit the plan is for.

Importing ends in `coso.plans.actions.create_plan`, which checks the same policy again; these
functions let the pages refuse early and offer only the units the officer may choose.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from coso.plans import access as plan_access
from coso.units.access import MANAGERS, paths_for
from coso.units.models import Unit, User, path_within


def can_import(user: User, unit: Unit) -> bool:
    """The plan is created for `unit`: only its managers may import one."""
    return user.is_authenticated and plan_access.can_create_plan(user, unit)


def may_import_somewhere(user: User) -> bool:
    return user.is_authenticated and bool(paths_for(user, MANAGERS))


def importable_units(user: User) -> QuerySet[Unit]:
    """The open units the user manages (each manager's whole subtree)."""
    condition = Q(pk__in=[])
    for path in paths_for(user, MANAGERS):
        condition |= path_within("path", path)
    return Unit.objects.active().filter(condition).order_by("path")
