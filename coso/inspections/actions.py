"""Inspection plans, findings, conclusions, corrective actions and self-inspections: atomic, audited.

The workflow of a plan: draft → issued → in progress → concluded. Targets and the team are
set while the plan is a draft or issued; findings are recorded and targets concluded while it
is in progress; it is concluded when every target is. Corrective actions are followed up
after that: open → reported → done, or back to open when the inspecting unit sends a report
back. A campaign: draft → open (a pending result for every subordinate unit of the chosen
kinds) → closed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import require as _require
from coso.core.dates import format_date, today
from coso.core.errors import InvalidTransition
from coso.core.text import fold
from coso.core.uploads import validate_upload
from coso.units.models import SteeringCommittee, Unit, User

from . import access
from .models import (
    NOTE_MAX_LENGTH,
    SEARCH_TEXT_MAX_LENGTH,
    SELF_INSPECTION_KINDS,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    ActionStatus,
    Assessment,
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

FIRST_YEAR, LAST_YEAR = 2000, 2100
# The team and the targets may change until the inspection starts.
PREPARING = (PlanStatus.DRAFT, PlanStatus.ISSUED)


@dataclass(frozen=True)
class ActionSpec:
    """A corrective action required by a conclusion."""

    description: str
    deadline: dt.date | None
    owner: User | None = None


def _status_label(value: str) -> str:
    return str(PlanStatus(value).label)


def _fresh_plan(plan: InspectionPlan) -> InspectionPlan:
    return (
        InspectionPlan.objects.select_for_update()
        .select_related("unit", "committee")
        .get(pk=plan.pk)
    )


def _fresh_target(target: InspectionTarget) -> InspectionTarget:
    return (
        InspectionTarget.objects.select_for_update()
        .select_related("plan__unit", "unit")
        .get(pk=target.pk)
    )


def _fresh_action(action: CorrectiveAction) -> CorrectiveAction:
    return (
        CorrectiveAction.objects.select_for_update()
        .select_related("target__plan__unit", "unit")
        .get(pk=action.pk)
    )


def _text(value: str, field: str, *, required: bool, limit: int = TEXT_MAX_LENGTH) -> str:
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("This field is required.")})
    if len(value) > limit:
        raise ValidationError(
            {
                field: _("At most %(max)s characters (this one has %(n)s).")
                % {"max": limit, "n": len(value)}
            }
        )
    return value


def _check_year(year: int) -> None:
    if not (FIRST_YEAR <= int(year) <= LAST_YEAR):
        raise ValidationError({"year": _("Enter a year between 2000 and 2100.")})


def _check_upload(file: UploadedFile | None, field: str) -> None:
    if file is None:
        return
    try:
        validate_upload(file)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


def _check_committee(committee: SteeringCommittee) -> None:
    if committee.dissolved_on is not None or committee.unit.is_closed:
        raise ValidationError(
            {"committee": _("This steering committee is dissolved or its unit is closed.")}
        )


# --- Plans ----------------------------------------------------------------------------------------


def _check_schedule(starts_on: dt.date | None, ends_on: dt.date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The inspection must end on or after it starts.")})


@transaction.atomic
def create_plan(
    *,
    by: User,
    committee: SteeringCommittee,
    year: int,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    content: str = "",
    number: str = "",
) -> InspectionPlan:
    """Draft an inspection plan of the committee's unit."""
    _require(access.can_create_plan(by, committee))
    _check_committee(committee)
    _check_year(year)
    _check_schedule(starts_on, ends_on)
    with acting_as(by):
        plan = InspectionPlan.objects.create(
            committee=committee,
            unit=committee.unit,
            year=year,
            number=_text(number, "number", required=False, limit=100),
            title=_text(title, "title", required=True, limit=TITLE_MAX_LENGTH),
            content=_text(content, "content", required=False),
            starts_on=starts_on,
            ends_on=ends_on,
            created_by=by,
        )
    return plan


