"""Pages of inspections: checked fetch → access → form → action → render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coso.core.dates import today
from coso.core.forms import apply_validation_error, flash_validation_error
from coso.core.pages import paginate, querystring_base, require
from coso.units.access import get_unit_for
from coso.units.models import path_within

from . import access, actions
from .forms import (
    ActionFilterForm,
    ActionForm,
    ActionFormSet,
    CampaignFilterForm,
    CampaignForm,
    ConclusionForm,
    FindingForm,
    PlanCreateForm,
    PlanFilterForm,
    PlanForm,
    ReportActionForm,
    ReviewForm,
    SelfReportForm,
    TargetForm,
    TeamMemberForm,
)
from .models import (
    ActionStatus,
    CampaignStatus,
    InspectionPlan,
    InspectionTarget,
    PlanStatus,
    SelfInspectionCampaign,
)

PLAN_FIELDS = ("year", "number", "title", "content", "starts_on", "ends_on")
REPORTS_PER_PAGE = 50


def _apply(request: HttpRequest, form, exc: ValidationError) -> None:
    """Field errors go to the form; a refusal of the whole step (reporting twice) is a message,
    since the form is no longer shown."""
    if hasattr(exc, "error_dict"):
        apply_validation_error(form, exc)
    else:
        form.add_error(None, exc.messages)
        flash_validation_error(request, exc)


def _serve(field_file, name: str) -> FileResponse:
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(
        handle, as_attachment=True, filename=name or field_file.name.rsplit("/")[-1]
    )


# --- Plans ------------------------------------------------------------------------------------


@login_required
def plan_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = PlanFilterForm(request.GET or None)
    items = access.visible_plans(user).select_related("unit")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            items = items.search(data["q"])
        if data["year"]:
            items = items.filter(year=data["year"])
        if data["status"]:
            items = items.filter(status=data["status"])
    items = items.annotate(
        target_count=Count("targets", distinct=True),
        concluded_count=Count(
            "targets", filter=Q(targets__concluded_on__isnull=False), distinct=True
        ),
    ).order_by("-year", "-starts_on", "-id")
    context = {
        "form": form,
        "page_obj": paginate(request, items),
        "querystring_base": querystring_base(request),
        "may_create": access.steering_committees(user).exists(),
    }
    return render(request, "inspections/plan_list.html", context)


@login_required
def plan_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    committees = access.steering_committees(user)
    require(committees.exists())
    data = request.POST if request.method == "POST" else None
    form = PlanCreateForm(data, committees=committees, initial={"year": today().year})
    if data is not None and form.is_valid():
        cleaned = form.cleaned_data
        try:
            plan = actions.create_plan(
                by=user, committee=cleaned["committee"], **{k: cleaned[k] for k in PLAN_FIELDS}
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The plan was saved as a draft. Add the team and units."))
            return redirect("inspections:detail", pk=plan.pk)
    return render(request, "inspections/plan_form.html", {"form": form, "plan": None})


@login_required
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    plan = access.get_plan_for(user, pk)
    require(access.can_manage_plan(user, plan))
    data = request.POST if request.method == "POST" else None
    form = PlanForm(data, initial={k: getattr(plan, k) for k in PLAN_FIELDS})
    if data is not None and form.is_valid():
        try:
            actions.update_plan(plan, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The plan was updated."))
            return redirect("inspections:detail", pk=plan.pk)
    return render(request, "inspections/plan_form.html", {"form": form, "plan": plan})


def _render_plan(
    request: HttpRequest,
    plan: InspectionPlan,
    *,
    member_form: TeamMemberForm | None = None,
    target_form: TargetForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    whole = access.reads_whole_plan(user, plan)
    targets = plan.targets.select_related("unit").annotate(
        finding_count=Count("findings", distinct=True),
        action_count=Count("actions", distinct=True),
        open_count=Count("actions", filter=~Q(actions__status=ActionStatus.DONE), distinct=True),
    )
    if not whole:
        targets = targets.filter(access.subtree_q(user, "unit_path", access.INSPECTED))
    targets = list(targets.order_by("planned_on", "id"))
    may_manage = access.can_manage_plan(user, plan)
    preparing = plan.status in actions.PREPARING
    context = {
        "plan": plan,
        "whole": whole,
        "targets": targets,
        "team": list(plan.team.select_related("user")),
        "may_manage": may_manage,
        "preparing": preparing,
        "concluded_count": sum(1 for t in targets if t.is_concluded),
        "member_form": member_form or TeamMemberForm(plan=plan, prefix="member"),
        "target_form": target_form or TargetForm(plan=plan, prefix="target"),
    }
    return render(request, "inspections/plan_detail.html", context, status=status)


@login_required
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_plan(request, access.get_plan_for(request.user, pk))


@login_required
@require_POST
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    plan = access.get_plan_for(user, pk)
    require(access.can_manage_plan(user, plan))
    form = TeamMemberForm(request.POST, plan=plan, prefix="member")
    if form.is_valid():
        try:
            actions.add_team_member(plan, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The member was added to the team."))
            return redirect("inspections:detail", pk=plan.pk)
    return _render_plan(request, plan, member_form=form, status=400)


@login_required
@require_POST
def member_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    member = access.get_team_member_for(user, pk)
    require(access.can_manage_plan(user, member.plan))
    try:
        actions.remove_team_member(member, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, _("The member was removed from the team."))
    return redirect("inspections:detail", pk=member.plan_id)


@login_required
@require_POST
def target_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    plan = access.get_plan_for(user, pk)
    require(access.can_manage_plan(user, plan))
    form = TargetForm(request.POST, plan=plan, prefix="target")
    if form.is_valid():
        try:
            actions.add_target(plan, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The unit was added to the plan."))
            return redirect("inspections:detail", pk=plan.pk)
    return _render_plan(request, plan, target_form=form, status=400)


@login_required
@require_POST
def target_remove(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    target = access.get_target_for(user, pk)
    require(access.can_manage_plan(user, target.plan))
    try:
        actions.remove_target(target, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, _("The unit was removed from the plan."))
    return redirect("inspections:detail", pk=target.plan_id)


def _transition(request: HttpRequest, pk: int, action, done: str) -> HttpResponse:
    user = request.user
    plan = access.get_plan_for(user, pk)
    require(access.can_manage_plan(user, plan))
    try:
        action(plan, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, done)
    return redirect("inspections:detail", pk=plan.pk)


@login_required
@require_POST
def plan_issue(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, actions.issue_plan, _("The plan was issued."))


@login_required
@require_POST
def plan_start(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(
        request, pk, actions.start_plan, _("The inspection started: findings may be recorded.")
    )


@login_required
@require_POST
def plan_conclude(request: HttpRequest, pk: int) -> HttpResponse:
    return _transition(request, pk, actions.conclude_plan, _("The inspection was concluded."))


# --- Targets, findings, conclusions -------------------------------------------------------------


def _render_target(
    request: HttpRequest,
    target: InspectionTarget,
    *,
    finding_form: FindingForm | None = None,
    conclusion_form: ConclusionForm | None = None,
    action_formset=None,
    action_form: ActionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    plan = target.plan
    in_progress = plan.status == PlanStatus.IN_PROGRESS
    findings = list(target.findings.select_related("recorded_by"))
    may_record = in_progress and not target.is_concluded and access.can_record_finding(user, target)
    may_conclude = (
        in_progress
        and not target.is_concluded
        and bool(findings)
        and access.can_conclude_target(user, target)
    )
    may_add_action = (
        target.is_concluded
        and plan.status in (PlanStatus.IN_PROGRESS, PlanStatus.CONCLUDED)
        and access.can_conclude_target(user, target)
    )
    context = {
        "target": target,
        "plan": plan,
        "findings": findings,
        "actions": list(target.actions.select_related("owner")),
        "today": today(),
        "may_record": may_record,
        "may_conclude": may_conclude,
        "may_add_action": may_add_action,
        "finding_form": finding_form or FindingForm(prefix="finding"),
        "conclusion_form": conclusion_form
        or ConclusionForm(prefix="conclusion", initial={"concluded_on": today()}),
        "action_formset": action_formset or ActionFormSet(prefix="actions", target=target),
        "action_form": action_form or ActionForm(prefix="action", target=target),
    }
    return render(request, "inspections/target_detail.html", context, status=status)


@login_required
def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_target(request, access.get_target_for(request.user, pk))


@login_required
@require_POST
def finding_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    target = access.get_target_for(user, pk)
    require(access.can_record_finding(user, target))
    form = FindingForm(request.POST, prefix="finding")
    if form.is_valid():
        try:
            actions.record_finding(target, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The findings were recorded."))
            return redirect("inspections:target", pk=target.pk)
    return _render_target(request, target, finding_form=form, status=400)


@login_required
def finding_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    finding = access.get_finding_for(user, pk)
    target = finding.target
    require(access.can_record_finding(user, target))
    initial = {k: getattr(finding, k) for k in ("text", "good_points", "shortcomings")}
    data = request.POST if request.method == "POST" else None
    form = FindingForm(data, initial=initial)
    if data is not None and form.is_valid():
        try:
            actions.update_finding(finding, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The findings were updated."))
            return redirect("inspections:target", pk=target.pk)
    return render(
        request,
        "inspections/finding_form.html",
        {"form": form, "finding": finding, "target": target},
    )


@login_required
@require_POST
def target_conclude(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    target = access.get_target_for(user, pk)
    require(access.can_conclude_target(user, target))
    form = ConclusionForm(request.POST, prefix="conclusion")
    formset = ActionFormSet(request.POST, prefix="actions", target=target)
    if form.is_valid() and formset.is_valid():
        specs = [
            actions.ActionSpec(row["description"], row["deadline"], row.get("owner"))
            for row in formset.cleaned_data
            if row and row.get("description")
        ]
        try:
            actions.conclude_target(
                target,
                by=user,
                conclusion=form.cleaned_data["conclusion"],
                concluded_on=form.cleaned_data["concluded_on"],
                actions=specs,
            )
        except ValidationError as exc:
            _apply_to_conclusion(form, formset, exc)
        else:
            messages.success(request, _("The conclusion was recorded."))
            return redirect("inspections:target", pk=target.pk)
    return _render_target(request, target, conclusion_form=form, action_formset=formset, status=400)


def _apply_to_conclusion(form: ConclusionForm, formset, exc: ValidationError) -> None:
    """Errors about an action go to the action rows; the others to the conclusion form."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            if field in ("description", "deadline", "owner"):
                for row in formset.forms:
                    if row.has_changed():
                        row.add_error(field, errors)
                        break
            else:
                form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
