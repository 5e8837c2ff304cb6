"""JSON API of report forms, requirements and submissions (mounted under /api/v1/).

Reads go through the checked fetches and visible_* querysets of reports.access; writes through
reports.actions, which check the permission, validate every figure and write the audit entry.
A save based on a stale revision answers 409 with the current revision, and changes nothing.
"""

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate
from pydantic import FiniteFloat

from coso.core.dates import today
from coso.units.access import get_unit_for, paths_for, subtree_q, visible_units
from coso.units.models import Unit, UnitKind, User, path_within

from . import access, actions
from .models import (
    COUNTED_STATUSES,
    FormSection,
    Indicator,
    IndicatorKind,
    Period,
    PeriodKind,
    ReportForm,
    ReportRequirement,
    RuleOperator,
    Submission,
    SubmissionStatus,
    SubmissionValue,
    SubmissionVersion,
    TargetMode,
    ValidationRule,
)

router = Router(tags=["reports"])


# --- Schemas -----------------------------------------------------------------------------------


class IndicatorOut(Schema):
    id: int
    code: str
    label: str
    help_text: str
    kind: IndicatorKind
    choices: list[Any]
    required: bool
    is_key: bool
    order: int


class SectionOut(Schema):
    id: int
    title: str
    order: int
    indicators: list[IndicatorOut]


class RuleOut(Schema):
    id: int
    left: str = Field(..., alias="left.code")
    operator: RuleOperator
    right: str = Field(..., alias="right.code")
    message: str


class FormOut(Schema):
    id: int
    code: str
    name: str
    description: str
    owner_unit_id: int | None
    is_active: bool


class FormDetailOut(FormOut):
    sections: list[SectionOut]
    rules: list[RuleOut]


class PeriodOut(Schema):
    id: int
    kind: PeriodKind
    year: int
    number: int
    start: dt.date
    end: dt.date
    code: str
    label: str


class RequirementOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    title: str
    form_id: int
    form_name: str = Field(..., alias="form.name")
    period: PeriodOut
    deadline: dt.date
    receiving_office: str
    target_mode: TargetMode
    target_kinds: list[str]
    levels_down: int
    target_unit_ids: list[int]
    repeats_yearly: bool
    previous_id: int | None
    required_count: int
    submitted_count: int

    @staticmethod
    def resolve_target_unit_ids(requirement: ReportRequirement) -> list[int]:
        return [unit.pk for unit in requirement.target_units.all()]


class SubmissionOut(Schema):
    id: int
    requirement_id: int
    requirement_title: str = Field(..., alias="requirement.title")
    period_label: str = Field(..., alias="requirement.period.label")
    deadline: dt.date = Field(..., alias="requirement.deadline")
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    status: SubmissionStatus
    status_label: str = Field(..., alias="get_status_display")
    revision: int
    version: int
    first_submitted_at: dt.datetime | None
    submitted_at: dt.datetime | None
    decided_at: dt.datetime | None
    return_reason: str
    is_aggregate: bool
    is_late: bool = Field(..., description="Sent after the deadline, or not sent and overdue.")
    is_missing: bool = Field(..., description="Not sent and overdue.")

    @staticmethod
    def resolve_is_late(submission: Submission) -> bool:
        # The same local day as the `late` filter counts (not the UTC one).
        if submission.first_submitted_at is not None:
            first_day = timezone.localdate(submission.first_submitted_at)
            return first_day > submission.requirement.deadline
        return today() > submission.requirement.deadline

    @staticmethod
    def resolve_is_missing(submission: Submission) -> bool:
        return submission.first_submitted_at is None and today() > submission.requirement.deadline


class VersionOut(Schema):
    number: int
    submitted_at: dt.datetime
    submitted_by_name: str | None = None
    data: dict[str, str]
    outcome: str
    outcome_reason: str

    @staticmethod
    def resolve_submitted_by_name(version: SubmissionVersion) -> str | None:
        return version.submitted_by.display_name if version.submitted_by_id else None


class AttachmentOut(Schema):
    id: int
    name: str = Field(..., alias="original_name")
    added_at: dt.datetime


# A value as JSON: numbers, yes/no as true/false, dates as yyyy-mm-dd, text as strings.
JsonValue = bool | int | FiniteFloat | dt.date | str | None