@transaction.atomic
def update_plan(
    plan: InspectionPlan,
    *,
    by: User,
    year: int,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    content: str = "",
    number: str = "",
) -> InspectionPlan:
    """Change the plan until the inspection starts; planned dates must stay in the schedule."""
    _require(access.can_manage_plan(by, plan))
    plan = _fresh_plan(plan)
    if plan.status not in PREPARING:
        raise ValidationError(_("The inspection has started: the plan can no longer change."))
    _check_year(year)
    _check_schedule(starts_on, ends_on)
    outside = plan.targets.filter(Q(planned_on__lt=starts_on) | Q(planned_on__gt=ends_on))
    if outside.exists():
        raise ValidationError(
            {"starts_on": _("Some inspected units have planned dates outside this schedule.")}
        )
    plan.year = year
    plan.number = _text(number, "number", required=False, limit=100)
    plan.title = _text(title, "title", required=True, limit=TITLE_MAX_LENGTH)
    plan.content = _text(content, "content", required=False)
    plan.starts_on = starts_on
    plan.ends_on = ends_on
    with acting_as(by):
        plan.save()
    return plan


@transaction.atomic
def add_team_member(
    plan: InspectionPlan,
    *,
    by: User,
    name: str = "",
    title: str = "",
    user: User | None = None,
    is_leader: bool = False,
) -> TeamMember:
    """Add a member to the team; a new leader replaces the previous one."""
    _require(access.can_manage_plan(by, plan))
    plan = _fresh_plan(plan)
    if plan.status == PlanStatus.CONCLUDED:
        raise ValidationError(_("The inspection is concluded: the team can no longer change."))
    name = (name or "").strip() or (str(user) if user is not None else "")
    name = _text(name, "name", required=True, limit=200)
    if user is not None and plan.team.filter(user=user).exists():
        raise ValidationError({"user": _("This person is already in the team.")})
    with acting_as(by):
        if is_leader:
            for leader in plan.team.filter(is_leader=True):
                leader.is_leader = False
                leader.save(update_fields=["is_leader"])
        member = TeamMember.objects.create(
            plan=plan,
            name=name,
            title=_text(title, "title", required=False, limit=200),
            user=user,
            is_leader=is_leader,
        )
    return member


@transaction.atomic
def remove_team_member(member: TeamMember, *, by: User) -> None:
    _require(access.can_manage_plan(by, member.plan))
    plan = _fresh_plan(member.plan)
    if plan.status == PlanStatus.CONCLUDED:
        raise ValidationError(_("The inspection is concluded: the team can no longer change."))
    with acting_as(by):
        member.delete()


@transaction.atomic
def add_target(
    plan: InspectionPlan, *, by: User, unit: Unit, planned_on: dt.date
) -> InspectionTarget:
    """Name a unit to inspect: a unit below the inspecting one, on a date within the schedule."""
    _require(access.can_manage_plan(by, plan))
    plan = _fresh_plan(plan)
    if plan.status not in PREPARING:
        raise ValidationError(
            _("The inspection has started: the inspected units can no longer change.")
        )
    if unit.pk == plan.unit_id or not unit.is_within(plan.unit):
        raise ValidationError(
            {"unit": _("Choose a unit below %(unit)s.") % {"unit": plan.unit.name}}
        )
    if unit.is_closed:
        raise ValidationError({"unit": _("This unit is closed.")})
    if plan.targets.filter(unit=unit).exists():
        raise ValidationError({"unit": _("This unit is already in the plan.")})
    if planned_on is None or not (plan.starts_on <= planned_on <= plan.ends_on):
        raise ValidationError(
            {
                "planned_on": _("Choose a date within the schedule, from %(a)s to %(b)s.")
                % {"a": format_date(plan.starts_on), "b": format_date(plan.ends_on)}
            }
        )
    with acting_as(by):
        target = InspectionTarget.objects.create(plan=plan, unit=unit, planned_on=planned_on)
    return target


