"""The life of a village convention (Decree 61/2023/NĐ-CP): atomic, audited, checked.

drafting → out for comment (a consultation of at least 30 days) → put to the households (a
community matter: more than half of ALL households, Law 10/2022/QH15, art. 21) → approved →
dossier sent to the commune (within 5 working days) → recognised (within 5 working days of
receipt) or refused in writing with reasons → in force; the version in force before it is
superseded. Amendments are new versions taking the same steps. Every year the convention is
reviewed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from coso.community import actions as community_actions
from coso.community.models import DecisionRule, Matter, MatterKind, MatterStatus
from coso.consultations import actions as consultation_actions
from coso.consultations.models import Channel, ConsultationKind
from coso.core.audit import acting_as
from coso.core.checks import require as _require
from coso.core.dates import format_date, today
from coso.core.errors import InvalidTransition
from coso.core.workdays import add_working_days
from coso.units.models import Unit, UnitKind, User

from . import access
from .models import (
    IN_PROGRESS,
    Convention,
    ConventionKind,
    ConventionReview,
    ConventionRule,
    ConventionVersion,
    ReviewConclusion,
    VersionStatus,
    rule,
)

# The kind of consultation a convention's draft is put out under (seeded by migration 0002).
CONSULTATION_KIND = "village-convention"
TEXT_MAX = 100_000
REASONS_MIN = 10


def _label(status: str) -> str:
    return str(VersionStatus(status).label)


def _lock(version: ConventionVersion) -> ConventionVersion:
    return (
        ConventionVersion.objects.select_for_update(of=("self",))
        .select_related("convention__unit", "consultation", "matter")
        .get(pk=version.pk)
    )


def _expect(version: ConventionVersion, *statuses: str, target: str) -> None:
    if version.status not in statuses:
        raise InvalidTransition(_label(version.status), _label(target))


def _check_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationError({"text": _("Enter the text of the convention.")})
    if len(text) > TEXT_MAX:
        raise ValidationError(
            {"text": _("The text is too long (at most %(n)s characters).") % {"n": TEXT_MAX}}
        )
    return text


def _check_review_day(day: int, month: int) -> None:
    try:
        dt.date(2024, int(month), int(day))  # a leap year: 29/02 is a valid agreed day
    except (TypeError, ValueError):
        raise ValidationError(
            {"review_day": _("Enter a real day of the year for the yearly review.")}
        ) from None


def _check_day(field: str, day: dt.date | None, *, not_before: dt.date | None = None) -> None:
    if day is None:
        raise ValidationError({field: _("Enter the date (dd/mm/yyyy).")})
    if day > today():
        raise ValidationError({field: _("This day has not come yet.")})
    if not_before is not None and day < not_before:
        raise ValidationError(
            {field: _("This date cannot be before %(d)s.") % {"d": format_date(not_before)}}
        )


# --- Drafting ---------------------------------------------------------------------------------


@transaction.atomic
def start_convention(
    *,
    by: User,
    unit: Unit,
    title: str,
    text: str,
    kind: str = ConventionKind.COVENANT,
    review_day: int | None = None,
    review_month: int | None = None,
) -> Convention:
    """A residential community starts drafting its convention (version 1)."""
    if unit.kind != UnitKind.RESIDENTIAL:
        raise ValidationError(
            {"unit": _("A village convention belongs to a residential community.")}
        )
    _require(access.can_create_convention(by, unit))
    if kind not in ConventionKind.values:
        raise ValidationError({"kind": _("Choose hương ước or quy ước.")})
    # Decree 61/2023: reviewed every year on 18 November unless the community agrees a day.
    day = review_day if review_day is not None else rule(ConventionRule.REVIEW_DAY).value
    month = review_month if review_month is not None else rule(ConventionRule.REVIEW_MONTH).value
    _check_review_day(day, month)
    text = _check_text(text)
    with acting_as(by):
        convention = Convention(
            unit=unit,
            kind=kind,
            title=(title or "").strip(),
            review_day=day,
            review_month=month,
            created_by=by,
        )
        convention.full_clean(exclude=["unit_path", "search_text"])
        convention.save()
        ConventionVersion.objects.create(convention=convention, number=1, text=text, created_by=by)
    return convention


@transaction.atomic
def update_convention(
    convention: Convention, *, by: User, title: str, review_day: int, review_month: int
) -> Convention:
    """Rename the convention or change the agreed day of its yearly review."""
    _require(access.can_manage_convention(by, convention))
    _check_review_day(review_day, review_month)
    with acting_as(by):
        convention.title = (title or "").strip()
        convention.review_day = review_day
        convention.review_month = review_month
        convention.full_clean(exclude=["unit_path", "search_text"])
        convention.save()
    return convention


@transaction.atomic
def update_draft(
    version: ConventionVersion, *, by: User, text: str, changes: str = ""
) -> ConventionVersion:
    """Change the draft: while drafting, and after the comment period to take comments in."""
    _require(access.can_manage_convention(by, version.convention))
    version = _lock(version)
    editable = version.status == VersionStatus.DRAFTING or (
        version.status == VersionStatus.COMMENTING
        and version.consultation is not None
        and version.consultation.period_over
    )
    if not editable:
        raise ValidationError(
            _("The draft can be changed while drafting, and after its comment period.")
        )
    with acting_as(by):
        version.text = _check_text(text)
        version.changes = (changes or "").strip()
        version.save()
    return version


@transaction.atomic
def start_amendment(
    convention: Convention, *, by: User, text: str = "", changes: str = ""
) -> ConventionVersion:
    """An amendment is a new version that takes the same steps; earlier ones stay readable."""
    _require(access.can_manage_convention(by, convention))
    convention = Convention.objects.select_for_update().get(pk=convention.pk)
    busy = convention.versions.filter(status__in=IN_PROGRESS).first()
    if busy is not None:
        raise ValidationError(
            _("Version %(n)s is still on its way (%(status)s): finish it first.")
            % {"n": busy.number, "status": busy.get_status_display()}
        )
    base = convention.versions.order_by("-number").first()
    number = (convention.versions.aggregate(m=Max("number"))["m"] or 0) + 1
    text = _check_text(text or (base.text if base else ""))
    with acting_as(by):
        return ConventionVersion.objects.create(
            convention=convention,
            number=number,
            text=text,
            changes=(changes or "").strip(),
            created_by=by,
        )


# --- Comment, households ----------------------------------------------------------------------


def sections_of(text: str) -> list[tuple[str, str]]:
    """The draft cut at its articles ("Điều 1. …") so people comment article by article."""
    sections: list[tuple[str, list[str]]] = []
    preamble: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.lower().startswith(("điều ", "chương ")):
            sections.append((stripped[:500], []))
        elif sections:
            sections[-1][1].append(line)
        else:
            preamble.append(line)
    result = []
    if "\n".join(preamble).strip():
        result.append(("Phần mở đầu", "\n".join(preamble).strip()))
    result.extend((heading, "\n".join(body).strip()) for heading, body in sections)
    return result or [("Toàn văn dự thảo", text)]


@transaction.atomic
def put_out_for_comment(
    version: ConventionVersion,
    *,
    by: User,
    opens_on: dt.date,
    closes_on: dt.date,
    channels: Iterable[str] = (Channel.PORTAL, Channel.MEETING),
) -> ConventionVersion:
    """Post the draft for the community's comments: a consultation of at least 30 days."""
    convention = version.convention
    _require(access.can_manage_convention(by, convention))
    version = _lock(version)
    _expect(version, VersionStatus.DRAFTING, target=VersionStatus.COMMENTING)
    if opens_on is None or closes_on is None:
        raise ValidationError({"closes_on": _("Enter the first and the last day of the period.")})
    minimum = rule(ConventionRule.COMMENT_MIN_DAYS)
    days = (closes_on - opens_on).days + 1  # both the first and the last day are posted days
    # Decree 61/2023/NĐ-CP: the draft is posted for comment at least 30 days.
    if days < minimum.value:
        raise ValidationError(
            {
                "closes_on": _(
                    "The draft must be open for comment at least %(min)s days (%(citation)s); "
                    "this period has %(days)s days."
                )
                % {"min": minimum.value, "citation": minimum.citation, "days": days}
            }
        )
    consultation = consultation_actions.create_consultation(
        by=by,
        unit=convention.unit,
        kind=ConsultationKind.objects.get(code=CONSULTATION_KIND),
        title=f"Dự thảo {convention.title}"
        + (f" (sửa đổi lần {version.number - 1})" if version.number > 1 else ""),
        introduction=version.changes,
        opens_on=opens_on,
        closes_on=closes_on,
        channels=channels,
        sections=sections_of(version.text),
    )
    consultation = consultation_actions.open_consultation(consultation, by=by)
    with acting_as(by):
        version.consultation = consultation
        version.status = VersionStatus.COMMENTING
        version.save()
    return version


