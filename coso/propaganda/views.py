"""Pages of dissemination and training: checked fetch → access → form → action → render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.forms import apply_validation_error, flash_validation_error
from coso.core.pages import paginate, querystring_base, require, row_id
from coso.units.access import get_unit_for
from coso.units.models import Unit

from . import access, actions, coverage
from .forms import (
    ClassEditForm,
    FilterForm,
    OrderForm,
    ParticipantForm,
    SessionEditForm,
)
from .models import AUDIENCE_FIELDS

SESSION_FIELDS = ("title", "held_on", "form", "note", *(name for name, _l in AUDIENCE_FIELDS))
CLASS_FIELDS = ("title", "content", "starts_on", "ends_on", "trainers", "expected_count")


def _unit_from_query(request: HttpRequest) -> Unit | None:
    raw = request.GET.get("unit")
    if not raw:
        return None
    if row_id(raw) is None:
        raise Http404
    return get_unit_for(request.user, raw)


def _may_create(user, unit: Unit | None) -> bool:
    if unit is not None:
        return access.can_record(user, unit)
    return bool(access.manageable_paths(user))


def _filtered(request, items, form: FilterForm, date_field: str):
    if form.is_valid():
        if form.cleaned_data["q"]:
            items = items.search(form.cleaned_data["q"])
        if form.cleaned_data["year"]:
            items = items.filter(**{f"{date_field}__year": form.cleaned_data["year"]})
    return items


def _edit_page(request, form, template: str, **context) -> HttpResponse:
    return render(request, template, {"form": form, **context})


# --- Sessions ---------------------------------------------------------------------------------


@login_required
def session_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = _unit_from_query(request)
    form = FilterForm(request.GET or None)
    sessions = access.visible_sessions(user).select_related("unit")
    if unit is not None:
        sessions = sessions.in_subtree(unit)
    sessions = _filtered(request, sessions, form, "held_on")
    context = {
        "form": form,
        "unit": unit,
        "page_obj": paginate(request, sessions.order_by("-held_on", "-id")),
        "querystring_base": querystring_base(request),
        "may_create": _may_create(user, unit),
        "tab": "sessions",
    }
    return render(request, "propaganda/session_list.html", context)


@login_required
def session_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = _unit_from_query(request)
    require(_may_create(user, unit))
    data = request.POST if request.method == "POST" else None
    text_id = row_id(request.GET.get("text"))
    initial = {"texts": [text_id]} if text_id is not None else None
    form = SessionEditForm(data, user=user, unit=unit, initial=initial)
    if data is not None and form.is_valid():
        fields = dict(form.cleaned_data)
        try:
            session = actions.record_session(by=user, **fields)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The session was recorded."))
            return redirect("propaganda:session_detail", session.pk)
    return _edit_page(request, form, "propaganda/session_form.html", unit=unit)


@login_required
def session_detail(request: HttpRequest, pk: int) -> HttpResponse:
    session = access.get_session_for(request.user, pk)
    context = {
        "session": session,
        "texts": list(session.texts.order_by("number_symbol")),
        "may_edit": access.can_record(request.user, session.unit),
    }
    return render(request, "propaganda/session_detail.html", context)


@login_required
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    session = access.get_session_for(user, pk)
    require(access.can_record(user, session.unit))
    if request.method == "POST":
        form = SessionEditForm(request.POST, user=user, editing=True)
        if form.is_valid():
            try:
                actions.update_session(session, by=user, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The session was saved."))
                return redirect("propaganda:session_detail", session.pk)
    else:
        initial = {name: getattr(session, name) for name in SESSION_FIELDS}
        initial["texts"] = list(session.texts.values_list("pk", flat=True))
        form = SessionEditForm(initial=initial, user=user, editing=True)
    return _edit_page(request, form, "propaganda/session_form.html", session=session)


@login_required
@require_POST
def session_delete(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    session = access.get_session_for(user, pk)
    require(access.can_record(user, session.unit))
    actions.delete_session(session, by=user)
    messages.success(request, _("The session was deleted."))
    return redirect("propaganda:sessions")


# --- Training classes -------------------------------------------------------------------------


@login_required
def class_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = _unit_from_query(request)
    form = FilterForm(request.GET or None)
    classes = access.visible_classes(user).select_related("unit")
    if unit is not None:
        classes = classes.in_subtree(unit)
    classes = _filtered(request, classes, form, "starts_on").annotate(
        participant_count=Count("participants"),
        attended_count=Count("participants", filter=Q(participants__attended=True)),
    )
    context = {
        "form": form,
        "unit": unit,
        "page_obj": paginate(request, classes.order_by("-starts_on", "-id")),
        "querystring_base": querystring_base(request),
        "may_create": _may_create(user, unit),
        "tab": "classes",
    }
    return render(request, "propaganda/class_list.html", context)


@login_required
def class_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = _unit_from_query(request)
    require(_may_create(user, unit))
    data = request.POST if request.method == "POST" else None
    form = ClassEditForm(data, user=user, unit=unit)
    if data is not None and form.is_valid():
        try:
            training = actions.create_class(by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The training class was recorded. Add its participants."))
            return redirect("propaganda:class_detail", training.pk)
    return _edit_page(request, form, "propaganda/class_form.html", unit=unit)


@login_required
def class_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    training = access.get_class_for(user, pk)
    participants = list(training.participants.select_related("user"))
    may_edit = access.can_record(user, training.unit)
    context = {
        "training": training,
        "texts": list(training.texts.order_by("number_symbol")),
        "participants": participants,
        "attended": sum(p.attended for p in participants),
        "may_edit": may_edit,
        "participant_form": ParticipantForm() if may_edit else None,
    }
    return render(request, "propaganda/class_detail.html", context)


@login_required
def class_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    training = access.get_class_for(user, pk)
    require(access.can_record(user, training.unit))
    if request.method == "POST":
        form = ClassEditForm(request.POST, user=user, editing=True)
        if form.is_valid():
            try:
                actions.update_class(training, by=user, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The training class was saved."))
                return redirect("propaganda:class_detail", training.pk)
    else:
        initial = {name: getattr(training, name) for name in CLASS_FIELDS}
        initial["texts"] = list(training.texts.values_list("pk", flat=True))
        form = ClassEditForm(initial=initial, user=user, editing=True)
    return _edit_page(request, form, "propaganda/class_form.html", training=training)


@login_required
def participant_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    training = access.get_class_for(user, pk)
    require(access.can_record(user, training.unit))
    form = ParticipantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_participant(training, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The participant was added."))
            return redirect("propaganda:class_detail", training.pk)
    return render(request, "propaganda/participant_form.html", {"form": form, "training": training})


@login_required
@require_POST
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    training = access.get_class_for(user, pk)
    require(access.can_record(user, training.unit))
    ids = [row_id(raw) for raw in request.POST.getlist("attended")]
    count = actions.set_attendance(
        training, by=user, attended_ids=[pk for pk in ids if pk is not None]
    )
    messages.success(request, _("Attendance was saved: %(n)s attended.") % {"n": count})
    return redirect("propaganda:class_detail", training.pk)


@login_required
@require_POST
def participant_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    trainee = access.get_trainee_for(user, pk)
    require(access.can_record(user, trainee.training.unit))
    actions.remove_participant(trainee, by=user)
    messages.success(request, _("The participant was removed."))
    return redirect("propaganda:class_detail", trainee.training_id)


# --- Orders -----------------------------------------------------------------------------------


@login_required
def order_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = _unit_from_query(request)
    orders = access.visible_orders(user).select_related("unit", "text")
    if unit is not None:
        orders = orders.filter(unit=unit)
    page = paginate(request, orders.order_by("cancelled_on", "-due_on", "-id"))
    progress = coverage.progress_of_orders(list(page.object_list))
    rows = [(order, progress[order.pk]) for order in page.object_list]
    context = {
        "unit": unit,
        "page_obj": page,
        "rows": rows,
        "querystring_base": querystring_base(request),
        "may_create": _may_create(user, unit),
        "tab": "orders",
    }
    return render(request, "propaganda/order_list.html", context)


@login_required
def order_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = _unit_from_query(request)
    require(_may_create(user, unit))
    data = request.POST if request.method == "POST" else None
    form = OrderForm(data, user=user, unit=unit)
    if data is not None and form.is_valid():
        try:
            order = actions.create_order(by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The order was sent to the units below."))
            return redirect("propaganda:order_detail", order.pk)
    return _edit_page(request, form, "propaganda/order_form.html", unit=unit)


@login_required
def order_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    order = access.get_order_for(user, pk)
    rows = coverage.coverage_rows(order).order_by("covered", "path")
    page = paginate(request, rows, per_page=100)
    context = {
        "order": order,
        "progress": coverage.progress(order),
        "page_obj": page,
        "querystring_base": querystring_base(request),
        "may_manage": access.can_manage_order(user, order) and order.is_active,
    }
    return render(request, "propaganda/order_detail.html", context)


@login_required
@require_POST
def order_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    order = access.get_order_for(user, pk)
    require(access.can_manage_order(user, order))
    try:
        actions.cancel_order(order, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, _("The order was cancelled."))
    return redirect("propaganda:order_detail", order.pk)


# --- What my unit must disseminate --------------------------------------------------------------


@login_required
def pending(request: HttpRequest) -> HttpResponse:
    """Văn bản cần phổ biến: the ordered texts the user's units have not disseminated yet."""
    user = request.user
    unit = _unit_from_query(request)
    units = [unit] if unit is not None else list(access.own_units(user)[:20])
    sections = [(u, coverage.pending_orders(u), access.can_record(user, u)) for u in units]
    context = {"sections": sections, "unit": unit, "tab": "pending"}
    return render(request, "propaganda/pending.html", context)