@require_POST
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    target = access.get_target_for(user, pk)
    require(access.can_conclude_target(user, target))
    form = ActionForm(request.POST, prefix="action", target=target)
    if form.is_valid():
        try:
            actions.add_corrective_action(target, by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("The corrective action was added."))
            return redirect("inspections:target", pk=target.pk)
    return _render_target(request, target, action_form=form, status=400)


# --- Corrective actions -------------------------------------------------------------------------


@login_required
def action_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = ActionFilterForm(request.GET or None)
    items = access.visible_actions(user).select_related("unit", "owner", "target__plan__unit")
    unit = None
    side = "inspected"
    on = today()
    if form.is_valid():
        data = form.cleaned_data
        if data["unit"]:
            unit = get_unit_for(user, data["unit"])
            side = data["side"] or "inspected"
            if side == "inspecting":
                items = items.filter(path_within("plan_path", unit.path))
            else:
                items = items.filter(unit=unit)
        state = data["state"]
        if state == "todo":
            items = items.not_done().filter(deadline__gte=on)
        elif state == "overdue":
            items = items.overdue(on)
        elif state == "reported":
            items = items.filter(status=ActionStatus.REPORTED)
        elif state == "done":
            items = items.filter(status=ActionStatus.DONE)
    counts = items.aggregate(
        total=Count("id"),
        overdue=Count("id", filter=~Q(status=ActionStatus.DONE) & Q(deadline__lt=on)),
        done=Count("id", filter=Q(status=ActionStatus.DONE)),
    )
    context = {
        "form": form,
        "unit": unit,
        "side": side,
        "counts": counts,
        "today": on,
        "page_obj": paginate(request, items.order_by("status", "deadline", "id")),
        "querystring_base": querystring_base(request),
    }
    return render(request, "inspections/action_list.html", context)