@transaction.atomic
def remove_target(target: InspectionTarget, *, by: User) -> None:
    _require(access.can_manage_plan(by, target.plan))
    plan = _fresh_plan(target.plan)
    if plan.status not in PREPARING:
        raise ValidationError(
            _("The inspection has started: the inspected units can no longer change.")
        )
    with acting_as(by):
        target.delete()


@transaction.atomic
def issue_plan(plan: InspectionPlan, *, by: User) -> InspectionPlan:
    """Issue the plan: the inspected units see it from now on."""
    _require(access.can_manage_plan(by, plan))
    plan = _fresh_plan(plan)
    if plan.status != PlanStatus.DRAFT:
        raise InvalidTransition(_status_label(plan.status), _status_label(PlanStatus.ISSUED))
    problems = []
    if not plan.targets.exists():
        problems.append(_("Name at least one unit to inspect."))
    if not plan.team.filter(is_leader=True).exists():
        problems.append(_("Name the team leader."))
    if problems:
        raise ValidationError(problems)
    plan.status = PlanStatus.ISSUED
    plan.issued_at = timezone.now()
    with acting_as(by):
        plan.save(update_fields=["status", "issued_at", "updated_at"])
    return plan


@transaction.atomic
def start_plan(plan: InspectionPlan, *, by: User) -> InspectionPlan:
    """The team starts inspecting: findings may be recorded."""
    _require(access.can_manage_plan(by, plan))
    plan = _fresh_plan(plan)
    if plan.status != PlanStatus.ISSUED:
        raise InvalidTransition(_status_label(plan.status), _status_label(PlanStatus.IN_PROGRESS))
    plan.status = PlanStatus.IN_PROGRESS
    plan.started_at = timezone.now()
    with acting_as(by):
        plan.save(update_fields=["status", "started_at", "updated_at"])
    return plan


@transaction.atomic
def conclude_plan(plan: InspectionPlan, *, by: User) -> InspectionPlan:
    """End the inspection once every target is concluded; corrective actions go on."""
    _require(access.can_manage_plan(by, plan))
    plan = _fresh_plan(plan)
    if plan.status != PlanStatus.IN_PROGRESS:
        raise InvalidTransition(_status_label(plan.status), _status_label(PlanStatus.CONCLUDED))
    pending = list(
        plan.targets.filter(concluded_on__isnull=True).values_list("unit__name", flat=True)
    )
    if pending:
        raise ValidationError(
            _("Conclude every inspected unit first: %(units)s.") % {"units": ", ".join(pending)}
        )
    plan.status = PlanStatus.CONCLUDED
    plan.concluded_at = timezone.now()
    with acting_as(by):
        plan.save(update_fields=["status", "concluded_at", "updated_at"])
    return plan


# --- Findings and conclusions ---------------------------------------------------------------------


def refresh_search_text(target: InspectionTarget) -> None:
    """Fold each finding with the target's conclusion and corrective actions, for search."""
    shared = " ".join(
        [target.conclusion, *target.actions.order_by("id").values_list("description", flat=True)]
    )
    for finding in target.findings.all():
        text = fold(f"{finding.text} {finding.good_points} {finding.shortcomings} {shared}")
        Finding.objects.filter(pk=finding.pk).update(search_text=text[:SEARCH_TEXT_MAX_LENGTH])


def _check_recording(target: InspectionTarget) -> None:
    if target.plan.status != PlanStatus.IN_PROGRESS:
        raise ValidationError(
            _("Findings are recorded while the inspection is in progress (now: %(status)s).")
            % {"status": _status_label(target.plan.status)}
        )
    if target.is_concluded:
        raise ValidationError(_("This unit is already concluded: its findings are closed."))