def allowed_methods() -> list[str]:
    return DecisionRule.for_kind(MatterKind.CONVENTION).allowed_methods()


@transaction.atomic
def put_to_households(
    version: ConventionVersion, *, by: User, method: str, **matter_fields
) -> Matter:
    """After the comment period, the households decide on the final draft (Law 10/2022/QH15,
    art. 15, cl. 3: the village convention is a matter the households decide)."""
    convention = version.convention
    _require(access.can_manage_convention(by, convention))
    version = _lock(version)
    _expect(version, VersionStatus.COMMENTING, target=VersionStatus.VOTING)
    consultation = version.consultation
    if consultation is not None and not consultation.period_over:
        raise ValidationError(
            _("The comment period runs until %(d)s: the households decide after it.")
            % {"d": format_date(consultation.closes_on)}
        )
    title = f"Thông qua {convention.title}" + (
        f" (sửa đổi lần {version.number - 1})" if version.number > 1 else ""
    )
    matter = community_actions.open_matter(
        by=by,
        unit=convention.unit,
        kind=MatterKind.CONVENTION,
        title=title[:500],
        description=version.changes,
        method=method,
        **matter_fields,
    )
    with acting_as(by):
        version.matter = matter
        version.status = VersionStatus.VOTING
        version.save()
    return matter