def _render_action(
    request: HttpRequest,
    action,
    *,
    report_form: ReportActionForm | None = None,
    review_form: ReviewForm | None = None,
    status: int = 200,
) -> HttpResponse:
    user = request.user
    context = {
        "action": action,
        "target": action.target,
        "may_view_target": access.can_view_target(user, action.target),
        "may_report": action.status == ActionStatus.OPEN and access.can_report_action(user, action),
        "may_review": action.status == ActionStatus.REPORTED
        and access.can_review_action(user, action),
        "report_form": report_form or ReportActionForm(),
        "review_form": review_form or ReviewForm(),
        "today": today(),
    }
    return render(request, "inspections/action_detail.html", context, status=status)


@login_required
def action_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_action(request, access.get_action_for(request.user, pk))


@login_required
@require_POST
def action_report(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    action = access.get_action_for(user, pk)
    require(access.can_report_action(user, action))
    form = ReportActionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            actions.report_action(
                action, by=user, note=form.cleaned_data["note"], file=form.cleaned_data["file"]
            )
        except ValidationError as exc:
            _apply(request, form, exc)
        else:
            messages.success(request, _("The report was sent to the inspecting unit."))
            return redirect("inspections:action", pk=action.pk)
    return _render_action(request, action, report_form=form, status=400)


def _review(request: HttpRequest, pk: int, accept: bool) -> HttpResponse:
    user = request.user
    action = access.get_action_for(user, pk)
    require(access.can_review_action(user, action))
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            if accept:
                actions.accept_action(action, by=user, note=form.cleaned_data["note"])
            else:
                actions.return_action(action, by=user, note=form.cleaned_data["note"])
        except ValidationError as exc:
            _apply(request, form, exc)
        else:
            if accept:
                messages.success(request, _("The corrective action was accepted as done."))
            else:
                messages.success(request, _("The report was sent back to the unit."))
            return redirect("inspections:action", pk=action.pk)
    return _render_action(request, action, review_form=form, status=400)


@login_required
@require_POST
def action_accept(request: HttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, accept=True)


@login_required
@require_POST
def action_return(request: HttpRequest, pk: int) -> HttpResponse:
    return _review(request, pk, accept=False)


@login_required
def action_file(request: HttpRequest, pk: int) -> FileResponse:
    action = access.get_action_for(request.user, pk)
    return _serve(action.report_file, action.report_file_name)


# --- Self-inspection campaigns ---------------------------------------------------------------------


@login_required
def campaign_list(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = CampaignFilterForm(request.GET or None)
    items = access.visible_campaigns(user).select_related("unit")
    if form.is_valid():
        if form.cleaned_data["year"]:
            items = items.filter(year=form.cleaned_data["year"])
        if form.cleaned_data["status"]:
            items = items.filter(status=form.cleaned_data["status"])
    items = items.annotate(
        report_count=Count("reports"),
        submitted_count=Count("reports", filter=Q(reports__submitted_on__isnull=False)),
    ).order_by("-deadline", "-id")
    context = {
        "form": form,
        "page_obj": paginate(request, items),
        "querystring_base": querystring_base(request),
        "may_create": access.steering_committees(user).exists(),
        "today": today(),
    }
    return render(request, "inspections/campaign_list.html", context)


@login_required
def campaign_create(request: HttpRequest) -> HttpResponse:
    user = request.user
    committees = access.steering_committees(user)
    require(committees.exists())
    data = request.POST if request.method == "POST" else None
    form = CampaignForm(data, committees=committees, initial={"year": today().year})
    if data is not None and form.is_valid():
        try:
            campaign = actions.create_campaign(by=user, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request, _("The self-inspection was saved as a draft. Check it, then order it.")
            )
            return redirect("inspections:campaign", pk=campaign.pk)
    return render(request, "inspections/campaign_form.html", {"form": form})


CAMPAIGN_FILTERS = ("reported", "pending", "late")


def campaign_completeness(campaign: SelfInspectionCampaign, reports) -> dict:
    """Who has reported, who has not, who is late: one aggregate query."""
    on = today()
    late_q = Q(submitted_on__isnull=True) if on > campaign.deadline else Q(pk__in=[])
    counts = reports.aggregate(
        total=Count("id"),
        reported=Count("id", filter=Q(submitted_on__isnull=False)),
        late=Count("id", filter=late_q),
        reported_late=Count("id", filter=Q(submitted_on__gt=campaign.deadline)),
    )
    counts["pending"] = counts["total"] - counts["reported"]
    counts["percent"] = round(counts["reported"] * 100 / counts["total"]) if counts["total"] else 0
    return counts


@login_required
def campaign_detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    campaign = access.get_campaign_for(user, pk)
    reports = campaign.reports.all()
    if not access.reads_whole_campaign(user, campaign):
        reports = reports.filter(access.subtree_q(user, "unit_path", access.INSPECTED))
    counts = campaign_completeness(campaign, reports)
    shown = request.GET.get("loc", "")
    if shown == "reported":
        reports = reports.filter(submitted_on__isnull=False)
    elif shown == "pending":
        reports = reports.filter(submitted_on__isnull=True)
    elif shown == "late":
        reports = (
            reports.filter(submitted_on__isnull=True)
            if today() > campaign.deadline
            else (reports.none())
        )
    else:
        shown = ""
    context = {
        "campaign": campaign,
        "counts": counts,
        "shown": shown,
        "today": today(),
        "may_manage": access.can_manage_campaign(user, campaign),
        "page_obj": paginate(
            request, reports.select_related("unit").order_by("unit_path", "id"), REPORTS_PER_PAGE
        ),
        "querystring_base": querystring_base(request),
    }
    return render(request, "inspections/campaign_detail.html", context)


def _campaign_transition(request: HttpRequest, pk: int, action, done: str) -> HttpResponse:
    user = request.user
    campaign = access.get_campaign_for(user, pk)
    require(access.can_manage_campaign(user, campaign))
    try:
        action(campaign, by=user)
    except ValidationError as exc:
        flash_validation_error(request, exc)
    else:
        messages.success(request, done)
    return redirect("inspections:campaign", pk=campaign.pk)


@login_required
@require_POST
def campaign_open(request: HttpRequest, pk: int) -> HttpResponse:
    return _campaign_transition(
        request, pk, actions.open_campaign, _("The self-inspection was ordered.")
    )


@login_required
@require_POST
def campaign_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _campaign_transition(
        request, pk, actions.close_campaign, _("The self-inspection was closed.")
    )


@login_required
def self_report(request: HttpRequest, pk: int) -> HttpResponse:
    user = request.user
    report = access.get_self_report_for(user, pk)
    campaign = report.campaign
    may_submit = (
        campaign.status == CampaignStatus.OPEN
        and not report.is_submitted
        and access.can_submit_self_report(user, report)
    )
    form = SelfReportForm()
    status = 200
    if request.method == "POST":
        require(access.can_submit_self_report(user, report))
        form = SelfReportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                actions.submit_self_inspection(report, by=user, **form.cleaned_data)
            except ValidationError as exc:
                _apply(request, form, exc)
            else:
                messages.success(request, _("The self-inspection result was sent."))
                return redirect("inspections:self_report", pk=report.pk)
        status = 400
    context = {
        "report": report,
        "campaign": campaign,
        "form": form,
        "may_submit": may_submit,
        "today": today(),
    }
    return render(request, "inspections/self_report.html", context, status=status)


@login_required
def self_report_file(request: HttpRequest, pk: int) -> FileResponse:
    report = access.get_self_report_for(request.user, pk)
    return _serve(report.file, report.file_name)
