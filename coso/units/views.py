"""Pages of the organisation tree: browse, search, manage units, people, committees, audit log.

Every view follows the same steps: checked fetch (404 for what the user may not read) →
permission check (403) → form → action → redirect or render with the action's errors.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db.models import Case, Count, F, IntegerField, Max, Prefetch, Q, QuerySet, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.dates import today
from coso.core.forms import apply_validation_error
from coso.core.models import AuditEntry
from coso.core.pages import paginate, querystring_base, require

from . import access, actions
from .forms import (
    AddMemberForm,
    AssignFollowForm,
    AssignRoleForm,
    AuditFilterForm,
    CloseUnitForm,
    CommitteeForm,
    ContactForm,
    CreateUserForm,
    EndFollowForm,
    FollowUpNoteForm,
    MoveUnitForm,
    RenameUnitForm,
    SearchForm,
    UnitForm,
)
from .models import (
    CommitteeMember,
    CommitteePosition,
    FollowAssignment,
    Role,
    RoleAssignment,
    SteeringCommittee,
    Unit,
    User,
    path_within,
)

AUDIT_PER_PAGE = 50
PICKER_SIZE = 30

# --- Helpers -----------------------------------------------------------------------------------


def _search_text(request: HttpRequest) -> str:
    form = SearchForm(request.GET)
    return form.cleaned_data["q"].strip() if form.is_valid() else ""


def _attach_ancestor_names(units: Iterable[Unit]) -> None:
    """Give each unit `ancestor_names` (root first) with one query for the whole page."""
    units = list(units)
    wanted = {path for unit in units for path in unit.ancestor_paths()[:-1]}
    names: dict[str, str] = {}
    if wanted:
        names = dict(Unit.objects.filter(path__in=wanted).values_list("path", "name"))
    for unit in units:
        unit.ancestor_names = [  # type: ignore[attr-defined]
            names[path] for path in unit.ancestor_paths()[:-1] if path in names
        ]


def _manageable_units(user: User) -> QuerySet[Unit]:
    """Open units where the user may manage the tree (targets for a move or a merge)."""
    return Unit.objects.filter(access.subtree_q(user, roles=(Role.ADMIN,))).active()


def _candidates(allowed: QuerySet[Unit], q: str, default: QuerySet[Unit]) -> list[Unit]:
    return list((allowed.search(q) if q else default)[:PICKER_SIZE])


# --- Tree and search ---------------------------------------------------------------------------


@login_required
def tree(request: HttpRequest) -> HttpResponse:
    """The top units the user can see, or the search results when `q` is given."""
    user = request.user
    q = _search_text(request)
    if q:
        page = paginate(request, access.visible_units(user).search(q))
        _attach_ancestor_names(page.object_list)
    else:
        page = paginate(request, Unit.objects.filter(path__in=access.paths_for(user)))
    return render(
        request,
        "units/tree.html",
        {"page_obj": page, "q": q, "querystring_base": querystring_base(request)},
    )


@login_required
def unit_detail(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = request.user
    unit = access.get_unit_for(user, unit_id)
    ancestors = Unit.objects.filter(path__in=unit.ancestor_paths()[:-1]).order_by("depth")
    crumbs = [(a, access.can_view_unit(user, a)) for a in ancestors]
    children = Unit.objects.filter(path_within("path", unit.path), depth=unit.depth + 1)
    counts = children.aggregate(
        total=Count("pk"), closed=Count("pk", filter=Q(closed_on__isnull=False))
    )
    hide_closed = request.GET.get("closed") == "hide"
    if hide_closed:
        children = children.filter(closed_on__isnull=True)
    # Open units first, then closed ones, each in tree order.
    children = children.select_related("merged_into").order_by(
        F("closed_on").asc(nulls_first=True), "path"
    )
    open_count = counts["total"] - counts["closed"]
    page = paginate(request, children, count=open_count if hide_closed else counts["total"])
    for child in page.object_list:
        child.merged_into_visible = bool(  # type: ignore[attr-defined]
            child.merged_into_id and access.can_view_unit(user, child.merged_into)
        )
    merged_into = unit.merged_into if unit.merged_into_id else None
    return render(
        request,
        "units/unit_detail.html",
        {
            "unit": unit,
            "crumbs": crumbs,
            "page_obj": page,
            "counts": {**counts, "open": open_count},
            "hide_closed": hide_closed,
            "merged_into": merged_into,
            "merged_into_visible": merged_into is not None
            and access.can_view_unit(user, merged_into),
            "can_manage": access.can_manage_units(user, unit),
            "can_view_audit": access.can_view_audit(user, unit),
            "can_edit_contact": access.can_edit_contact(user, unit),
            "querystring_base": querystring_base(request),
        },
    )


# --- Managing units (system administrators) ----------------------------------------------------


@login_required
def unit_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = request.user
    parent = access.get_unit_for(user, unit_id)
    require(access.can_manage_units(user, parent))
    form = UnitForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            unit = actions.create_unit(by=user, parent=parent, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The unit “%(name)s” was created.") % {"name": unit.name})
            return redirect("units:detail", unit_id=unit.pk)
    return render(
        request,
        "units/unit_form.html",
        {"unit": parent, "form": form, "title": _("Add a sub-unit"), "submit": _("Create")},
    )


@login_required
def unit_rename(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = request.user
    unit = access.get_unit_for(user, unit_id)
    require(access.can_manage_units(user, unit))
    form = RenameUnitForm(
        request.POST or None, initial={"name": unit.name, "short_name": unit.short_name}
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.rename_unit(
                unit,
                by=user,
                name=form.cleaned_data["name"],
                short_name=form.cleaned_data["short_name"],
            )
        except ValidationError as exc:
            unit.refresh_from_db()
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The unit was renamed."))
            return redirect("units:detail", unit_id=unit.pk)
    return render(
        request,
        "units/unit_form.html",
        {"unit": unit, "form": form, "title": _("Rename the unit"), "submit": _("Save")},
    )


@login_required
def unit_contact(request: HttpRequest, unit_id: int) -> HttpResponse:
    """What the public portal tells people about reaching the unit."""
    user = request.user
    unit = access.get_unit_for(user, unit_id)
    require(access.can_edit_contact(user, unit))
    initial = {name: getattr(unit, name) for name in actions.CONTACT_FIELDS}
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.update_contact(unit, by=user, **form.cleaned_data)
        except ValidationError as exc:
            unit.refresh_from_db()
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The contact details were saved."))
            return redirect("units:detail", unit_id=unit.pk)
    return render(
        request,
        "units/unit_form.html",
        {
            "unit": unit,
            "form": form,
            "title": _("Contact details shown on the public portal"),
            "submit": _("Save"),
        },
    )


@login_required
def unit_move(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = request.user
    unit = access.get_unit_for(user, unit_id)
    require(access.can_manage_units(user, unit))
    q = (request.POST.get("q") or request.GET.get("q") or "").strip()[:100]
    allowed = _manageable_units(user)
    form = MoveUnitForm(
        request.POST or None,
        allowed=allowed,
        candidates=_candidates(allowed, q, allowed.filter(depth__lt=unit.depth)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.move_unit(unit, by=user, new_parent=form.cleaned_data["new_parent"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The unit was moved."))
            return redirect("units:detail", unit_id=unit.pk)
    return render(
        request,
        "units/unit_pick_form.html",
        {
            "unit": unit,
            "form": form,
            "q": q,
            "title": _("Move the unit under another unit"),
            "submit": _("Move"),
        },
    )


@login_required
def unit_close(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = request.user
    unit = access.get_unit_for(user, unit_id)
    require(access.can_manage_units(user, unit))
    q = (request.POST.get("q") or request.GET.get("q") or "").strip()[:100]
    allowed = _manageable_units(user).exclude(pk=unit.pk)
    form = CloseUnitForm(
        request.POST or None,
        initial={"closed_on": today()},
        allowed=allowed,
        candidates=_candidates(allowed, q, allowed.filter(depth=unit.depth, path__lt=unit.path)),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.close_unit(
                unit,
                by=user,
                closed_on=data["closed_on"],
                reason=data["reason"],
                merged_into=data["merged_into"],
            )
        except ValidationError as exc:
            unit.refresh_from_db()
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The unit was closed."))
            return redirect("units:detail", unit_id=unit.pk)
    return render(
        request,
        "units/unit_pick_form.html",
        {
            "unit": unit,
            "form": form,
            "q": q,
            "title": _("Close the unit (dissolved or merged)"),
            "submit": _("Close the unit"),
        },
    )


@login_required
@require_POST
def unit_reopen(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = request.user
    unit = access.get_unit_for(user, unit_id)
    require(access.can_manage_units(user, unit))
    actions.reopen_unit(unit, by=user)
    messages.success(request, _("The unit was reopened."))
    return redirect("units:detail", unit_id=unit.pk)


# --- People and roles --------------------------------------------------------------------------


def _people_page(
    request: HttpRequest,
    unit: Unit,
    assign_form: AssignRoleForm | None = None,
    create_form: CreateUserForm | None = None,
) -> HttpResponse:
    user = request.user
    can_assign = access.can_assign_roles(user, unit)
    assignments = (
        RoleAssignment.objects.filter(unit=unit).select_related("user").order_by("role", "user_id")
    )
    return render(
        request,
        "units/people.html",
        {
            "unit": unit,
            "page_obj": paginate(request, assignments),
            "can_assign": can_assign,
            "assign_form": assign_form or (AssignRoleForm() if can_assign else None),
            "create_form": create_form or (CreateUserForm() if can_assign else None),
            "querystring_base": querystring_base(request),
        },
    )


@login_required
def people(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = access.get_unit_for(request.user, unit_id)
    return _people_page(request, unit)


@login_required
@require_POST
def role_assign(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = request.user
    unit = access.get_unit_for(user, unit_id)
    require(access.can_assign_roles(user, unit))
    form = AssignRoleForm(request.POST)
    if form.is_valid():
        try:
            actions.assign_role(
                by=user,
                user=form.cleaned_data["username"],
                unit=unit,
                role=form.cleaned_data["role"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The role was assigned."))
            return redirect("units:people", unit_id=unit.pk)
    return _people_page(request, unit, assign_form=form)


@login_required
@require_POST
def user_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = request.user
    unit = access.get_unit_for(user, unit_id)
    require(access.can_assign_roles(user, unit))
    form = CreateUserForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            account = actions.create_user(
                by=user,
                unit=unit,
                role=data["role"],
                username=data["username"],
                password=data["password"],
                full_name=data["full_name"],
                email=data["email"],
                job_title=data["job_title"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("The account “%(username)s” was created.") % {"username": account}
            )
            return redirect("units:people", unit_id=unit.pk)
    return _people_page(request, unit, create_form=form)


@login_required
@require_POST
def role_revoke(request: HttpRequest, assignment_id: int) -> HttpResponse:
    user = request.user
    assignment = access.get_role_assignment_for(user, assignment_id)
    require(access.can_assign_roles(user, assignment.unit))
    unit_id = assignment.unit_id
    actions.revoke_role(assignment, by=user)
    messages.success(request, _("The role was revoked."))
    return redirect("units:people", unit_id=unit_id)


# --- Steering committees -----------------------------------------------------------------------


@login_required
def committee_list(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = request.user
    unit = access.get_unit_for(user, unit_id)
    committees = unit.committees.annotate(
        member_count=Count("members", filter=Q(members__left_on__isnull=True))
    ).order_by(F("dissolved_on").asc(nulls_first=True), "-established_on", "pk")
    return render(
        request,
        "units/committee_list.html",
        {
            "unit": unit,
            "page_obj": paginate(request, committees),
            "can_manage": access.can_manage_committee(user, unit),
            "querystring_base": querystring_base(request),
        },
    )


@login_required
def committee_create(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = request.user
    unit = access.get_unit_for(user, unit_id)
    require(access.can_manage_committee(user, unit))
    form = CommitteeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            committee = actions.create_committee(by=user, unit=unit, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The steering committee was created."))
            return redirect("units:committee", committee_id=committee.pk)
    return render(
        request,
        "units/unit_form.html",
        {
            "unit": unit,
            "form": form,
            "title": _("New steering committee"),
            "submit": _("Create"),
        },
    )


def _committee_page(
    request: HttpRequest, committee: SteeringCommittee, member_form: AddMemberForm | None = None
) -> HttpResponse:
    user = request.user
    can_manage = access.can_manage_committee(user, committee.unit)
    rank = Case(
        When(position=CommitteePosition.HEAD, then=Value(0)),
        When(position=CommitteePosition.DEPUTY, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    follows = FollowAssignment.objects.select_related("unit").order_by(
        F("ended_on").asc(nulls_first=True), "unit__path"
    )
    members = (
        committee.members.select_related("user")
        .prefetch_related(Prefetch("follows", queryset=follows))
        .annotate(rank=rank)
        .order_by(F("left_on").asc(nulls_first=True), "rank", "pk")
    )
    return render(
        request,
        "units/committee_detail.html",
        {
            "committee": committee,
            "unit": committee.unit,
            "page_obj": paginate(request, members, 50),
            "can_manage": can_manage,
            "member_form": member_form or (AddMemberForm() if can_manage else None),
            "querystring_base": querystring_base(request),
        },
    )


@login_required
def committee_detail(request: HttpRequest, committee_id: int) -> HttpResponse:
    committee = access.get_committee_for(request.user, committee_id)
    return _committee_page(request, committee)


@login_required
@require_POST
def member_add(request: HttpRequest, committee_id: int) -> HttpResponse:
    user = request.user
    committee = access.get_committee_for(user, committee_id)
    require(access.can_manage_committee(user, committee.unit))
    form = AddMemberForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            actions.add_committee_member(
                committee,
                by=user,
                user=data["username"],
                position=data["position"],
                title=data["title"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The member was added."))
            return redirect("units:committee", committee_id=committee.pk)
    return _committee_page(request, committee, member_form=form)


@login_required
def follow_assign(request: HttpRequest, member_id: int) -> HttpResponse:
    user = request.user
    member = access.get_committee_member_for(user, member_id)
    committee_unit = member.committee.unit
    require(access.can_manage_committee(user, committee_unit))
    q = (request.POST.get("q") or request.GET.get("q") or "").strip()[:100]
    allowed = Unit.objects.subtree_of(committee_unit, include_self=False).active()
    form = AssignFollowForm(
        request.POST or None,
        allowed=allowed,
        candidates=_candidates(allowed, q, allowed.filter(depth=committee_unit.depth + 1)),
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.assign_follow(
                member,
                by=user,
                unit=form.cleaned_data["unit"],
                assigned_on=form.cleaned_data["assigned_on"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The follow assignment was recorded."))
            return redirect("units:committee", committee_id=member.committee_id)
    return render(
        request,
        "units/unit_pick_form.html",
        {
            "unit": committee_unit,
            "member": member,
            "form": form,
            "q": q,
            "title": _("Assign %(name)s to follow a unit") % {"name": member.user},
            "submit": _("Assign"),
        },
    )


def _assignment_page(
    request: HttpRequest,
    assignment: FollowAssignment,
    note_form: FollowUpNoteForm | None = None,
    end_form: EndFollowForm | None = None,
) -> HttpResponse:
    user = request.user
    can_record = access.can_record_follow_up(user, assignment)
    can_end = assignment.ended_on is None and access.can_manage_committee(
        user, assignment.member.committee.unit
    )
    notes = assignment.notes.select_related("author")
    return render(
        request,
        "units/assignment_detail.html",
        {
            "assignment": assignment,
            "committee": assignment.member.committee,
            "page_obj": paginate(request, notes),
            "can_record": can_record,
            "note_form": note_form
            or (FollowUpNoteForm(initial={"visited_on": today()}) if can_record else None),
            "end_form": end_form
            or (EndFollowForm(initial={"ended_on": today()}) if can_end else None),
            "querystring_base": querystring_base(request),
        },
    )


@login_required
def assignment_detail(request: HttpRequest, assignment_id: int) -> HttpResponse:
    """An assignment's follow-up notes; a POST records a new note."""
    user = request.user
    assignment = access.get_follow_assignment_for(user, assignment_id)
    if request.method != "POST":
        return _assignment_page(request, assignment)
    require(access.can_record_follow_up(user, assignment))
    form = FollowUpNoteForm(request.POST)
    if form.is_valid():
        try:
            actions.record_follow_up(assignment, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The follow-up note was recorded."))
            return redirect("units:assignment", assignment_id=assignment.pk)
    return _assignment_page(request, assignment, note_form=form)


@login_required
@require_POST
def follow_end(request: HttpRequest, assignment_id: int) -> HttpResponse:
    user = request.user
    assignment = access.get_follow_assignment_for(user, assignment_id)
    require(
        assignment.ended_on is None
        and access.can_manage_committee(user, assignment.member.committee.unit)
    )
    form = EndFollowForm(request.POST)
    if form.is_valid():
        try:
            actions.end_follow(assignment, by=user, ended_on=form.cleaned_data["ended_on"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The follow assignment was ended."))
            return redirect("units:committee", committee_id=assignment.member.committee_id)
    return _assignment_page(request, assignment, end_form=form)


@login_required
def my_follows(request: HttpRequest) -> HttpResponse:
    """Đơn vị tôi phụ trách: the open follow assignments of the signed-in member."""
    assignments = (
        FollowAssignment.objects.filter(member__user=request.user, ended_on__isnull=True)
        .select_related("unit", "member__committee")
        .annotate(last_visit=Max("notes__visited_on"))
        .order_by("unit__path", "pk")
    )
    page = paginate(request, assignments)
    _attach_ancestor_names(a.unit for a in page.object_list)
    return render(
        request,
        "units/my_follows.html",
        {"page_obj": page, "querystring_base": querystring_base(request)},
    )


# --- Audit log ---------------------------------------------------------------------------------

# Tree bookkeeping that means nothing to a reader of the log.
HIDDEN_AUDIT_FIELDS = {"id", "path", "depth", "numchild", "created_at", "updated_at", "password"}


# Related records named in the log, each fetched once per page (never one query per row);
# other relations show their number.
def _named_relations() -> dict[type, QuerySet]:
    return {
        Unit: Unit.objects.all(),
        User: User.objects.all(),
        SteeringCommittee: SteeringCommittee.objects.all(),
        CommitteeMember: CommitteeMember.objects.select_related("user"),
    }


def _action_label(action: int) -> str:
    labels = {
        AuditEntry.Action.CREATE: _("Created"),
        AuditEntry.Action.UPDATE: _("Changed"),
        AuditEntry.Action.DELETE: _("Deleted"),
        AuditEntry.Action.ACCESS: _("Viewed"),
    }
    return labels.get(action, str(action))


def _describe_changes(entries: list[AuditEntry]) -> None:
    """Give each entry `change_rows`: (field label, old, new) in words a reader understands."""
    pending: list[tuple[AuditEntry, list[tuple[Any, str, str]]]] = []
    relations = _named_relations()
    wanted: dict[type, set[str]] = defaultdict(set)
    for entry in entries:
        model = entry.content_type.model_class()
        entry.model_label = (  # type: ignore[attr-defined]
            model._meta.verbose_name if model is not None else entry.content_type.model
        )
        raw: list[tuple[Any, str, str]] = []
        created = entry.action == AuditEntry.Action.CREATE
        for name, values in (entry.changes_dict or {}).items():
            if name in HIDDEN_AUDIT_FIELDS or model is None:
                continue
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not getattr(field, "concrete", False):
                continue  # reverse relations say nothing about this record
            old, new = (list(values) + [None, None])[:2]
            if created and new in (None, "None", ""):
                continue  # a new record: list only the fields that were filled in
            if field.related_model in relations:
                for value in (old, new):
                    if value not in (None, "None", ""):
                        wanted[field.related_model].add(str(value))
            raw.append((field, str(old), str(new)))
        pending.append((entry, raw))
    names: dict[type, dict[str, str]] = {}
    for model, pks in wanted.items():
        valid = [pk for pk in pks if pk.isdigit()]
        names[model] = {str(obj.pk): str(obj) for obj in relations[model].filter(pk__in=valid)}
    for entry, raw in pending:
        entry.change_rows = [  # type: ignore[attr-defined]
            (
                str(field.verbose_name),
                _display_value(field, old, names.get(field.related_model, {})),
                _display_value(field, new, names.get(field.related_model, {})),
            )
            for field, old, new in raw
        ]


def _display_value(field: Any, value: str, names: dict[str, str]) -> str:
    if value in ("None", ""):
        return "—"
    if value in names:
        return names[value]
    if field.choices:
        return str(dict(field.choices).get(value, value))
    if field.get_internal_type() == "DateField":
        try:
            return dt.date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    if field.get_internal_type() == "BooleanField":
        return _("yes") if value == "True" else _("no")
    return value


@login_required
def audit_log(request: HttpRequest, unit_id: int) -> HttpResponse:
    user = request.user
    unit = access.get_unit_for(user, unit_id)
    require(access.can_view_audit(user, unit))
    form = AuditFilterForm(request.GET or None)
    entries = (
        AuditEntry.objects.filter(path_within("unit_path", unit.path))
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )
    if form.is_bound and form.is_valid():
        if form.cleaned_data["since"]:
            entries = entries.filter(timestamp__date__gte=form.cleaned_data["since"])
        if form.cleaned_data["until"]:
            entries = entries.filter(timestamp__date__lte=form.cleaned_data["until"])
    page = paginate(request, entries, AUDIT_PER_PAGE)
    _describe_changes(page.object_list)
    for entry in page.object_list:
        entry.action_label = _action_label(entry.action)  # type: ignore[attr-defined]
    return render(
        request,
        "units/audit_log.html",
        {
            "unit": unit,
            "form": form if form.is_bound else AuditFilterForm(),
            "page_obj": page,
            "querystring_base": querystring_base(request),
        },
    )
