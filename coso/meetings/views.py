"""Pages that prepare a meeting, and the meeting's own page: the hub every stage plugs into.

Thin views: checked fetch → access → form → action → render. The meeting page shows at a
glance what it is, when and where, where it stands and what comes next, the legal basis of
its kind, the agenda, the files, who is convened and the questions sent; the sections of the
later stages (attendance, votes, follow-up) come from their own modules.
"""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from coso.core.dates import format_date, today
from coso.core.forms import apply_validation_error, flash_validation_error
from coso.core.pages import paginate, querystring_base, require, row_id
from coso.units.access import get_unit_for
from coso.units.models import Unit

from . import access, actions
from .followup_views import followup_context
from .forms import (
    AgendaItemForm,
    AnswerForm,
    CancelForm,
    FileForm,
    FilterForm,
    MeetingForm,
    NoticeForm,
    ParticipantForm,
    QuestionForm,
    RecordQuestionForm,
    RoleForm,
    StaffForm,
)
from .hold_views import hold_context
from .models import (
    AgendaItem,
    Meeting,
    MeetingFile,
    MeetingKind,
    MeetingStatus,
    ParticipantRole,
    QuestionStatus,
)
from .voting_views import voting_context

# --- Shared pieces ----------------------------------------------------------------------------


def _unit_from_query(request: HttpRequest) -> Unit | None:
    raw = request.GET.get("unit")
    if not raw:
        return None
    if row_id(raw) is None:
        raise Http404
    return get_unit_for(request.user, raw)


def _managed(request: HttpRequest, pk: int) -> Meeting:
    """The meeting, 404 if the user may not see it, 403 if they may not prepare it."""
    meeting = access.get_meeting_for(request.user, pk)
    require(access.can_manage_meeting(request.user, meeting))
    return meeting


def next_step(meeting: Meeting) -> dict:
    """Where the meeting stands and what its officers do next: {"text", "tone"}."""
    kind = meeting.kind
    start_day = timezone.localdate(meeting.starts_at)
    status = meeting.status
    if status == MeetingStatus.DRAFT:
        if kind.notice_days:
            latest = actions.latest_notice_day(kind, start_day)
            if latest < today():
                return {
                    "text": _(
                        "The notice had to be published by %(latest)s: move the meeting to "
                        "%(earliest)s or later."
                    )
                    % {
                        "latest": format_date(latest),
                        "earliest": format_date(actions.earliest_start_day(kind, today())),
                    },
                    "tone": "bad",
                }
            return {
                "text": _("Publish the notice by %(latest)s at the latest.")
                % {"latest": format_date(latest)},
                "tone": "warn" if (latest - today()).days <= 3 else "",
            }
        return {
            "text": _("Invite the participants; open the meeting on %(day)s.")
            % {"day": format_date(start_day)},
            "tone": "",
        }
    if status == MeetingStatus.NOTICED:
        return {
            "text": _("Notice published. Open the meeting on %(day)s and check people in.")
            % {"day": format_date(start_day)},
            "tone": "ok",
        }
    if status == MeetingStatus.IN_PROGRESS:
        return {
            "text": _("In progress: check people in, hold the votes, then end the meeting."),
            "tone": "ok",
        }
    if status == MeetingStatus.HELD:
        if kind.results_within_days and meeting.ended_at:
            due = timezone.localdate(meeting.ended_at) + dt.timedelta(days=kind.results_within_days)
            return {
                "text": _("Publish the minutes and the results by %(due)s.")
                % {"due": format_date(due)},
                "tone": "bad" if due < today() else "warn",
            }
        return {"text": _("Held: write and publish the minutes."), "tone": "warn"}
    if status == MeetingStatus.CLOSED:
        return {"text": _("Minutes published: follow the commitments to the end."), "tone": "ok"}
    return {
        "text": _("Cancelled: %(reason)s") % {"reason": meeting.cancelled_reason or "—"},
        "tone": "muted",
    }


