"""Officers' pages of feedback: checked fetch → access → form → action → render.

The sender's details reach a template only through `access.sender_of`, which applies the
identity rule; lists never show the sender of a protected item at all.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_POST

from coso.core.dates import format_date, today
from coso.core.forms import apply_validation_error
from coso.core.pages import paginate, querystring_base, require
from coso.reports.exports.common import content_disposition
from coso.units.models import path_within

from . import access, actions
from .forms import (
    AnswerForm,
    AssignForm,
    ClassifyForm,
    CloseForm,
    FilterForm,
    MergeForm,
    NoteForm,
    OfficerEntryForm,
    TransferForm,
    managed_units,
)
from .models import Feedback, Status

# Items due within this many days count as "due soon" in the lists (the reminders use each
# kind's own `remind_days_before`).
DUE_SOON_DAYS = 3
DUE_VIEW_DAYS = 7


def deadline_state(item: Feedback, on: dt.date) -> str:
    """ "overdue", "due_soon" or "" for an open item; "" once answered or closed."""
    if not item.is_open:
        return ""
    if item.due_on < on:
        return "overdue"
    if (item.due_on - on).days <= DUE_SOON_DAYS:
        return "due_soon"
    return ""


def _decorate(items: list[Feedback], user, on: dt.date) -> list[Feedback]:
    """What a list row shows: the deadline state, and the sender only when the rule allows.

    Lists never show who sent a protected item, not even to its handler (issue 5, item 4).
    """
    for item in items:
        item.deadline = deadline_state(item, on)  # type: ignore[attr-defined]
        if item.kind.identity_protected:
            item.sender_label = _("Kept confidential")  # type: ignore[attr-defined]
        else:
            sender = access.sender_of(user, item)
            item.sender_label = (sender or {}).get("name", "")  # type: ignore[attr-defined]
    return items


def _list_base(user):
    return access.visible_feedback(user).select_related("unit", "kind", "field", "handler")


def _filtered(request: HttpRequest, on: dt.date) -> tuple[FilterForm, object]:
    """The list's filters applied to what the user may read."""
    user = request.user
    form = FilterForm(request.GET or None, user=user)
    items = _list_base(user)
    if form.is_valid():
        data = form.cleaned_data
        if data["unit"] is not None:
            items = items.filter(path_within("unit_path", data["unit"].path))
        if data["status"]:
            items = items.filter(status=data["status"])
        if data["kind"] is not None:
            items = items.filter(kind=data["kind"])
        if data["field"] is not None:
            items = items.filter(field=data["field"])
        if data["due"] == "overdue":
            items = items.overdue(on)
        elif data["due"] == "due_soon":
            items = items.open().filter(
                due_on__gte=on, due_on__lte=on + dt.timedelta(days=DUE_SOON_DAYS)
            )
        if data["mine"]:
            items = items.filter(handler=user)
    return form, items.order_by("-received_on", "-id")


@login_required
@require_GET
def feedback_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    on = today()
    form, items = _filtered(request, on)
    page = paginate(request, items)
    _decorate(page.object_list, user, on)
    return render(
        request,
        "feedback/feedback_list.html",
        {
            "form": form,
            "page_obj": page,
            "querystring_base": querystring_base(request),
            "may_record": managed_units(user).exists(),
        },
    )


def _cell(value: str) -> str:
    """Text a spreadsheet would run as a formula (=, +, -, @) is written as plain text."""
    return f"'{value}" if value[:1] in ("=", "+", "-", "@") else value


# Enough for a commune's year; larger extracts go through the API, page by page.
EXPORT_LIMIT = 10_000


@login_required
@require_GET
def feedback_export(request: HttpRequest) -> HttpResponse:
    """The filtered list as CSV (UTF-8 with BOM, so spreadsheet programs read Vietnamese).

    The sender's column follows the lists' rule: empty for a protected kind, whoever asks.
    """
    user = request.user
    on = today()
    _form, items = _filtered(request, on)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition(f"phan-anh-{on:%Y%m%d}.csv")
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Tracking code"),
            _("Received on"),
            _("Unit"),
            _("Kind"),
            _("Field"),
            _("Received through"),
            pgettext("feedback", "Subject"),
            _("Status"),
            _("Due on"),
            _("Answered on"),
            _("In time"),
            _("Handler"),
            _("Sender"),
        ]
    )
    rows = _decorate(list(items[:EXPORT_LIMIT]), user, on)
    for item in rows:
        writer.writerow(
            [
                item.tracking_code,
                format_date(item.received_on),
                item.unit.name,
                item.kind.name,
                item.field.name if item.field_id else "",
                item.get_source_display(),
                _cell(item.title),
                item.get_status_display(),
                format_date(item.due_on),
                format_date(item.answered_on),
                ""
                if item.answered_in_time is None
                else (_("yes") if item.answered_in_time else _("no")),
                item.handler.display_name if item.handler_id else "",
                _cell(item.sender_label),  # type: ignore[attr-defined]
            ]
        )
    return response


