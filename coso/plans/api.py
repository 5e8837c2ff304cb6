"""JSON API of plans and tasks (mounted under /api/v1/).

Reads go through the checked fetches and visible_* querysets of plans.access; writes through
plans.actions, which check the permission and write the audit entry.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from coso.core.dates import today
from coso.units.access import get_unit_for, visible_units
from coso.units.models import Unit, User, path_within

from . import access, actions
from .legal_bases import link_bases
from .models import (
    OPEN_STATUSES,
    BasisKind,
    Plan,
    PlanKind,
    PlanSection,
    PlanStatus,
    Task,
    TaskStatus,
    Timing,
)

router = Router(tags=["plans"])


# --- Schemas -----------------------------------------------------------------------------------


class PlanOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    kind: PlanKind
    number: str
    title: str
    issued_on: dt.date
    year: int
    status: PlanStatus
    status_label: str = Field(..., alias="get_status_display")
    parent_plan_id: int | None
    subordinate_plans_due: dt.date | None


class BasisOut(Schema):
    id: int
    kind: BasisKind
    citation: str
    linked_plan_id: int | None


class SectionOut(Schema):
    id: int
    number: str
    title: str
    body: str


class TaskOut(Schema):
    id: int
    plan_id: int
    section_id: int | None
    unit_id: int
    order: int
    title: str
    description: str
    timing: Timing
    quarter: int | None
    month: int | None
    due_date: dt.date | None
    deadline: dt.date | None
    time_label: str
    status: TaskStatus
    status_label: str = Field(..., alias="get_status_display")
    progress: int
    is_overdue: bool
    completed_on: dt.date | None
    lead_unit_id: int | None
    lead_unit_name: str | None = None
    lead_person_id: int | None
    lead_person_name: str | None = None
    coordinating_unit_ids: list[int]
    target_unit_ids: list[int]
    source_task_id: int | None
    root_task_id: int | None

    @staticmethod
    def resolve_lead_unit_name(task: Task) -> str | None:
        return task.lead_unit.name if task.lead_unit_id else None

    @staticmethod
    def resolve_lead_person_name(task: Task) -> str | None:
        return task.lead_person.display_name if task.lead_person_id else None

    @staticmethod
    def resolve_coordinating_unit_ids(task: Task) -> list[int]:
        return [unit.pk for unit in task.coordinating_units.all()]

    @staticmethod
    def resolve_target_unit_ids(task: Task) -> list[int]:
        return [unit.pk for unit in task.target_units.all()]


class PlanDetailOut(PlanOut):
    place: str
    summary: str
    signer_name: str
    signer_title: str
    recipients: str
    bases: list[BasisOut]
    sections: list[SectionOut]
    tasks: list[TaskOut]


class BasisIn(Schema):
    citation: str
    kind: BasisKind = BasisKind.LEGAL_TEXT


class SectionIn(Schema):
    number: str = ""
    title: str
    body: str = ""


class PlanCreateIn(Schema):
    unit_id: int
    title: str
    issued_on: dt.date
    kind: PlanKind = PlanKind.PLAN
    number: str = ""
    place: str = ""
    summary: str = ""
    subordinate_plans_due: dt.date | None = None
    signer_name: str = ""
    signer_title: str = ""
    recipients: str = ""
    parent_plan_id: int | None = None
    bases: list[BasisIn] = []
    sections: list[SectionIn] = []


class PlanUpdateIn(Schema):
    """Send only the fields to change."""

    title: str | None = None
    issued_on: dt.date | None = None
    kind: PlanKind | None = None
    number: str | None = None
    place: str | None = None
    summary: str | None = None
    subordinate_plans_due: dt.date | None = None
    signer_name: str | None = None
    signer_title: str | None = None
    recipients: str | None = None


class DeriveIn(Schema):
    unit_id: int
    title: str
    issued_on: dt.date
    number: str = ""
    carried_task_ids: list[int] = []


class TaskIn(Schema):
    title: str
    timing: Timing
    description: str = ""
    quarter: int | None = None
    month: int | None = None
    due_date: dt.date | None = None
    order: int | None = None
    section_id: int | None = None
    lead_unit_id: int | None = None
    lead_person_id: int | None = None
    coordinating_unit_ids: list[int] = []
    target_unit_ids: list[int] = []


class TaskUpdateIn(Schema):
    """Send only the fields to change."""

    title: str | None = None
    timing: Timing | None = None
    description: str | None = None
    quarter: int | None = None
    month: int | None = None
    due_date: dt.date | None = None
    order: int | None = None
    section_id: int | None = None
    lead_unit_id: int | None = None
    lead_person_id: int | None = None
    coordinating_unit_ids: list[int] | None = None
    target_unit_ids: list[int] | None = None


class StatusIn(Schema):
    status: TaskStatus
    progress: int | None = None


class ProgressIn(Schema):
    progress: int


# --- Helpers -----------------------------------------------------------------------------------

TASK_RELATED = ("plan", "lead_unit", "lead_person")


def _task_prefetches() -> tuple[Prefetch, Prefetch]:
    return (
        Prefetch("coordinating_units", queryset=Unit.objects.only("id")),
        Prefetch("target_units", queryset=Unit.objects.only("id")),
    )


def _tasks(queryset: QuerySet[Task]) -> QuerySet[Task]:
    return queryset.select_related(*TASK_RELATED).prefetch_related(*_task_prefetches())


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You do not have permission to do this."))


def _units(user: User, ids: list[int], field: str) -> list[Unit]:
    """Units the user may read, by id; an unknown or hidden id is a field error."""
    units = list(visible_units(user).filter(pk__in=set(ids)))
    if len(units) != len(set(ids)):
        raise ValidationError({field: _("Choose units from your own tree.")})
    return units


def _task_fields(user: User, plan: Plan, data: dict) -> dict:
    """Turn the ids of a task body into the objects the actions expect."""
    fields = dict(data)
    if "lead_unit_id" in fields:
        lead_id = fields.pop("lead_unit_id")
        fields["lead_unit"] = _units(user, [lead_id], "lead_unit_id")[0] if lead_id else None
    if "lead_person_id" in fields:
        person_id = fields.pop("lead_person_id")
        person = None
        if person_id:
            person = User.objects.filter(
                pk=person_id, is_active=True, home_unit__in=visible_units(user)
            ).first()
            if person is None:
                raise ValidationError({"lead_person_id": _("Choose a person of your own tree.")})
        fields["lead_person"] = person
    if "section_id" in fields:
        section_id = fields.pop("section_id")
        section = None
        if section_id:
            section = PlanSection.objects.filter(pk=section_id, plan=plan).first()
            if section is None:
                raise ValidationError({"section_id": _("This section belongs to another plan.")})
        fields["section"] = section
    for key, name in (
        ("coordinating_unit_ids", "coordinating_units"),
        ("target_unit_ids", "target_units"),
    ):
        if key in fields:
            ids = fields.pop(key)
            fields[name] = None if ids is None else _units(user, ids, key)
    if fields.get("order") is None:
        fields.pop("order", None)
    return fields


def _plan_detail(plan_id: int) -> Plan:
    return (
        Plan.objects.select_related("unit")
        .prefetch_related(
            "bases",
            "sections",
            Prefetch("tasks", queryset=_tasks(Task.objects.order_by("order", "id"))),
        )
        .get(pk=plan_id)
    )


def _task_out(task_id: int) -> Task:
    return _tasks(Task.objects.filter(pk=task_id)).get()


def _subtree_path(unit_id: int) -> str | None:
    """The path of a unit used as a filter; None when it does not exist (the list is empty)."""
    return Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first()


# --- Plans -------------------------------------------------------------------------------------


@router.get("/plans/", response=list[PlanOut], summary="List the plans you may read")
@paginate(LimitOffsetPagination)
def list_plans(
    request: HttpRequest,
    year: int | None = None,
    unit_id: int | None = None,
    status: PlanStatus | None = None,
    q: str = "",
) -> QuerySet[Plan]:
    """Newest first; `unit_id` takes the unit's whole subtree, `q` ignores diacritics."""
    plans = access.visible_plans(request.user).select_related("unit")
    if year is not None:
        plans = plans.filter(year=year)
    if unit_id is not None:
        path = _subtree_path(unit_id)
        plans = plans.filter(path_within("unit_path", path)) if path else plans.none()
    if status is not None:
        plans = plans.filter(status=status)
    if q.strip():
        plans = plans.search(q)
    return plans.order_by("-issued_on", "-id")


