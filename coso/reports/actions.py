"""Requiring, filling, submitting and deciding reports: atomic, audited, checked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.uploads import validate_upload
from coso.units.models import Unit, User, path_within

from . import access
from .models import (
    Indicator,
    Period,
    PeriodKind,
    ReportForm,
    ReportRequirement,
    Submission,
    SubmissionAttachment,
    SubmissionStatus,
    SubmissionValue,
    SubmissionVersion,
    TargetMode,
)
from .values import Parsed, parse_value


class EditConflict(ValidationError):
    """Someone saved the report after this form was opened; nothing was overwritten."""

    def __init__(self) -> None:
        super().__init__(
            _(
                "Someone else saved this report after you opened it. Your entries are still in "
                "the form: check the figures below, then save again."
            ),
            code="conflict",
        )


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You do not have permission to do this."))


# --- Periods -------------------------------------------------------------------------------------


def get_period(
    kind: str,
    year: int,
    number: int = 0,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> Period:
    """The period (created on first use): regular ones by number, ad hoc ones by their dates."""
    if kind == PeriodKind.AD_HOC:
        if start is None or end is None:
            raise ValidationError({"period": _("Enter the first and last day of the period.")})
        if end < start:
            raise ValidationError({"period": _("The period ends before it starts.")})
        code = f"{start:%Y%m%d}-{end:%Y%m%d}"
        year = start.year
    else:
        try:
            start, end, code = Period.bounds(kind, year, number)
        except ValueError as exc:
            raise ValidationError({"period": _("This period does not exist.")}) from exc
    period, _created = Period.objects.get_or_create(
        code=code,
        defaults={"kind": kind, "year": year, "number": number, "start": start, "end": end},
    )
    return period


# --- Requirements ---------------------------------------------------------------------------------


def required_units(
    unit: Unit,
    *,
    mode: str,
    kinds: Iterable[str] = (),
    levels_down: int = 1,
    chosen: Iterable[Unit] = (),
):
    """The open units below `unit` that a requirement asks for a report."""
    if mode == TargetMode.LIST:
        ids = [u.pk for u in chosen]
        return (
            Unit.objects.active()
            .filter(path_within("path", unit.path), pk__in=ids)
            .exclude(pk=unit.pk)
        )
    units = Unit.objects.active().filter(
        path_within("path", unit.path), depth__gt=unit.depth, depth__lte=unit.depth + levels_down
    )
    if mode == TargetMode.KINDS:
        units = units.filter(kind__in=list(kinds))
    return units


@transaction.atomic
def create_requirement(
    *,
    by: User,
    unit: Unit,
    title: str,
    form: ReportForm,
    period: Period,
    deadline: dt.date,
    receiving_office: str,
    target_mode: str = TargetMode.ALL,
    target_kinds: Iterable[str] = (),
    levels_down: int = 1,
    target_units: Iterable[Unit] = (),
    repeats_yearly: bool = False,
    previous: ReportRequirement | None = None,
) -> ReportRequirement:
    """Require a report from units below `unit`; one expected submission per required unit."""
    _require(access.can_create_requirement(by, unit))
    errors: dict[str, str] = {}
    if not title.strip():
        errors["title"] = _("Enter the title of the report.")
    if deadline < period.start:
        errors["deadline"] = _("The deadline is before the period starts (%(d)s).") % {
            "d": period.start.strftime("%d/%m/%Y")
        }
    if not 1 <= levels_down <= 10:
        errors["levels_down"] = _("Choose between 1 and 10 levels down.")
    if not receiving_office.strip():
        errors["receiving_office"] = _("Enter the office that receives the reports.")
    if not access.usable_forms(by, unit).filter(pk=form.pk).exists():
        errors["form"] = _("This form cannot be used by this unit.")
    chosen = list(target_units)
    if target_mode == TargetMode.LIST and not chosen:
        errors["target_units"] = _("Choose at least one unit.")
    if target_mode == TargetMode.KINDS and not list(target_kinds):
        errors["target_kinds"] = _("Choose at least one kind of unit.")
    if any(not u.is_within(unit) or u.pk == unit.pk for u in chosen):
        errors["target_units"] = _("Only units below the requiring unit can be asked.")
    if errors:
        raise ValidationError(errors)
    units = required_units(
        unit, mode=target_mode, kinds=target_kinds, levels_down=levels_down, chosen=chosen
    ).values_list("pk", "path")
    with acting_as(by):
        requirement = ReportRequirement.objects.create(
            unit=unit,
            title=title.strip(),
            form=form,
            period=period,
            deadline=deadline,
            receiving_office=receiving_office.strip(),
            target_mode=target_mode,
            target_kinds=list(target_kinds),
            levels_down=levels_down,
            repeats_yearly=repeats_yearly,
            previous=previous,
            created_by=by,
        )
        requirement.target_units.set(chosen)
        Submission.objects.bulk_create(
            [Submission(requirement=requirement, unit_id=pk, unit_path=path) for pk, path in units],
            batch_size=2000,
        )
    return requirement


def _same_day_next_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def roll_over_requirement(requirement: ReportRequirement, *, by: User | None) -> ReportRequirement:
    """Next year's copy of a yearly requirement: same form, units and office, dates a year on."""
    if hasattr(requirement, "next") and requirement.next is not None:
        return requirement.next
    period = requirement.period
    if period.kind == PeriodKind.AD_HOC:
        next_period = get_period(
            PeriodKind.AD_HOC,
            period.year + 1,
            start=_same_day_next_year(period.start),
            end=_same_day_next_year(period.end),
        )
    else:
        next_period = get_period(period.kind, period.year + 1, period.number)
    actor = by or requirement.created_by
    title = requirement.title.replace(str(period.year), str(period.year + 1))
    return create_requirement(
        by=actor,
        unit=requirement.unit,
        title=title,
        form=requirement.form,
        period=next_period,
        deadline=_same_day_next_year(requirement.deadline),
        receiving_office=requirement.receiving_office,
        target_mode=requirement.target_mode,
        target_kinds=requirement.target_kinds,
        levels_down=requirement.levels_down,
        target_units=requirement.target_units.all(),
        repeats_yearly=True,
        previous=requirement,
    )


