"""Pages after the meeting: minutes, resolution, commitments, questions followed as feedback.

Thin views: checked fetch → access → form → action (`followup.py`) → render or redirect.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coso.core.dates import today
from coso.core.forms import apply_validation_error, flash_validation_error
from coso.core.pages import paginate, querystring_base, require
from coso.feedback.access import can_view_feedback
from coso.reports.exports.common import content_disposition
from coso.units.access import get_unit_for
from coso.units.models import User, path_within

from . import access, followup
from .documents import CONTENT_TYPES, DOCUMENTS, FORMATS
from .documents import render as render_document
from .followup_forms import (
    CommitmentFilterForm,
    CommitmentForm,
    DoneForm,
    DropForm,
    ForwardForm,
    OutcomeForm,
)
from .models import Commitment, CommitmentStatus, Meeting, MeetingStatus

# The minutes can be drafted from the start of the meeting by those who run it; everyone
# who reads the meeting gets them once they are published.
DRAFT_STATUSES = (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD, MeetingStatus.CLOSED)


def may_download(user: User, meeting: Meeting) -> bool:
    if meeting.status == MeetingStatus.CLOSED:
        return access.can_view_meeting(user, meeting)
    return meeting.status in DRAFT_STATUSES and access.can_run_meeting(user, meeting)


def _back(meeting: Meeting) -> str:
    """The meeting's page at its follow-up section (this app's own page if the hub is absent)."""
    url = followup.meeting_url(meeting) or reverse("meetings:followup", args=[meeting.pk])
    return f"{url}#sau-hoi-nghi"


def _downloads(meeting: Meeting) -> list[dict]:
    labels = {"minutes": _("Minutes"), "resolution": _("Resolution")}
    return [
        {
            "id": f"{document}-{fmt}",
            "label": f"{labels[document]} ({fmt.upper()})",
            "url": reverse("meetings:document", args=[meeting.pk, document, fmt]),
        }
        for document in DOCUMENTS
        for fmt in FORMATS
    ]


def followup_context(request: HttpRequest, meeting: Meeting) -> dict:
    """What the meeting's page shows after it (template meetings/_followup_section.html).

    The section's data sits under one key, "followup", so the page may either merge this dict
    into its context or pass it whole."""
    user = request.user
    may_run = access.can_run_meeting(user, meeting)
    may_manage = access.can_manage_meeting(user, meeting)
    started = meeting.status in DRAFT_STATUSES
    questions = list(
        meeting.questions.select_related("feedback__unit").order_by("created_at", "id")
    )
    commitments = list(meeting.commitments.select_related("owner_unit"))
    recording = meeting.status in followup.RECORDING_STATUSES
    may_forward = may_manage and meeting.status in followup.FORWARDING_STATUSES
    return {
        "followup": {
            "meeting": meeting,
            "started": started,
            "recording": recording,
            "may_run": may_run,
            "may_manage": may_manage,
            "may_record": may_run and recording,
            "may_publish": may_manage and meeting.status == MeetingStatus.HELD,
            "may_forward": may_forward,
            "downloads": _downloads(meeting) if may_download(user, meeting) else [],
            "commitments": commitments,
            "questions": [
                {
                    "question": q,
                    "forwardable": may_forward and followup.can_forward(q),
                    "feedback_url": reverse("feedback:detail", args=[q.feedback_id])
                    if q.feedback is not None and can_view_feedback(user, q.feedback)
                    else "",
                }
                for q in questions
            ],
            "forwardable_count": sum(
                1 for q in questions if may_forward and followup.can_forward(q)
            ),
            "forward_form": ForwardForm(prefix="forward") if may_forward else None,
            "outcome_url": reverse("meetings:followup_outcome", args=[meeting.pk]),
            "commitment_add_url": reverse("meetings:commitment_add", args=[meeting.pk]),
            "today": today(),
        }
    }


@login_required
def meeting_followup(request: HttpRequest, pk: int) -> HttpResponse:
    """The follow-up section alone (linked from notifications, usable without the hub)."""
    meeting = access.get_meeting_for(request.user, pk)
    return render(
        request,
        "meetings/followup_meeting.html",
        {"meeting": meeting, **followup_context(request, meeting)},
    )


@login_required
def meeting_document(request: HttpRequest, pk: int, document: str, fmt: str) -> HttpResponse:
    """The minutes or the resolution as DOCX or PDF, drawn from the record as it is now."""
    meeting = access.get_meeting_for(request.user, pk)
    if document not in DOCUMENTS or fmt not in FORMATS:
        raise Http404
    require(may_download(request.user, meeting))
    content, filename = render_document(meeting, document, fmt)  # type: ignore[arg-type]
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition(filename)
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def meeting_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = access.get_meeting_for(user, pk)
    require(access.can_run_meeting(user, meeting))
    data = request.POST if request.method == "POST" else None
    form = OutcomeForm(
        data, initial={"discussion": meeting.discussion, "conclusions": meeting.conclusions}
    )
    status = 200
    if data is not None:
        status = 400
        if form.is_valid():
            try:
                followup.record_outcome(meeting, by=user, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The discussion and conclusions were saved."))
                return redirect(_back(meeting))
    context = {"meeting": meeting, "form": form, "back": _back(meeting)}
    return render(request, "meetings/followup_outcome.html", context, status=status)


# --- Commitments ----------------------------------------------------------------------------


@login_required
def commitment_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = access.get_meeting_for(user, pk)
    require(access.can_run_meeting(user, meeting))
    data = request.POST if request.method == "POST" else None
    form = CommitmentForm(data, meeting=meeting)
    status = 200
    if data is not None:
        status = 400
        if form.is_valid():
            try:
                followup.add_commitment(meeting, by=user, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The commitment was added."))
                return redirect(_back(meeting))
    context = {"meeting": meeting, "form": form, "commitment": None, "back": _back(meeting)}
    return render(request, "meetings/followup_commitment_form.html", context, status=status)


@login_required
def commitment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    commitment = access.get_commitment_for(user, pk)
    meeting = commitment.meeting
    require(access.can_run_meeting(user, meeting))
    data = request.POST if request.method == "POST" else None
    form = CommitmentForm(
        data,
        meeting=meeting,
        initial={
            "text": commitment.text,
            "owner_unit": commitment.owner_unit_id,
            "owner_name": commitment.owner_name,
            "due_on": commitment.due_on,
        },
    )
    status = 200
    if data is not None:
        status = 400
        if form.is_valid():
            try:
                followup.update_commitment(commitment, by=user, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, _("The commitment was updated."))
                return redirect("meetings:commitment", pk=commitment.pk)
    context = {
        "meeting": meeting,
        "form": form,
        "commitment": commitment,
        "back": reverse("meetings:commitment", args=[commitment.pk]),
    }
    return render(request, "meetings/followup_commitment_form.html", context, status=status)


def _render_commitment(
    request: HttpRequest,
    commitment: Commitment,
    *,
    done_form: DoneForm | None = None,
    drop_form: DropForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    meeting = commitment.meeting
    is_open = commitment.status == CommitmentStatus.OPEN
    context = {
        "commitment": commitment,
        "meeting": meeting,
        "may_view_meeting": access.can_view_meeting(user, meeting),
        "may_edit": is_open and access.can_run_meeting(user, meeting),
        "may_complete": is_open and access.can_update_commitment(user, commitment),
        "may_drop": is_open and access.can_manage_meeting(user, meeting),
        "overdue": is_open and commitment.due_on < today(),
        "done_form": done_form or DoneForm(prefix="done"),
        "drop_form": drop_form or DropForm(prefix="drop"),
    }
    return render(request, "meetings/followup_commitment.html", context, status=status)


@login_required
def commitment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_commitment(request, access.get_commitment_for(request.user, pk))


@login_required
@require_POST
def commitment_done(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    commitment = access.get_commitment_for(user, pk)
    require(access.can_update_commitment(user, commitment))
    form = DoneForm(request.POST, prefix="done")
    if form.is_valid():
        try:
            followup.complete_commitment(commitment, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The commitment was marked done."))
            return redirect("meetings:commitment", pk=commitment.pk)
    return _render_commitment(request, commitment, done_form=form, status=400)


@login_required
@require_POST
def commitment_drop(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    commitment = access.get_commitment_for(user, pk)
    require(access.can_manage_meeting(user, commitment.meeting))
    form = DropForm(request.POST, prefix="drop")
    if form.is_valid():
        try:
            followup.drop_commitment(commitment, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The commitment was dropped."))
            return redirect("meetings:commitment", pk=commitment.pk)
    return _render_commitment(request, commitment, drop_form=form, status=400)


@login_required
def commitment_list(request: HttpRequest) -> HttpResponse:
    """Commitments of the user's units (the meetings they read, the units that carry them out),
    filtered by state and, from the dashboard, by a unit's subtree."""
    user = request.user
    form = CommitmentFilterForm(request.GET or None)
    items = access.visible_commitments(user)
    unit = None
    on = today()
    if form.is_valid():
        data = form.cleaned_data
        if data["unit"]:
            unit = get_unit_for(user, data["unit"])
            items = items.filter(path_within("owner_unit__path", unit.path))
        state = data["state"]
        if state == "open":
            items = items.filter(status=CommitmentStatus.OPEN, due_on__gte=on)
        elif state == "overdue":
            items = items.overdue(on)
        elif state in (CommitmentStatus.DONE, CommitmentStatus.DROPPED):
            items = items.filter(status=state)
    counts = items.aggregate(
        total=Count("id"),
        overdue=Count("id", filter=Q(status=CommitmentStatus.OPEN, due_on__lt=on)),
        done=Count("id", filter=Q(status=CommitmentStatus.DONE)),
    )
    page = paginate(
        request,
        items.select_related("meeting", "owner_unit").order_by("status", "due_on", "id"),
        count=counts["total"],
    )
    context = {
        "form": form,
        "unit": unit,
        "counts": counts,
        "today": on,
        "page_obj": page,
        "querystring_base": querystring_base(request),
    }
    return render(request, "meetings/followup_commitments.html", context)