@transaction.atomic
def record_finding(
    target: InspectionTarget,
    *,
    by: User,
    text: str,
    good_points: str = "",
    shortcomings: str = "",
    recorded_on: dt.date | None = None,
) -> Finding:
    _require(access.can_record_finding(by, target))
    target = _fresh_target(target)
    _check_recording(target)
    recorded_on = recorded_on or today()
    if recorded_on > today():
        raise ValidationError({"recorded_on": _("The date cannot be in the future.")})
    with acting_as(by):
        finding = Finding.objects.create(
            target=target,
            text=_text(text, "text", required=True),
            good_points=_text(good_points, "good_points", required=False),
            shortcomings=_text(shortcomings, "shortcomings", required=False),
            recorded_on=recorded_on,
            recorded_by=by,
        )
    refresh_search_text(target)
    finding.refresh_from_db()
    return finding


@transaction.atomic
def update_finding(
    finding: Finding, *, by: User, text: str, good_points: str = "", shortcomings: str = ""
) -> Finding:
    _require(access.can_record_finding(by, finding.target))
    target = _fresh_target(finding.target)
    _check_recording(target)
    finding.text = _text(text, "text", required=True)
    finding.good_points = _text(good_points, "good_points", required=False)
    finding.shortcomings = _text(shortcomings, "shortcomings", required=False)
    with acting_as(by):
        finding.save()
    refresh_search_text(target)
    finding.refresh_from_db()
    return finding


def _clean_actions(
    target: InspectionTarget, specs: Iterable[ActionSpec], concluded_on: dt.date
) -> list[ActionSpec]:
    cleaned = []
    for spec in specs:
        description = _text(spec.description, "description", required=True)
        if spec.deadline is None:
            raise ValidationError({"deadline": _("Set a deadline for each corrective action.")})
        if spec.deadline < concluded_on:
            raise ValidationError(
                {
                    "deadline": _("The deadline cannot be before the conclusion date (%(day)s).")
                    % {"day": format_date(concluded_on)}
                }
            )
        if spec.owner is not None and not _belongs_to(spec.owner, target.unit):
            raise ValidationError(
                {
                    "owner": _("The responsible person must work in %(unit)s.")
                    % {"unit": target.unit.name}
                }
            )
        cleaned.append(ActionSpec(description, spec.deadline, spec.owner))
    return cleaned


def _belongs_to(user: User, unit: Unit) -> bool:
    return (
        User.objects.filter(pk=user.pk, is_active=True)
        .filter(Q(home_unit=unit) | Q(roles__unit=unit))
        .exists()
    )


def _create_actions(target: InspectionTarget, specs: Sequence[ActionSpec]) -> list:
    return [
        CorrectiveAction.objects.create(
            target=target,
            unit=target.unit,
            description=spec.description,
            deadline=spec.deadline,
            owner=spec.owner,
        )
        for spec in specs
    ]


@transaction.atomic
def conclude_target(
    target: InspectionTarget,
    *,
    by: User,
    conclusion: str,
    concluded_on: dt.date | None = None,
    actions: Sequence[ActionSpec] = (),
) -> InspectionTarget:
    """Write the conclusion of one inspected unit, with the corrective actions it requires."""
    _require(access.can_conclude_target(by, target))
    target = _fresh_target(target)
    _check_recording(target)
    if not target.findings.exists():
        raise ValidationError(_("Record the findings before concluding."))
    concluded_on = concluded_on or today()
    if concluded_on > today():
        raise ValidationError({"concluded_on": _("The date cannot be in the future.")})
    specs = _clean_actions(target, actions, concluded_on)
    target.conclusion = _text(conclusion, "conclusion", required=True)
    target.concluded_on = concluded_on
    target.concluded_by = by
    with acting_as(by):
        target.save(update_fields=["conclusion", "concluded_on", "concluded_by"])
        _create_actions(target, specs)
    refresh_search_text(target)
    return target


