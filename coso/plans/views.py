"""Pages of programs, plans and tasks: form → access check → action → render."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.dates import today
from coso.core.forms import apply_validation_error
from coso.core.pages import paginate, querystring_base, require
from coso.library.models import LegalText, current_versions
from coso.units.access import MANAGERS, can_view_unit, get_unit_for, grants_for, paths_for
from coso.units.models import Unit, User, path_within

from . import access, actions
from .forms import (
    DeriveForm,
    EvidenceForm,
    PlanCreateForm,
    PlanFilterForm,
    PlanForm,
    ProgressForm,
    SectionForm,
    SectionFormSet,
    StatusForm,
    TaskFilterForm,
    TaskForm,
)
from .legal_bases import link_bases
from .models import OPEN_STATUSES, Plan, PlanBasis, PlanStatus, Task, TaskStatus
from .rollups import carried_tasks, rollups_for_plan

PLAN_FORM_FIELDS = tuple(PlanForm.base_fields)


# --- helpers ---------------------------------------------------------------------------------


def _filter_unit(user: User, raw: str | None) -> Unit | None:
    """The unit of a ?unit= filter: one the user reaches, or an upper level whose plans they read."""
    if not raw:
        return None
    try:
        pk = int(raw)
    except ValueError:
        return None
    unit = Unit.objects.filter(pk=pk).first()
    if unit is None:
        raise Http404
    if can_view_unit(user, unit) or any(g.path.startswith(unit.path) for g in grants_for(user)):
        return unit
    raise Http404


def _filter_unit_choices(user: User) -> QuerySet[Unit]:
    """Units offered in a filter: the levels above the user's and one level below their roots."""
    condition = Q(pk__in=[])
    ancestors = {g.path[:i] for g in grants_for(user) for i in range(4, len(g.path), 4)}
    if ancestors:
        condition |= Q(path__in=sorted(ancestors))
    for path in paths_for(user):
        condition |= path_within("path", path) & Q(depth__lte=len(path) // Unit.steplen + 1)
    return Unit.objects.filter(condition).order_by("path")[:300]


def _may_derive_somewhere(user: User, plan: Plan) -> bool:
    """Whether the user manages any unit strictly below the plan's unit (no query)."""
    return any(
        plan.unit_path.startswith(path)
        or (path.startswith(plan.unit_path) and path != plan.unit_path)
        for path in paths_for(user, MANAGERS)
    )


# --- plans -----------------------------------------------------------------------------------


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = PlanFilterForm(request.GET or None)
    unit = _filter_unit(user, request.GET.get("unit"))
    plans = access.visible_plans(user).select_related("unit")
    if unit is not None:
        plans = plans.in_subtree(unit)
    legal_text = None
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            plans = plans.search(data["q"])
        if data["year"]:
            plans = plans.filter(year=data["year"])
        if data["kind"]:
            plans = plans.filter(kind=data["kind"])
        if data["status"]:
            plans = plans.filter(status=data["status"])
        if data["legal_text"]:
            # Plans with a basis citing this library text (linked from the text's page).
            legal_text = LegalText.objects.filter(pk=data["legal_text"]).first()
            plans = plans.filter(
                pk__in=PlanBasis.objects.filter(legal_text_id=data["legal_text"]).values("plan_id")
            )
    # Meta.ordering does not apply to grouped queries: order explicitly.
    plans = plans.annotate(
        task_count=Count("tasks"),
        overdue_count=Count(
            "tasks", filter=Q(tasks__status__in=OPEN_STATUSES, tasks__deadline__lt=today())
        ),
    ).order_by("-issued_on", "-id")
    context = {
        "form": form,
        "unit": unit,
        "legal_text": legal_text,
        "units": _filter_unit_choices(user),
        "page_obj": paginate(request, plans),
        "querystring_base": querystring_base(request),
        "may_create": bool(access.manageable_unit_paths(user)),
    }
    return render(request, "plans/plan_list.html", context)


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = None
    if request.GET.get("unit"):
        unit = get_unit_for(user, request.GET["unit"])
        require(access.can_create_plan(user, unit))
    else:
        require(bool(access.manageable_unit_paths(user)))
    data = request.POST if request.method == "POST" else None
    form = PlanCreateForm(data, user=user, unit=unit)
    sections = SectionFormSet(data, prefix="sections")
    if data is not None and form.is_valid() and sections.is_valid():
        cleaned = form.cleaned_data
        try:
            with transaction.atomic():
                plan = actions.create_plan(
                    by=user,
                    unit=cleaned["unit"],
                    title=cleaned["title"],
                    issued_on=cleaned["issued_on"],
                    parent_plan=cleaned["upper_plan"],
                    bases=[actions.Basis(citation=text) for text in cleaned["legal_texts"]],
                    sections=[
                        (s["number"], s["title"], s["body"])
                        for s in sections.cleaned_data
                        if s.get("title")
                    ],
                    **{k: cleaned[k] for k in PLAN_FORM_FIELDS if k not in ("title", "issued_on")},
                )
                # Link each basis to the library text it names by number.
                link_bases(plan.bases.all(), by=user)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The plan was saved as a draft. Now add its tasks."))
            return redirect("plans:task_add", pk=plan.pk)
    return render(
        request, "plans/plan_form.html", {"form": form, "sections": sections, "unit": unit}
    )


def _bases_with_library(plan: Plan) -> list[PlanBasis]:
    """The plan's bases, each with the library text in force when the one it cites was replaced."""
    bases = list(plan.bases.select_related("linked_plan", "legal_text", "legal_text__replaced_by"))
    currents = current_versions([b.legal_text for b in bases])
    for basis in bases:
        basis.current_text = currents.get(basis.legal_text_id)  # type: ignore[attr-defined]
    return bases


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    plan = access.get_plan_for(user, pk)
    sections = list(plan.sections.all())
    tasks = list(
        plan.tasks.select_related("lead_unit", "lead_person").prefetch_related(
            "coordinating_units", "target_units"
        )
    )
    rollups = rollups_for_plan(plan, tasks, user=user)
    by_section: dict[int | None, list[Task]] = {}
    for task in tasks:
        task.rollup = rollups.get(task.pk)  # type: ignore[attr-defined]
        by_section.setdefault(task.section_id, []).append(task)
    for section in sections:
        section.task_list = by_section.pop(section.pk, [])  # type: ignore[attr-defined]
    loose_tasks = [t for items in by_section.values() for t in items]
    context = {
        "plan": plan,
        "bases": _bases_with_library(plan),
        "sections": sections,
        "loose_tasks": loose_tasks,
        "task_count": len(tasks),
        "derived": list(access.visible_plans(user).filter(parent_plan=plan).select_related("unit")),
        "can_edit": access.can_edit_plan(user, plan),
        "can_derive": plan.status == PlanStatus.ISSUED and _may_derive_somewhere(user, plan),
    }
    return render(request, "plans/plan_detail.html", context)


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    plan = access.get_plan_for(user, pk)
    require(access.can_edit_plan(user, plan))
    initial = {name: getattr(plan, name) for name in PLAN_FORM_FIELDS}
    form = PlanForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_plan(plan, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The plan was updated."))
            return redirect("plans:detail", pk=plan.pk)
    return render(
        request,
        "plans/plan_edit.html",
        {"form": form, "plan": plan, "section_form": SectionForm(prefix="section")},
    )


@login_required
@require_POST
def section_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    plan = access.get_plan_for(user, pk)
    require(access.can_edit_plan(user, plan))
    form = SectionForm(request.POST, prefix="section")
    if form.is_valid():
        try:
            actions.add_section(plan, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The section was added."))
            return redirect("plans:edit", pk=plan.pk)
    initial = {name: getattr(plan, name) for name in PLAN_FORM_FIELDS}
    return render(
        request,
        "plans/plan_edit.html",
        {"form": PlanForm(initial=initial), "plan": plan, "section_form": form},
    )


def _change_plan_status(request: HttpRequest, pk: int, change, done_message: str) -> HttpResponse:
    user = request.user
    plan = access.get_plan_for(user, pk)
    require(access.can_edit_plan(user, plan))
    try:
        change(plan, by=user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done_message)
    return redirect("plans:detail", pk=plan.pk)


@login_required
@require_POST
def plan_issue(request: HttpRequest, pk: int) -> HttpResponse:
    return _change_plan_status(request, pk, actions.issue_plan, _("The plan was issued."))


@login_required
@require_POST
def plan_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    return _change_plan_status(request, pk, actions.withdraw_plan, _("The plan was withdrawn."))


@login_required
def plan_derive(request: HttpRequest, pk: int) -> HttpResponse:
    """Xây dựng kế hoạch của đơn vị cấp dưới: a subordinate unit's plan based on this one."""
    user = request.user
    parent = access.get_plan_for(user, pk)
    require(_may_derive_somewhere(user, parent))
    if parent.status != PlanStatus.ISSUED:
        messages.error(request, _("Only an issued plan can be carried down."))
        return redirect("plans:detail", pk=parent.pk)
    tasks = list(parent.tasks.all())
    initial = {
        "title": parent.title,
        "kind": parent.kind,
        "issued_on": today(),
        "tasks": [t.pk for t in tasks],
        "unit": request.GET.get("unit"),
    }
    data = request.POST if request.method == "POST" else None
    form = DeriveForm(data, initial=initial, user=user, parent=parent, tasks=tasks)
    if data is not None and form.is_valid():
        cleaned = form.cleaned_data
        try:
            plan = actions.derive_plan(
                parent,
                by=user,
                unit=cleaned["unit"],
                carried_task_ids=cleaned["tasks"],
                title=cleaned["title"],
                issued_on=cleaned["issued_on"],
                kind=cleaned["kind"],
                number=cleaned["number"],
                place=cleaned["place"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The subordinate unit's plan was created as a draft."))
            return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/plan_derive.html", {"form": form, "parent": parent})


# --- tasks -----------------------------------------------------------------------------------


@login_required
def task_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    plan = access.get_plan_for(user, pk)
    require(access.can_edit_plan(user, plan))
    form = TaskForm(request.POST if request.method == "POST" else None, plan=plan)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_task(plan, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The task was added."))
            if "another" in request.POST:
                return redirect("plans:task_add", pk=plan.pk)
            return redirect("plans:detail", pk=plan.pk)
    return render(request, "plans/task_form.html", {"form": form, "plan": plan, "task": None})


@login_required
def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    task = access.get_task_for(user, pk)
    require(access.can_edit_plan(user, task.plan))
    if request.method == "POST":
        form = TaskForm(request.POST, plan=task.plan)
        if form.is_valid():
            try:
                actions.update_task(task, by=user, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The task was updated."))
                return redirect("plans:task", pk=task.pk)
    else:
        form = TaskForm(initial=TaskForm.initial_for(task), plan=task.plan)
    return render(request, "plans/task_form.html", {"form": form, "plan": task.plan, "task": task})


@login_required
@require_POST
def task_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    task = access.get_task_for(user, pk)
    require(access.can_edit_plan(user, task.plan))
    try:
        actions.delete_task(task, by=user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("plans:task", pk=task.pk)
    messages.success(request, _("The task was deleted."))
    return redirect("plans:detail", pk=task.plan_id)


def _render_task(
    request: HttpRequest,
    task: Task,
    *,
    status_errors: list[str] | None = None,
    progress_form: ProgressForm | None = None,
    evidence_form: EvidenceForm | None = None,
    code: int = 200,
) -> HttpResponse:
    user = request.user
    rollup = rollups_for_plan(task.plan, [task], user=user).get(task.pk)
    context = {
        "task": task,
        "plan": task.plan,
        "evidence": task.evidence.select_related("added_by"),
        "can_edit": access.can_edit_plan(user, task.plan),
        "can_update": access.can_update_task(user, task),
        "next_statuses": [TaskStatus(s) for s in task.allowed_statuses()],
        "status_errors": status_errors or [],
        "progress_form": progress_form or ProgressForm(initial={"progress": task.progress}),
        "evidence_form": evidence_form or EvidenceForm(),
        "rollup": rollup,
        "coordinating": list(task.coordinating_units.all()),
        "targets": list(task.target_units.all()),
    }
    return render(request, "plans/task_detail.html", context, status=code)


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_task(request, access.get_task_for(request.user, pk))


@login_required
@require_POST
def task_status(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    task = access.get_task_for(user, pk)
    require(access.can_update_task(user, task))
    form = StatusForm(request.POST)
    if not form.is_valid():
        return _render_task(request, task, status_errors=[_("Choose a valid status.")])
    try:
        actions.change_task_status(task, by=user, status=form.cleaned_data["status"])
    except ValidationError as exc:
        return _render_task(request, task, status_errors=exc.messages)
    messages.success(request, _("The task's status was changed."))
    return redirect("plans:task", pk=task.pk)


@login_required
@require_POST
def task_progress(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    task = access.get_task_for(user, pk)
    require(access.can_update_task(user, task))
    form = ProgressForm(request.POST)
    if form.is_valid():
        try:
            actions.set_task_progress(task, by=user, progress=form.cleaned_data["progress"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The progress was recorded."))
            return redirect("plans:task", pk=task.pk)
    return _render_task(request, task, progress_form=form)


@login_required
@require_POST
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    task = access.get_task_for(user, pk)
    require(access.can_update_task(user, task))
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_evidence(
                task, by=user, note=form.cleaned_data["note"], file=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The evidence was added."))
            return redirect("plans:task", pk=task.pk)
    return _render_task(request, task, evidence_form=form)


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    """Files are served only through this checked view, never from a public media URL."""
    evidence = access.get_evidence_for(request.user, pk)
    if not evidence.file:
        raise Http404
    try:
        handle = evidence.file.open("rb")
    except OSError as exc:
        raise Http404 from exc
    name = evidence.original_name or evidence.file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)


@login_required
def task_carried(request: HttpRequest, pk: int) -> HttpResponse:
    """The tasks subordinate units carried down from this one, with their units."""
    user = request.user
    task = access.get_task_for(user, pk)
    qs = (
        carried_tasks([task], unit_path=task.unit_path, exclude_plan_id=task.plan_id, user=user)
        .select_related("plan", "unit")
        .order_by("unit_path", "id")
    )
    context = {"task": task, "page_obj": paginate(request, qs), "querystring_base": ""}
    return render(request, "plans/task_carried.html", context)


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    """Tasks visible to the user; the dashboard links its figures here with GET filters."""
    user = request.user
    unit = _filter_unit(user, request.GET.get("unit"))
    form = TaskFilterForm(request.GET or None)
    tasks = (
        access.visible_tasks(user)
        .exclude(plan__status=PlanStatus.WITHDRAWN)
        .select_related("plan", "unit", "lead_unit")
    )
    own = request.GET.get("own") == "1"
    if unit is not None:
        tasks = tasks.of_unit_plans(unit) if own else tasks.in_subtree(unit)
    overdue = False
    if form.is_valid():
        data = form.cleaned_data
        year = data["year"]
        if year:
            tasks = tasks.filter(plan__year=year)
        if data["quarter"] is not None:
            tasks = tasks.in_quarter(data["quarter"])
        if data["status"]:
            tasks = tasks.filter(status=data["status"])
        if data["overdue"]:
            overdue = True
            tasks = tasks.overdue()
    tasks = tasks.order_by(F("deadline").asc(nulls_last=True), "unit_path", "id")
    context = {
        "form": form,
        "unit": unit,
        "own": own and unit is not None,
        "units": _filter_unit_choices(user),
        "overdue": overdue,
        "page_obj": paginate(request, tasks),
        "querystring_base": querystring_base(request),
    }
    return render(request, "plans/task_list.html", context)


@login_required
def overdue_tasks(request: HttpRequest) -> HttpResponse:
    params = {"overdue": "1"}
    if request.GET.get("unit"):
        params["unit"] = request.GET["unit"]
    return redirect(f"{reverse('plans:tasks')}?{urlencode(params)}")