@router.get(
    "/plans/{plan_id}", response=PlanDetailOut, summary="A plan with its bases, sections and tasks"
)
def get_plan(request: HttpRequest, plan_id: int) -> Plan:
    plan = access.get_plan_for(request.user, plan_id)
    return _plan_detail(plan.pk)


@router.post("/plans/", response={201: PlanDetailOut}, summary="Draft a program or plan")
def create_plan(request: HttpRequest, payload: PlanCreateIn) -> Status:
    unit = get_unit_for(request.user, payload.unit_id)
    parent_plan = None
    if payload.parent_plan_id is not None:
        parent_plan = access.get_plan_for(request.user, payload.parent_plan_id)
    data = payload.dict(exclude={"unit_id", "parent_plan_id", "bases", "sections", "title"})
    with transaction.atomic():
        plan = actions.create_plan(
            by=request.user,
            unit=unit,
            title=payload.title,
            parent_plan=parent_plan,
            bases=[actions.Basis(citation=b.citation, kind=b.kind) for b in payload.bases],
            sections=[(s.number, s.title, s.body) for s in payload.sections],
            **data,
        )
        # Link each basis to the library text it names by number, as the page does.
        link_bases(plan.bases.all(), by=request.user)
    return Status(201, _plan_detail(plan.pk))