@transaction.atomic
def add_corrective_action(
    target: InspectionTarget,
    *,
    by: User,
    description: str,
    deadline: dt.date | None,
    owner: User | None = None,
) -> CorrectiveAction:
    """Require one more corrective action of a concluded unit."""
    _require(access.can_conclude_target(by, target))
    target = _fresh_target(target)
    if not target.is_concluded:
        raise ValidationError(_("Conclude the inspection of this unit first."))
    if target.plan.status not in (PlanStatus.IN_PROGRESS, PlanStatus.CONCLUDED):
        raise ValidationError(_("This inspection no longer takes corrective actions."))
    (spec,) = _clean_actions(
        target, [ActionSpec(description, deadline, owner)], target.concluded_on
    )
    with acting_as(by):
        (action,) = _create_actions(target, [spec])
    refresh_search_text(target)
    return action


# --- Follow-up of corrective actions --------------------------------------------------------------


def _action_label(value: str) -> str:
    return str(ActionStatus(value).label)


@transaction.atomic
def report_action(
    action: CorrectiveAction,
    *,
    by: User,
    note: str,
    file: UploadedFile | None = None,
) -> CorrectiveAction:
    """The inspected unit reports what it did; the inspecting unit then accepts or sends it back."""
    _require(access.can_report_action(by, action))
    action = _fresh_action(action)
    if action.status != ActionStatus.OPEN:
        raise InvalidTransition(_action_label(action.status), _action_label(ActionStatus.REPORTED))
    note = _text(note, "note", required=True, limit=NOTE_MAX_LENGTH)
    _check_upload(file, "file")
    action.status = ActionStatus.REPORTED
    action.report_note = note
    action.reported_on = today()
    action.reported_by = by
    with acting_as(by):
        if file is not None:
            action.report_file_name = (file.name or "")[:255]
            action.report_file.save(file.name or "tep", file, save=False)
        action.save()
    return action


@transaction.atomic
def accept_action(action: CorrectiveAction, *, by: User, note: str = "") -> CorrectiveAction:
    _require(access.can_review_action(by, action))
    action = _fresh_action(action)
    if action.status != ActionStatus.REPORTED:
        raise InvalidTransition(_action_label(action.status), _action_label(ActionStatus.DONE))
    action.status = ActionStatus.DONE
    action.review_note = _text(note, "note", required=False, limit=NOTE_MAX_LENGTH)
    action.done_on = today()
    action.reviewed_by = by
    with acting_as(by):
        action.save()
    return action


@transaction.atomic
def return_action(action: CorrectiveAction, *, by: User, note: str) -> CorrectiveAction:
    """Send the report back: the action is to do again, with the reason."""
    _require(access.can_review_action(by, action))
    action = _fresh_action(action)
    if action.status != ActionStatus.REPORTED:
        raise InvalidTransition(_action_label(action.status), _action_label(ActionStatus.OPEN))
    action.review_note = _text(note, "note", required=True, limit=NOTE_MAX_LENGTH)
    action.status = ActionStatus.OPEN
    action.reviewed_by = by
    with acting_as(by):
        action.save()
    return action


# --- Self-inspection campaigns --------------------------------------------------------------------


def _campaign_label(value: str) -> str:
    return str(CampaignStatus(value).label)


def _clean_kinds(kinds: Iterable[str]) -> list[str]:
    chosen = set(kinds or ())
    if not chosen or not chosen <= set(SELF_INSPECTION_KINDS):
        raise ValidationError({"unit_kinds": _("Choose the kinds of units from the list.")})
    return [k for k in SELF_INSPECTION_KINDS if k in chosen]


def _check_deadline(deadline: dt.date | None) -> None:
    if deadline is None or deadline < today():
        raise ValidationError({"deadline": _("The deadline cannot be in the past.")})


