"""Campaigns, nominations, assessment and recognition: every change atomic and audited.

Emulation and commendation follow the Law on Emulation and Commendation 2022 (06/2022/QH15): a
unit proposes, the steering level assesses against the criteria it set, and the competent level
decides the form (praise, certificate of merit, reward) by a numbered decision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import clean_text
from coso.core.checks import require as _require
from coso.core.dates import format_date, today
from coso.core.uploads import validate_upload
from coso.units.models import Unit, UnitKind, User

from . import access
from .models import (
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Campaign,
    CampaignStatus,
    Criterion,
    Evidence,
    Field,
    Nomination,
    NominationStatus,
    RecognitionForm,
    Score,
    SubjectKind,
)

MAX_CRITERIA = 30
MAX_POINTS = 1000


def _fresh_campaign(campaign: Campaign) -> Campaign:
    return (
        Campaign.objects.select_for_update(of=("self",)).select_related("unit").get(pk=campaign.pk)
    )


def _fresh_nomination(nomination: Nomination) -> Nomination:
    return (
        # Only the nomination's row: PostgreSQL cannot lock the outer join to a campaign.
        Nomination.objects.select_for_update(of=("self",))
        .select_related("unit", "campaign__unit")
        .get(pk=nomination.pk)
    )


def _choice(value: str, choices, field: str, *, required: bool = True) -> str:
    if not value and not required:
        return ""
    if value not in choices.values:
        raise ValidationError({field: _("Select a valid choice.")})
    return value


# --- Campaigns --------------------------------------------------------------------------------


def _check_criteria(criteria: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    cleaned: list[tuple[str, int]] = []
    seen: set[str] = set()
    for name, max_points in criteria:
        name = clean_text(name, "criteria", max_length=500)
        if not isinstance(max_points, int) or not 0 < max_points <= MAX_POINTS:
            raise ValidationError(
                {
                    "criteria": _(
                        "The maximum points of “%(name)s” must be a whole number from 1 to %(max)s."
                    )
                    % {"name": name, "max": MAX_POINTS}
                }
            )
        if name.casefold() in seen:
            raise ValidationError(
                {"criteria": _("The criterion “%(name)s” is listed twice.") % {"name": name}}
            )
        seen.add(name.casefold())
        cleaned.append((name, max_points))
    if not cleaned:
        raise ValidationError({"criteria": _("List at least one criterion.")})
    if len(cleaned) > MAX_CRITERIA:
        raise ValidationError({"criteria": _("At most %(max)s criteria.") % {"max": MAX_CRITERIA}})
    return cleaned


@transaction.atomic
def create_campaign(
    *,
    by: User,
    unit: Unit,
    title: str,
    starts_on: dt.date,
    ends_on: dt.date,
    nomination_deadline: dt.date,
    criteria: Iterable[tuple[str, int]],
    description: str = "",
    target_kinds: Iterable[str] = (),
) -> Campaign:
    """A draft campaign with its criteria; open it to collect nominations."""
    _require(access.can_create_campaign(by, unit))
    title = clean_text(title, "title", max_length=TITLE_MAX_LENGTH)
    description = clean_text(description, "description", required=False, max_length=TEXT_MAX_LENGTH)
    if starts_on is None:
        raise ValidationError({"starts_on": _("This field is required.")})
    if ends_on is None:
        raise ValidationError({"ends_on": _("This field is required.")})
    if nomination_deadline is None:
        raise ValidationError({"nomination_deadline": _("This field is required.")})
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The period ends before it starts.")})
    if nomination_deadline < starts_on:
        raise ValidationError(
            {"nomination_deadline": _("The nomination deadline falls before the period starts.")}
        )
    kinds = sorted(set(target_kinds))
    for kind in kinds:
        _choice(kind, UnitKind, "target_kinds")
    cleaned = _check_criteria(criteria)
    with acting_as(by):
        campaign = Campaign.objects.create(
            unit=unit,
            title=title,
            description=description,
            starts_on=starts_on,
            ends_on=ends_on,
            nomination_deadline=nomination_deadline,
            target_kinds=kinds,
            created_by=by,
        )
        for position, (name, max_points) in enumerate(cleaned):
            Criterion.objects.create(
                campaign=campaign, name=name, max_points=max_points, position=position
            )
    return campaign


@transaction.atomic
def open_campaign(campaign: Campaign, *, by: User) -> Campaign:
    _require(access.can_manage_campaign(by, campaign))
    campaign = _fresh_campaign(campaign)
    if campaign.status != CampaignStatus.DRAFT:
        raise ValidationError(_("Only a draft campaign can be opened."))
    if campaign.nomination_deadline < today():
        raise ValidationError(
            {"nomination_deadline": _("The nomination deadline has already passed.")}
        )
    with acting_as(by):
        campaign.status = CampaignStatus.OPEN
        campaign.save(update_fields=["status", "updated_at"])
    return campaign


@transaction.atomic
def close_campaign(campaign: Campaign, *, by: User) -> Campaign:
    _require(access.can_manage_campaign(by, campaign))
    campaign = _fresh_campaign(campaign)
    if campaign.status != CampaignStatus.OPEN:
        raise ValidationError(_("Only an open campaign can be closed."))
    with acting_as(by):
        campaign.status = CampaignStatus.CLOSED
        campaign.save(update_fields=["status", "updated_at"])
    return campaign


# --- Nominations ------------------------------------------------------------------------------


@transaction.atomic
def submit_nomination(
    *,
    by: User,
    unit: Unit,
    title: str,
    field: str,
    subject_kind: str,
    subject_name: str,
    description: str,
    results: str,
    campaign: Campaign | None = None,
) -> Nomination:
    """A unit proposes a model or a person, within a campaign of an upper unit or on its own."""
    _require(access.can_nominate(by, unit))
    title = clean_text(title, "title", max_length=TITLE_MAX_LENGTH)
    field = _choice(field, Field, "field")
    subject_kind = _choice(subject_kind, SubjectKind, "subject_kind")
    subject_name = clean_text(subject_name, "subject_name", max_length=TITLE_MAX_LENGTH)
    description = clean_text(description, "description", max_length=TEXT_MAX_LENGTH)
    results = clean_text(results, "results", max_length=TEXT_MAX_LENGTH)
    if campaign is not None:
        # Locked: a campaign closed at this moment takes no more nominations.
        campaign = _fresh_campaign(campaign)
        if campaign.status != CampaignStatus.OPEN:
            raise ValidationError({"campaign": _("This campaign is not open for nominations.")})
        if today() > campaign.nomination_deadline:
            raise ValidationError(
                {
                    "campaign": _(
                        "The nomination deadline (%(date)s) has passed: the nomination is late."
                    )
                    % {"date": format_date(campaign.nomination_deadline)}
                }
            )
        if not campaign.accepts_from(unit):
            raise ValidationError(
                {
                    "campaign": _("This campaign does not ask %(unit)s for nominations.")
                    % {"unit": unit.name}
                }
            )
    with acting_as(by):
        return Nomination.objects.create(
            unit=unit,
            campaign=campaign,
            title=title,
            field=field,
            subject_kind=subject_kind,
            subject_name=subject_name,
            description=description,
            results=results,
            submitted_by=by,
            submitted_on=today(),
        )


@transaction.atomic
def add_evidence(
    nomination: Nomination,
    *,
    by: User,
    file: UploadedFile | None,
    title: str = "",
    is_public: bool = False,
) -> Evidence:
    _require(access.can_add_evidence(by, nomination))
    nomination = _fresh_nomination(nomination)
    if not nomination.is_open:
        raise ValidationError(
            _("The nomination has been decided: its evidence can no longer change.")
        )
    if file is None:
        raise ValidationError({"file": _("Choose a file.")})
    try:
        validate_upload(file)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from exc
    title = clean_text(title or (file.name or ""), "title", max_length=TITLE_MAX_LENGTH)
    with acting_as(by):
        return Evidence.objects.create(
            nomination=nomination, title=title, file=file, is_public=bool(is_public)
        )


# --- Assessment and decision ------------------------------------------------------------------


@transaction.atomic
def score_nomination(
    nomination: Nomination, *, by: User, points: Mapping[int, int | None]
) -> list[Score]:
    """The assessor's points on each criterion of the campaign (0..max); a second scoring by the
    same assessor replaces their earlier points, so nothing counts twice."""
    _require(access.can_assess(by, nomination))
    nomination = _fresh_nomination(nomination)
    if not nomination.is_open:
        raise ValidationError(_("The nomination has been decided: it can no longer be scored."))
    criteria = list(nomination.campaign.criteria.all())
    known = {c.pk for c in criteria}
    unknown = [pk for pk in points if pk not in known]
    if unknown:
        raise ValidationError({"points": _("A criterion is not one of this campaign's.")})
    saved: list[Score] = []
    with acting_as(by):
        for criterion in criteria:
            value = points.get(criterion.pk)
            key = f"criterion_{criterion.pk}"
            if value is None:
                raise ValidationError({key: _("Give points for every criterion.")})
            if not isinstance(value, int) or not 0 <= value <= criterion.max_points:
                raise ValidationError(
                    {
                        key: _("Points must be a whole number from 0 to %(max)s.")
                        % {"max": criterion.max_points}
                    }
                )
            score, _created = Score.objects.update_or_create(
                nomination=nomination,
                criterion=criterion,
                assessor=by,
                defaults={"points": value},
            )
            saved.append(score)
    return saved


@transaction.atomic
def decide_nomination(
    nomination: Nomination,
    *,
    by: User,
    recognised: bool,
    recognition_form: str = "",
    decision_number: str = "",
    decision_date: dt.date | None = None,
    reasons: str = "",
) -> Nomination:
    """Recognised with a form and a numbered, dated decision, or not recognised with reasons."""
    _require(access.can_decide(by, nomination))
    nomination = _fresh_nomination(nomination)
    if not nomination.is_open:
        raise ValidationError(_("The nomination has already been decided."))
    reasons = clean_text(reasons, "reasons", required=not recognised, max_length=TEXT_MAX_LENGTH)
    if recognised:
        recognition_form = _choice(recognition_form, RecognitionForm, "recognition_form")
        decision_number = clean_text(decision_number, "decision_number", max_length=100)
        if decision_date is None:
            raise ValidationError({"decision_date": _("This field is required.")})
        if decision_date > today():
            raise ValidationError({"decision_date": _("This date is in the future.")})
        if decision_date < nomination.submitted_on:
            raise ValidationError(
                {"decision_date": _("The decision cannot come before the nomination.")}
            )
        nomination.status = NominationStatus.RECOGNISED
    else:
        recognition_form, decision_number = (
            "",
            clean_text(decision_number, "decision_number", required=False, max_length=100),
        )
        if decision_date is not None and decision_date > today():
            raise ValidationError({"decision_date": _("This date is in the future.")})
        decision_date = decision_date or today()
        nomination.status = NominationStatus.NOT_RECOGNISED
    nomination.recognition_form = recognition_form
    nomination.decision_number = decision_number
    nomination.decision_date = decision_date
    nomination.decision_reasons = reasons
    nomination.decided_by = by
    with acting_as(by):
        nomination.save(
            update_fields=[
                "status",
                "recognition_form",
                "decision_number",
                "decision_date",
                "decision_reasons",
                "decided_by",
                "updated_at",
            ]
        )
    return nomination
