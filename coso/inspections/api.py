"""JSON API of inspections (mounted under /api/v1/): the same access and action functions as the
pages. Plans and their targets with findings, corrective actions (list by state, report what was
done, accept or send back), self-inspection campaigns with who has reported.
"""

import datetime as dt
from typing import Literal

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from coso.core.dates import today
from coso.units.access import get_unit_for
from coso.units.models import path_within

from . import access, actions
from .models import (
    ActionStatus,
    Assessment,
    CampaignStatus,
    CorrectiveAction,
    InspectionPlan,
    InspectionTarget,
    PlanStatus,
    SelfInspectionCampaign,
    SelfInspectionReport,
)

router = Router(tags=["inspections"])


class PlanOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    committee_id: int
    year: int
    number: str
    title: str
    starts_on: dt.date
    ends_on: dt.date
    status: PlanStatus
    status_label: str = Field(..., alias="get_status_display")
    target_count: int = 0
    concluded_count: int = 0


class TeamMemberOut(Schema):
    id: int
    name: str
    title: str
    user_id: int | None
    is_leader: bool


class TargetOut(Schema):
    id: int
    plan_id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    planned_on: dt.date
    concluded_on: dt.date | None


class PlanDetailOut(PlanOut):
    content: str
    team: list[TeamMemberOut]
    targets: list[TargetOut]

    @staticmethod
    def resolve_targets(plan: InspectionPlan) -> list:
        return plan.visible_targets  # type: ignore[attr-defined]


class FindingOut(Schema):
    id: int
    text: str
    good_points: str
    shortcomings: str
    recorded_on: dt.date


class ActionOut(Schema):
    id: int
    target_id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    inspecting_unit_name: str = Field(..., alias="target.plan.unit.name")
    description: str
    owner_id: int | None
    deadline: dt.date
    status: ActionStatus
    status_label: str = Field(..., alias="get_status_display")
    overdue: bool
    report_note: str
    reported_on: dt.date | None
    review_note: str
    done_on: dt.date | None


class TargetDetailOut(TargetOut):
    plan_title: str = Field(..., alias="plan.title")
    conclusion: str
    findings: list[FindingOut]
    actions: list[ActionOut]


class ReportIn(Schema):
    note: str


class ReviewIn(Schema):
    note: str = ""


class CampaignOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    year: int
    title: str
    unit_kinds: list[str]
    deadline: dt.date
    status: CampaignStatus
    status_label: str = Field(..., alias="get_status_display")


class SelfReportOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    submitted_on: dt.date | None
    assessment: Assessment | None
    late: bool

    @staticmethod
    def resolve_assessment(report: SelfInspectionReport) -> str | None:
        return report.assessment or None

    @staticmethod
    def resolve_late(report: SelfInspectionReport) -> bool:
        return report.is_late()


class CampaignDetailOut(CampaignOut):
    content: str
    total: int
    reported: int
    late: int
    reports: list[SelfReportOut]

    @staticmethod
    def resolve_reports(campaign: SelfInspectionCampaign) -> list:
        return campaign.visible_reports  # type: ignore[attr-defined]


# --- Plans and targets ------------------------------------------------------------------------


@router.get("/inspections/plans/", response=list[PlanOut], summary="Inspection plans you may read")
@paginate(LimitOffsetPagination)
def list_plans(
    request: HttpRequest,
    year: int | None = None,
    status: PlanStatus | None = None,
    q: str = "",
) -> QuerySet[InspectionPlan]:
    items = access.visible_plans(request.user).select_related("unit")
    if year is not None:
        items = items.filter(year=year)
    if status is not None:
        items = items.filter(status=status)
    if q.strip():
        items = items.search(q[:100])
    return items.annotate(
        target_count=Count("targets", distinct=True),
        concluded_count=Count(
            "targets", filter=Q(targets__concluded_on__isnull=False), distinct=True
        ),
    ).order_by("-year", "-starts_on", "-id")


@router.get(
    "/inspections/plans/{plan_id}",
    response=PlanDetailOut,
    summary="A plan with its team and the targets you may read",
)
def get_plan(request: HttpRequest, plan_id: int) -> InspectionPlan:
    user = request.user
    plan = access.get_plan_for(user, plan_id)
    targets = plan.targets.select_related("unit")
    if not access.reads_whole_plan(user, plan):
        targets = targets.filter(access.subtree_q(user, "unit_path", access.INSPECTED))
    rows = list(targets)
    plan.visible_targets = rows  # type: ignore[attr-defined]
    plan.target_count = len(rows)  # type: ignore[attr-defined]
    plan.concluded_count = sum(1 for t in rows if t.is_concluded)  # type: ignore[attr-defined]
    return plan


