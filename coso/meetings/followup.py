"""After the meeting: what was discussed and concluded, commitments followed until done,
questions that become feedback items, and the minutes published to the participants.

Every change is atomic and audited under the acting user; the row whose status changes is
locked and checked again, so two officers acting at once never forward a question twice or
publish the minutes twice.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import clean_text
from coso.core.checks import require as _require
from coso.core.dates import format_date, today
from coso.core.notifications import Reminder, notify
from coso.feedback import access as feedback_access
from coso.feedback.actions import submit_feedback
from coso.feedback.models import TITLE_MAX_LENGTH as FEEDBACK_TITLE_MAX_LENGTH
from coso.feedback.models import Feedback, FeedbackKind, Source
from coso.units.models import Unit, User

from . import access
from .models import (
    TEXT_MAX_LENGTH,
    Commitment,
    CommitmentStatus,
    KindCode,
    Meeting,
    MeetingStatus,
    Question,
    QuestionStatus,
)

# What is recorded during and right after the meeting, until the minutes are published.
RECORDING_STATUSES = (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD)
# Questions are followed as feedback once the meeting has started, also after the minutes.
FORWARDING_STATUSES = (MeetingStatus.IN_PROGRESS, MeetingStatus.HELD, MeetingStatus.CLOSED)
NAME_MAX_LENGTH = 200
# A question becomes a feedback item of this kind unless the officer picks another.
DEFAULT_FEEDBACK_KIND = "recommendation"
# Where a question reached the unit, for the feedback item's source.
DIALOGUE_KINDS = (
    KindCode.WORKPLACE_DIALOGUE,
    KindCode.DIALOGUE_ON_REQUEST,
    KindCode.COMMUNE_DIALOGUE,
)


def _text(value: str, field: str, *, required: bool = True, limit: int = TEXT_MAX_LENGTH) -> str:
    return clean_text(value, field, required=required, max_length=limit)


def _locked_meeting(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("unit", "kind")
        .get(pk=meeting.pk)
    )


def _locked_commitment(commitment: Commitment) -> Commitment:
    return (
        Commitment.objects.select_for_update(of=("self",))
        .select_related("meeting__unit", "meeting__kind", "owner_unit")
        .get(pk=commitment.pk)
    )


def meeting_day(meeting: Meeting) -> dt.date:
    """The day the meeting was held (or is to be), in Vietnam's time."""
    return timezone.localtime(meeting.opened_at or meeting.starts_at).date()


def meeting_url(meeting: Meeting) -> str:
    try:
        return reverse("meetings:detail", args=[meeting.pk])
    except NoReverseMatch:  # the meeting page is another part's; keep working without it
        return ""


def _check_recording(meeting: Meeting) -> None:
    if meeting.status == MeetingStatus.CLOSED:
        raise ValidationError(_("The minutes are published: the record can no longer change."))
    if meeting.status not in RECORDING_STATUSES:
        raise ValidationError(
            _("The meeting has not started yet: record this once it is in progress.")
        )


# --- Discussion and conclusions --------------------------------------------------------------


@transaction.atomic
def record_outcome(meeting: Meeting, *, by: User, discussion: str, conclusions: str) -> Meeting:
    """Write what was discussed and concluded, for the minutes."""
    _require(access.can_run_meeting(by, meeting))
    fresh = _locked_meeting(meeting)
    _check_recording(fresh)
    fresh.discussion = _text(discussion, "discussion", required=False)
    fresh.conclusions = _text(conclusions, "conclusions", required=False)
    with acting_as(by):
        fresh.save(update_fields=["discussion", "conclusions", "updated_at"])
    meeting.discussion, meeting.conclusions = fresh.discussion, fresh.conclusions
    return fresh


# --- Commitments -------------------------------------------------------------------------------


def owner_units(meeting: Meeting):
    """Units that may carry out the meeting's commitments: the meeting's unit and those below."""
    return Unit.objects.active().subtree_of(meeting.unit)


def _check_owner(meeting: Meeting, owner_unit: Unit | None) -> Unit:
    if owner_unit is None:
        raise ValidationError({"owner_unit": _("Choose the unit responsible.")})
    if owner_unit.is_closed or not owner_units(meeting).filter(pk=owner_unit.pk).exists():
        raise ValidationError(
            {"owner_unit": _("Choose %(unit)s or a unit under it.") % {"unit": meeting.unit}}
        )
    return owner_unit


def _check_due(meeting: Meeting, due_on: dt.date | None) -> dt.date:
    if due_on is None:
        raise ValidationError({"due_on": _("Enter the deadline.")})
    day = meeting_day(meeting)
    if due_on < day:
        raise ValidationError(
            {
                "due_on": _("The deadline cannot be before the meeting (%(day)s).")
                % {"day": format_date(day)}
            }
        )
    return due_on