class SubmissionDetailOut(SubmissionOut):
    form_id: int = Field(..., alias="requirement.form_id")
    values: dict[str, JsonValue]
    versions: list[VersionOut]
    attachments: list[AttachmentOut]
    can_edit: bool
    can_decide: bool

    @staticmethod
    def resolve_values(submission: Submission) -> dict[str, JsonValue]:
        return {v.indicator.code: _json_value(v) for v in submission.values.all()}

    @staticmethod
    def resolve_can_edit(submission: Submission, context: dict) -> bool:
        return access.can_edit_submission(context["request"].user, submission)

    @staticmethod
    def resolve_can_decide(submission: Submission, context: dict) -> bool:
        return access.can_decide_submission(context["request"].user, submission)


class ValuesOut(Schema):
    """What a client edits: the figures and the revision to send back with them."""

    revision: int
    values: dict[str, JsonValue]

    @staticmethod
    def resolve_values(submission: Submission) -> dict[str, JsonValue]:
        return SubmissionDetailOut.resolve_values(submission)


class ConflictOut(Schema):
    detail: str
    revision: int = Field(..., description="The revision to send when saving again.")


class PeriodIn(Schema):
    kind: PeriodKind
    year: int | None = Field(None, ge=1900, le=2200)
    number: int = Field(0, ge=0, le=12, description="Half (1-2), quarter (1-4) or month (1-12).")
    start: dt.date | None = Field(None, description="Ad hoc periods only.")
    end: dt.date | None = Field(None, description="Ad hoc periods only.")


class RequirementIn(Schema):
    unit_id: int
    title: str = Field(..., max_length=500)
    form_id: int
    period: PeriodIn
    deadline: dt.date
    receiving_office: str = Field(..., max_length=255)
    target_mode: TargetMode = TargetMode.ALL
    target_kinds: list[UnitKind] = []
    levels_down: int = Field(1, ge=1, le=10)
    target_unit_ids: list[int] = []
    repeats_yearly: bool = False


class ValuesIn(Schema):
    revision: int = Field(..., ge=0, description="The revision the values were read at.")
    values: dict[str, bool | int | FiniteFloat | str | None] = Field(
        ..., description="Indicator code → value; null or an empty string clears it."
    )


class ReasonIn(Schema):
    reason: str = Field(..., max_length=5000)


# --- Helpers -----------------------------------------------------------------------------------


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You do not have permission to do this."))


def _subtree_path(unit_id: int) -> str | None:
    """The path of a unit used as a filter; None when it does not exist (the list is empty)."""
    return Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first()


def _visible_forms(user: User) -> QuerySet[ReportForm]:
    """coso's own forms, and those of the units above or below the user's (as get_form_for)."""
    if not user.is_authenticated:
        return ReportForm.objects.none()
    step = Unit.steplen
    above = {path[:i] for path in paths_for(user) for i in range(step, len(path) + 1, step)}
    return ReportForm.objects.filter(
        Q(owner_unit__isnull=True)
        | Q(owner_unit__path__in=above)
        | subtree_q(user, "owner_unit__path")
    )


def _form_detail(form_id: int) -> ReportForm:
    indicators = Indicator.objects.order_by("order", "id")
    return ReportForm.objects.prefetch_related(
        Prefetch(
            "sections",
            queryset=FormSection.objects.prefetch_related(Prefetch("indicators", indicators)),
        ),
        Prefetch("rules", queryset=ValidationRule.objects.select_related("left", "right")),
    ).get(pk=form_id)


def _requirements(queryset: QuerySet[ReportRequirement]) -> QuerySet[ReportRequirement]:
    return (
        queryset.select_related("unit", "form", "period")
        .prefetch_related(Prefetch("target_units", queryset=Unit.objects.only("id")))
        .annotate(
            required_count=Count("submissions"),
            submitted_count=Count(
                "submissions", filter=Q(submissions__status__in=COUNTED_STATUSES)
            ),
        )
    )


def _units(user: User, ids: list[int], field: str) -> list[Unit]:
    """Units the user may read, by id; an unknown or hidden id is a field error."""
    units = list(visible_units(user).filter(pk__in=set(ids)))
    if len(units) != len(set(ids)):
        raise ValidationError({field: _("Choose units from your own tree.")})
    return units


def _period(data: PeriodIn) -> Period:
    if data.kind != PeriodKind.AD_HOC and data.year is None:
        raise ValidationError({"period": _("Enter the year of the period.")})
    return actions.get_period(
        data.kind, data.year or 0, data.number, start=data.start, end=data.end
    )


