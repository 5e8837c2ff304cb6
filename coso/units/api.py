"""JSON API of the organisation tree and steering committees (mounted under /api/v1/).

Each endpoint is a checked fetch (404 when not visible), then an action (which checks the
permission and writes the audit entry). Nothing here writes a model directly.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import OuterRef, Prefetch, QuerySet, Subquery, prefetch_related_objects
from django.db.models.functions import Length, Substr
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from . import access, actions
from .models import (
    CommitteeMember,
    CommitteePosition,
    FollowAssignment,
    SteeringCommittee,
    Unit,
    UnitKind,
    User,
    path_within,
)

router = Router(tags=["units"])


# --- Schemas -----------------------------------------------------------------------------------


class UnitOut(Schema):
    id: int
    name: str
    short_name: str
    kind: UnitKind
    kind_label: str = Field(..., alias="get_kind_display")
    parent_id: int | None = None
    depth: int
    numchild: int
    staff_count: int | None
    address: str
    email: str
    is_closed: bool
    closed_on: dt.date | None
    closed_reason: str
    merged_into_id: int | None


class UnitCreateIn(Schema):
    parent_id: int
    name: str
    kind: UnitKind
    short_name: str = ""


class UnitRenameIn(Schema):
    name: str
    short_name: str | None = None


class UnitMoveIn(Schema):
    new_parent_id: int


class UnitCloseIn(Schema):
    closed_on: dt.date
    reason: str = ""
    merged_into_id: int | None = None


class PersonOut(Schema):
    id: int
    name: str = Field(..., alias="display_name")


class FollowOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    assigned_on: dt.date
    ended_on: dt.date | None


class MemberOut(Schema):
    id: int
    user: PersonOut
    position: CommitteePosition
    position_label: str = Field(..., alias="get_position_display")
    title: str
    left_on: dt.date | None
    follows: list[FollowOut]


class CommitteeOut(Schema):
    id: int
    unit_id: int
    name: str
    decision_number: str
    established_on: dt.date | None
    standing_office: str
    dissolved_on: dt.date | None


class CommitteeDetailOut(CommitteeOut):
    members: list[MemberOut]


class CommitteeIn(Schema):
    name: str
    decision_number: str = ""
    established_on: dt.date | None = None
    standing_office: str = ""


class MemberIn(Schema):
    user_id: int
    position: CommitteePosition
    title: str = ""


class FollowIn(Schema):
    unit_id: int
    assigned_on: dt.date | None = None


class NoteIn(Schema):
    visited_on: dt.date
    findings: str
    recommendations: str = ""


class NoteOut(Schema):
    id: int
    assignment_id: int
    unit_id: int
    visited_on: dt.date
    findings: str
    recommendations: str
    author: PersonOut


# --- Helpers -----------------------------------------------------------------------------------


def with_parent_id(units: QuerySet[Unit]) -> QuerySet[Unit]:
    """Annotate each unit with its parent's id in the same query (treebeard keeps only paths)."""
    parent = Unit.objects.filter(
        path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Unit.steplen)
    ).values("pk")[:1]
    return units.annotate(parent_id=Subquery(parent))


def _unit_out(user: User, pk: int) -> Unit:
    """Re-read a unit with its parent id, after a checked fetch or an action changed it."""
    unit = with_parent_id(Unit.objects.filter(pk=pk)).first()
    if unit is None or not access.can_view_unit(user, unit):
        raise Http404
    return unit


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You do not have permission to do this."))


def _members_prefetch() -> Prefetch:
    return Prefetch(
        "members",
        queryset=CommitteeMember.objects.select_related("user").prefetch_related(
            Prefetch("follows", queryset=FollowAssignment.objects.select_related("unit"))
        ),
    )


# --- Units -------------------------------------------------------------------------------------


@router.get("/units/", response=list[UnitOut], summary="List the units you may read")
@paginate(LimitOffsetPagination)
def list_units(
    request: HttpRequest,
    parent: int | None = None,
    q: str = "",
    include_closed: bool = False,
) -> QuerySet[Unit]:
    """Visible units in tree order; `parent` lists one level below a unit, `q` ignores diacritics."""
    units = access.visible_units(request.user)
    if parent is not None:
        above = access.get_unit_for(request.user, parent)
        units = units.filter(path_within("path", above.path), depth=above.depth + 1)
    if q.strip():
        units = units.search(q)
    if not include_closed:
        units = units.active()
    return with_parent_id(units.order_by("path"))


@router.get("/units/{unit_id}", response=UnitOut, summary="One unit")
def get_unit(request: HttpRequest, unit_id: int) -> Unit:
    access.get_unit_for(request.user, unit_id)
    return _unit_out(request.user, unit_id)


