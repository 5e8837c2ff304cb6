"""Who may see and change plans and tasks. Built on the one policy in coso.units.access.

A plan is read by everyone whose roles reach its unit, and also by the units below it:
subordinate units must read the upper level's plan to carry its tasks down. Only managers
(system administrator, steering officer, unit officer) over the issuing unit change it.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import MANAGERS, grants_for, has_role_over, paths_for, subtree_q
from coso.units.models import Unit, User

from .models import Plan, PlanStatus, Task, TaskEvidence


def _ancestor_paths(user: User) -> list[str]:
    ancestors: set[str] = set()
    for grant in grants_for(user):
        path = grant.path
        ancestors.update(path[:i] for i in range(Unit.steplen, len(path), Unit.steplen))
    return sorted(ancestors)


def visible_plans(user: User) -> QuerySet[Plan]:
    """Plans of the user's subtrees, and issued plans of the levels above (read-only cascade)."""
    upper = Q(unit_path__in=_ancestor_paths(user), status=PlanStatus.ISSUED)
    return Plan.objects.filter(subtree_q(user, "unit_path") | upper)


def visible_tasks(user: User) -> QuerySet[Task]:
    upper = Q(unit_path__in=_ancestor_paths(user), plan__status=PlanStatus.ISSUED)
    return Task.objects.filter(subtree_q(user, "unit_path") | upper)


def can_view_plan(user: User, plan: Plan) -> bool:
    if not user.is_authenticated:
        return False
    if has_role_over(user, plan.unit):
        return True
    return plan.status == PlanStatus.ISSUED and any(
        g.path.startswith(plan.unit_path) for g in grants_for(user)
    )


def can_create_plan(user: User, unit: Unit) -> bool:
    return not unit.is_closed and has_role_over(user, unit, MANAGERS)


def can_edit_plan(user: User, plan: Plan) -> bool:
    return has_role_over(user, plan.unit, MANAGERS)


def can_update_task(user: User, task: Task) -> bool:
    """Status, progress and evidence: plan managers, the lead person, or officers of the lead unit."""
    if can_edit_plan(user, task.plan):
        return True
    if task.lead_person_id == user.pk:
        return True
    return task.lead_unit is not None and has_role_over(user, task.lead_unit, MANAGERS)


def can_derive_plan(user: User, parent: Plan, unit: Unit) -> bool:
    """A unit strictly below the parent plan's unit builds its own plan from it."""
    return (
        unit.pk != parent.unit_id
        and unit.path.startswith(parent.unit_path)
        and can_view_plan(user, parent)
        and can_create_plan(user, unit)
    )


def can_view_dashboard(user: User, unit: Unit) -> bool:
    return has_role_over(user, unit)


def get_plan_for(user: User, pk: int | str) -> Plan:
    plan = Plan.objects.select_related("unit", "parent_plan").filter(pk=row_id(pk)).first()
    if plan is None or not can_view_plan(user, plan):
        raise Http404
    return plan


def get_task_for(user: User, pk: int | str) -> Task:
    task = (
        Task.objects.select_related("plan__unit", "lead_unit", "lead_person", "section")
        .filter(pk=row_id(pk))
        .first()
    )
    # The lead person reads the task they lead even without a role over the plan's unit.
    if task is None or not (task.lead_person_id == user.pk or can_view_plan(user, task.plan)):
        raise Http404
    return task


def get_evidence_for(user: User, pk: int | str) -> TaskEvidence:
    evidence = TaskEvidence.objects.select_related("task__plan__unit").filter(pk=row_id(pk)).first()
    if evidence is None:
        raise Http404
    task = evidence.task
    if not (task.lead_person_id == user.pk or can_view_plan(user, task.plan)):
        raise Http404
    return evidence


def manageable_unit_paths(user: User) -> list[str]:
    return paths_for(user, MANAGERS)