def roll_over_yearly_requirements(on: dt.date) -> list[ReportRequirement]:
    """For the worker: create this year's copy of every yearly requirement of an earlier year."""
    due = ReportRequirement.objects.filter(
        repeats_yearly=True, next__isnull=True, period__year__lt=on.year
    ).select_related("unit", "period", "form", "created_by")
    created = []
    for requirement in due:
        try:
            created.append(roll_over_requirement(requirement, by=None))
        except (PermissionDenied, ValidationError):
            continue  # its author lost the role or the unit closed: an officer must renew it
    return created


# --- Filling and submitting ---------------------------------------------------------------------


def _parse_all(form: ReportForm, raw: Mapping[str, object]) -> dict[Indicator, Parsed]:
    indicators = list(form.indicators.all())
    errors: dict[str, list[str]] = {}
    parsed: dict[Indicator, Parsed] = {}
    for indicator in indicators:
        if indicator.code not in raw:
            continue
        try:
            parsed[indicator] = parse_value(indicator, raw[indicator.code])
        except ValidationError as exc:
            errors[indicator.code] = exc.messages
    unknown = set(raw) - {i.code for i in indicators}
    if unknown:
        errors["__all__"] = [
            _("Unknown indicators: %(codes)s.") % {"codes": ", ".join(sorted(unknown))}
        ]
    if errors:
        raise ValidationError(errors)
    return parsed


def _check_rules(form: ReportForm, numbers: Mapping[str, Decimal | None]) -> None:
    errors: dict[str, list[str]] = {}
    for rule in form.rules.select_related("left", "right"):
        left, right = numbers.get(rule.left.code), numbers.get(rule.right.code)
        if left is None or right is None or rule.holds(left, right):
            continue
        message = rule.message or _("“%(left)s” must be %(op)s “%(right)s”.") % {
            "left": rule.left.label,
            "op": rule.get_operator_display(),
            "right": rule.right.label,
        }
        errors.setdefault(rule.left.code, []).append(message)
    if errors:
        raise ValidationError(errors)


def current_values(submission: Submission) -> dict[str, SubmissionValue]:
    return {v.indicator.code: v for v in submission.values.select_related("indicator")}


