"""Creating and changing plans and tasks, and carrying tasks down the tree: atomic and audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import require as _require
from coso.core.dates import today
from coso.core.errors import InvalidTransition
from coso.core.uploads import validate_upload
from coso.units.models import Unit, User

from . import access
from .models import (
    BasisKind,
    Plan,
    PlanBasis,
    PlanSection,
    PlanStatus,
    Task,
    TaskEvidence,
    TaskStatus,
    Timing,
)

PLAN_FIELDS = (
    "kind",
    "number",
    "place",
    "issued_on",
    "title",
    "summary",
    "subordinate_plans_due",
    "signer_name",
    "signer_title",
    "recipients",
)
TASK_FIELDS = (
    "title",
    "description",
    "timing",
    "quarter",
    "month",
    "due_date",
    "lead_unit",
    "lead_person",
    "section",
    "order",
)


@dataclass(frozen=True)
class Basis:
    """A document the plan implements: a legal text, the upper plan, or another document."""

    citation: str
    kind: str = BasisKind.LEGAL_TEXT
    linked_plan: Plan | None = None


def _check_number_free(unit: Unit, number: str, *, exclude_pk: int | None = None) -> None:
    if not number:
        return
    clash = Plan.objects.filter(unit=unit, number__iexact=number)
    if exclude_pk:
        clash = clash.exclude(pk=exclude_pk)
    if clash.exists():
        raise ValidationError(
            {"number": _("This unit already has a document numbered %(n)s.") % {"n": number}}
        )


def _save_plan(plan: Plan) -> None:
    plan.year = plan.issued_on.year
    plan.unit_path = plan.unit.path
    plan.full_clean(exclude=["unit_path", "search_text", "year"], validate_constraints=False)
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError as exc:  # two officers saving the same number at the same moment
        raise ValidationError(
            {"number": _("This unit already has a document numbered %(n)s.") % {"n": plan.number}}
        ) from exc


@transaction.atomic
def create_plan(
    *,
    by: User,
    unit: Unit,
    title: str,
    issued_on: dt.date,
    parent_plan: Plan | None = None,
    bases: Sequence[Basis] = (),
    sections: Sequence[tuple[str, str, str]] = (),
    **fields,
) -> Plan:
    """Create a program or plan of `unit` (a draft until issued)."""
    _require(access.can_create_plan(by, unit))
    if parent_plan is not None:
        _require(access.can_derive_plan(by, parent_plan, unit))
    number = (fields.get("number") or "").strip()
    fields["number"] = number
    _check_number_free(unit, number)
    with acting_as(by):
        plan = Plan(
            unit=unit,
            title=title.strip(),
            issued_on=issued_on,
            parent_plan=parent_plan,
            created_by=by,
            **{k: v for k, v in fields.items() if k in PLAN_FIELDS},
        )
        _save_plan(plan)
        if parent_plan is not None:
            PlanBasis.objects.create(
                plan=plan,
                kind=BasisKind.UPPER_PLAN,
                citation=_plan_citation(parent_plan),
                linked_plan=parent_plan,
                order=0,
            )
        for order, basis in enumerate(bases, start=1):
            if basis.citation.strip():
                PlanBasis.objects.create(
                    plan=plan,
                    kind=basis.kind,
                    citation=basis.citation.strip(),
                    linked_plan=basis.linked_plan,
                    order=order,
                )
        for order, (number_, section_title, body) in enumerate(sections):
            PlanSection.objects.create(
                plan=plan, number=number_, title=section_title, body=body, order=order
            )
    return plan


def _plan_citation(plan: Plan) -> str:
    number = f"{plan.get_kind_display()} số {plan.number}" if plan.number else plan.title
    return f"{number} ngày {plan.issued_on:%d/%m/%Y} của {plan.unit.name}"


@transaction.atomic
def update_plan(plan: Plan, *, by: User, **fields) -> Plan:
    _require(access.can_edit_plan(by, plan))
    if "number" in fields:
        fields["number"] = (fields["number"] or "").strip()
        _check_number_free(plan.unit, fields["number"], exclude_pk=plan.pk)
    new_date = fields.get("issued_on")
    if new_date and plan.tasks.filter(due_date__lt=new_date).exists():
        raise ValidationError({"issued_on": _("Some tasks of this plan are due before this date.")})
    with acting_as(by):
        for name, value in fields.items():
            if name in PLAN_FIELDS:
                setattr(plan, name, value)
        _save_plan(plan)
        if new_date:
            for task in plan.tasks.all():
                task.save()  # deadlines follow the plan's year
    return plan


@transaction.atomic
def issue_plan(plan: Plan, *, by: User) -> Plan:
    """Ban hành: the plan becomes visible to subordinate units, who may carry its tasks down."""
    _require(access.can_edit_plan(by, plan))
    if plan.status != PlanStatus.DRAFT:
        raise InvalidTransition(plan.get_status_display(), PlanStatus.ISSUED.label)
    if not plan.tasks.exists():
        raise ValidationError(_("A plan must have at least one task before it is issued."))
    with acting_as(by):
        plan.status = PlanStatus.ISSUED
        plan.save()
    return plan


@transaction.atomic
def withdraw_plan(plan: Plan, *, by: User) -> Plan:
    _require(access.can_edit_plan(by, plan))
    if plan.status != PlanStatus.ISSUED:
        raise InvalidTransition(plan.get_status_display(), PlanStatus.WITHDRAWN.label)
    with acting_as(by):
        plan.status = PlanStatus.WITHDRAWN
        plan.save()
    return plan


@transaction.atomic
def add_section(plan: Plan, *, by: User, number: str, title: str, body: str = "") -> PlanSection:
    _require(access.can_edit_plan(by, plan))
    if not title.strip():
        raise ValidationError({"title": _("Enter the section title.")})
    with acting_as(by):
        order = plan.sections.count()
        return PlanSection.objects.create(
            plan=plan, number=number.strip(), title=title.strip(), body=body, order=order
        )


def _validate_task(task: Task) -> None:
    errors: dict[str, str] = {}
    if not (task.title or "").strip():
        errors["title"] = _("Enter the task title.")
    if task.timing == Timing.QUARTER and task.quarter not in (1, 2, 3, 4):
        errors["quarter"] = _("Choose a quarter from I to IV.")
    if task.timing == Timing.MONTH and task.month not in range(1, 13):
        errors["month"] = _("Choose a month from 1 to 12.")
    if task.timing == Timing.DUE_DATE:
        if task.due_date is None:
            errors["due_date"] = _("Enter the due date (dd/mm/yyyy).")
        elif task.due_date < task.plan.issued_on:
            errors["due_date"] = _("The due date is before the plan's date (%(d)s).") % {
                "d": task.plan.issued_on.strftime("%d/%m/%Y")
            }
    if task.timing != Timing.QUARTER:
        task.quarter = None
    if task.timing != Timing.MONTH:
        task.month = None
    if task.timing != Timing.DUE_DATE:
        task.due_date = None
    if task.section_id and task.section.plan_id != task.plan_id:
        errors["section"] = _("This section belongs to another plan.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def add_task(
    plan: Plan,
    *,
    by: User,
    title: str,
    timing: str,
    coordinating_units: Iterable[Unit] = (),
    target_units: Iterable[Unit] = (),
    **fields,
) -> Task:
    _require(access.can_edit_plan(by, plan))
    with acting_as(by):
        task = Task(
            plan=plan,
            title=title.strip(),
            timing=timing,
            **{k: v for k, v in fields.items() if k in TASK_FIELDS},
        )
        if "order" not in fields:
            task.order = plan.tasks.count() + 1
        _validate_task(task)
        task.save()
        task.root_task = task.root_task or task
        task.save(update_fields=["root_task"])
        task.coordinating_units.set(coordinating_units)
        task.target_units.set(target_units)
    return task


@transaction.atomic
def update_task(
    task: Task,
    *,
    by: User,
    coordinating_units: Iterable[Unit] | None = None,
    target_units: Iterable[Unit] | None = None,
    **fields,
) -> Task:
    _require(access.can_edit_plan(by, task.plan))
    with acting_as(by):
        for name, value in fields.items():
            if name in TASK_FIELDS:
                setattr(task, name, value)
        _validate_task(task)
        task.save()
        if coordinating_units is not None:
            task.coordinating_units.set(coordinating_units)
        if target_units is not None:
            task.target_units.set(target_units)
    return task


@transaction.atomic
def delete_task(task: Task, *, by: User) -> None:
    _require(access.can_edit_plan(by, task.plan))
    if task.carried_tasks.exists():
        raise ValidationError(
            _("Subordinate units have carried this task into their plans; cancel it instead.")
        )
    with acting_as(by):
        task.delete()


@transaction.atomic
def change_task_status(task: Task, *, by: User, status: str, progress: int | None = None) -> Task:
    """Move a task along its workflow; done means 100 %, and records the day it was done."""
    _require(access.can_update_task(by, task))
    task = Task.objects.select_for_update().get(pk=task.pk)
    if status != task.status and status not in task.allowed_statuses():
        raise InvalidTransition(task.get_status_display(), TaskStatus(status).label)
    if progress is not None and not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Progress must be between 0 and 100.")})
    with acting_as(by):
        task.status = status
        if status == TaskStatus.DONE:
            task.progress = 100
            task.completed_on = today()
        else:
            task.completed_on = None
            if progress is not None:
                task.progress = progress
            elif status == TaskStatus.NOT_STARTED:
                task.progress = 0
        task.save()
    return task


@transaction.atomic
def set_task_progress(task: Task, *, by: User, progress: int) -> Task:
    """Record progress; a task with progress starts, and 100 % finishes it."""
    _require(access.can_update_task(by, task))
    if not 0 <= progress <= 100:
        raise ValidationError({"progress": _("Progress must be between 0 and 100.")})
    task = Task.objects.select_for_update().get(pk=task.pk)
    if not task.is_open:
        raise ValidationError(
            {
                "progress": _("This task is %(s)s; reopen it first.")
                % {"s": task.get_status_display()}
            }
        )
    if progress == 100:
        return change_task_status(task, by=by, status=TaskStatus.DONE)
    with acting_as(by):
        task.progress = progress
        if progress > 0 and task.status == TaskStatus.NOT_STARTED:
            task.status = TaskStatus.IN_PROGRESS
        task.save()
    return task


@transaction.atomic
def add_evidence(
    task: Task, *, by: User, note: str = "", file: UploadedFile | None = None
) -> TaskEvidence:
    _require(access.can_update_task(by, task))
    if not note.strip() and file is None:
        raise ValidationError({"note": _("Write a note or attach a file.")})
    if file is not None:
        try:
            validate_upload(file)
        except ValidationError as exc:
            raise ValidationError({"file": exc.messages}) from exc
    with acting_as(by):
        return TaskEvidence.objects.create(
            task=task,
            note=note.strip(),
            file=file,
            original_name=(file.name if file else "")[:255],
            added_by=by,
        )


@transaction.atomic
def derive_plan(
    parent: Plan,
    *,
    by: User,
    unit: Unit,
    carried_task_ids: Iterable[int],
    title: str,
    issued_on: dt.date,
    **fields,
) -> Plan:
    """A subordinate unit builds its own plan "based on" the parent's, carrying chosen tasks.

    Each carried task keeps its time and wording, becomes the subordinate unit's own, and stays
    linked to the parent's task so the parent sees its progress rolled up.
    """
    if parent.status != PlanStatus.ISSUED:
        raise ValidationError(_("Only an issued plan can be carried down."))
    ids = set(carried_task_ids)
    carried = list(parent.tasks.filter(pk__in=ids).order_by("order", "id"))
    if len(carried) != len(ids):
        raise ValidationError({"tasks": _("Some chosen tasks do not belong to the parent plan.")})
    plan = create_plan(
        by=by, unit=unit, title=title, issued_on=issued_on, parent_plan=parent, **fields
    )
    with acting_as(by):
        for order, source in enumerate(carried, start=1):
            task = Task(
                plan=plan,
                title=source.title,
                description=source.description,
                timing=source.timing,
                quarter=source.quarter,
                month=source.month,
                due_date=source.due_date if source.timing == Timing.DUE_DATE else None,
                lead_unit=unit,
                order=order,
                source_task=source,
                root_task_id=source.root_task_id or source.pk,
            )
            if task.due_date and task.due_date < plan.issued_on:
                raise ValidationError(
                    {
                        "issued_on": _("The carried task “%(t)s” is due before this plan's date.")
                        % {"t": source.title}
                    }
                )
            task.save()
    return plan