def _submissions(queryset: QuerySet[Submission]) -> QuerySet[Submission]:
    return queryset.select_related("unit", "requirement__period")


def _submission_detail(submission_id: int) -> Submission:
    return (
        _submissions(Submission.objects.filter(pk=submission_id))
        .select_related("requirement__unit")
        .prefetch_related(
            Prefetch("values", queryset=SubmissionValue.objects.select_related("indicator")),
            Prefetch("versions", queryset=SubmissionVersion.objects.select_related("submitted_by")),
            "attachments",
        )
        .get()
    )


def _json_value(value: SubmissionValue) -> JsonValue:
    kind = value.indicator.kind
    if value.date is not None:
        return value.date
    if value.number is None:
        return value.text
    if kind == IndicatorKind.BOOLEAN:
        return bool(value.number)
    number: Decimal = value.number
    if number == number.to_integral_value():
        return int(number)
    return float(number)


# --- Forms -------------------------------------------------------------------------------------


@router.get("/report-forms/", response=list[FormOut], summary="List the report forms you may use")
@paginate(LimitOffsetPagination)
def list_forms(request: HttpRequest, active: bool | None = None) -> QuerySet[ReportForm]:
    """coso's own forms and those of your units and the units above them."""
    forms = _visible_forms(request.user)
    if active is not None:
        forms = forms.filter(is_active=active)
    return forms.order_by("name", "id")


@router.get(
    "/report-forms/{form_id}",
    response=FormDetailOut,
    summary="A form with its sections, indicators and validation rules",
)
def get_form(request: HttpRequest, form_id: int) -> ReportForm:
    form = access.get_form_for(request.user, form_id)
    return _form_detail(form.pk)


# --- Requirements ------------------------------------------------------------------------------


@router.get(
    "/report-requirements/",
    response=list[RequirementOut],
    summary="List the report requirements you issued or that ask your units",
)
@paginate(LimitOffsetPagination)
def list_requirements(
    request: HttpRequest,
    unit_id: int | None = None,
    year: int | None = None,
    period_kind: PeriodKind | None = None,
) -> QuerySet[ReportRequirement]:
    """Latest deadline first; `unit_id` keeps requirements issued in that unit's subtree."""
    requirements = access.visible_requirements(request.user)
    if unit_id is not None:
        path = _subtree_path(unit_id)
        requirements = (
            requirements.filter(path_within("unit_path", path)) if path else requirements.none()
        )
    if year is not None:
        requirements = requirements.filter(period__year=year)
    if period_kind is not None:
        requirements = requirements.filter(period__kind=period_kind)
    return _requirements(requirements).order_by("-deadline", "-id")


@router.get(
    "/report-requirements/{requirement_id}", response=RequirementOut, summary="One requirement"
)
def get_requirement(request: HttpRequest, requirement_id: int) -> ReportRequirement:
    requirement = access.get_requirement_for(request.user, requirement_id)
    return _requirements(ReportRequirement.objects.filter(pk=requirement.pk)).get()


@router.post(
    "/report-requirements/",
    response={201: RequirementOut},
    summary="Require a report from the units below one of yours",
)
def create_requirement(request: HttpRequest, payload: RequirementIn) -> Status:
    """One submission is expected from each unit required; `period` is {kind, year, number}
    for a regular period or {kind: "ad_hoc", start, end}."""
    user = request.user
    unit = get_unit_for(user, payload.unit_id)
    # Refuse before resolving ids, so a refused user learns nothing about other records.
    _require(access.can_create_requirement(user, unit))
    form = access.get_form_for(user, payload.form_id)
    chosen = _units(user, payload.target_unit_ids, "target_unit_ids")
    # The period is created on first use: roll it back too when the requirement is refused.
    with transaction.atomic():
        requirement = actions.create_requirement(
            by=user,
            unit=unit,
            title=payload.title,
            form=form,
            period=_period(payload.period),
            deadline=payload.deadline,
            receiving_office=payload.receiving_office,
            target_mode=payload.target_mode,
            target_kinds=[str(kind) for kind in payload.target_kinds],
            levels_down=payload.levels_down,
            target_units=chosen,
            repeats_yearly=payload.repeats_yearly,
        )
    return Status(201, _requirements(ReportRequirement.objects.filter(pk=requirement.pk)).get())