@router.post("/units/", response={201: UnitOut}, summary="Add a unit under a parent")
def create_unit(request: HttpRequest, payload: UnitCreateIn) -> Status:
    parent = access.get_unit_for(request.user, payload.parent_id)
    unit = actions.create_unit(
        by=request.user,
        parent=parent,
        name=payload.name,
        kind=payload.kind,
        short_name=payload.short_name,
    )
    return Status(201, _unit_out(request.user, unit.pk))


@router.patch("/units/{unit_id}", response=UnitOut, summary="Rename a unit")
def rename_unit(request: HttpRequest, unit_id: int, payload: UnitRenameIn) -> Unit:
    unit = access.get_unit_for(request.user, unit_id)
    actions.rename_unit(unit, by=request.user, name=payload.name, short_name=payload.short_name)
    return _unit_out(request.user, unit.pk)


@router.post("/units/{unit_id}/move", response=UnitOut, summary="Move a unit under another parent")
def move_unit(request: HttpRequest, unit_id: int, payload: UnitMoveIn) -> Unit:
    unit = access.get_unit_for(request.user, unit_id)
    new_parent = access.get_unit_for(request.user, payload.new_parent_id)
    actions.move_unit(unit, by=request.user, new_parent=new_parent)
    return _unit_out(request.user, unit.pk)


@router.post("/units/{unit_id}/close", response=UnitOut, summary="Close a unit")
def close_unit(request: HttpRequest, unit_id: int, payload: UnitCloseIn) -> Unit:
    unit = access.get_unit_for(request.user, unit_id)
    merged_into = None
    if payload.merged_into_id is not None:
        merged_into = access.get_unit_for(request.user, payload.merged_into_id)
    actions.close_unit(
        unit,
        by=request.user,
        closed_on=payload.closed_on,
        reason=payload.reason,
        merged_into=merged_into,
    )
    return _unit_out(request.user, unit.pk)


# --- Steering committees -----------------------------------------------------------------------


@router.get(
    "/units/{unit_id}/committees",
    response=list[CommitteeOut],
    tags=["committees"],
    summary="Steering committees of a unit",
)
def list_committees(request: HttpRequest, unit_id: int) -> QuerySet[SteeringCommittee]:
    unit = access.get_unit_for(request.user, unit_id)
    return unit.committees.order_by("-established_on", "id")


@router.get(
    "/committees/{committee_id}",
    response=CommitteeDetailOut,
    tags=["committees"],
    summary="A committee with its members and the units they follow",
)
def get_committee(request: HttpRequest, committee_id: int) -> SteeringCommittee:
    committee = access.get_committee_for(request.user, committee_id)
    prefetch_related_objects([committee], _members_prefetch())
    return committee


@router.post(
    "/units/{unit_id}/committees",
    response={201: CommitteeOut},
    tags=["committees"],
    summary="Establish a steering committee",
)
def create_committee(request: HttpRequest, unit_id: int, payload: CommitteeIn) -> Status:
    unit = access.get_unit_for(request.user, unit_id)
    committee = actions.create_committee(
        by=request.user,
        unit=unit,
        name=payload.name,
        decision_number=payload.decision_number,
        established_on=payload.established_on,
        standing_office=payload.standing_office,
    )
    return Status(201, committee)


@router.post(
    "/committees/{committee_id}/members",
    response={201: MemberOut},
    tags=["committees"],
    summary="Seat a member",
)
def add_member(request: HttpRequest, committee_id: int, payload: MemberIn) -> Status:
    committee = access.get_committee_for(request.user, committee_id)
    # Refuse before looking the person up, so nobody probes which accounts exist.
    _require(access.can_manage_committee(request.user, committee.unit))
    person = User.objects.filter(pk=payload.user_id, is_active=True).first()
    if person is None:
        raise ValidationError({"user_id": _("No such person.")})
    member = actions.add_committee_member(
        committee, by=request.user, user=person, position=payload.position, title=payload.title
    )
    return Status(201, CommitteeMember.objects.select_related("user").get(pk=member.pk))


@router.post(
    "/committee-members/{member_id}/follows",
    response={201: FollowOut},
    tags=["committees"],
    summary="Assign a member to follow a unit",
)
def assign_follow(request: HttpRequest, member_id: int, payload: FollowIn) -> Status:
    member = access.get_committee_member_for(request.user, member_id)
    unit = access.get_unit_for(request.user, payload.unit_id)
    follow = actions.assign_follow(
        member, by=request.user, unit=unit, assigned_on=payload.assigned_on
    )
    return Status(201, follow)


@router.post(
    "/follows/{follow_id}/notes",
    response={201: NoteOut},
    tags=["committees"],
    summary="Record what a member found when following up a unit",
)
def record_follow_up(request: HttpRequest, follow_id: int, payload: NoteIn) -> Status:
    assignment = access.get_follow_assignment_for(request.user, follow_id)
    note = actions.record_follow_up(
        assignment,
        by=request.user,
        visited_on=payload.visited_on,
        findings=payload.findings,
        recommendations=payload.recommendations,
    )
    return Status(201, note)
