"""Public pages of feedback (under cong-khai/phan-anh/): no login, no script.

Anyone sends feedback to a unit and gets a tracking code; whoever holds the code follows the
item, reads the answer and says whether it settled the matter. Published answers (the sender
agreed, the unit published) are listed per unit. No page here ever shows who sent an item or
who handled it: only the unit (Law on Denunciation 2018, art. 47, for denouncers; and nobody's
contact is public).

Abuse without third-party services: a honeypot field, a per-address rate limit on sending and
on lookups (a code is 8 characters of 32: about 10^12 codes, so at a few dozen lookups per
address and ten minutes guessing is pointless), and the size and type limits of uploads.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coso.core.dates import today
from coso.core.forms import apply_validation_error
from coso.core.pages import paginate, querystring_base, row_id
from coso.core.ratelimit import RateLimit
from coso.units.models import Unit

from . import actions, public, sender_actions
from .models import (
    EventKind,
    Feedback,
    FeedbackFile,
    FeedbackKind,
    Source,
    Status,
    new_tracking_code,
)
from .public_forms import LookupForm, ReplyForm, SearchForm, SendFeedbackForm, needs_address

WINDOW_SECONDS = 600


def submit_rate() -> RateLimit:
    """Feedback sent per client address in ten minutes: a family or an office sharing one
    connection is not stopped, a flood is. COSO_FEEDBACK_SUBMIT_LIMIT raises it (benchmarks)."""
    return RateLimit(
        "feedback-submit",
        limit=int(getattr(settings, "COSO_FEEDBACK_SUBMIT_LIMIT", 10)),
        window_seconds=WINDOW_SECONDS,
    )


def lookup_rate() -> RateLimit:
    """Lookups by code (and replies) per client address in ten minutes."""
    return RateLimit(
        "feedback-lookup",
        limit=int(getattr(settings, "COSO_FEEDBACK_LOOKUP_LIMIT", 60)),
        window_seconds=WINDOW_SECONDS,
    )


def _open_unit(unit_id: int | str) -> Unit | None:
    return Unit.objects.filter(pk=row_id(unit_id), closed_on__isnull=True).first()


def _unit_missing(request: HttpRequest) -> HttpResponse:
    return render(request, "feedback/public_unit_missing.html", {}, status=404)


def _kinds_context() -> list[dict]:
    return [
        {"kind": kind, "needs_address": needs_address(kind)}
        for kind in FeedbackKind.objects.filter(is_active=True)
    ]


def _render_send(
    request: HttpRequest, unit: Unit, form: SendFeedbackForm, *, refusal: str = "", status=200
) -> HttpResponse:
    kinds = _kinds_context()
    chosen = str(form["kind"].value() or "")
    return render(
        request,
        "feedback/public_send.html",
        {
            "portal_unit": unit,
            "form": form,
            "kinds": kinds,
            "chosen_kind": chosen,
            "signed_in": request.user.is_authenticated,
            "refusal": refusal,
            "max_files": actions.MAX_FILES,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def send(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = _open_unit(unit_id)
    if unit is None:
        return _unit_missing(request)
    signed_in = request.user.is_authenticated
    if request.method != "POST":
        initial = {}
        wanted = request.GET.get("loai", "")
        kind = FeedbackKind.objects.filter(code=wanted[:50], is_active=True).first()
        if kind is not None:
            initial["kind"] = kind.pk
        return _render_send(request, unit, SendFeedbackForm(signed_in=signed_in, initial=initial))
    form = SendFeedbackForm(request.POST, request.FILES, signed_in=signed_in)
    if not submit_rate().allow(request):
        return _render_send(
            request,
            unit,
            form,
            refusal=_(
                "You have sent a lot of feedback in a short time. Please wait a few minutes and "
                "send it again."
            ),
            status=429,
        )
    if form.is_bot:
        # A robot filled the hidden field: it sees a confirmation with a code that does not
        # exist, learns nothing, and nothing is kept.
        decoy = FeedbackKind.objects.filter(is_active=True).first()
        due_on = actions.due_date(decoy, today()) if decoy else None
        return _render_sent(request, unit, code=new_tracking_code(), due_on=due_on, kind=decoy)
    if form.is_valid():
        data = form.cleaned_data
        try:
            item = actions.submit_feedback(
                unit=unit,
                kind=data["kind"],
                title=data["title"],
                content=data["content"],
                source=Source.ACCOUNT if signed_in else Source.PORTAL,
                by=request.user if signed_in else None,
                sender_name=data["sender_name"],
                sender_phone=data["sender_phone"],
                sender_email=data["sender_email"],
                sender_address=data["sender_address"],
                publish_consent=data["publish_consent"],
                location=data["location"],
                latitude=data["latitude"],
                longitude=data["longitude"],
                files=data["files"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return redirect("feedback_public:sent", code=item.tracking_code)
    return _render_send(request, unit, form)


def _render_sent(
    request: HttpRequest, unit: Unit, *, code: str, due_on, kind: FeedbackKind | None = None
) -> HttpResponse:
    return render(
        request,
        "feedback/public_sent.html",
        {"portal_unit": unit, "code": code, "due_on": due_on, "kind": kind},
    )


@require_GET
def sent(request: HttpRequest, code: str) -> HttpResponse:
    """The confirmation after sending: the code, large, to copy, print or write down."""
    if not lookup_rate().allow(request):
        return _too_many_lookups(request)
    canonical = public.normalize_code(code)
    item = public.find_by_code(canonical) if canonical else None
    if item is None:
        return _render_lookup(request, LookupForm(), not_found=True, status=404)
    if canonical != code:
        return redirect("feedback_public:sent", code=canonical)
    return _render_sent(
        request, item.unit, code=item.tracking_code, due_on=item.due_on, kind=item.kind
    )


# --- Following an item by its code ------------------------------------------------------------


def _too_many_lookups(request: HttpRequest) -> HttpResponse:
    return _render_lookup(
        request,
        LookupForm(),
        refusal=_(
            "Too many lookups from your connection in a short time. Please wait ten minutes and "
            "try again."
        ),
        status=429,
    )


def _render_lookup(
    request: HttpRequest,
    form: LookupForm,
    *,
    not_found: bool = False,
    refusal: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "feedback/public_lookup.html",
        {"form": form, "not_found": not_found, "refusal": refusal},
        status=status,
    )


@require_GET
def lookup(request: HttpRequest) -> HttpResponse:
    if "code" not in request.GET:
        return _render_lookup(request, LookupForm())
    if not lookup_rate().allow(request):
        return _too_many_lookups(request)
    form = LookupForm(request.GET)
    if not form.is_valid():
        return _render_lookup(request, form, status=400)
    code = form.cleaned_data["code"]
    if not Feedback.objects.filter(tracking_code=code).exists():
        return _render_lookup(request, form, not_found=True, status=404)
    return redirect("feedback_public:track", code=code)


def _timeline(item: Feedback) -> list:
    """The public steps; an answer step shows the answer (the latest one from the item itself
    when the step carries no text)."""
    events = public.public_timeline(item)
    for event in events:
        event.unit_name = (event.to_unit or event.from_unit or item.unit).name
    answered = [e for e in events if e.kind == EventKind.ANSWERED]
    for event in answered:
        event.shown_text = event.text
    if answered and not answered[-1].text:
        answered[-1].shown_text = item.answer
    return events


def _render_track(
    request: HttpRequest, item: Feedback, *, reply_form: ReplyForm | None = None, status=200
) -> HttpResponse:
    can_reply = item.status == Status.ANSWERED
    target = public.merged_target(item)
    return render(
        request,
        "feedback/public_track.html",
        {
            "portal_unit": item.unit if not item.unit.is_closed else None,
            "item": item,
            "events": _timeline(item),
            "files": public.answer_files(item),
            "overdue": item.is_open and item.due_on < today(),
            "can_reply": can_reply,
            "can_reopen": sender_actions.can_reopen(item),
            "refusal": sender_actions.refusal_message()
            if can_reply and not sender_actions.can_reopen(item)
            else "",
            "reply_form": reply_form or ReplyForm(),
            "target": target,
            "target_published": target is not None and public.is_published(target),
        },
        status=status,
    )


def _item_for_code(request: HttpRequest, code: str) -> Feedback | HttpResponse:
    """The item of a code in the URL, or the response to give instead (429, 404, redirect)."""
    if not lookup_rate().allow(request):
        return _too_many_lookups(request)
    canonical = public.normalize_code(code)
    if canonical is None:
        form = LookupForm({"code": code[:60]})
        form.is_valid()
        return _render_lookup(request, form, status=404)
    item = public.find_by_code(canonical)
    if item is None:
        return _render_lookup(request, LookupForm({"code": canonical}), not_found=True, status=404)
    if canonical != code:
        return redirect("feedback_public:track", code=canonical)
    return item


@require_GET
def track(request: HttpRequest, code: str) -> HttpResponse:
    found = _item_for_code(request, code)
    if isinstance(found, HttpResponse):
        return found
    return _render_track(request, found)


@require_http_methods(["GET", "POST"])
def reply(request: HttpRequest, code: str) -> HttpResponse:
    """The sender's verdict on the answer: settled (closed) or not (reopened once)."""
    if request.method != "POST":
        return redirect("feedback_public:track", code=code)
    found = _item_for_code(request, code)
    if isinstance(found, HttpResponse):
        return found
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            sender_actions.reply_to_answer(
                feedback=found,
                satisfied=form.cleaned_data["satisfied"],
                reason=form.cleaned_data["reason"],
                code=found.tracking_code,
                by=request.user,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            if form.cleaned_data["satisfied"]:
                messages.success(request, _("Thank you: the feedback is closed as settled."))
            else:
                messages.success(
                    request,
                    _("The feedback is reopened: the unit will answer again by the new due date."),
                )
            return redirect("feedback_public:track", code=found.tracking_code)
    return _render_track(request, public.find_by_code(found.tracking_code), reply_form=form)


@require_GET
def track_file(request: HttpRequest, code: str, file_id: int) -> FileResponse:
    """A file attached to the answer, for whoever holds the code."""
    canonical = public.normalize_code(code)
    if canonical is None or not lookup_rate().allow(request):
        raise Http404
    item = FeedbackFile.objects.filter(
        pk=row_id(file_id), with_answer=True, feedback__tracking_code=canonical
    ).first()
    return _serve(item)


# --- Published answers ------------------------------------------------------------------------


@require_GET
def unit_answers(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = _open_unit(unit_id)
    if unit is None:
        return _unit_missing(request)
    form = SearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    items = public.search_published(unit, query) if query else public.published_answers(unit)
    return render(
        request,
        "feedback/public_answers.html",
        {
            "portal_unit": unit,
            "form": form,
            "query": query,
            "page_obj": paginate(request, items, 20),
            "querystring_base": querystring_base(request),
        },
    )


@require_GET
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    item = public.get_published(row_id(pk))
    if item is None:
        raise Http404
    return render(
        request,
        "feedback/public_answer.html",
        {"portal_unit": item.unit, "item": item, "files": public.answer_files(item)},
    )


@require_GET
def answer_file(request: HttpRequest, pk: int, file_id: int) -> FileResponse:
    item = public.get_published(row_id(pk))
    if item is None:
        raise Http404
    return _serve(
        FeedbackFile.objects.filter(pk=row_id(file_id), feedback=item, with_answer=True).first()
    )


def _serve(item: FeedbackFile | None) -> FileResponse:
    if item is None:
        raise Http404
    try:
        handle = item.file.open("rb")
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=item.name)
