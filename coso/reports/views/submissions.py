"""A unit fills and submits its report; the receiving office accepts or returns it.

form → checked fetch → access → action → render, as everywhere in coso. A save based on an
older revision is refused by actions.save_draft; the page then keeps what the officer typed and
shows, beside each field, what is saved now, so nobody loses their work.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from coso.core.dates import today
from coso.core.forms import apply_validation_error
from coso.core.pages import require

from .. import access, actions
from ..aggregate import requirements_below
from ..models import Indicator, Submission, SubmissionStatus, SubmissionValue
from ..submission_forms import (
    AttachmentForm,
    ReturnForm,
    SubmissionValuesForm,
    display_frozen,
    display_value,
    field_name,
    input_value,
)
from ..values import parse_value

# --- helpers ---------------------------------------------------------------------------------


def _indicators(submission: Submission) -> list[Indicator]:
    return list(submission.requirement.form.indicators.select_related("section"))


def _saved(submission: Submission) -> dict[str, SubmissionValue]:
    return actions.current_values(submission)


def _initial(
    submission: Submission, indicators: list[Indicator], saved: dict[str, SubmissionValue]
) -> dict[str, object]:
    initial: dict[str, object] = {"revision": submission.revision}
    for indicator in indicators:
        initial[field_name(indicator.code)] = input_value(indicator, saved.get(indicator.code))
    return initial


def _apply_action_error(form: SubmissionValuesForm, exc: ValidationError) -> None:
    """Errors keyed by indicator code go under that indicator's field."""
    if hasattr(exc, "error_dict"):
        for key, errors in exc.message_dict.items():
            name = field_name(key) if key in form.codes.values() else None
            form.add_error(name, errors)
    else:
        apply_validation_error(form, exc)


def _same(indicator: Indicator, typed: str, saved: str) -> bool:
    if typed.strip() == saved.strip():
        return True
    try:
        return parse_value(indicator, typed) == parse_value(indicator, saved)
    except ValidationError:
        return False


def _conflicts(
    form: SubmissionValuesForm, indicators: list[Indicator], saved: dict[str, SubmissionValue]
) -> dict[str, str]:
    """{field name: value saved now, for reading} where it differs from what was typed."""
    differing = {}
    for indicator in indicators:
        name = field_name(indicator.code)
        typed = str(form.data.get(name, ""))
        value = saved.get(indicator.code)
        if not _same(indicator, typed, input_value(indicator, value)):
            differing[name] = display_value(indicator, value) or "—"
    return differing


def _sections(
    form: SubmissionValuesForm | None,
    indicators: list[Indicator],
    saved: dict[str, SubmissionValue],
    conflicts: dict[str, str],
) -> list[dict]:
    """Indicators grouped by section, each with its bound field and its value for reading."""
    sections: list[dict] = []
    by_id: dict[int, dict] = {}
    for indicator in indicators:
        section = by_id.get(indicator.section_id)
        if section is None:
            section = {"title": indicator.section.title, "rows": []}
            by_id[indicator.section_id] = section
            sections.append(section)
        name = field_name(indicator.code)
        section["rows"].append(
            {
                "indicator": indicator,
                "field": form[name] if form is not None else None,
                "shown": display_value(indicator, saved.get(indicator.code)),
                "saved_now": conflicts.get(name),
            }
        )
    return sections


