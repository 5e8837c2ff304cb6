"""Pages of campaigns and nominations: checked fetch → access → form → action → render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.forms import apply_validation_error, flash_validation_error
from coso.core.pages import paginate, querystring_base, require, row_id
from coso.units.access import get_unit_for

from . import access, actions
from .forms import (
    CampaignFilterForm,
    CampaignForm,
    DecisionForm,
    EvidenceForm,
    NominationFilterForm,
    NominationForm,
    ScoreForm,
)
from .models import CampaignStatus, Nomination
from .scoring import assessment_of, campaign_progress

# --- Campaigns --------------------------------------------------------------------------------


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = CampaignFilterForm(request.GET or None)
    campaigns = access.visible_campaigns(user).select_related("unit")
    if form.is_valid():
        if form.cleaned_data["q"]:
            campaigns = campaigns.search(form.cleaned_data["q"])
        if form.cleaned_data["status"]:
            campaigns = campaigns.filter(status=form.cleaned_data["status"])
    context = {
        "form": form,
        "page_obj": paginate(request, campaigns.order_by("-starts_on", "-id")),
        "querystring_base": querystring_base(request),
        "may_create": bool(access.campaign_paths(user)),
        "may_nominate": bool(access.nominating_paths(user)),
    }
    return render(request, "recognition/campaign_list.html", context)


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    paths = access.campaign_paths(user)
    require(bool(paths))
    unit = get_unit_for(user, request.GET["unit"]) if request.GET.get("unit") else None
    data = request.POST if request.method == "POST" else None
    form = CampaignForm(data, paths=paths, unit=unit)
    if data is not None and form.is_valid():
        try:
            campaign = actions.create_campaign(by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("The campaign was saved as a draft. Open it to collect nominations.")
            )
            return redirect("recognition:campaign", pk=campaign.pk)
    return render(request, "recognition/campaign_form.html", {"form": form})


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    campaign = access.get_campaign_for(user, pk)
    nominations = (
        access.visible_nominations(user)
        .filter(campaign=campaign)
        .select_related("unit")
        .order_by("unit__path", "id")
    )
    context = {
        "campaign": campaign,
        "criteria": list(campaign.criteria.all()),
        "nominations": list(nominations),
        "may_manage": access.can_manage_campaign(user, campaign),
        "may_nominate": campaign.status == CampaignStatus.OPEN
        and any(p.startswith(campaign.unit_path) for p in access.nominating_paths(user)),
    }
    return render(request, "recognition/campaign_detail.html", context)


@login_required
def campaign_progress_page(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    campaign = access.get_campaign_for(user, pk)
    require(access.can_view_progress(user, campaign))
    return render(
        request,
        "recognition/campaign_progress.html",
        {"campaign": campaign, "progress": campaign_progress(campaign)},
    )


def _campaign_step(request: HttpRequest, pk: int, step) -> HttpResponse:
    campaign = access.get_campaign_for(request.user, pk)
    require(access.can_manage_campaign(request.user, campaign))
    try:
        step(campaign, by=request.user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    return redirect("recognition:campaign", pk=campaign.pk)


@login_required
@require_POST
def campaign_open(request: HttpRequest, pk: int) -> HttpResponse:
    return _campaign_step(request, pk, actions.open_campaign)


@login_required
@require_POST
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _campaign_step(request, pk, actions.close_campaign)


# --- Nominations ------------------------------------------------------------------------------


@login_required
def nomination_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = NominationFilterForm(request.GET or None)
    nominations = access.visible_nominations(user).select_related("unit", "campaign")
    if form.is_valid():
        if form.cleaned_data["q"]:
            nominations = nominations.search(form.cleaned_data["q"])
        if form.cleaned_data["status"]:
            nominations = nominations.filter(status=form.cleaned_data["status"])
    context = {
        "form": form,
        "page_obj": paginate(request, nominations.order_by("-submitted_on", "-id")),
        "querystring_base": querystring_base(request),
        "may_nominate": bool(access.nominating_paths(user)),
    }
    return render(request, "recognition/nomination_list.html", context)


@login_required
def nomination_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    paths = access.nominating_paths(user)
    require(bool(paths))
    initial = {}
    raw = request.GET.get("campaign")
    if raw:
        if row_id(raw) is None:
            raise Http404
        initial["campaign"] = access.get_campaign_for(user, raw).pk
    data = request.POST if request.method == "POST" else None
    form = NominationForm(
        data, initial=initial, paths=paths, campaigns=access.visible_campaigns(user)
    )
    if data is not None and form.is_valid():
        try:
            nomination = actions.submit_nomination(by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The nomination was sent. Attach its evidence."))
            return redirect("recognition:nomination", pk=nomination.pk)
    return render(request, "recognition/nomination_form.html", {"form": form})


def _render_nomination(
    request: HttpRequest,
    nomination: Nomination,
    *,
    evidence_form: EvidenceForm | None = None,
    score_form: ScoreForm | None = None,
    decision_form: DecisionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    assessment = assessment_of(nomination)
    may_assess = access.can_assess(user, nomination)
    if may_assess and score_form is None:
        mine = next((a.points for a in assessment.assessors if a.assessor.pk == user.pk), {})
        score_form = ScoreForm(criteria=assessment.criteria, initial_points=mine)
    may_decide = access.can_decide(user, nomination)
    may_add = access.can_add_evidence(user, nomination)
    context = {
        "nomination": nomination,
        "assessment": assessment,
        "evidence": list(nomination.evidence.all()),
        "may_assess": may_assess,
        "may_decide": may_decide,
        "may_add_evidence": may_add,
        "score_form": score_form,
        "decision_form": decision_form or (DecisionForm() if may_decide else None),
        "evidence_form": evidence_form or (EvidenceForm() if may_add else None),
    }
    return render(request, "recognition/nomination_detail.html", context, status=status)


@login_required
def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_nomination(request, access.get_nomination_for(request.user, pk))


@login_required
@require_POST
def evidence_add(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = access.get_nomination_for(request.user, pk)
    require(access.can_add_evidence(request.user, nomination))
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.add_evidence(nomination, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The file was attached."))
            return redirect("recognition:nomination", pk=nomination.pk)
    return _render_nomination(request, nomination, evidence_form=form, status=400)


@login_required
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    item = access.get_evidence_for(request.user, pk)
    try:
        handle = item.file.open("rb")
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1])


@login_required
@require_POST
def nomination_score(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = access.get_nomination_for(request.user, pk)
    require(access.can_assess(request.user, nomination))
    criteria = list(nomination.campaign.criteria.all())
    form = ScoreForm(request.POST, criteria=criteria, initial_points={})
    if form.is_valid():
        try:
            actions.score_nomination(nomination, by=request.user, points=form.points())
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Your scores were saved."))
            return redirect("recognition:nomination", pk=nomination.pk)
    return _render_nomination(request, nomination, score_form=form, status=400)


@login_required
@require_POST
def nomination_decide(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = access.get_nomination_for(request.user, pk)
    require(access.can_decide(request.user, nomination))
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            actions.decide_nomination(nomination, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The decision was recorded."))
            return redirect("recognition:nomination", pk=nomination.pk)
    return _render_nomination(request, nomination, decision_form=form, status=400)