@transaction.atomic
def add_commitment(
    meeting: Meeting,
    *,
    by: User,
    text: str,
    owner_unit: Unit | None,
    due_on: dt.date | None,
    owner_name: str = "",
) -> Commitment:
    """Record a conclusion or commitment of the meeting: who carries it out, by when."""
    _require(access.can_run_meeting(by, meeting))
    fresh = _locked_meeting(meeting)
    _check_recording(fresh)
    commitment = Commitment(
        meeting=fresh,
        text=_text(text, "text"),
        owner_unit=_check_owner(fresh, owner_unit),
        owner_name=_text(owner_name, "owner_name", required=False, limit=NAME_MAX_LENGTH),
        due_on=_check_due(fresh, due_on),
    )
    with acting_as(by):
        commitment.save()
    return commitment


@transaction.atomic
def update_commitment(
    commitment: Commitment,
    *,
    by: User,
    text: str,
    owner_unit: Unit | None,
    due_on: dt.date | None,
    owner_name: str = "",
) -> Commitment:
    """Correct a commitment still in progress. Once the minutes are published its wording is
    the record's and stays; the responsible unit, person and deadline may still change."""
    _require(access.can_run_meeting(by, commitment.meeting))
    fresh = _locked_commitment(commitment)
    if fresh.status != CommitmentStatus.OPEN:
        raise ValidationError(_("This commitment is closed: it can no longer change."))
    meeting = fresh.meeting
    text = _text(text, "text")
    if meeting.status == MeetingStatus.CLOSED and text != fresh.text:
        raise ValidationError(
            {"text": _("The minutes are published: the wording of the commitment stays.")}
        )
    fresh.text = text
    fresh.owner_unit = _check_owner(meeting, owner_unit)
    fresh.owner_name = _text(owner_name, "owner_name", required=False, limit=NAME_MAX_LENGTH)
    fresh.due_on = _check_due(meeting, due_on)
    with acting_as(by):
        fresh.save()
    return fresh


@transaction.atomic
def complete_commitment(
    commitment: Commitment, *, by: User, result: str, done_on: dt.date | None = None
) -> Commitment:
    """The responsible unit (or the meeting's officers) reports the commitment done."""
    _require(access.can_update_commitment(by, commitment))
    fresh = _locked_commitment(commitment)
    if fresh.status != CommitmentStatus.OPEN:
        raise ValidationError(_("This commitment is already closed."))
    result = _text(result, "result")
    day = done_on or today()
    if day > today():
        raise ValidationError({"done_on": _("The day it was done cannot be in the future.")})
    first = meeting_day(fresh.meeting)
    if day < first:
        raise ValidationError(
            {
                "done_on": _("The day it was done cannot be before the meeting (%(day)s).")
                % {"day": format_date(first)}
            }
        )
    fresh.status = CommitmentStatus.DONE
    fresh.result = result
    fresh.done_on = day
    with acting_as(by):
        fresh.save(update_fields=["status", "result", "done_on", "updated_at"])
    return fresh


@transaction.atomic
def drop_commitment(commitment: Commitment, *, by: User, reason: str) -> Commitment:
    """The meeting's officers give up a commitment, saying why (kept as its result)."""
    _require(access.can_manage_meeting(by, commitment.meeting))
    fresh = _locked_commitment(commitment)
    if fresh.status != CommitmentStatus.OPEN:
        raise ValidationError(_("This commitment is already closed."))
    fresh.status = CommitmentStatus.DROPPED
    fresh.result = _text(reason, "reason")
    fresh.done_on = today()
    with acting_as(by):
        fresh.save(update_fields=["status", "result", "done_on", "updated_at"])
    return fresh


# --- Questions become feedback items ------------------------------------------------------------


def can_forward(question: Question) -> bool:
    """Raised at the meeting, or sent ahead and left unanswered; not yet followed as feedback."""
    if question.feedback_id is not None or question.status == QuestionStatus.FORWARDED:
        return False
    return question.raised_at_meeting or question.status == QuestionStatus.OPEN


def feedback_source(meeting: Meeting) -> str:
    if meeting.kind.code == KindCode.CITIZEN_RECEPTION:
        return Source.RECEPTION
    if meeting.kind.code in DIALOGUE_KINDS:
        return Source.DIALOGUE
    return Source.CONFERENCE


def default_feedback_kind() -> FeedbackKind | None:
    active = FeedbackKind.objects.filter(is_active=True)
    return active.filter(code=DEFAULT_FEEDBACK_KIND).first() or active.first()


def _title(text: str) -> str:
    line = " ".join(text.split())
    if len(line) <= FEEDBACK_TITLE_MAX_LENGTH:
        return line
    return line[: FEEDBACK_TITLE_MAX_LENGTH - 1].rstrip() + "…"


