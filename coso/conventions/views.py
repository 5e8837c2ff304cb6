"""Officers' pages of village conventions: checked fetch → access → form → action → render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Max, Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.dates import today
from coso.core.forms import apply_validation_error
from coso.core.pages import paginate, querystring_base, require

from . import access, actions
from .forms import (
    AmendmentForm,
    CommentPeriodForm,
    ConventionCreateForm,
    ConventionSettingsForm,
    DraftForm,
    FilterForm,
    HouseholdsForm,
    RecogniseForm,
    RefuseForm,
    ReviewForm,
    SubmitForm,
)
from .models import (
    IN_PROGRESS,
    Convention,
    ConventionRule,
    ConventionVersion,
    VersionStatus,
    review_due,
    rule,
)

# --- Conventions ------------------------------------------------------------------------------


def _annotate_states(conventions: list[Convention]) -> None:
    """In force, in progress and review state of each convention, from prefetched data."""
    for convention in conventions:
        versions = list(convention.versions.all())
        convention.in_force = next(  # type: ignore[attr-defined]
            (v for v in versions if v.status == VersionStatus.IN_FORCE), None
        )
        convention.working = next(  # type: ignore[attr-defined]
            (v for v in versions if v.status in IN_PROGRESS), None
        )
        convention.review_due, convention.review_overdue = review_due(  # type: ignore[attr-defined]
            convention, convention.in_force, getattr(convention, "last_review", None)
        )


@login_required
def convention_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = FilterForm(request.GET or None)
    items = access.visible_conventions(user).select_related("unit")
    if form.is_valid() and form.cleaned_data["q"]:
        items = items.search(form.cleaned_data["q"])
    items = items.annotate(last_review=Max("reviews__reviewed_on")).prefetch_related(
        Prefetch(
            "versions",
            queryset=ConventionVersion.objects.only(
                "id",
                "convention_id",
                "number",
                "status",
                "in_force_from",
                "submission_deadline",
                "decision_deadline",
            ),
        )
    )
    page = paginate(request, items.order_by("unit_path", "id"))
    _annotate_states(page.object_list)
    return render(
        request,
        "conventions/convention_list.html",
        {
            "form": form,
            "page_obj": page,
            "querystring_base": querystring_base(request),
            "may_create": bool(access.manageable_paths(user)),
            "today": today(),
        },
    )


@login_required
def convention_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    require(bool(access.manageable_paths(user)))
    initial = {
        "review_day": rule(ConventionRule.REVIEW_DAY).value,
        "review_month": rule(ConventionRule.REVIEW_MONTH).value,
        "unit": request.GET.get("unit"),
    }
    data = request.POST if request.method == "POST" else None
    form = ConventionCreateForm(data, user=user, initial=initial)
    if data is not None and form.is_valid():
        cleaned = form.cleaned_data
        try:
            convention = actions.start_convention(
                by=user,
                unit=cleaned["unit"],
                title=cleaned["title"],
                text=cleaned["text"],
                kind=cleaned["kind"],
                review_day=cleaned["review_day"],
                review_month=cleaned["review_month"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The draft convention was saved."))
            return redirect("conventions:detail", pk=convention.pk)
    return render(request, "conventions/convention_form.html", {"form": form})


def _render_detail(
    request: HttpRequest,
    convention: Convention,
    *,
    review_form: ReviewForm | None = None,
    amendment_form: AmendmentForm | None = None,
) -> HttpResponse:
    user = request.user
    versions = list(
        convention.versions.select_related("consultation", "matter").order_by("-number")
    )
    reviews = list(convention.reviews.select_related("recorded_by"))
    in_force = next((v for v in versions if v.status == VersionStatus.IN_FORCE), None)
    working = next((v for v in versions if v.status in IN_PROGRESS), None)
    due, overdue = review_due(convention, in_force, reviews[0].reviewed_on if reviews else None)
    may_manage = access.can_manage_convention(user, convention)
    context = {
        "convention": convention,
        "versions": versions,
        "reviews": reviews,
        "in_force": in_force,
        "working": working,
        "review_due": due,
        "review_overdue": overdue,
        "may_manage": may_manage,
        "review_form": review_form or ReviewForm(initial={"reviewed_on": today()}),
        "amendment_form": amendment_form
        or AmendmentForm(initial={"text": in_force.text if in_force else ""}),
    }
    return render(request, "conventions/convention_detail.html", context)


@login_required
def convention_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, access.get_convention_for(request.user, pk))


@login_required
def convention_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    convention = access.get_convention_for(user, pk)
    require(access.can_manage_convention(user, convention))
    initial = {
        "title": convention.title,
        "review_day": convention.review_day,
        "review_month": convention.review_month,
    }
    data = request.POST if request.method == "POST" else None
    form = ConventionSettingsForm(data, initial=initial)
    if data is not None and form.is_valid():
        try:
            actions.update_convention(convention, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The convention was updated."))
            return redirect("conventions:detail", pk=convention.pk)
    return render(
        request, "conventions/convention_edit.html", {"form": form, "convention": convention}
    )


@login_required
@require_POST
def amendment_start(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    convention = access.get_convention_for(user, pk)
    require(access.can_manage_convention(user, convention))
    form = AmendmentForm(request.POST)
    if form.is_valid():
        try:
            version = actions.start_amendment(convention, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The amended version was started as a draft."))
            return redirect("conventions:version", pk=version.pk)
    return _render_detail(request, convention, amendment_form=form)


@login_required
@require_POST
def review_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    convention = access.get_convention_for(user, pk)
    require(access.can_manage_convention(user, convention))
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            actions.record_review(convention, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The yearly review was recorded."))
            return redirect("conventions:detail", pk=convention.pk)
    return _render_detail(request, convention, review_form=form)


# --- Versions ---------------------------------------------------------------------------------


def _render_version(
    request: HttpRequest, version: ConventionVersion, *, status: int = 200, **forms
) -> HttpResponse:
    user = request.user
    convention = version.convention
    may_manage = access.can_manage_convention(user, convention)
    matter = version.households_matter() if version.matter_id else None
    context = {
        "version": version,
        "convention": convention,
        "matter": matter,
        "may_manage": may_manage,
        "may_decide": access.can_decide_convention(user, convention),
        "commune": access.commune_of(convention.unit),
        "min_days": rule(ConventionRule.COMMENT_MIN_DAYS),
        "draft_editable": version.status == VersionStatus.DRAFTING
        or (
            version.status == VersionStatus.COMMENTING
            and version.consultation is not None
            and version.consultation.period_over
        ),
        "comment_form": forms.get("comment_form") or CommentPeriodForm(),
        "households_form": forms.get("households_form")
        or HouseholdsForm(methods=actions.allowed_methods()),
        "submit_form": forms.get("submit_form") or SubmitForm(initial={"submitted_on": today()}),
        "recognise_form": forms.get("recognise_form")
        or RecogniseForm(initial={"decided_on": today()}),
        "refuse_form": forms.get("refuse_form") or RefuseForm(initial={"decided_on": today()}),
    }
    return render(request, "conventions/version_detail.html", context, status=status)


@login_required
def version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_version(request, access.get_version_for(request.user, pk))


@login_required
def version_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    version = access.get_version_for(user, pk)
    require(access.can_manage_convention(user, version.convention))
    data = request.POST if request.method == "POST" else None
    form = DraftForm(data, initial={"text": version.text, "changes": version.changes})
    if data is not None and form.is_valid():
        try:
            actions.update_draft(version, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The draft of the convention was saved."))
            return redirect("conventions:version", pk=version.pk)
    return render(request, "conventions/version_edit.html", {"form": form, "version": version})


def _step(
    request: HttpRequest, pk: int, *, form_class, form_name: str, run, done: str, manage=True
):
    """One workflow step from the version page: validate the form, run the action, report."""
    user = request.user
    version = access.get_version_for(user, pk)
    convention = version.convention
    allowed = (
        access.can_manage_convention(user, convention)
        if manage
        else access.can_decide_convention(user, convention)
    )
    require(allowed)
    form = form_class(request.POST) if form_class is not None else None
    if form is None or form.is_valid():
        try:
            run(version, user, form.cleaned_data if form is not None else {})
        except ValidationError as exc:
            if form is None:
                for message in exc.messages:
                    messages.error(request, message)
                return redirect("conventions:version", pk=version.pk)
            apply_validation_error(form, exc)
        else:
            messages.success(request, done)
            return redirect("conventions:version", pk=version.pk)
    version.refresh_from_db()
    return _render_version(request, version, **{form_name: form})


@login_required
@require_POST
def version_comment(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=CommentPeriodForm,
        form_name="comment_form",
        run=lambda v, u, d: actions.put_out_for_comment(v, by=u, **d),
        done=_("The draft is posted for comment."),
    )


class _HouseholdsForm(HouseholdsForm):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, methods=actions.allowed_methods(), **kwargs)


def _put_to_households(version, user, data) -> None:
    fields = {k: v for k, v in data.items() if k != "method" and v not in (None, "")}
    actions.put_to_households(version, by=user, method=data["method"], **fields)


@login_required
@require_POST
def version_households(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=_HouseholdsForm,
        form_name="households_form",
        run=_put_to_households,
        done=_("The draft is put to the households."),
    )


@login_required
@require_POST
def version_result(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=None,
        form_name="",
        run=lambda v, u, d: actions.record_households_decision(v, by=u),
        done=_("The households' decision was recorded."),
    )


@login_required
@require_POST
def version_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=SubmitForm,
        form_name="submit_form",
        run=lambda v, u, d: actions.submit_to_commune(v, by=u, **d),
        done=_("The dossier is recorded as sent to the commune."),
    )


@login_required
@require_POST
def version_recognise(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=RecogniseForm,
        form_name="recognise_form",
        run=lambda v, u, d: actions.recognise_version(v, by=u, **d),
        done=_("The version is recognised and in force."),
        manage=False,
    )


@login_required
@require_POST
def version_refuse(request: HttpRequest, pk: int) -> HttpResponse:
    return _step(
        request,
        pk,
        form_class=RefuseForm,
        form_name="refuse_form",
        run=lambda v, u, d: actions.refuse_version(v, by=u, **d),
        done=_("The refusal and its reasons were recorded."),
        manage=False,
    )