@transaction.atomic
def record_households_decision(version: ConventionVersion, *, by: User) -> ConventionVersion:
    """Read the counted matter: approved when more than half of ALL households agreed
    (Law 10/2022/QH15, art. 21; `Matter.adopted` applies it), else not approved."""
    _require(access.can_manage_convention(by, version.convention))
    version = _lock(version)
    _expect(version, VersionStatus.VOTING, target=VersionStatus.APPROVED)
    matter = version.households_matter()
    if matter is None or matter.status == MatterStatus.OPEN or matter.adopted is None:
        raise ValidationError(
            _("The households' votes are not counted yet: close the voting first.")
        )
    with acting_as(by):
        if matter.adopted:
            version.status = VersionStatus.APPROVED
            version.approved_on = matter.decided_on or today()
            # Decree 61/2023/NĐ-CP: the dossier goes to the commune within 5 working days.
            version.submission_deadline = add_working_days(
                version.approved_on, rule(ConventionRule.SUBMIT_WORKING_DAYS).value
            )
        else:
            version.status = VersionStatus.REJECTED
        version.save()
    return version


# --- The commune ------------------------------------------------------------------------------


@transaction.atomic
def submit_to_commune(
    version: ConventionVersion, *, by: User, submitted_on: dt.date | None = None
) -> ConventionVersion:
    """Record the day the dossier reached the commune; its 5 working days start then."""
    _require(access.can_manage_convention(by, version.convention))
    version = _lock(version)
    _expect(version, VersionStatus.APPROVED, target=VersionStatus.SUBMITTED)
    submitted_on = submitted_on or today()
    _check_day("submitted_on", submitted_on, not_before=version.approved_on)
    with acting_as(by):
        version.submitted_on = submitted_on
        # Decree 61/2023/NĐ-CP: the commune decides within 5 working days of the dossier.
        version.decision_deadline = add_working_days(
            submitted_on, rule(ConventionRule.DECIDE_WORKING_DAYS).value
        )
        version.status = VersionStatus.SUBMITTED
        version.save()
    # The dossier carries the households' decision: the community matter is sent with it
    # (Law 10/2022/QH15, art. 20: the result goes to the commune within 5 working days).
    matter = version.households_matter()
    if matter is not None and matter.status == MatterStatus.CLOSED:
        community_actions.mark_sent_to_commune(by=by, matter=matter, sent_on=submitted_on)
    return version