@login_required
@require_GET
def due_list(request: HttpRequest) -> HttpResponse:
    """What the handler must answer soon: their own items, and the unassigned ones of the
    units they are an officer of, overdue first."""
    user = request.user
    on = today()
    base = (
        access.visible_feedback(user)
        .open()
        .filter(due_on__lte=on + dt.timedelta(days=DUE_VIEW_DAYS))
        .select_related("unit", "kind", "field", "handler")
        .order_by("due_on", "id")
    )
    mine = list(base.filter(handler=user)[:200])
    unassigned = list(
        base.filter(handler__isnull=True).filter(pk__in=access.handled_feedback(user).values("pk"))[
            :200
        ]
    )
    return render(
        request,
        "feedback/due_list.html",
        {
            "mine": _decorate(mine, user, on),
            "unassigned": _decorate(unassigned, user, on),
            "days": DUE_VIEW_DAYS,
        },
    )


@login_required
def feedback_create(request: HttpRequest) -> HttpResponse:
    """An officer enters feedback received by phone, letter, reception day, dialogue …"""
    user = request.user
    require(managed_units(user).exists())
    data = request.POST if request.method == "POST" else None
    initial = {"received_on": today()}
    if request.GET.get("unit"):
        initial["unit"] = request.GET["unit"]
    form = OfficerEntryForm(data, request.FILES or None, user=user, initial=initial)
    if data is not None and form.is_valid():
        cleaned = form.cleaned_data
        try:
            item = actions.submit_feedback(
                by=user,
                files=cleaned.pop("files"),
                **cleaned,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                _("Recorded under tracking code %(code)s; tell the sender this code.")
                % {"code": item.tracking_code},
            )
            return redirect("feedback:detail", pk=item.pk)
    return render(request, "feedback/feedback_form.html", {"form": form})


# --- Detail and handling ----------------------------------------------------------------------


def _detail(request: HttpRequest, item: Feedback, **bound) -> HttpResponse:
    user = request.user
    may_handle = access.can_handle_feedback(user, item)
    may_answer = access.can_answer_feedback(user, item)
    forms: dict[str, object] = {}
    if may_handle and item.is_open:
        forms["classify_form"] = ClassifyForm(feedback=item)
        forms["assign_form"] = AssignForm(feedback=item)
        forms["transfer_form"] = TransferForm(feedback=item)
        forms["merge_form"] = MergeForm(feedback=item)
    if may_answer and item.is_open:
        forms["answer_form"] = AnswerForm()
    if may_answer:
        forms["note_form"] = NoteForm()
    if may_handle and item.status == Status.ANSWERED:
        forms["close_form"] = CloseForm()
    forms.update(bound)
    files = list(item.files.all())
    sender = access.sender_of(user, item)
    events = item.events.select_related("actor", "from_unit", "to_unit")
    if not access.can_read_internal(user, item):
        events = events.filter(is_public=True)
    events = list(events)
    context = {
        "item": item,
        "deadline": deadline_state(item, today()),
        "sender": sender,
        "identity_protected": item.kind.identity_protected,
        "sent_files": [f for f in files if not f.with_answer] if sender is not None else [],
        "hidden_files": sum(1 for f in files if not f.with_answer) if sender is None else 0,
        "answer_files": [f for f in files if f.with_answer],
        "events": events,
        "duplicates": list(item.duplicates.only("pk", "tracking_code", "title")),
        "may_handle": may_handle,
        "may_answer": may_answer,
        "may_publish": may_handle
        and item.status in (Status.ANSWERED, Status.CLOSED)
        and item.publish_consent
        and item.answer_published_at is None,
        "may_unpublish": may_handle and item.answer_published_at is not None,
        **forms,
    }
    return render(request, "feedback/feedback_detail.html", context)


