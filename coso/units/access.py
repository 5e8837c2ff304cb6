"""The permission policy: who may see and change what, in one place.

A role is held in a unit and reaches that unit's whole subtree. Pages and the API call these
functions and nothing else; a checked fetch answers 404 whether the object is missing or
simply not yours, so nobody learns what exists in another commune.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404

from coso.core.pages import row_id

from .models import (
    CommitteeMember,
    FollowAssignment,
    Role,
    RoleAssignment,
    SteeringCommittee,
    Unit,
    User,
    path_within,
)

# Roles that may create and change plans, tasks and committees of the units they cover.
MANAGERS = (Role.ADMIN, Role.STEERING_OFFICER, Role.UNIT_OFFICER)
STEERING = (Role.ADMIN, Role.STEERING_OFFICER)
ALL_ROLES = tuple(Role)


@dataclass(frozen=True)
class Grant:
    role: str
    path: str


def grants_for(user: User) -> tuple[Grant, ...]:
    """The user's roles with the tree path they reach; cached on the user for one request."""
    if not user.is_authenticated:
        return ()
    cached = getattr(user, "_coso_grants", None)
    if cached is None:
        cached = tuple(
            Grant(role, path)
            for role, path in user.roles.filter(unit__closed_on__isnull=True).values_list(
                "role", "unit__path"
            )
        )
        if user.is_superuser:
            cached += tuple(
                Grant(Role.ADMIN, path)
                for path in Unit.objects.get_root_nodes().values_list("path", flat=True)
            )
        user._coso_grants = cached  # type: ignore[attr-defined]
    return cached


def forget_grants(user: User) -> None:
    """Drop the cached grants after the user's roles change."""
    if hasattr(user, "_coso_grants"):
        del user._coso_grants


def paths_for(user: User, roles: tuple[str, ...] = ALL_ROLES) -> list[str]:
    """Tree paths the user reaches with any of `roles`, without nested duplicates."""
    paths = sorted({g.path for g in grants_for(user) if g.role in roles})
    kept: list[str] = []
    for path in paths:
        if not any(path.startswith(k) for k in kept):
            kept.append(path)
    return kept


def has_role_over(user: User, unit: Unit, roles: tuple[str, ...] = ALL_ROLES) -> bool:
    return any(unit.path.startswith(g.path) for g in grants_for(user) if g.role in roles)


def subtree_q(user: User, field: str = "path", roles: tuple[str, ...] = ALL_ROLES) -> Q:
    """A filter on `field` (a unit path) matching what the user's roles reach."""
    condition = Q(pk__in=[])
    for path in paths_for(user, roles):
        condition |= path_within(field, path)
    return condition


# --- Units -----------------------------------------------------------------------------------


def visible_units(user: User):
    """Units whose internal records the user may read: their subtrees."""
    return Unit.objects.filter(subtree_q(user))


def can_view_unit(user: User, unit: Unit) -> bool:
    return has_role_over(user, unit)


def can_manage_units(user: User, unit: Unit) -> bool:
    """Create, rename, move and close units: system administrators only."""
    return has_role_over(user, unit, (Role.ADMIN,))


def can_assign_roles(user: User, unit: Unit) -> bool:
    return has_role_over(user, unit, (Role.ADMIN,))


def can_edit_contact(user: User, unit: Unit) -> bool:
    """The unit's officers publish where and how people reach it (shown on the portal)."""
    return has_role_over(user, unit, MANAGERS)


def can_view_audit(user: User, unit: Unit) -> bool:
    return has_role_over(user, unit, MANAGERS)


def get_unit_for(user: User, pk: int | str) -> Unit:
    """Checked fetch: the unit if the user may read it, else 404."""
    unit = Unit.objects.filter(pk=row_id(pk)).first()
    if unit is None or not can_view_unit(user, unit):
        raise Http404
    return unit


# --- Steering committees ----------------------------------------------------------------------


def can_manage_committee(user: User, unit: Unit) -> bool:
    return has_role_over(user, unit, STEERING)


def get_committee_for(user: User, pk: int | str) -> SteeringCommittee:
    committee = SteeringCommittee.objects.select_related("unit").filter(pk=row_id(pk)).first()
    if committee is None or not can_view_unit(user, committee.unit):
        raise Http404
    return committee


def can_record_follow_up(user: User, assignment: FollowAssignment) -> bool:
    """The member assigned to the unit records what they found; steering officers may too."""
    if assignment.ended_on is not None:
        return False
    if assignment.member.user_id == user.pk:
        return True
    return has_role_over(user, assignment.member.committee.unit, STEERING)


def get_follow_assignment_for(user: User, pk: int | str) -> FollowAssignment:
    assignment = (
        FollowAssignment.objects.select_related("member__user", "member__committee__unit", "unit")
        .filter(pk=row_id(pk))
        .first()
    )
    if assignment is None:
        raise Http404
    if assignment.member.user_id != user.pk and not can_view_unit(
        user, assignment.member.committee.unit
    ):
        raise Http404
    return assignment


# --- Read-only helpers for the units pages ----------------------------------------------------


def get_role_assignment_for(user: User, pk: int | str) -> RoleAssignment:
    """Checked fetch of a role assignment: 404 unless the user may read its unit."""
    assignment = RoleAssignment.objects.select_related("unit", "user").filter(pk=row_id(pk)).first()
    if assignment is None or not can_view_unit(user, assignment.unit):
        raise Http404
    return assignment


def get_committee_member_for(user: User, pk: int | str) -> CommitteeMember:
    """Checked fetch of a committee seat: 404 unless the user may read the committee's unit."""
    member = (
        CommitteeMember.objects.select_related("user", "committee__unit")
        .filter(pk=row_id(pk))
        .first()
    )
    if member is None or not can_view_unit(user, member.committee.unit):
        raise Http404
    return member