def _render(
    request: HttpRequest,
    submission: Submission,
    *,
    values_form: SubmissionValuesForm | None = None,
    conflict: str = "",
    conflicts: dict[str, str] | None = None,
    attachment_form: AttachmentForm | None = None,
    return_form: ReturnForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    indicators = _indicators(submission)
    saved = _saved(submission)
    may_edit = access.can_edit_submission(user, submission)
    if may_edit and values_form is None:
        values_form = SubmissionValuesForm(
            indicators=indicators, initial=_initial(submission, indicators, saved)
        )
    may_decide = submission.status == SubmissionStatus.SUBMITTED and access.can_decide_submission(
        user, submission
    )
    not_in = submission.first_submitted_at is None
    context = {
        "submission": submission,
        "requirement": submission.requirement,
        "may_edit": may_edit,
        "may_decide": may_decide,
        # A unit that asked the units below it for this period can start from their figures.
        "may_prefill": may_edit and bool(requirements_below(submission)),
        "form": values_form if may_edit else None,
        "sections": _sections(
            values_form if may_edit else None, indicators, saved, conflicts or {}
        ),
        "conflict": conflict,
        "attachments": list(submission.attachments.select_related("added_by")),
        "attachment_form": attachment_form or AttachmentForm(),
        "return_form": return_form or ReturnForm(),
        "versions": list(submission.versions.select_related("submitted_by")),
        "is_late": submission.first_submitted_at is not None and submission.is_late,
        "is_overdue": not_in and today() > submission.requirement.deadline,
    }
    return render(request, "reports/submission_detail.html", context, status=status)


# --- pages -----------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def submission_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The report of one unit: fill and submit it, or read it."""
    user = request.user
    submission = access.get_submission_for(user, pk)
    if request.method != "POST":
        return _render(request, submission)
    require(access.can_edit_submission(user, submission))
    indicators = _indicators(submission)
    form = SubmissionValuesForm(request.POST, indicators=indicators)
    if not form.is_valid():
        return _render(request, submission, values_form=form)
    sending = request.POST.get("action") == "submit"
    try:
        # Submitting saves first; if either step fails, nothing is kept.
        with transaction.atomic():
            saved = actions.save_draft(
                submission,
                by=user,
                values=form.raw_values(),
                revision=form.cleaned_data["revision"],
            )
            if sending:
                actions.submit(saved, by=user)
    except actions.EditConflict as exc:
        return _conflict(request, submission.pk, form, exc)
    except ValidationError as exc:
        _apply_action_error(form, exc)
        return _render(request, submission, values_form=form)
    if sending:
        messages.success(request, _("The report was submitted to the receiving office."))
    else:
        messages.success(request, _("The draft was saved."))
    return redirect("reports:submission", pk=submission.pk)


def _conflict(
    request: HttpRequest, pk: int, form: SubmissionValuesForm, exc: ValidationError
) -> HttpResponse:
    """Keep what was typed, show what is saved now, and carry the new revision."""
    submission = access.get_submission_for(request.user, pk)
    data = form.data.copy()
    data["revision"] = str(submission.revision)
    indicators = _indicators(submission)
    kept = SubmissionValuesForm(data, indicators=indicators)
    conflicts = _conflicts(kept, indicators, _saved(submission))
    if not access.can_edit_submission(request.user, submission):
        # Submitted meanwhile: nothing more can be saved, say so above the values.
        messages.error(request, " ".join(exc.messages))
        return _render(request, submission, status=409)
    return _render(
        request,
        submission,
        values_form=kept,
        conflict=" ".join(exc.messages),
        conflicts=conflicts,
        status=409,
    )


@login_required
@require_POST
def submission_accept(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    submission = access.get_submission_for(user, pk)
    require(access.can_decide_submission(user, submission))
    try:
        actions.accept_submission(submission, by=user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The report was accepted."))
    return redirect("reports:submission", pk=submission.pk)


@login_required
@require_POST
def submission_return(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    submission = access.get_submission_for(user, pk)
    require(access.can_decide_submission(user, submission))
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            actions.return_submission(submission, by=user, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The report was returned to the unit for correction."))
            return redirect("reports:submission", pk=submission.pk)
    return _render(request, submission, return_form=form)


@login_required
@require_POST
def attachment_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    submission = access.get_submission_for(user, pk)
    require(access.can_edit_submission(user, submission))
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_attachment(submission, by=user, file=form.cleaned_data["file"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The file was attached."))
            return redirect("reports:submission", pk=submission.pk)
    return _render(request, submission, attachment_form=form)


@login_required
def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """Files are served only through this checked view, never from a public media URL."""
    attachment = access.get_attachment_for(request.user, pk)
    if not attachment.file:
        raise Http404
    try:
        handle = attachment.file.open("rb")
    except OSError as exc:
        raise Http404 from exc
    name = attachment.original_name or attachment.file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)


@login_required
def submission_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """One submitted version, frozen: labels from the form, values as they were sent."""
    submission = access.get_submission_for(request.user, pk)
    version = submission.versions.select_related("submitted_by").filter(number=number).first()
    if version is None:
        raise Http404
    indicators = _indicators(submission)
    known = {i.code for i in indicators}
    sections: list[dict] = []
    for indicator in indicators:
        if not sections or sections[-1]["id"] != indicator.section_id:
            sections.append(
                {"id": indicator.section_id, "title": indicator.section.title, "rows": []}
            )
        raw = str(version.data.get(indicator.code, ""))
        sections[-1]["rows"].append(
            {"label": indicator.label, "shown": display_frozen(indicator, raw)}
        )
    # Indicators removed from the form since: still shown, by their code.
    others = [
        {"label": code, "shown": str(raw)}
        for code, raw in sorted(version.data.items())
        if code not in known
    ]
    context = {
        "submission": submission,
        "requirement": submission.requirement,
        "version": version,
        "sections": sections,
        "others": others,
    }
    return render(request, "reports/submission_version.html", context)


urlpatterns: list[URLPattern] = [
    path("nop/<int:pk>/", submission_detail, name="submission"),
    path("nop/<int:pk>/tiep-nhan/", submission_accept, name="submission_accept"),
    path("nop/<int:pk>/tra-lai/", submission_return, name="submission_return"),
    path("nop/<int:pk>/tep/", attachment_add, name="submission_attach"),
    path("nop/<int:pk>/phien-ban/<int:number>/", submission_version, name="submission_version"),
    path("tep/<int:pk>/", attachment_download, name="attachment_download"),
]