@transaction.atomic
def save_draft(
    submission: Submission, *, by: User, values: Mapping[str, object], revision: int
) -> Submission:
    """Save what the officer typed. `revision` is the one their form was opened at: if someone
    saved in between, nothing is written and EditConflict tells them so."""
    _require(access.can_edit_submission(by, submission))
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.revision != revision:
        raise EditConflict()
    if not locked.is_editable:
        raise ValidationError(_("This report has been submitted and can no longer be changed."))
    form = submission.requirement.form
    parsed = _parse_all(form, values)
    existing = current_values(locked)
    numbers = {code: v.number for code, v in existing.items()}
    numbers.update({i.code: p.number for i, p in parsed.items()})
    _check_rules(form, numbers)
    with acting_as(by):
        for indicator, value in parsed.items():
            if value.is_empty:
                SubmissionValue.objects.filter(submission=locked, indicator=indicator).delete()
                continue
            SubmissionValue.objects.update_or_create(
                submission=locked,
                indicator=indicator,
                defaults={"number": value.number, "text": value.text, "date": value.date},
            )
        locked.revision += 1
        if locked.status == SubmissionStatus.NOT_STARTED:
            locked.status = SubmissionStatus.DRAFT
        locked.save()
    return locked


def _snapshot(submission: Submission) -> dict[str, str]:
    return {code: value.display() for code, value in current_values(submission).items()}


@transaction.atomic
def submit(submission: Submission, *, by: User) -> Submission:
    """Send the report to the receiving office: required fields and rules must hold."""
    _require(access.can_edit_submission(by, submission))
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.status not in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED):
        raise ValidationError(_("Only a draft or a returned report can be submitted."))
    form = submission.requirement.form
    values = current_values(locked)
    missing = {
        i.code: [_("This field is required.")]
        for i in form.indicators.filter(required=True)
        if i.code not in values
    }
    if missing:
        raise ValidationError(missing)
    _check_rules(form, {code: v.number for code, v in values.items()})
    now = timezone.now()
    with acting_as(by):
        locked.version += 1
        locked.status = SubmissionStatus.SUBMITTED
        locked.submitted_at = now
        locked.first_submitted_at = locked.first_submitted_at or now
        locked.return_reason = ""
        locked.revision += 1
        locked.save()
        SubmissionVersion.objects.create(
            submission=locked,
            number=locked.version,
            submitted_at=now,
            submitted_by=by,
            data=_snapshot(locked),
        )
    return locked


def _decide(submission: Submission, by: User, outcome: str, reason: str) -> Submission:
    _require(access.can_decide_submission(by, submission))
    locked = Submission.objects.select_for_update().get(pk=submission.pk)
    if locked.status != SubmissionStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted report can be accepted or returned."))
    with acting_as(by):
        locked.status = outcome
        locked.decided_at = timezone.now()
        locked.return_reason = reason
        locked.revision += 1
        locked.save()
        SubmissionVersion.objects.filter(submission=locked, number=locked.version).update(
            outcome=outcome, outcome_reason=reason
        )
    return locked


@transaction.atomic
def accept_submission(submission: Submission, *, by: User) -> Submission:
    return _decide(submission, by, SubmissionStatus.ACCEPTED, "")


@transaction.atomic
def return_submission(submission: Submission, *, by: User, reason: str) -> Submission:
    """Send the report back for correction; the reason is shown to the unit."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say what must be corrected.")})
    return _decide(submission, by, SubmissionStatus.RETURNED, reason.strip())


@transaction.atomic
def add_attachment(submission: Submission, *, by: User, file: UploadedFile) -> SubmissionAttachment:
    _require(access.can_edit_submission(by, submission))
    try:
        validate_upload(file)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    with acting_as(by):
        return SubmissionAttachment.objects.create(
            submission=submission, file=file, original_name=(file.name or "")[:255], added_by=by
        )


# --- Forms ----------------------------------------------------------------------------------------


@transaction.atomic
def create_form(
    *, by: User, owner_unit: Unit | None, code: str, name: str, description: str = ""
) -> ReportForm:
    if owner_unit is None:
        _require(by.is_superuser)
    else:
        _require(access.can_create_requirement(by, owner_unit))
    if ReportForm.objects.filter(code=code).exists():
        raise ValidationError({"code": _("A form with this code already exists.")})
    with acting_as(by):
        try:
            with transaction.atomic():
                return ReportForm.objects.create(
                    owner_unit=owner_unit, code=code, name=name.strip(), description=description
                )
        except IntegrityError as exc:
            raise ValidationError({"code": _("A form with this code already exists.")}) from exc


def form_in_use(form: ReportForm) -> bool:
    """A form that units have started filling keeps its indicators: figures must stay readable."""
    return (
        Submission.objects.filter(requirement__form=form)
        .filter(~Q(status=SubmissionStatus.NOT_STARTED))
        .exists()
    )
