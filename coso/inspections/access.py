"""Who may see and change inspections. Built on the one policy in coso.units.access.

- Steering officers (STEERING) of the inspecting unit create and manage plans and campaigns,
  conclude targets and accept or send back corrective actions.
- Team members linked to an account record findings; the team leader may also conclude.
- Readers of the inspecting unit (steering officers, committee members, unit officers) read
  everything of its plans and campaigns.
- Officers of an inspected unit (unit officers, and steering officers above it) see its
  targets once the plan is issued (findings, conclusion). Only officers whose role sits below
  the inspecting unit report on its corrective actions and send its self-inspection results:
  who inspects does not answer for the inspected.
- Staff and people without a role see nothing.

Checked fetches answer 404 whether the record is missing or not the user's.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import STEERING, grants_for, has_role_over, paths_for, subtree_q
from coso.units.models import Role, SteeringCommittee, Unit, User

from .models import (
    CampaignStatus,
    CorrectiveAction,
    Finding,
    InspectionPlan,
    InspectionTarget,
    PlanStatus,
    SelfInspectionCampaign,
    SelfInspectionReport,
    TeamMember,
)

# Who reads everything the inspecting unit does.
READERS = (Role.ADMIN, Role.STEERING_OFFICER, Role.COMMITTEE_MEMBER, Role.UNIT_OFFICER)
# Who answers for an inspected unit: sees its findings, reports on its corrective actions.
INSPECTED = (Role.ADMIN, Role.STEERING_OFFICER, Role.UNIT_OFFICER)


def _signed_in(user: User) -> bool:
    return bool(user and user.is_authenticated)


def answers_for(user: User, unit: Unit, inspecting_path: str) -> bool:
    """The user is an officer of `unit` (or of a unit between it and the inspecting one), not
    of the inspecting side: who inspects does not report to itself."""
    return any(
        unit.path.startswith(g.path) and len(g.path) > len(inspecting_path)
        for g in grants_for(user)
        if g.role in INSPECTED
    )


def _team_plan_ids(user: User):
    return TeamMember.objects.filter(user_id=user.pk).values("plan_id")


def is_team_member(user: User, plan: InspectionPlan) -> bool:
    if not _signed_in(user):
        return False
    return TeamMember.objects.filter(plan_id=plan.pk, user_id=user.pk).exists()


def is_team_leader(user: User, plan: InspectionPlan) -> bool:
    if not _signed_in(user):
        return False
    return TeamMember.objects.filter(plan_id=plan.pk, user_id=user.pk, is_leader=True).exists()


# --- Plans --------------------------------------------------------------------------------------


def steering_committees(user: User) -> QuerySet[SteeringCommittee]:
    """Active committees of open units where the user may create plans and campaigns."""
    return (
        SteeringCommittee.objects.filter(
            subtree_q(user, "unit__path", STEERING),
            dissolved_on__isnull=True,
            unit__closed_on__isnull=True,
        )
        .select_related("unit")
        .order_by("unit__path", "id")
    )


def can_create_plan(user: User, committee: SteeringCommittee) -> bool:
    return (
        _signed_in(user)
        and committee.dissolved_on is None
        and not committee.unit.is_closed
        and has_role_over(user, committee.unit, STEERING)
    )


def can_manage_plan(user: User, plan: InspectionPlan) -> bool:
    """Edit, set the team and targets, issue, start, conclude; accept corrective actions."""
    return _signed_in(user) and has_role_over(user, plan.unit, STEERING)


def reads_whole_plan(user: User, plan: InspectionPlan) -> bool:
    if not _signed_in(user):
        return False
    return has_role_over(user, plan.unit, READERS) or is_team_member(user, plan)


def inspected_paths(user: User) -> list[str]:
    return paths_for(user, INSPECTED)


def can_view_plan(user: User, plan: InspectionPlan) -> bool:
    if reads_whole_plan(user, plan):
        return True
    if plan.status == PlanStatus.DRAFT:
        return False
    return plan.targets.filter(subtree_q(user, "unit_path", INSPECTED)).exists()


def visible_plans(user: User) -> QuerySet[InspectionPlan]:
    if not _signed_in(user):
        return InspectionPlan.objects.none()
    inspected_plans = InspectionTarget.objects.filter(
        subtree_q(user, "unit_path", INSPECTED)
    ).values("plan_id")
    return InspectionPlan.objects.filter(
        subtree_q(user, "unit_path", READERS)
        | Q(pk__in=_team_plan_ids(user))
        | (Q(pk__in=inspected_plans) & ~Q(status=PlanStatus.DRAFT))
    )


def get_plan_for(user: User, pk: int | str) -> InspectionPlan:
    plan = InspectionPlan.objects.select_related("unit", "committee").filter(pk=row_id(pk)).first()
    if plan is None or not can_view_plan(user, plan):
        raise Http404
    return plan


def get_team_member_for(user: User, pk: int | str) -> TeamMember:
    member = TeamMember.objects.select_related("plan__unit").filter(pk=row_id(pk)).first()
    if member is None or not reads_whole_plan(user, member.plan):
        raise Http404
    return member


# --- Targets and findings -------------------------------------------------------------------------


def can_view_target(user: User, target: InspectionTarget) -> bool:
    if not _signed_in(user):
        return False
    if reads_whole_plan(user, target.plan):
        return True
    return target.plan.status != PlanStatus.DRAFT and has_role_over(user, target.unit, INSPECTED)


def visible_targets(user: User) -> QuerySet[InspectionTarget]:
    if not _signed_in(user):
        return InspectionTarget.objects.none()
    return InspectionTarget.objects.filter(
        subtree_q(user, "plan_path", READERS)
        | Q(plan_id__in=_team_plan_ids(user))
        | (subtree_q(user, "unit_path", INSPECTED) & ~Q(plan__status=PlanStatus.DRAFT))
    )


def get_target_for(user: User, pk: int | str) -> InspectionTarget:
    target = (
        InspectionTarget.objects.select_related("plan__unit", "plan__committee", "unit")
        .filter(pk=row_id(pk))
        .first()
    )
    if target is None or not can_view_target(user, target):
        raise Http404
    return target


def can_record_finding(user: User, target: InspectionTarget) -> bool:
    """Team members with a linked account, and the inspecting unit's steering officers."""
    return can_manage_plan(user, target.plan) or is_team_member(user, target.plan)