def role_counts(meeting: Meeting) -> dict:
    """Participants by role in one query: [{"role", "label", "count", "present"}], totals."""
    rows = (
        meeting.participants.values("role")
        .annotate(count=Count("pk"), present=Count("pk", filter=Q(checked_in_at__isnull=False)))
        .order_by()
    )
    by_role = {row["role"]: row for row in rows}
    roles = [
        {
            "role": value,
            "label": str(label),
            "count": by_role[value]["count"],
            "present": by_role[value]["present"],
        }
        for value, label in ParticipantRole.choices
        if value in by_role
    ]
    guests = by_role.get(ParticipantRole.GUEST, {}).get("count", 0)
    total = sum(r["count"] for r in roles)
    return {"roles": roles, "total": total, "convened": total - guests, "guests": guests}


# --- The list ---------------------------------------------------------------------------------


@login_required
@require_GET
def meeting_list(request: HttpRequest) -> HttpResponse:
    """Meetings of the user's units and those they are invited to, newest first."""
    user = request.user
    unit = _unit_from_query(request)
    form = FilterForm(request.GET or None)
    meetings = access.visible_meetings(user)
    if unit is not None:
        meetings = meetings.in_subtree(unit)
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            meetings = meetings.search(data["q"])
        if data["kind"]:
            meetings = meetings.filter(kind=data["kind"])
        if data["status"]:
            meetings = meetings.filter(status=data["status"])
        if data["year"]:
            meetings = meetings.filter(year=data["year"])
    meetings = meetings.select_related("unit", "kind").order_by("-starts_at", "-id")
    may_create = (
        access.can_create_meeting(user, unit)
        if unit is not None
        else bool(access.manageable_paths(user))
    )
    context = {
        "form": form,
        "unit": unit,
        "page_obj": paginate(request, meetings),
        "querystring_base": querystring_base(request),
        "may_create": may_create,
        "now": timezone.now(),
    }
    return render(request, "meetings/meeting_list.html", context)


# --- Create, edit, cancel ---------------------------------------------------------------------


@login_required
def meeting_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    unit = _unit_from_query(request)
    if unit is not None:
        require(access.can_create_meeting(user, unit))
    else:
        require(bool(access.manageable_paths(user)))
    data = request.POST if request.method == "POST" else None
    initial = {"unit": unit.pk} if unit is not None else {}
    code = request.GET.get("kind")
    if code:
        initial["kind"] = MeetingKind.objects.filter(code=code).values_list("pk", flat=True).first()
    form = MeetingForm(data, user=user, initial=initial)
    if data is not None and form.is_valid():
        fields = form.action_data()
        try:
            meeting = actions.create_meeting(by=user, **fields)
        except ValidationError as exc:
            form.apply_action_error(exc)
        else:
            messages.success(
                request,
                _("The meeting was created: add its agenda and participants, then the notice."),
            )
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "unit": unit})


@login_required
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = _managed(request, pk)
    data = request.POST if request.method == "POST" else None
    form = MeetingForm(data, user=user, meeting=meeting, initial=MeetingForm.initial_for(meeting))
    if data is not None and meeting.is_editable and form.is_valid():
        try:
            actions.update_meeting(meeting, by=user, **form.action_data())
        except ValidationError as exc:
            form.apply_action_error(exc)
        else:
            messages.success(request, _("The meeting was updated."))
            return redirect("meetings:detail", pk=meeting.pk)
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": form, "meeting": meeting, "cancel_form": CancelForm()},
    )