@transaction.atomic
def recognise_version(
    version: ConventionVersion,
    *,
    by: User,
    decided_on: dt.date,
    decision_number: str = "",
    in_force_from: dt.date | None = None,
) -> ConventionVersion:
    """The commune recognises the version: it comes into force, the one before is superseded."""
    _require(access.can_decide_convention(by, version.convention))
    version = _lock(version)
    _expect(version, VersionStatus.SUBMITTED, target=VersionStatus.IN_FORCE)
    _check_day("decided_on", decided_on, not_before=version.submitted_on)
    in_force_from = in_force_from or decided_on
    if in_force_from < decided_on:
        raise ValidationError(
            {"in_force_from": _("A convention cannot be in force before it is recognised.")}
        )
    with acting_as(by):
        for previous in ConventionVersion.objects.select_for_update().filter(
            convention=version.convention, status=VersionStatus.IN_FORCE
        ):
            previous.status = VersionStatus.SUPERSEDED
            previous.superseded_on = in_force_from
            previous.save()
        version.status = VersionStatus.IN_FORCE
        version.decided_on = decided_on
        version.decision_number = (decision_number or "").strip()[:100]
        version.in_force_from = in_force_from
        version.decided_by = by
        version.save()
    return version


@transaction.atomic
def refuse_version(
    version: ConventionVersion,
    *,
    by: User,
    decided_on: dt.date,
    reasons: str,
    decision_number: str = "",
) -> ConventionVersion:
    """The commune does not recognise the version: in writing, with its reasons (Decree
    61/2023/NĐ-CP). The community may draft an amended version."""
    _require(access.can_decide_convention(by, version.convention))
    version = _lock(version)
    _expect(version, VersionStatus.SUBMITTED, target=VersionStatus.REFUSED)
    reasons = (reasons or "").strip()
    if len(reasons) < REASONS_MIN:
        raise ValidationError(
            {
                "reasons": _(
                    "A refusal is given in writing with its reasons (Decree 61/2023/NĐ-CP): "
                    "write the reasons."
                )
            }
        )
    _check_day("decided_on", decided_on, not_before=version.submitted_on)
    with acting_as(by):
        version.status = VersionStatus.REFUSED
        version.decided_on = decided_on
        version.refusal_reasons = reasons
        version.decision_number = (decision_number or "").strip()[:100]
        version.decided_by = by
        version.save()
    return version


# --- Yearly review ----------------------------------------------------------------------------


@transaction.atomic
def record_review(
    convention: Convention, *, by: User, reviewed_on: dt.date, conclusion: str, notes: str = ""
) -> ConventionReview:
    """The yearly review (Decree 61/2023/NĐ-CP): keep the convention, or amend it."""
    _require(access.can_manage_convention(by, convention))
    in_force = convention.versions.filter(status=VersionStatus.IN_FORCE).first()
    if in_force is None:
        raise ValidationError(_("Only a convention in force is reviewed."))
    if conclusion not in ReviewConclusion.values:
        raise ValidationError({"conclusion": _("Choose whether to keep or amend it.")})
    _check_day("reviewed_on", reviewed_on, not_before=in_force.in_force_from)
    with acting_as(by):
        return ConventionReview.objects.create(
            convention=convention,
            reviewed_on=reviewed_on,
            conclusion=conclusion,
            notes=(notes or "").strip(),
            recorded_by=by,
        )