# --- Questions and the minutes ------------------------------------------------------------------


@login_required
@require_POST
def question_forward(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    question = access.get_question_for(user, pk)
    meeting = question.meeting
    require(access.can_manage_meeting(user, meeting))
    form = ForwardForm(request.POST, prefix="forward")
    kind = form.cleaned_data["kind"] if form.is_valid() else None
    try:
        feedback = followup.forward_question(question, by=user, kind=kind)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(
            request,
            _("The question is now followed as feedback item %(code)s.")
            % {"code": feedback.tracking_code},
        )
    return redirect(_back(meeting))


@login_required
@require_POST
def questions_forward(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = access.get_meeting_for(user, pk)
    require(access.can_manage_meeting(user, meeting))
    form = ForwardForm(request.POST, prefix="forward")
    kind = form.cleaned_data["kind"] if form.is_valid() else None
    try:
        created = followup.forward_questions(meeting, by=user, kind=kind)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        if created:
            messages.success(
                request,
                ngettext(
                    "%(n)s question is now followed as feedback.",
                    "%(n)s questions are now followed as feedback.",
                    len(created),
                )
                % {"n": len(created)},
            )
        else:
            messages.info(request, _("No question is waiting to be followed as feedback."))
    return redirect(_back(meeting))


@login_required
@require_POST
def minutes_publish(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = access.get_meeting_for(user, pk)
    require(access.can_manage_meeting(user, meeting))
    try:
        followup.publish_minutes(meeting, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, _("The minutes are published; the participants were told."))
    return redirect(_back(meeting))
