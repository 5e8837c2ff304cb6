"""Pages for holding a meeting: check-in, the QR code, the live quorum.

The check-in page is what the secretary uses at the door, on a phone or a laptop: every
participant in one list that filters as they type, one tap per person, the personal-code box at
the top and the quorum always in view. With htmx a tap swaps only that person's row and tells
the quorum to refresh; without JavaScript every form posts and comes back to the list.
"""

from __future__ import annotations

from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views.decorators.http import require_GET, require_POST

from coso.core.dates import today
from coso.core.forms import apply_validation_error, flash_validation_error
from coso.core.pages import require
from coso.core.text import fold

from . import access, hold
from .models import Meeting, MeetingStatus, Participant
from .quorum import Attendance, attendance_of

CHECKIN_TEMPLATE = "meetings/hold_checkin.html"
QUORUM_TEMPLATE = "meetings/hold_quorum.html"
# How often the quorum refreshes itself on the screens that show it (seconds).
POLL_SECONDS = 5
SHOW_CHOICES = ("all", "waiting", "present")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Personal code"),
        max_length=40,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "placeholder": "7KQ4M2XA",
            }
        ),
    )


def _state(meeting: Meeting, attendance: Attendance) -> str:
    """What the quorum fragment shows, in one word: a poll that finds it unchanged gets 204."""
    return (
        f"{meeting.status}-{attendance.present}-{attendance.convened}-{attendance.guests_present}"
    )


QUORUM_SIZES = ("", "big", "compact")


def quorum_context(meeting: Meeting, *, size: str = "") -> dict:
    """The quorum fragment's context; `size`: "big" on the projector, "compact" above the
    check-in list, "" elsewhere."""
    attendance = attendance_of(meeting)
    live = meeting.status == MeetingStatus.IN_PROGRESS or hold.checkin_is_open(meeting)
    return {
        "meeting": meeting,
        "attendance": attendance,
        "quorum_state": _state(meeting, attendance),
        "poll": live,
        "poll_seconds": POLL_SECONDS,
        "needed_percent": (
            min(round(attendance.needed * 100 / attendance.convened), 100)
            if attendance.convened
            else 0
        ),
        "size": size if size in QUORUM_SIZES else "",
    }


def hold_context(request: HttpRequest, meeting: Meeting) -> dict:
    """What the meeting's page shows of attendance (template meetings/_hold_section.html).
    Every key but `meeting` starts with `hold_`, so the hub may merge it into its own context."""
    user = request.user
    may_run = access.can_run_meeting(user, meeting)
    ended = meeting.status in (MeetingStatus.HELD, MeetingStatus.CLOSED)
    may_open = may_run and hold.can_be_opened(meeting)
    shows = meeting.status == MeetingStatus.IN_PROGRESS or ended or may_open
    return {
        "meeting": meeting,
        "hold_quorum": quorum_context(meeting) if shows else None,
        "hold_shows": shows,
        "hold_ended": ended,
        "hold_may_run": may_run,
        "hold_may_open": may_open,
        "hold_too_early": today() < hold.meeting_day(meeting),
        "hold_may_end": may_run and meeting.status == MeetingStatus.IN_PROGRESS,
        "hold_checkin_open": hold.checkin_is_open(meeting),
        "hold_seat": access.seat_of(user, meeting),
        "hold_day": hold.meeting_day(meeting),
    }


def _meeting_for_runner(request: HttpRequest, pk: int) -> Meeting:
    meeting = access.get_meeting_for(request.user, pk)
    require(access.can_run_meeting(request.user, meeting))
    return meeting


# --- The check-in page ------------------------------------------------------------------------


def _filters(data) -> tuple[str, str]:
    q = (data.get("q") or "").strip()[:100]
    show = data.get("show") or "all"
    return q, show if show in SHOW_CHOICES else "all"


def _back_to_list(meeting: Meeting, data, anchor: str = "") -> HttpResponse:
    q, show = _filters(data)
    params = {k: v for k, v in (("q", q), ("show", show)) if v and v != "all"}
    url = reverse("meetings:hold_checkin", args=[meeting.pk])
    if params:
        url = f"{url}?{urlencode(params)}"
    return redirect(f"{url}#{anchor}" if anchor else url)


def _search_text(participant: Participant) -> str:
    parts = [participant.full_name, participant.job_title, participant.code]
    if participant.delegate_of_id:
        parts.append(participant.delegate_of.name)
    return fold(" ".join(parts))