# --- Submissions -------------------------------------------------------------------------------


@router.get(
    "/report-submissions/",
    response=list[SubmissionOut],
    summary="List the reports of your units and their subtrees",
)
@paginate(LimitOffsetPagination)
def list_submissions(
    request: HttpRequest,
    requirement_id: int | None = None,
    status: SubmissionStatus | None = None,
    unit_id: int | None = None,
    late: bool | None = None,
    missing: bool | None = None,
) -> QuerySet[Submission]:
    """`unit_id` takes the unit's whole subtree; `late=true` keeps reports sent after the
    deadline or not sent and overdue; `missing=true` only those not sent and overdue."""
    submissions = access.visible_submissions(request.user)
    if requirement_id is not None:
        submissions = submissions.filter(requirement_id=requirement_id)
    if status is not None:
        submissions = submissions.filter(status=status)
    if unit_id is not None:
        path = _subtree_path(unit_id)
        submissions = (
            submissions.filter(path_within("unit_path", path)) if path else submissions.none()
        )
    missing_q = Q(first_submitted_at__isnull=True, requirement__deadline__lt=today())
    late_q = missing_q | Q(first_submitted_at__date__gt=F("requirement__deadline"))
    if late is not None:
        submissions = submissions.filter(late_q) if late else submissions.exclude(late_q)
    if missing is not None:
        submissions = submissions.filter(missing_q) if missing else submissions.exclude(missing_q)
    return _submissions(submissions).order_by(
        "-requirement__deadline", "requirement_id", "unit_path"
    )


@router.get(
    "/report-submissions/{submission_id}",
    response=SubmissionDetailOut,
    summary="One report with its values (by indicator code) and submitted versions",
)
def get_submission(request: HttpRequest, submission_id: int) -> Submission:
    submission = access.get_submission_for(request.user, submission_id)
    return _submission_detail(submission.pk)


@router.get(
    "/report-submissions/{submission_id}/values",
    response=ValuesOut,
    summary="The figures of a report and the revision to save them at",
)
def get_values(request: HttpRequest, submission_id: int) -> Submission:
    submission = access.get_submission_for(request.user, submission_id)
    return (
        Submission.objects.prefetch_related(
            Prefetch("values", queryset=SubmissionValue.objects.select_related("indicator"))
        )
        .filter(pk=submission.pk)
        .get()
    )


@router.put(
    "/report-submissions/{submission_id}/values",
    response={200: SubmissionDetailOut, 409: ConflictOut},
    summary="Save figures in the draft",
)
def save_values(request: HttpRequest, submission_id: int, payload: ValuesIn) -> Any:
    """Send the `revision` you read: if someone saved since, nothing is written and the answer
    is 409 with the current revision. Invalid figures answer 400 with messages per code."""
    submission = access.get_submission_for(request.user, submission_id)
    try:
        actions.save_draft(
            submission, by=request.user, values=payload.values, revision=payload.revision
        )
    except actions.EditConflict as conflict:
        current = Submission.objects.values_list("revision", flat=True).get(pk=submission.pk)
        return Status(409, {"detail": conflict.messages[0], "revision": current})
    return _submission_detail(submission.pk)


@router.post(
    "/report-submissions/{submission_id}/submit",
    response=SubmissionDetailOut,
    summary="Send the report to the receiving office",
)
def submit_submission(request: HttpRequest, submission_id: int) -> Submission:
    submission = access.get_submission_for(request.user, submission_id)
    actions.submit(submission, by=request.user)
    return _submission_detail(submission.pk)


@router.post(
    "/report-submissions/{submission_id}/accept",
    response=SubmissionDetailOut,
    summary="Accept a submitted report (receiving office)",
)
def accept_submission(request: HttpRequest, submission_id: int) -> Submission:
    submission = access.get_submission_for(request.user, submission_id)
    actions.accept_submission(submission, by=request.user)
    return _submission_detail(submission.pk)


@router.post(
    "/report-submissions/{submission_id}/return",
    response=SubmissionDetailOut,
    summary="Return a submitted report for correction, with the reason (receiving office)",
)
def return_submission(request: HttpRequest, submission_id: int, payload: ReasonIn) -> Submission:
    submission = access.get_submission_for(request.user, submission_id)
    actions.return_submission(submission, by=request.user, reason=payload.reason)
    return _submission_detail(submission.pk)