@transaction.atomic
def create_campaign(
    *,
    by: User,
    committee: SteeringCommittee,
    year: int,
    title: str,
    deadline: dt.date,
    unit_kinds: Iterable[str],
    content: str = "",
) -> SelfInspectionCampaign:
    _require(access.can_create_plan(by, committee))
    _check_committee(committee)
    _check_year(year)
    _check_deadline(deadline)
    kinds = _clean_kinds(unit_kinds)
    with acting_as(by):
        campaign = SelfInspectionCampaign.objects.create(
            committee=committee,
            unit=committee.unit,
            year=year,
            title=_text(title, "title", required=True, limit=TITLE_MAX_LENGTH),
            content=_text(content, "content", required=False),
            unit_kinds=kinds,
            deadline=deadline,
            created_by=by,
        )
    return campaign


def _fresh_campaign(campaign: SelfInspectionCampaign) -> SelfInspectionCampaign:
    return (
        SelfInspectionCampaign.objects.select_for_update()
        .select_related("unit")
        .get(pk=campaign.pk)
    )


@transaction.atomic
def open_campaign(campaign: SelfInspectionCampaign, *, by: User) -> SelfInspectionCampaign:
    """Order the self-inspection: every open unit below of the chosen kinds must report."""
    _require(access.can_manage_campaign(by, campaign))
    campaign = _fresh_campaign(campaign)
    if campaign.status != CampaignStatus.DRAFT:
        raise InvalidTransition(
            _campaign_label(campaign.status), _campaign_label(CampaignStatus.OPEN)
        )
    _check_deadline(campaign.deadline)
    units = list(
        Unit.objects.subtree_of(campaign.unit, include_self=False)
        .active()
        .filter(kind__in=campaign.unit_kinds)
    )
    if not units:
        raise ValidationError(
            {
                "unit_kinds": _("No open unit of these kinds below %(unit)s.")
                % {"unit": campaign.unit.name}
            }
        )
    campaign.status = CampaignStatus.OPEN
    campaign.opened_at = timezone.now()
    with acting_as(by):
        campaign.save(update_fields=["status", "opened_at", "updated_at"])
        SelfInspectionReport.objects.bulk_create(
            [SelfInspectionReport(campaign=campaign, unit=u, unit_path=u.path) for u in units]
        )
    return campaign


@transaction.atomic
def close_campaign(campaign: SelfInspectionCampaign, *, by: User) -> SelfInspectionCampaign:
    _require(access.can_manage_campaign(by, campaign))
    campaign = _fresh_campaign(campaign)
    if campaign.status != CampaignStatus.OPEN:
        raise InvalidTransition(
            _campaign_label(campaign.status), _campaign_label(CampaignStatus.CLOSED)
        )
    campaign.status = CampaignStatus.CLOSED
    campaign.closed_at = timezone.now()
    with acting_as(by):
        campaign.save(update_fields=["status", "closed_at", "updated_at"])
    return campaign


@transaction.atomic
def submit_self_inspection(
    report: SelfInspectionReport,
    *,
    by: User,
    result: str,
    assessment: str,
    file: UploadedFile | None = None,
) -> SelfInspectionReport:
    """A subordinate unit sends its self-inspection result, once; late results are accepted."""
    _require(access.can_submit_self_report(by, report))
    report = (
        SelfInspectionReport.objects.select_for_update()
        .select_related("campaign", "unit")
        .get(pk=report.pk)
    )
    if report.campaign.status != CampaignStatus.OPEN:
        raise ValidationError(_("This self-inspection is not collecting results."))
    if report.is_submitted:
        raise ValidationError(
            _("The result of %(unit)s was already sent on %(day)s.")
            % {"unit": report.unit.name, "day": format_date(report.submitted_on)}
        )
    if assessment not in Assessment.values:
        raise ValidationError({"assessment": _("Choose a self-assessment from the list.")})
    _check_upload(file, "file")
    report.result = _text(result, "result", required=True)
    report.assessment = assessment
    report.submitted_on = today()
    report.submitted_by = by
    with acting_as(by):
        if file is not None:
            report.file_name = (file.name or "")[:255]
            report.file.save(file.name or "tep", file, save=False)
        report.save()
    return report