@login_required
@require_GET
def feedback_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_feedback_for(request.user, pk)
    return _detail(request, item)


def _step(
    request: HttpRequest,
    pk: int,
    *,
    form_name: str,
    make_form: Callable[[Feedback], object],
    allowed: Callable,
    run: Callable[[Feedback, dict], object],
    done: str,
) -> HttpResponse:
    """One handling step posted from the detail page: on an error the page comes back with
    the message on the field and nothing changed."""
    user = request.user
    item = access.get_feedback_for(user, pk)
    require(allowed(user, item))
    form = make_form(item)
    if form.is_valid():  # type: ignore[attr-defined]
        try:
            run(item, form.cleaned_data)  # type: ignore[attr-defined]
        except ValidationError as exc:
            apply_validation_error(form, exc)  # type: ignore[arg-type]
        else:
            messages.success(request, done)
            if access.can_view_feedback(user, item):
                return redirect("feedback:detail", pk=item.pk)
            return redirect("feedback:list")
    item = access.get_feedback_for(user, pk)
    return _detail(request, item, **{form_name: form})


@login_required
@require_POST
def feedback_classify(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_name="classify_form",
        make_form=lambda item: ClassifyForm(request.POST, feedback=item),
        allowed=access.can_classify_feedback,
        run=lambda item, d: actions.classify(
            item, by=request.user, kind=d["kind"], field=d["field"]
        ),
        done=_("The classification was saved."),
    )


@login_required
@require_POST
def feedback_assign(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_name="assign_form",
        make_form=lambda item: AssignForm(request.POST, feedback=item),
        allowed=access.can_assign_feedback,
        run=lambda item, d: actions.assign(item, by=request.user, handler=d["handler"]),
        done=_("The handler was assigned and notified."),
    )


@login_required
@require_POST
def feedback_transfer(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_name="transfer_form",
        make_form=lambda item: TransferForm(request.POST, feedback=item),
        allowed=access.can_transfer_feedback,
        run=lambda item, d: actions.transfer(
            item, by=request.user, to_unit=d["to_unit"], reason=d["reason"]
        ),
        done=_("The item was transferred; the sender can read the reason."),
    )


@login_required
@require_POST
def feedback_merge(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_name="merge_form",
        make_form=lambda item: MergeForm(request.POST, feedback=item),
        allowed=access.can_merge_feedback,
        run=lambda item, d: actions.merge(item, by=request.user, into=d["into"]),
        done=_("The item was merged as a duplicate."),
    )


@login_required
@require_POST
def feedback_note(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_name="note_form",
        make_form=lambda item: NoteForm(request.POST),
        allowed=access.can_note_feedback,
        run=lambda item, d: actions.add_note(item, by=request.user, text=d["text"]),
        done=_("The note was added."),
    )


@login_required
@require_POST
def feedback_answer(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_name="answer_form",
        make_form=lambda item: AnswerForm(request.POST, request.FILES),
        allowed=access.can_answer_feedback,
        run=lambda item, d: actions.answer(item, by=request.user, text=d["text"], files=d["files"]),
        done=_("The answer was saved; the sender can read it with the tracking code."),
    )


@login_required
@require_POST
def feedback_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_name="close_form",
        make_form=lambda item: CloseForm(request.POST),
        allowed=access.can_close_feedback,
        run=lambda item, d: actions.close(item, by=request.user, reason=d["reason"]),
        done=_("The item was closed."),
    )


def _simple(request: HttpRequest, pk: int, action, done: str) -> HttpResponse:
    user = request.user
    item = access.get_feedback_for(user, pk)
    require(access.can_publish_answer(user, item))
    try:
        action(item, by=user)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, done)
    return redirect("feedback:detail", pk=item.pk)


@login_required
@require_POST
def feedback_publish(request: HttpRequest, pk: int) -> HttpResponse:
    return _simple(
        request, pk, actions.publish_answer, _("The answer is now on the unit's public page.")
    )


@login_required
@require_POST
def feedback_unpublish(request: HttpRequest, pk: int) -> HttpResponse:
    return _simple(
        request, pk, actions.unpublish_answer, _("The answer was taken off the public page.")
    )


@login_required
@require_GET
def file_download(request: HttpRequest, pk: int) -> FileResponse:
    item = access.get_file_for(request.user, pk)
    try:
        handle = item.file.open("rb")
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=item.name)