@login_required
@require_POST
def meeting_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = _managed(request, pk)
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            actions.cancel_meeting(meeting, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The meeting was cancelled."))
            return redirect("meetings:detail", pk=meeting.pk)
    edit_form = MeetingForm(user=user, meeting=meeting, initial=MeetingForm.initial_for(meeting))
    return render(
        request,
        "meetings/meeting_form.html",
        {"form": edit_form, "meeting": meeting, "cancel_form": form},
        status=400,
    )


# --- The meeting's page (the hub) -------------------------------------------------------------


@login_required
@require_GET
def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = access.get_meeting_for(user, pk)
    seat = access.seat_of(user, meeting)
    may_manage = access.can_manage_meeting(user, meeting)
    may_run = access.can_run_meeting(user, meeting)
    questions = list(meeting.questions.order_by("created_at", "id"))
    if not may_run:
        # A participant reads the questions of the meeting, not who else sent which.
        questions = [q for q in questions if q.raised_at_meeting or q.asked_by_id == user.pk]
    context = {
        "meeting": meeting,
        "kind": meeting.kind,
        "unit": meeting.unit,
        "seat": seat,
        "may_manage": may_manage,
        "may_run": may_run,
        "step": next_step(meeting),
        "agenda": list(meeting.agenda.all()),
        "agenda_open": meeting.status in actions.AGENDA_STATUSES,
        "files": list(meeting.files.all()),
        "files_open": meeting.status in actions.FILE_STATUSES,
        "people": role_counts(meeting),
        "questions": questions,
        "open_questions": sum(1 for q in questions if q.status == QuestionStatus.OPEN),
        "may_ask": access.can_ask_question(user, meeting)
        and meeting.status in actions.QUESTION_STATUSES
        and seat is not None,
        "question_form": QuestionForm(),
        # Once the meeting opens, attendance, votes and follow-up matter more than preparing.
        "stages_first": meeting.status
        in (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD, MeetingStatus.CLOSED),
    }
    # The later stages' sections: their modules own what they show.
    context.update(hold_context(request, meeting))
    context.update(voting_context(request, meeting))
    context.update(followup_context(request, meeting))
    return render(request, "meetings/meeting_detail.html", context)


# --- Agenda -----------------------------------------------------------------------------------


def _render_agenda(request: HttpRequest, meeting: Meeting, *, form=None, status: int = 200):
    context = {
        "meeting": meeting,
        "items": list(meeting.agenda.all()),
        "may_change": meeting.status in actions.AGENDA_STATUSES,
        "form": form or AgendaItemForm(),
    }
    return render(request, "meetings/prepare_agenda.html", context, status=status)


@login_required
def agenda(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = _managed(request, pk)
    if request.method != "POST":
        return _render_agenda(request, meeting)
    form = AgendaItemForm(request.POST)
    if form.is_valid():
        try:
            actions.add_agenda_item(meeting, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The item was added to the agenda."))
            return redirect("meetings:agenda", pk=meeting.pk)
    return _render_agenda(request, meeting, form=form, status=400)


def _agenda_item(request: HttpRequest, pk: int) -> AgendaItem:
    item = AgendaItem.objects.select_related("meeting").filter(pk=row_id(pk)).first()
    if item is None:
        raise Http404
    meeting = access.get_meeting_for(request.user, item.meeting_id)
    require(access.can_manage_meeting(request.user, meeting))
    item.meeting = meeting
    return item


@login_required
def agenda_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    item = _agenda_item(request, pk)
    data = request.POST if request.method == "POST" else None
    initial = {name: getattr(item, name) for name in actions.AGENDA_FIELDS}
    form = AgendaItemForm(data, initial=initial)
    if data is not None and form.is_valid():
        try:
            actions.update_agenda_item(item, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The agenda item was updated."))
            return redirect("meetings:agenda", pk=item.meeting_id)
    return render(
        request,
        "meetings/prepare_agenda_item.html",
        {"form": form, "item": item, "meeting": item.meeting},
        status=400 if data is not None else 200,
    )


@login_required
@require_POST
def agenda_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = _agenda_item(request, pk)
    try:
        actions.delete_agenda_item(item, by=request.user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, _("The item was removed from the agenda."))
    return redirect("meetings:agenda", pk=item.meeting_id)


@login_required
@require_POST
def agenda_move(request: HttpRequest, pk: int) -> HttpResponse:
    item = _agenda_item(request, pk)
    try:
        actions.move_agenda_item(item, by=request.user, up=request.POST.get("to") == "up")
    except ValidationError as exc:
        flash_validation_error(request, exc)
    return redirect("meetings:agenda", pk=item.meeting_id)


# --- Files ------------------------------------------------------------------------------------


def _render_files(request: HttpRequest, meeting: Meeting, *, form=None, status: int = 200):
    context = {
        "meeting": meeting,
        "files": list(meeting.files.all()),
        "may_change": meeting.status in actions.FILE_STATUSES,
        "form": form or FileForm(),
    }
    return render(request, "meetings/prepare_files.html", context, status=status)


@login_required
def files(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = _managed(request, pk)
    if request.method != "POST":
        return _render_files(request, meeting)
    form = FileForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_file(meeting, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The file was added."))
            return redirect("meetings:files", pk=meeting.pk)
    return _render_files(request, meeting, form=form, status=400)


def _file(request: HttpRequest, pk: int) -> MeetingFile:
    item = MeetingFile.objects.filter(pk=row_id(pk)).first()
    if item is None:
        raise Http404
    item.meeting = access.get_meeting_for(request.user, item.meeting_id)
    return item


@login_required
@require_GET
def file_download(request: HttpRequest, pk: int) -> FileResponse:
    """Served only to those who may see the meeting; the storage is never public."""
    item = _file(request, pk)
    try:
        handle = item.file.open("rb")
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    name = item.file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)


@login_required
@require_POST
def file_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = _file(request, pk)
    require(access.can_manage_meeting(request.user, item.meeting))
    try:
        actions.delete_file(item, by=request.user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, _("The file was removed."))
    return redirect("meetings:files", pk=item.meeting_id)


# --- Participants -----------------------------------------------------------------------------


def _render_participants(
    request: HttpRequest,
    meeting: Meeting,
    *,
    form: ParticipantForm | None = None,
    staff_form: StaffForm | None = None,
    status: int = 200,
) -> HttpResponse:
    people = list(meeting.participants.select_related("delegate_of", "user"))
    may_change = meeting.status in (MeetingStatus.DRAFT, MeetingStatus.NOTICED)
    context = {
        "meeting": meeting,
        "people": people,
        "counts": role_counts(meeting),
        "may_change": may_change,
        "may_set_roles": meeting.status
        in (MeetingStatus.DRAFT, MeetingStatus.NOTICED, MeetingStatus.IN_PROGRESS),
        "form": form or ParticipantForm(meeting=meeting),
        "staff_form": staff_form or (StaffForm(meeting=meeting) if may_change else None),
        "role_choices": ParticipantRole.choices,
    }
    return render(request, "meetings/prepare_participants.html", context, status=status)


@login_required
def participants(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = _managed(request, pk)
    if request.method != "POST":
        return _render_participants(request, meeting)
    form = ParticipantForm(request.POST, meeting=meeting)
    if form.is_valid():
        try:
            person = actions.add_participant(meeting, by=user, **form.action_data())
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("%(name)s was invited.") % {"name": person.full_name})
            return redirect("meetings:participants", pk=meeting.pk)
    return _render_participants(request, meeting, form=form, status=400)


@login_required
@require_POST
def participants_staff(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    meeting = _managed(request, pk)
    form = StaffForm(request.POST, meeting=meeting)
    if form.is_valid():
        chosen = None if form.cleaned_data["everyone"] else list(form.cleaned_data["users"])
        try:
            added = actions.add_staff(meeting, by=user, users=chosen)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("%(n)s people of the staff were invited.") % {"n": len(added)}
            )
            return redirect("meetings:participants", pk=meeting.pk)
    return _render_participants(request, meeting, staff_form=form, status=400)


def _participant(request: HttpRequest, pk: int):
    participant = access.get_participant_for(request.user, pk)
    require(access.can_manage_meeting(request.user, participant.meeting))
    return participant


@login_required
@require_POST
def participant_role(request: HttpRequest, pk: int) -> HttpResponse:
    participant = _participant(request, pk)
    form = RoleForm(request.POST)
    if not form.is_valid():
        flash_validation_error(request, ValidationError(_("Choose a role.")))
    else:
        try:
            actions.set_participant_role(participant, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            flash_validation_error(request, exc)
        else:
            messages.success(
                request, _("The role of %(name)s was changed.") % {"name": participant.full_name}
            )
    return redirect("meetings:participants", pk=participant.meeting_id)


@login_required
@require_POST
def participant_remove(request: HttpRequest, pk: int) -> HttpResponse:
    participant = _participant(request, pk)
    try:
        actions.remove_participant(participant, by=request.user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(
            request, _("%(name)s was removed from the list.") % {"name": participant.full_name}
        )
    return redirect("meetings:participants", pk=participant.meeting_id)


# --- The notice -------------------------------------------------------------------------------


@login_required
def notice(request: HttpRequest, pk: int) -> HttpResponse:
    """Preview the notice, adjust its text, publish it (once, in time)."""
    user = request.user
    meeting = _managed(request, pk)
    data = request.POST if request.method == "POST" else None
    initial_text = meeting.notice_text or actions.default_notice_text(meeting)
    form = NoticeForm(data, initial={"notice_text": initial_text})
    if data is not None and form.is_valid():
        try:
            actions.publish_notice(meeting, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            invited = meeting.participants.filter(user__isnull=False).count()
            messages.success(
                request,
                _("The notice was published; %(n)s participants with an account were told.")
                % {"n": invited},
            )
            return redirect("meetings:detail", pk=meeting.pk)
    kind = meeting.kind
    start_day = timezone.localdate(meeting.starts_at)
    context = {
        "meeting": meeting,
        "form": form,
        "step": next_step(meeting),
        "latest": actions.latest_notice_day(kind, start_day) if kind.notice_days else None,
        "may_publish": meeting.status == MeetingStatus.DRAFT,
        "invited_with_account": meeting.participants.filter(user__isnull=False).count(),
    }
    return render(
        request,
        "meetings/prepare_notice.html",
        context,
        status=400 if data is not None else 200,
    )


# --- Questions --------------------------------------------------------------------------------


def _render_questions(
    request: HttpRequest,
    meeting: Meeting,
    *,
    form=None,
    record_form=None,
    answer_forms: dict | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    may_run = access.can_run_meeting(user, meeting)
    seat = access.seat_of(user, meeting)
    questions = list(meeting.questions.order_by("created_at", "id"))
    if not may_run:
        questions = [q for q in questions if q.raised_at_meeting or q.asked_by_id == user.pk]
    may_answer = may_run and meeting.status in (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD)
    for q in questions:
        q.answer_form = (answer_forms or {}).get(q.pk) or AnswerForm(  # type: ignore[attr-defined]
            prefix=f"a{q.pk}", initial={"answer": q.answer}
        )
    context = {
        "meeting": meeting,
        "questions": questions,
        "may_send": seat is not None and meeting.status in actions.QUESTION_STATUSES,
        "may_record": may_answer,
        "may_answer": may_answer,
        "form": form or QuestionForm(),
        "record_form": record_form or RecordQuestionForm(),
    }
    return render(request, "meetings/prepare_questions.html", context, status=status)


@login_required
def questions(request: HttpRequest, pk: int) -> HttpResponse:
    """Participants send questions ahead; the secretary records those raised in the room."""
    user = request.user
    meeting = access.get_meeting_for(user, pk)
    require(access.can_run_meeting(user, meeting) or access.seat_of(user, meeting) is not None)
    if request.method != "POST":
        return _render_questions(request, meeting)
    if "asker_name" in request.POST:
        require(access.can_run_meeting(user, meeting))
        record_form = RecordQuestionForm(request.POST)
        if record_form.is_valid():
            try:
                actions.record_question(meeting, by=user, **record_form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(record_form, exc)
            else:
                messages.success(request, _("The question was recorded."))
                return redirect("meetings:questions", pk=meeting.pk)
        return _render_questions(request, meeting, record_form=record_form, status=400)
    require(access.seat_of(user, meeting) is not None)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            actions.send_question(meeting, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Your question was sent to the meeting."))
            return redirect("meetings:questions", pk=meeting.pk)
    return _render_questions(request, meeting, form=form, status=400)


@login_required
@require_POST
def question_answer(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    question = access.get_question_for(user, pk)
    require(access.can_run_meeting(user, question.meeting))
    form = AnswerForm(request.POST, prefix=f"a{question.pk}")
    if form.is_valid():
        try:
            actions.answer_question(question, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The answer was recorded."))
            return redirect("meetings:questions", pk=question.meeting_id)
    return _render_questions(
        request, question.meeting, answer_forms={question.pk: form}, status=400
    )