@router.patch("/plans/{plan_id}", response=PlanDetailOut, summary="Change a plan")
def update_plan(request: HttpRequest, plan_id: int, payload: PlanUpdateIn) -> Plan:
    plan = access.get_plan_for(request.user, plan_id)
    fields = payload.dict(exclude_unset=True)
    for required in ("title", "issued_on", "kind"):
        if required in fields and fields[required] is None:
            raise ValidationError({required: _("This field cannot be empty.")})
    for text in ("number", "place", "summary", "signer_name", "signer_title", "recipients"):
        if text in fields and fields[text] is None:
            fields[text] = ""
    actions.update_plan(plan, by=request.user, **fields)
    return _plan_detail(plan.pk)


@router.post("/plans/{plan_id}/issue", response=PlanDetailOut, summary="Issue a draft plan")
def issue_plan(request: HttpRequest, plan_id: int) -> Plan:
    plan = access.get_plan_for(request.user, plan_id)
    actions.issue_plan(plan, by=request.user)
    return _plan_detail(plan.pk)


@router.post(
    "/plans/{plan_id}/derive",
    response={201: PlanDetailOut},
    summary="Build a subordinate unit's plan from an issued plan, carrying chosen tasks",
)
def derive_plan(request: HttpRequest, plan_id: int, payload: DeriveIn) -> Status:
    parent = access.get_plan_for(request.user, plan_id)
    unit = get_unit_for(request.user, payload.unit_id)
    plan = actions.derive_plan(
        parent,
        by=request.user,
        unit=unit,
        carried_task_ids=payload.carried_task_ids,
        title=payload.title,
        issued_on=payload.issued_on,
        number=payload.number,
    )
    return Status(201, _plan_detail(plan.pk))


# --- Tasks -------------------------------------------------------------------------------------


@router.get(
    "/tasks/", response=list[TaskOut], tags=["tasks"], summary="List the tasks you may read"
)
@paginate(LimitOffsetPagination)
def list_tasks(
    request: HttpRequest,
    unit_id: int | None = None,
    plan_id: int | None = None,
    status: TaskStatus | None = None,
    overdue: bool | None = None,
    year: int | None = None,
) -> QuerySet[Task]:
    """`unit_id` takes the unit's whole subtree; `overdue=true` keeps open tasks past deadline."""
    tasks = access.visible_tasks(request.user)
    if unit_id is not None:
        path = _subtree_path(unit_id)
        tasks = tasks.filter(path_within("unit_path", path)) if path else tasks.none()
    if plan_id is not None:
        tasks = tasks.filter(plan_id=plan_id)
    if status is not None:
        tasks = tasks.filter(status=status)
    if overdue is True:
        tasks = tasks.overdue()
    elif overdue is False:
        tasks = tasks.exclude(status__in=OPEN_STATUSES, deadline__lt=today())
    if year is not None:
        tasks = tasks.filter(plan__year=year)
    return _tasks(tasks).order_by("deadline", "plan_id", "order", "id")


@router.get("/tasks/{task_id}", response=TaskOut, tags=["tasks"], summary="One task")
def get_task(request: HttpRequest, task_id: int) -> Task:
    task = access.get_task_for(request.user, task_id)
    return _task_out(task.pk)


@router.post(
    "/plans/{plan_id}/tasks", response={201: TaskOut}, tags=["tasks"], summary="Add a task"
)
def add_task(request: HttpRequest, plan_id: int, payload: TaskIn) -> Status:
    plan = access.get_plan_for(request.user, plan_id)
    # Refuse before resolving ids, so a refused user learns nothing about other records.
    _require(access.can_edit_plan(request.user, plan))
    fields = _task_fields(request.user, plan, payload.dict(exclude={"title", "timing"}))
    task = actions.add_task(
        plan, by=request.user, title=payload.title, timing=payload.timing, **fields
    )
    return Status(201, _task_out(task.pk))


@router.patch("/tasks/{task_id}", response=TaskOut, tags=["tasks"], summary="Change a task")
def update_task(request: HttpRequest, task_id: int, payload: TaskUpdateIn) -> Task:
    task = access.get_task_for(request.user, task_id)
    _require(access.can_edit_plan(request.user, task.plan))
    data = payload.dict(exclude_unset=True)
    for required in ("title", "timing"):
        if required in data and data[required] is None:
            raise ValidationError({required: _("This field cannot be empty.")})
    if "description" in data and data["description"] is None:
        data["description"] = ""
    fields = _task_fields(request.user, task.plan, data)
    actions.update_task(task, by=request.user, **fields)
    return _task_out(task.pk)


@router.post(
    "/tasks/{task_id}/status", response=TaskOut, tags=["tasks"], summary="Change a task's status"
)
def change_task_status(request: HttpRequest, task_id: int, payload: StatusIn) -> Task:
    task = access.get_task_for(request.user, task_id)
    actions.change_task_status(
        task, by=request.user, status=payload.status, progress=payload.progress
    )
    return _task_out(task.pk)


@router.post(
    "/tasks/{task_id}/progress",
    response=TaskOut,
    tags=["tasks"],
    summary="Record a task's progress",
)
def set_task_progress(request: HttpRequest, task_id: int, payload: ProgressIn) -> Task:
    task = access.get_task_for(request.user, task_id)
    actions.set_task_progress(task, by=request.user, progress=payload.progress)
    return _task_out(task.pk)
