"""Requiring, filling, submitting and deciding reports: atomic, audited, checked."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import require as _require
from coso.core.uploads import validate_upload
from coso.units.models import Unit, User, path_within

from . import access
from .models import (
    COUNTED_STATUSES,
    NUMERIC_KINDS,
    FormSection,
    Indicator,
    IndicatorKind,
    Period,
    PeriodKind,
    ReportForm,
    ReportRequirement,
    RuleOperator,
    Submission,
    SubmissionAttachment,
    SubmissionStatus,
    SubmissionValue,
    SubmissionVersion,
    TargetMode,
    ValidationRule,
)
from .shadows import refresh_after_change
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
    _require(access.can_fill_submission(by, submission))
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
    _require(access.can_fill_submission(by, submission))
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
        refresh_after_change(locked)
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
        if outcome not in COUNTED_STATUSES:
            refresh_after_change(locked)
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
    _require(access.can_fill_submission(by, submission))
    if not submission.is_editable:
        raise ValidationError(_("This report has been submitted and can no longer be changed."))
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


# --- Form building ---------------------------------------------------------------------------------
# Building a form (sections, indicators, rules) for a unit. Every change is refused once units have
# started filling the form: the figures they entered must keep meaning what they meant.

CODE_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def _require_form_editable(by: User, form: ReportForm) -> None:
    _require(access.can_manage_form(by, form))
    if form_in_use(form):
        raise ValidationError(
            _(
                "Units have already entered figures in this form, so its structure can no longer "
                "be changed. Make a copy of the form and change the copy."
            ),
            code="in_use",
        )


def _code_error(code: str) -> str | None:
    if not code:
        return _("Enter a code.")
    if len(code) > 60 or not CODE_RE.match(code):
        return _(
            "Use lower-case letters without accents, digits and hyphens, e.g. feedback-received."
        )
    return None


def _clean_choices(kind: str, choices: Iterable[str]) -> tuple[list[str], str | None]:
    if kind != IndicatorKind.CHOICE:
        return [], None
    cleaned = [c.strip() for c in choices if c and c.strip()]
    if len(cleaned) < 2:
        return cleaned, _("List the possible answers, one per line (at least two).")
    if len(set(cleaned)) != len(cleaned):
        return cleaned, _("Each answer may be listed only once.")
    if any(len(c) > 200 for c in cleaned):
        return cleaned, _("An answer is too long (at most 200 characters).")
    return cleaned, None


def _indicator_errors(
    form: ReportForm,
    *,
    code: str,
    label: str,
    kind: str,
    help_text: str,
    is_key: bool,
    exclude_pk: int | None = None,
) -> dict[str, str]:
    errors: dict[str, str] = {}
    code_error = _code_error(code)
    if code_error:
        errors["code"] = code_error
    elif form.indicators.filter(code=code).exclude(pk=exclude_pk).exists():
        errors["code"] = _("This form already has an indicator with this code.")
    if not label.strip():
        errors["label"] = _("Enter the label of the indicator.")
    elif len(label.strip()) > 500:
        errors["label"] = _("The label is too long (at most 500 characters).")
    if kind not in IndicatorKind.values:
        errors["kind"] = _("Choose a kind of indicator.")
    elif is_key and kind not in (*NUMERIC_KINDS, IndicatorKind.BOOLEAN):
        errors["is_key"] = _("Only figures and yes/no answers can be key indicators.")
    if len(help_text.strip()) > 500:
        errors["help_text"] = _("The help is too long (at most 500 characters).")
    return errors


def new_form(
    *, by: User, owner_unit: Unit | None, code: str, name: str, description: str = ""
) -> ReportForm:
    """create_form with the code and name checked, for the form builder pages."""
    if owner_unit is None:
        _require(by.is_superuser)
    else:
        _require(access.can_create_requirement(by, owner_unit))
    errors: dict[str, str] = {}
    code_error = _code_error(code.strip())
    if code_error:
        errors["code"] = code_error
    if not name.strip():
        errors["name"] = _("Enter the name of the form.")
    if errors:
        raise ValidationError(errors)
    return create_form(
        by=by,
        owner_unit=owner_unit,
        code=code.strip(),
        name=name.strip()[:255],
        description=description.strip(),
    )


@transaction.atomic
def update_form(form: ReportForm, *, by: User, name: str, description: str = "") -> ReportForm:
    """Rename a form or change its description: allowed even in use, figures keep their meaning."""
    _require(access.can_manage_form(by, form))
    if not name.strip():
        raise ValidationError({"name": _("Enter the name of the form.")})
    with acting_as(by):
        form.name = name.strip()[:255]
        form.description = description.strip()
        form.save(update_fields=["name", "description", "updated_at"])
    return form


@transaction.atomic
def deactivate_form(form: ReportForm, *, by: User) -> ReportForm:
    """Stop offering the form for new requirements; existing reports keep it."""
    _require(access.can_manage_form(by, form))
    with acting_as(by):
        form.is_active = False
        form.save(update_fields=["is_active", "updated_at"])
    return form


@transaction.atomic
def activate_form(form: ReportForm, *, by: User) -> ReportForm:
    _require(access.can_manage_form(by, form))
    with acting_as(by):
        form.is_active = True
        form.save(update_fields=["is_active", "updated_at"])
    return form


@transaction.atomic
def add_section(form: ReportForm, *, by: User, title: str) -> FormSection:
    _require_form_editable(by, form)
    if not title.strip():
        raise ValidationError({"title": _("Enter the title of the section.")})
    last = form.sections.order_by("-order").values_list("order", flat=True).first() or 0
    with acting_as(by):
        return FormSection.objects.create(form=form, title=title.strip()[:255], order=last + 1)


@transaction.atomic
def update_section(section: FormSection, *, by: User, title: str) -> FormSection:
    _require_form_editable(by, section.form)
    if not title.strip():
        raise ValidationError({"title": _("Enter the title of the section.")})
    with acting_as(by):
        section.title = title.strip()[:255]
        section.save(update_fields=["title"])
    return section


@transaction.atomic
def delete_section(section: FormSection, *, by: User) -> None:
    """Delete a section with its indicators and the rules that use them."""
    _require_form_editable(by, section.form)
    with acting_as(by):
        ValidationRule.objects.filter(Q(left__section=section) | Q(right__section=section)).delete()
        section.delete()


@transaction.atomic
def add_indicator(
    section: FormSection,
    *,
    by: User,
    code: str,
    label: str,
    kind: str,
    required: bool = False,
    is_key: bool = False,
    help_text: str = "",
    choices: Iterable[str] = (),
) -> Indicator:
    form = section.form
    _require_form_editable(by, form)
    code = code.strip()
    errors = _indicator_errors(
        form, code=code, label=label, kind=kind, help_text=help_text, is_key=is_key
    )
    cleaned_choices, choices_error = _clean_choices(kind, choices)
    if choices_error:
        errors["choices"] = choices_error
    if errors:
        raise ValidationError(errors)
    last = section.indicators.order_by("-order").values_list("order", flat=True).first() or 0
    with acting_as(by):
        return Indicator.objects.create(
            form=form,
            section=section,
            code=code,
            label=label.strip(),
            kind=kind,
            required=required,
            is_key=is_key,
            help_text=help_text.strip(),
            choices=cleaned_choices,
            order=last + 1,
        )


@transaction.atomic
def update_indicator(
    indicator: Indicator,
    *,
    by: User,
    code: str,
    label: str,
    kind: str,
    required: bool = False,
    is_key: bool = False,
    help_text: str = "",
    choices: Iterable[str] = (),
    section: FormSection | None = None,
) -> Indicator:
    form = indicator.form
    _require_form_editable(by, form)
    code = code.strip()
    errors = _indicator_errors(
        form,
        code=code,
        label=label,
        kind=kind,
        help_text=help_text,
        is_key=is_key,
        exclude_pk=indicator.pk,
    )
    cleaned_choices, choices_error = _clean_choices(kind, choices)
    if choices_error:
        errors["choices"] = choices_error
    in_rules = ValidationRule.objects.filter(Q(left=indicator) | Q(right=indicator)).exists()
    if in_rules and kind not in NUMERIC_KINDS and "kind" not in errors:
        errors["kind"] = _(
            "This indicator is used in a validation rule: keep a number kind or delete the rule "
            "first."
        )
    if section is not None and section.form_id != form.pk:
        errors["section"] = _("Choose a section of this form.")
    if errors:
        raise ValidationError(errors)
    with acting_as(by):
        indicator.code = code
        indicator.label = label.strip()
        indicator.kind = kind
        indicator.required = required
        indicator.is_key = is_key
        indicator.help_text = help_text.strip()
        indicator.choices = cleaned_choices
        if section is not None:
            indicator.section = section
        indicator.save()
    return indicator


@transaction.atomic
def delete_indicator(indicator: Indicator, *, by: User) -> None:
    """Delete an indicator and the rules that use it."""
    _require_form_editable(by, indicator.form)
    with acting_as(by):
        ValidationRule.objects.filter(Q(left=indicator) | Q(right=indicator)).delete()
        indicator.delete()


@transaction.atomic
def add_rule(
    form: ReportForm,
    *,
    by: User,
    left: Indicator,
    operator: str,
    right: Indicator,
    message: str = "",
) -> ValidationRule:
    """A rule between two figures of the form, checked on every save and submission."""
    _require_form_editable(by, form)
    errors: dict[str, str] = {}
    for field, indicator in (("left", left), ("right", right)):
        if indicator.form_id != form.pk:
            errors[field] = _("Choose an indicator of this form.")
        elif indicator.kind not in NUMERIC_KINDS:
            errors[field] = _("A rule compares two figures: choose a number or a percentage.")
    if not errors and left.pk == right.pk:
        errors["right"] = _("Compare the indicator with a different one.")
    if operator not in RuleOperator.values:
        errors["operator"] = _("Choose a comparison.")
    if len(message.strip()) > 300:
        errors["message"] = _("The message is too long (at most 300 characters).")
    if not errors and form.rules.filter(left=left, operator=operator, right=right).exists():
        errors["__all__"] = _("This rule already exists.")
    if errors:
        raise ValidationError(errors)
    with acting_as(by):
        return ValidationRule.objects.create(
            form=form, left=left, operator=operator, right=right, message=message.strip()
        )


@transaction.atomic
def delete_rule(rule: ValidationRule, *, by: User) -> None:
    _require_form_editable(by, rule.form)
    with acting_as(by):
        rule.delete()


@transaction.atomic
def copy_form(form: ReportForm, *, by: User, owner_unit: Unit, code: str, name: str) -> ReportForm:
    """A new form for `owner_unit` with the same sections, indicators (same codes, so figures
    still aggregate and trend together) and rules: the way to change a form already in use."""
    _require(access.usable_forms(by, owner_unit).filter(pk=form.pk).exists())
    code_error = _code_error(code.strip())
    if code_error:
        raise ValidationError({"code": code_error})
    if not name.strip():
        raise ValidationError({"name": _("Enter the name of the form.")})
    copy = create_form(
        by=by, owner_unit=owner_unit, code=code.strip(), name=name, description=form.description
    )
    with acting_as(by):
        by_pk: dict[int, Indicator] = {}
        for section in form.sections.prefetch_related("indicators"):
            new_section = FormSection.objects.create(
                form=copy, title=section.title, order=section.order
            )
            for indicator in section.indicators.all():
                old_pk = indicator.pk
                indicator.pk = None
                indicator.id = None
                indicator.form = copy
                indicator.section = new_section
                indicator._state.adding = True
                indicator.save()
                by_pk[old_pk] = indicator
        for rule in form.rules.all():
            ValidationRule.objects.create(
                form=copy,
                left=by_pk[rule.left_id],
                operator=rule.operator,
                right=by_pk[rule.right_id],
                message=rule.message,
            )
    return copy