@router.get(
    "/inspections/targets/{target_id}",
    response=TargetDetailOut,
    summary="An inspected unit with its findings, conclusion and corrective actions",
)
def get_target(request: HttpRequest, target_id: int) -> InspectionTarget:
    return access.get_target_for(request.user, target_id)


# --- Corrective actions --------------------------------------------------------------------------


@router.get(
    "/inspections/corrective-actions/",
    response=list[ActionOut],
    summary="Corrective actions you may read, by state",
)
@paginate(LimitOffsetPagination)
def list_actions(
    request: HttpRequest,
    state: Literal["todo", "overdue", "reported", "done"] | None = None,
    unit_id: int | None = None,
    side: Literal["inspected", "inspecting"] = "inspected",
) -> QuerySet[CorrectiveAction]:
    """`state`: todo (not done, deadline not passed), overdue (not done after the deadline),
    reported (awaiting acceptance), done. `unit_id` with `side`: the actions the unit must carry
    out (inspected), or those required by its inspections and those below it (inspecting)."""
    user = request.user
    on = today()
    items = access.visible_actions(user).select_related("unit", "target__plan__unit")
    if unit_id is not None:
        unit = get_unit_for(user, unit_id)
        if side == "inspecting":
            items = items.filter(path_within("plan_path", unit.path))
        else:
            items = items.filter(unit=unit)
    if state == "todo":
        items = items.not_done().filter(deadline__gte=on)
    elif state == "overdue":
        items = items.overdue(on)
    elif state == "reported":
        items = items.filter(status=ActionStatus.REPORTED)
    elif state == "done":
        items = items.filter(status=ActionStatus.DONE)
    return items.order_by("deadline", "id")


@router.get("/inspections/corrective-actions/{action_id}", response=ActionOut)
def get_action(request: HttpRequest, action_id: int) -> CorrectiveAction:
    return access.get_action_for(request.user, action_id)


@router.post(
    "/inspections/corrective-actions/{action_id}/report",
    response=ActionOut,
    summary="The inspected unit reports what it did (once; again only after it is sent back)",
)
def report_action(request: HttpRequest, action_id: int, payload: ReportIn) -> CorrectiveAction:
    action = access.get_action_for(request.user, action_id)
    return actions.report_action(action, by=request.user, note=payload.note)


@router.post("/inspections/corrective-actions/{action_id}/accept", response=ActionOut)
def accept_action(request: HttpRequest, action_id: int, payload: ReviewIn) -> CorrectiveAction:
    action = access.get_action_for(request.user, action_id)
    return actions.accept_action(action, by=request.user, note=payload.note)


@router.post("/inspections/corrective-actions/{action_id}/return", response=ActionOut)
def return_action(request: HttpRequest, action_id: int, payload: ReviewIn) -> CorrectiveAction:
    action = access.get_action_for(request.user, action_id)
    return actions.return_action(action, by=request.user, note=payload.note)


# --- Self-inspection campaigns --------------------------------------------------------------------


@router.get(
    "/inspections/self-inspections/",
    response=list[CampaignOut],
    summary="Self-inspection campaigns you may read",
)
@paginate(LimitOffsetPagination)
def list_campaigns(
    request: HttpRequest, status: CampaignStatus | None = None
) -> QuerySet[SelfInspectionCampaign]:
    items = access.visible_campaigns(request.user).select_related("unit")
    if status is not None:
        items = items.filter(status=status)
    return items.order_by("-deadline", "-id")


@router.get(
    "/inspections/self-inspections/{campaign_id}",
    response=CampaignDetailOut,
    summary="A campaign with who has reported and who is late",
)
def get_campaign(request: HttpRequest, campaign_id: int) -> SelfInspectionCampaign:
    user = request.user
    campaign = access.get_campaign_for(user, campaign_id)
    reports = campaign.reports.select_related("unit", "campaign")
    if not access.reads_whole_campaign(user, campaign):
        reports = reports.filter(access.subtree_q(user, "unit_path", access.INSPECTED))
    rows = list(reports.order_by("unit_path", "id"))
    campaign.visible_reports = rows  # type: ignore[attr-defined]
    campaign.total = len(rows)  # type: ignore[attr-defined]
    campaign.reported = sum(1 for r in rows if r.is_submitted)  # type: ignore[attr-defined]
    campaign.late = sum(1 for r in rows if not r.is_submitted and r.is_late())  # type: ignore[attr-defined]
    return campaign