def can_conclude_target(user: User, target: InspectionTarget) -> bool:
    """The inspecting unit's steering officers, and the team leader."""
    return can_manage_plan(user, target.plan) or is_team_leader(user, target.plan)


def visible_findings(user: User) -> QuerySet[Finding]:
    if not _signed_in(user):
        return Finding.objects.none()
    return Finding.objects.filter(
        subtree_q(user, "plan_path", READERS)
        | Q(target__plan_id__in=_team_plan_ids(user))
        | (subtree_q(user, "unit_path", INSPECTED) & ~Q(target__plan__status=PlanStatus.DRAFT))
    )


def get_finding_for(user: User, pk: int | str) -> Finding:
    finding = (
        Finding.objects.select_related("target__plan__unit", "target__unit")
        .filter(pk=row_id(pk))
        .first()
    )
    if finding is None or not can_view_target(user, finding.target):
        raise Http404
    return finding


# --- Corrective actions ---------------------------------------------------------------------------


def visible_actions(user: User) -> QuerySet[CorrectiveAction]:
    if not _signed_in(user):
        return CorrectiveAction.objects.none()
    return CorrectiveAction.objects.filter(
        subtree_q(user, "plan_path", READERS)
        | Q(target__plan_id__in=_team_plan_ids(user))
        | subtree_q(user, "unit_path", INSPECTED)
        | Q(owner_id=user.pk)
    )


def can_view_action(user: User, action: CorrectiveAction) -> bool:
    if not _signed_in(user):
        return False
    return action.owner_id == user.pk or can_view_target(user, action.target)


def can_report_action(user: User, action: CorrectiveAction) -> bool:
    """The inspected unit's officers, and the person named responsible."""
    if not _signed_in(user):
        return False
    return action.owner_id == user.pk or answers_for(user, action.unit, action.plan_path)


def can_review_action(user: User, action: CorrectiveAction) -> bool:
    """Accept as done or send back: the inspecting unit's steering officers."""
    return can_manage_plan(user, action.target.plan)


def get_action_for(user: User, pk: int | str) -> CorrectiveAction:
    action = (
        CorrectiveAction.objects.select_related(
            "target__plan__unit", "target__unit", "unit", "owner"
        )
        .filter(pk=row_id(pk))
        .first()
    )
    if action is None or not can_view_action(user, action):
        raise Http404
    return action


# --- Self-inspection campaigns ----------------------------------------------------------------------


def can_manage_campaign(user: User, campaign: SelfInspectionCampaign) -> bool:
    return _signed_in(user) and has_role_over(user, campaign.unit, STEERING)


def reads_whole_campaign(user: User, campaign: SelfInspectionCampaign) -> bool:
    return _signed_in(user) and has_role_over(user, campaign.unit, READERS)


def can_view_campaign(user: User, campaign: SelfInspectionCampaign) -> bool:
    if reads_whole_campaign(user, campaign):
        return True
    if not _signed_in(user) or campaign.status == CampaignStatus.DRAFT:
        return False
    return campaign.reports.filter(subtree_q(user, "unit_path", INSPECTED)).exists()


def visible_campaigns(user: User) -> QuerySet[SelfInspectionCampaign]:
    if not _signed_in(user):
        return SelfInspectionCampaign.objects.none()
    mine = SelfInspectionReport.objects.filter(subtree_q(user, "unit_path", INSPECTED)).values(
        "campaign_id"
    )
    return SelfInspectionCampaign.objects.filter(
        subtree_q(user, "unit_path", READERS) | (Q(pk__in=mine) & ~Q(status=CampaignStatus.DRAFT))
    )


def get_campaign_for(user: User, pk: int | str) -> SelfInspectionCampaign:
    campaign = (
        SelfInspectionCampaign.objects.select_related("unit", "committee")
        .filter(pk=row_id(pk))
        .first()
    )
    if campaign is None or not can_view_campaign(user, campaign):
        raise Http404
    return campaign


def can_submit_self_report(user: User, report: SelfInspectionReport) -> bool:
    """The unit's own officers (not the ordering unit's)."""
    return _signed_in(user) and answers_for(user, report.unit, report.campaign.unit_path)


def can_view_self_report(user: User, report: SelfInspectionReport) -> bool:
    if reads_whole_campaign(user, report.campaign):
        return True
    if not _signed_in(user) or report.campaign.status == CampaignStatus.DRAFT:
        return False
    return has_role_over(user, report.unit, INSPECTED)


def get_self_report_for(user: User, pk: int | str) -> SelfInspectionReport:
    report = (
        SelfInspectionReport.objects.select_related("campaign__unit", "unit")
        .filter(pk=row_id(pk))
        .first()
    )
    if report is None or not can_view_self_report(user, report):
        raise Http404
    return report


def visible_units_for_filter(user: User) -> QuerySet[Unit]:
    """Units offered in list filters: those the user reads as inspector or inspected."""
    return Unit.objects.filter(subtree_q(user, "path", READERS))