def _rows(meeting: Meeting, q: str, show: str) -> tuple[list[Participant], int]:
    """The participants to list, in one query, and how many the meeting has in all."""
    people = list(meeting.participants.select_related("delegate_of"))
    for person in people:
        person.search_text = _search_text(person)  # type: ignore[attr-defined]
    total = len(people)
    if show == "waiting":
        people = [p for p in people if p.checked_in_at is None]
    elif show == "present":
        people = [p for p in people if p.checked_in_at is not None]
    for word in fold(q).split():
        people = [p for p in people if word in p.search_text]  # type: ignore[attr-defined]
    return people, total


@login_required
@require_GET
def checkin(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_runner(request, pk)
    q, show = _filters(request.GET)
    return _render_checkin(request, meeting, q=q, show=show, code_form=CodeForm())


def _render_checkin(
    request: HttpRequest,
    meeting: Meeting,
    *,
    q: str,
    show: str,
    code_form: CodeForm,
    status: int = 200,
) -> HttpResponse:
    people, total = _rows(meeting, q, show)
    context = quorum_context(meeting, size="compact")
    context.update(
        {
            "meeting_url": meeting_url(meeting),
            "people": people,
            "total": total,
            "q": q,
            "show": show,
            "show_choices": [
                ("all", _("Everyone")),
                ("waiting", _("Not yet checked in")),
                ("present", pgettext("meetings", "Present")),
            ],
            "code_form": code_form,
            "checkin_open": hold.checkin_is_open(meeting),
            "may_open": hold.can_be_opened(meeting),
            "may_end": meeting.status == MeetingStatus.IN_PROGRESS,
            "meeting_day": hold.meeting_day(meeting),
        }
    )
    return render(request, CHECKIN_TEMPLATE, context, status=status)


def _row_response(
    request: HttpRequest, participant: Participant, *, error: str = "", changed: bool = False
) -> HttpResponse:
    participant.search_text = _search_text(participant)  # type: ignore[attr-defined]
    response = render(
        request,
        f"{CHECKIN_TEMPLATE}#row",
        {
            "p": participant,
            "meeting": participant.meeting,
            "checkin_open": hold.checkin_is_open(participant.meeting),
            "row_error": error,
        },
    )
    if changed:
        response["HX-Trigger"] = "quorum-changed"
    return response


def _participant_for_runner(request: HttpRequest, pk: int) -> Participant:
    participant = access.get_participant_for(request.user, pk)
    require(access.can_run_meeting(request.user, participant.meeting))
    return participant


def _refetched(participant: Participant) -> Participant:
    return (
        Participant.objects.select_related("meeting__unit", "meeting__kind", "delegate_of")
        .filter(pk=participant.pk)
        .first()
        or participant
    )


@login_required
@require_POST
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    """One tap on a participant's row."""
    participant = _participant_for_runner(request, pk)
    try:
        participant = hold.check_in(participant, by=request.user)
    except ValidationError as exc:
        if request.htmx:
            return _row_response(request, _refetched(participant), error=" ".join(exc.messages))
        flash_validation_error(request, exc)
    else:
        if request.htmx:
            return _row_response(request, _refetched(participant), changed=True)
        messages.success(request, _("%(name)s is checked in.") % {"name": participant.full_name})
    return _back_to_list(participant.meeting, request.POST, f"participant-{participant.pk}")


@login_required
@require_POST
def undo_check_in(request: HttpRequest, pk: int) -> HttpResponse:
    participant = _participant_for_runner(request, pk)
    try:
        participant = hold.undo_check_in(participant, by=request.user)
    except ValidationError as exc:
        if request.htmx:
            return _row_response(request, _refetched(participant), error=" ".join(exc.messages))
        flash_validation_error(request, exc)
    else:
        if request.htmx:
            return _row_response(request, _refetched(participant), changed=True)
        messages.success(
            request,
            _("The check-in of %(name)s was taken back.") % {"name": participant.full_name},
        )
    return _back_to_list(participant.meeting, request.POST, f"participant-{participant.pk}")


@login_required
@require_POST
def check_in_by_code(request: HttpRequest, pk: int) -> HttpResponse:
    """The code box: the secretary types the code a participant reads out."""
    meeting = _meeting_for_runner(request, pk)
    form = CodeForm(request.POST)
    checked: Participant | None = None
    if form.is_valid():
        try:
            checked = hold.check_in_by_code(meeting, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
    if request.htmx:
        context = {
            "meeting": meeting,
            "code_form": CodeForm() if checked else form,
            "checked": checked,
            "checkin_open": hold.checkin_is_open(meeting),
        }
        if checked is not None:
            checked = _refetched(checked)
            checked.search_text = _search_text(checked)  # type: ignore[attr-defined]
            context["p"] = checked
        response = render(request, f"{CHECKIN_TEMPLATE}#codebox_response", context)
        if checked is not None:
            response["HX-Trigger"] = "quorum-changed"
        return response
    if checked is not None:
        messages.success(request, _("%(name)s is checked in.") % {"name": checked.full_name})
        return _back_to_list(meeting, request.POST, f"participant-{checked.pk}")
    q, show = _filters(request.POST)
    return _render_checkin(request, meeting, q=q, show=show, code_form=form)


# --- The live quorum ---------------------------------------------------------------------------


@login_required
@require_GET
def quorum(request: HttpRequest, pk: int) -> HttpResponse:
    """The quorum fragment, polled by every screen that shows it. Anyone who reads the meeting
    reads its attendance figures (not the names)."""
    meeting = access.get_meeting_for(request.user, pk)
    context = quorum_context(meeting, size=request.GET.get("size", ""))
    if request.GET.get("seen") == context["quorum_state"] and request.htmx:
        return HttpResponse(status=204)
    return render(request, QUORUM_TEMPLATE, context)


# --- Opening and ending -------------------------------------------------------------------------


def _after_action(request: HttpRequest, meeting: Meeting) -> HttpResponse:
    nxt = request.POST.get("next", "")
    if nxt == "checkin":
        return redirect("meetings:hold_checkin", pk=meeting.pk)
    return redirect(meeting_url(meeting))


def meeting_url(meeting: Meeting) -> str:
    """The meeting's page (the hub written by the prepare part)."""
    return reverse("meetings:detail", args=[meeting.pk])


@login_required
@require_POST
def open_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_runner(request, pk)
    try:
        meeting = hold.open_meeting(meeting, by=request.user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, _("The meeting is open. Check people in as they arrive."))
    return _after_action(request, meeting)


@login_required
@require_POST
def end_meeting(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = _meeting_for_runner(request, pk)
    try:
        meeting = hold.end_meeting(meeting, by=request.user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(
            request, _("The meeting has ended. Its attendance and votes are kept for the minutes.")
        )
    return _after_action(request, meeting)


# --- The QR code ----------------------------------------------------------------------------------


def scan_url(request: HttpRequest, meeting: Meeting) -> str:
    """The absolute address the QR code carries (COSO_BASE_URL when set)."""
    path = reverse("meetings:hold_scan", args=[meeting.checkin_token])
    base = settings.COSO_BASE_URL.rstrip("/")
    return f"{base}{path}" if base else request.build_absolute_uri(path)


def qr_svg(url: str, title: str) -> str:
    """The QR code as inline SVG that scales to its box (no width or height of its own)."""
    code = segno.make(url, error="m")
    return code.svg_inline(scale=1, border=2, omitsize=True, svgclass="qr", title=title)


@login_required
@require_GET
def qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The page shown on the projector: the meeting's QR code and the live quorum."""
    meeting = _meeting_for_runner(request, pk)
    url = scan_url(request, meeting)
    context = quorum_context(meeting, size="big")
    context.update(
        {
            "scan_url": url,
            "meeting_url": meeting_url(meeting),
            "svg": mark_safe(qr_svg(url, _("Check-in QR code"))),  # noqa: S308 (segno's own SVG)
            "checkin_open": hold.checkin_is_open(meeting),
        }
    )
    return render(request, "meetings/hold_qr.html", context)


@login_required
@require_GET
def scan(request: HttpRequest, token: str) -> HttpResponse:
    """A participant's phone opened the QR code's link: check them in at once.

    A GET that changes data, on purpose: the phone's camera opens a link, and one scan must be
    enough at the door. It only ever checks in the signed-in person's own seat, the token is
    shown only in the room, and a second scan changes nothing.
    """
    meeting = hold.meeting_for_token(token)
    if meeting is None:
        return render(
            request,
            "meetings/hold_scan.html",
            {"outcome": "unknown"},
            status=404,
        )
    context: dict = {"meeting": meeting, "may_view": False}
    status = 200
    try:
        seat = hold.check_in_by_qr(meeting, by=request.user)
    except ValidationError as exc:
        seat = access.seat_of(request.user, meeting)
        if exc.code == "not_invited":
            context["outcome"] = "not_invited"
            status = 403
        elif exc.code == "already_checked_in" and seat is not None:
            context["outcome"] = "already"
        else:
            context["outcome"] = "refused"
        context["message"] = " ".join(exc.messages)
    else:
        context["outcome"] = "checked_in"
    if seat is not None:
        seat = Participant.objects.filter(pk=seat.pk).first()
        context["seat"] = seat
        context["checked_in_at"] = seat.checked_in_at and timezone.localtime(seat.checked_in_at)
        context["may_view"] = True
        context["meeting_url"] = meeting_url(meeting)
    return render(request, "meetings/hold_scan.html", context, status=status)