def _forward(question: Question, meeting: Meeting, *, by: User, kind: FeedbackKind) -> Feedback:
    day = min(meeting_day(meeting), today())
    # The item is a record: written in the site's language, whoever forwards it.
    with translation.override(settings.LANGUAGE_CODE):
        content = "\n\n".join(
            part
            for part in (
                question.text.strip(),
                _("Answer at the meeting: %(answer)s") % {"answer": question.answer.strip()}
                if question.answer.strip()
                else "",
                _("Raised at “%(meeting)s” on %(day)s.")
                % {"meeting": meeting.title, "day": format_date(day)},
            )
            if part
        )
    asker = question.asker_name or (question.asked_by.display_name if question.asked_by else "")
    feedback = submit_feedback(
        unit=meeting.unit,
        kind=kind,
        title=_title(question.text),
        content=content,
        source=feedback_source(meeting),
        by=by,
        sender_name=asker,
        sender_email=(question.asked_by.email if question.asked_by else "") or "",
        source_note=meeting.title,
        received_on=day,
    )
    question.feedback = feedback
    question.status = QuestionStatus.FORWARDED
    with acting_as(by):
        question.save(update_fields=["feedback", "status", "updated_at"])
    return feedback


def _check_forwarding(meeting: Meeting, by: User) -> None:
    _require(access.can_manage_meeting(by, meeting))
    _require(feedback_access.can_record_feedback(by, meeting.unit))
    if meeting.status not in FORWARDING_STATUSES:
        raise ValidationError(_("Questions are followed as feedback once the meeting has started."))


@transaction.atomic
def forward_question(question: Question, *, by: User, kind: FeedbackKind | None = None) -> Feedback:
    """Turn a question into a feedback item of the meeting's unit, tracked to its answer; once."""
    meeting = question.meeting
    _check_forwarding(meeting, by)
    fresh = (
        Question.objects.select_for_update(of=("self",))
        .select_related("meeting__unit", "meeting__kind", "asked_by")
        .get(pk=question.pk)
    )
    if not can_forward(fresh):
        if fresh.feedback_id is not None:
            raise ValidationError(_("This question is already followed as a feedback item."))
        raise ValidationError(
            _("This question was answered at the meeting and needs no further follow-up.")
        )
    kind = kind or default_feedback_kind()
    if kind is None:
        raise ValidationError({"kind": _("Choose the kind of feedback.")})
    feedback = _forward(fresh, fresh.meeting, by=by, kind=kind)
    question.feedback, question.status = feedback, fresh.status
    return feedback


@transaction.atomic
def forward_questions(
    meeting: Meeting, *, by: User, kind: FeedbackKind | None = None
) -> list[Feedback]:
    """Forward every question that still needs it; those already forwarded are left alone."""
    _check_forwarding(meeting, by)
    fresh_meeting = _locked_meeting(meeting)
    kind = kind or default_feedback_kind()
    if kind is None:
        raise ValidationError({"kind": _("Choose the kind of feedback.")})
    waiting = (
        Question.objects.select_for_update(of=("self",))
        .select_related("asked_by")
        .filter(meeting=fresh_meeting, feedback__isnull=True)
        .exclude(status=QuestionStatus.FORWARDED)
        .order_by("created_at", "id")
    )
    return [_forward(q, fresh_meeting, by=by, kind=kind) for q in waiting if can_forward(q)]


# --- The minutes ---------------------------------------------------------------------------


@transaction.atomic
def publish_minutes(meeting: Meeting, *, by: User) -> Meeting:
    """Close the meeting's record (HELD → CLOSED) and tell the participants with accounts."""
    _require(access.can_manage_meeting(by, meeting))
    fresh = _locked_meeting(meeting)
    if fresh.status == MeetingStatus.CLOSED:
        raise ValidationError(_("The minutes are already published."))
    if fresh.status != MeetingStatus.HELD:
        raise ValidationError(_("The minutes are published once the meeting has ended."))
    fresh.status = MeetingStatus.CLOSED
    fresh.minutes_published_at = timezone.now()
    with acting_as(by):
        fresh.save(update_fields=["status", "minutes_published_at", "updated_at"])
    recipients = sorted(
        set(
            fresh.participants.filter(user__isnull=False, user__is_active=True).values_list(
                "user_id", flat=True
            )
        )
    )
    with translation.override(settings.LANGUAGE_CODE):
        message = _("The minutes of “%(meeting)s” are published.") % {"meeting": fresh.title}
    url = meeting_url(fresh)
    notify(Reminder(user_id, f"meeting-minutes:{fresh.pk}", message, url) for user_id in recipients)
    meeting.status, meeting.minutes_published_at = fresh.status, fresh.minutes_published_at
    return fresh
