"""Changes to the organisation tree, roles and committees: atomic, audited, checked."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from treebeard.exceptions import InvalidMoveToDescendant

from coso.core.audit import acting_as
from coso.core.checks import require as _require

from . import access
from .models import (
    CommitteeMember,
    CommitteePosition,
    FollowAssignment,
    FollowUpNote,
    Role,
    RoleAssignment,
    SteeringCommittee,
    Unit,
    User,
    path_within,
)


@transaction.atomic
def create_unit(
    *, by: User, parent: Unit | None, name: str, kind: str, short_name: str = "", **fields
) -> Unit:
    """Add a unit under `parent` (or a new root, for a system administrator of the whole tree)."""
    if parent is None:
        _require(by.is_superuser)
    else:
        _require(access.can_manage_units(by, parent))
        if parent.is_closed:
            raise ValidationError({"parent": _("Cannot add a unit under a closed unit.")})
    with acting_as(by):
        unit = Unit(name=name.strip(), kind=kind, short_name=short_name.strip(), **fields)
        unit.full_clean(exclude=["path", "depth", "numchild"])
        if parent is None:
            return Unit.objects.add_root(instance=unit)
        return Unit.objects.add_child(parent, instance=unit)


@transaction.atomic
def rename_unit(unit: Unit, *, by: User, name: str, short_name: str | None = None) -> Unit:
    _require(access.can_manage_units(by, unit))
    with acting_as(by):
        unit.name = name.strip()
        if short_name is not None:
            unit.short_name = short_name.strip()
        unit.full_clean(exclude=["path", "depth", "numchild"])
        unit.save()
    return unit


CONTACT_FIELDS = ("address", "phone", "email", "feedback_info")


@transaction.atomic
def update_contact(unit: Unit, *, by: User, **fields: str) -> Unit:
    """Change what the public portal says about reaching the unit: address, phone, e-mail,
    reception days and other ways to send feedback."""
    _require(access.can_edit_contact(by, unit))
    unknown = set(fields) - set(CONTACT_FIELDS)
    if unknown:
        raise ValueError(f"not contact fields: {sorted(unknown)}")
    with acting_as(by):
        for name, value in fields.items():
            setattr(unit, name, (value or "").strip())
        unit.full_clean(exclude=["path", "depth", "numchild"])
        unit.save(update_fields=[*fields, "updated_at"])
    return unit


@transaction.atomic
def move_unit(unit: Unit, *, by: User, new_parent: Unit) -> Unit:
    """Move a unit (and its subtree) under another parent, e.g. after communes were merged.

    Denormalised unit paths on plans and tasks follow the move in the same transaction.
    """
    _require(access.can_manage_units(by, unit) and access.can_manage_units(by, new_parent))
    if new_parent.pk == unit.pk or new_parent.is_within(unit):
        raise ValidationError(
            {"new_parent": _("A unit cannot be moved under itself or its own sub-unit.")}
        )
    if new_parent.is_closed:
        raise ValidationError({"new_parent": _("Cannot move a unit under a closed unit.")})
    old_path = unit.path
    with acting_as(by):
        try:
            Unit.objects.move(unit, new_parent, pos="last-child")
        except InvalidMoveToDescendant as exc:  # pragma: no cover - guarded above
            raise ValidationError(
                {"new_parent": _("A unit cannot be moved under its own sub-unit.")}
            ) from exc
        unit.refresh_from_db()
        _rewrite_paths(old_path, unit.path)
        _after_subtree_moved(new_parent.path)
        access.forget_grants(by)
    return unit


def _after_subtree_moved(new_parent_path: str) -> None:
    """Let the tables that precompute something from the tree's shape recompute it.

    A model opts in with a classmethod `after_subtree_moved(parent_path)`; units cannot import
    the later apps, and a signal would hide the call (reports' shadow depths use it).
    """
    from django.apps import apps

    for model in apps.get_models():
        hook = getattr(model, "after_subtree_moved", None)
        if hook is not None:
            hook(new_parent_path)


def _rewrite_paths(old: str, new: str) -> None:
    """Update the copies of unit paths kept by other tables for subtree queries."""
    from django.apps import apps
    from django.db.models import Value
    from django.db.models.functions import Concat, Substr

    for model in apps.get_models():
        if "unit_path" not in {f.name for f in model._meta.get_fields()}:
            continue
        if model._meta.label == "core.AuditEntry":
            continue  # the audit log keeps the path the unit had when the change was made
        model._default_manager.filter(path_within("unit_path", old)).update(
            unit_path=Concat(Value(new), Substr("unit_path", len(old) + 1))
        )


@transaction.atomic
def close_unit(
    unit: Unit, *, by: User, closed_on: dt.date, reason: str = "", merged_into: Unit | None = None
) -> Unit:
    """Close a unit: it disappears from active lists but keeps its plans, tasks and history."""
    _require(access.can_manage_units(by, unit))
    if unit.is_closed:
        raise ValidationError(_("This unit is already closed."))
    if merged_into is not None and (merged_into.pk == unit.pk or merged_into.is_closed):
        raise ValidationError({"merged_into": _("Choose an open unit other than this one.")})
    with acting_as(by):
        unit.closed_on = closed_on
        unit.closed_reason = reason
        unit.merged_into = merged_into
        unit.save()
    return unit


@transaction.atomic
def reopen_unit(unit: Unit, *, by: User) -> Unit:
    _require(access.can_manage_units(by, unit))
    with acting_as(by):
        unit.closed_on = None
        unit.closed_reason = ""
        unit.merged_into = None
        unit.save()
    return unit


@transaction.atomic
def assign_role(*, by: User, user: User, unit: Unit, role: str) -> RoleAssignment:
    _require(access.can_assign_roles(by, unit))
    with acting_as(by):
        assignment, _created = RoleAssignment.objects.get_or_create(user=user, unit=unit, role=role)
    access.forget_grants(user)
    return assignment


@transaction.atomic
def revoke_role(assignment: RoleAssignment, *, by: User) -> None:
    _require(access.can_assign_roles(by, assignment.unit))
    with acting_as(by):
        assignment.delete()
    access.forget_grants(assignment.user)


@transaction.atomic
def create_committee(*, by: User, unit: Unit, name: str, **fields) -> SteeringCommittee:
    _require(access.can_manage_committee(by, unit))
    with acting_as(by):
        committee = SteeringCommittee(unit=unit, name=name.strip(), **fields)
        committee.full_clean()
        committee.save()
    return committee


@transaction.atomic
def add_committee_member(
    committee: SteeringCommittee, *, by: User, user: User, position: str, title: str = ""
) -> CommitteeMember:
    """Seat a member; the member gets the committee-member role over the committee's unit."""
    _require(access.can_manage_committee(by, committee.unit))
    if (
        position == CommitteePosition.HEAD
        and committee.members.filter(position=CommitteePosition.HEAD, left_on__isnull=True).exists()
    ):
        raise ValidationError({"position": _("This committee already has a head.")})
    if committee.members.filter(user=user).exists():
        raise ValidationError({"user": _("This person is already a member of the committee.")})
    with acting_as(by):
        member = CommitteeMember.objects.create(
            committee=committee, user=user, position=position, title=title
        )
        RoleAssignment.objects.get_or_create(
            user=user, unit=committee.unit, role=Role.COMMITTEE_MEMBER
        )
    access.forget_grants(user)
    return member


@transaction.atomic
def assign_follow(
    member: CommitteeMember, *, by: User, unit: Unit, assigned_on: dt.date | None = None
) -> FollowAssignment:
    """Phân công phụ trách: the member follows a unit below the committee's unit."""
    committee_unit = member.committee.unit
    _require(access.can_manage_committee(by, committee_unit))
    if unit.pk == committee_unit.pk or not unit.is_within(committee_unit):
        raise ValidationError(
            {"unit": _("A member can only follow units below the committee's unit.")}
        )
    if FollowAssignment.objects.filter(member=member, unit=unit, ended_on__isnull=True).exists():
        raise ValidationError({"unit": _("This member already follows this unit.")})
    with acting_as(by):
        return FollowAssignment.objects.create(
            member=member, unit=unit, assigned_on=assigned_on or dt.date.today()
        )


@transaction.atomic
def end_follow(assignment: FollowAssignment, *, by: User, ended_on: dt.date) -> FollowAssignment:
    _require(access.can_manage_committee(by, assignment.member.committee.unit))
    with acting_as(by):
        assignment.ended_on = ended_on
        assignment.save(update_fields=["ended_on", "updated_at"])
    return assignment


@transaction.atomic
def record_follow_up(
    assignment: FollowAssignment,
    *,
    by: User,
    visited_on: dt.date,
    findings: str,
    recommendations: str = "",
) -> FollowUpNote:
    _require(access.can_record_follow_up(by, assignment))
    if not findings.strip():
        raise ValidationError({"findings": _("Write what you found.")})
    if visited_on > dt.date.today():
        raise ValidationError({"visited_on": _("The date cannot be in the future.")})
    with acting_as(by):
        return FollowUpNote.objects.create(
            assignment=assignment,
            unit=assignment.unit,
            visited_on=visited_on,
            findings=findings.strip(),
            recommendations=recommendations.strip(),
            author=by,
        )


@transaction.atomic
def create_user(
    *,
    by: User,
    unit: Unit,
    role: str,
    username: str,
    password: str,
    full_name: str = "",
    email: str = "",
    job_title: str = "",
) -> User:
    """Open an account in `unit` with a role there, in one audited step."""
    _require(access.can_assign_roles(by, unit))
    username = username.strip()
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError({"username": _("This username is already taken.")})
    with acting_as(by):
        try:
            with transaction.atomic():
                account = User.objects.create_user(
                    username=username,
                    password=password,
                    full_name=full_name.strip(),
                    email=email.strip(),
                    job_title=job_title.strip(),
                    home_unit=unit,
                )
        except IntegrityError as exc:  # the same name submitted twice at once
            raise ValidationError({"username": _("This username is already taken.")}) from exc
        RoleAssignment.objects.create(user=account, unit=unit, role=role)
    return account
