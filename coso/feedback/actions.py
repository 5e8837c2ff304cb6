"""Receiving and handling feedback: atomic, audited, one verb per step.

Law 10/2022/QH15 asks units to handle reflections and recommendations "promptly and
conclusively"; complaints follow the Law on Complaints 2011 and denunciations the Law on
Denunciation 2018. Deadlines come from the kind's rule (`FeedbackKind`) and count working days
through coso.core.workdays when the rule says so.

Every handling step locks the item's row first (`_locked`), so two officers acting at once
are serialised: the second one sees the first one's result (an answer already given, a unit
already changed) and is refused instead of acting twice.

The sender is never the recorded actor of a step: a denouncer who sends a denunciation while
signed in must not appear in the audit log, on the timeline or in anyone's notification
(Law on Denunciation 2018, art. 47). Their steps run `as_sender()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal

from auditlog.context import auditlog_value
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import require as _require
from coso.core.dates import today
from coso.core.notifications import Reminder, notify
from coso.core.text import fold
from coso.core.uploads import validate_upload
from coso.core.workdays import add_working_days, working_days_between
from coso.units.models import Role, RoleAssignment, Unit, User

from . import access
from .models import (
    ANSWER_MAX_LENGTH,
    CONTENT_MAX_LENGTH,
    CONTENT_MIN_LENGTH,
    TITLE_MAX_LENGTH,
    EventKind,
    Feedback,
    FeedbackEvent,
    FeedbackField,
    FeedbackFile,
    FeedbackKind,
    Source,
    Status,
)

# Files one sender may attach to one item: enough for photos and a letter.
MAX_FILES = 5
NOTE_MAX_LENGTH = 5_000
REASON_MAX_LENGTH = 1_000
# Roles that make someone an officer of a unit: who is told when nobody handles an item yet.
OFFICER_ROLES = (Role.UNIT_OFFICER, Role.STEERING_OFFICER)
# Roles a handler may hold over the unit: its officers and its own staff (an agency's
# employees handle what concerns their department).
HANDLER_ROLES = (Role.ADMIN, Role.STEERING_OFFICER, Role.UNIT_OFFICER, Role.STAFF)


@contextmanager
def as_sender() -> Iterator[None]:
    """Record the steps inside the block with no actor and no address in the audit log.

    auditlog's middleware attributes every change of a request to the signed-in user; for a
    sender (possibly a denouncer) that would put their name in the unit's audit log. Inside
    this block the middleware's receiver finds a context that is not its own and does nothing.
    """
    previous = auditlog_value.get(None)
    auditlog_value.set({"actor": None, "signal_duid": ("coso-feedback-sender", 0)})
    try:
        yield
    finally:
        auditlog_value.set(
            previous if previous is not None else {"actor": None, "signal_duid": None}
        )


def due_date(kind: FeedbackKind, received_on: dt.date) -> dt.date:
    """The answer's deadline under the kind's rule: working days or calendar days."""
    if kind.working_days:
        return add_working_days(received_on, kind.deadline_days)
    return received_on + dt.timedelta(days=kind.deadline_days)


def days_between(kind: FeedbackKind, start: dt.date, end: dt.date) -> int:
    """Days from `start` to `end` in the kind's unit of days (working or calendar)."""
    if kind.working_days:
        return max(working_days_between(start, end), 0)
    return max((end - start).days, 0)


def search_text_of(feedback: Feedback) -> str:
    """What search reads: subject, content, place, answer and code, folded. Never the sender."""
    parts = [
        feedback.tracking_code,
        feedback.title,
        feedback.content,
        feedback.location,
        feedback.answer,
    ]
    return fold(" ".join(p for p in parts if p))


def _check_text(title: str, content: str) -> tuple[str, str]:
    title = " ".join((title or "").split())
    content = (content or "").strip()
    errors: dict[str, str] = {}
    if not title:
        errors["title"] = _("Write a short subject.")
    elif len(title) > TITLE_MAX_LENGTH:
        errors["title"] = _("The subject may be at most %(max)s characters long.") % {
            "max": TITLE_MAX_LENGTH
        }
    if len(content) < CONTENT_MIN_LENGTH:
        errors["content"] = _("Describe the matter (at least a few words).")
    elif len(content) > CONTENT_MAX_LENGTH:
        errors["content"] = _(
            "The content may be at most %(max)s characters long (this one has %(n)s)."
        ) % {"max": CONTENT_MAX_LENGTH, "n": len(content)}
    if errors:
        raise ValidationError(errors)
    return title, content


def _check_coordinates(latitude: Decimal | None, longitude: Decimal | None) -> None:
    if (latitude is None) != (longitude is None):
        raise ValidationError({"latitude": _("Give both latitude and longitude, or neither.")})
    if latitude is not None and not (-90 <= latitude <= 90):
        raise ValidationError({"latitude": _("Latitude must be between -90 and 90.")})
    if longitude is not None and not (-180 <= longitude <= 180):
        raise ValidationError({"longitude": _("Longitude must be between -180 and 180.")})


def _check_files(files: Sequence[UploadedFile], field: str = "files") -> None:
    if len(files) > MAX_FILES:
        raise ValidationError({field: _("Attach at most %(max)s files.") % {"max": MAX_FILES}})
    for upload in files:
        try:
            validate_upload(upload)
        except ValidationError as exc:
            raise ValidationError({field: [f"{upload.name}: {m}" for m in exc.messages]}) from exc


def _check_length(value: str, field: str, maximum: int, *, required: str) -> str:
    value = (value or "").strip()
    if not value:
        raise ValidationError({field: required})
    if len(value) > maximum:
        raise ValidationError(
            {
                field: _("At most %(max)s characters (this one has %(n)s).")
                % {"max": maximum, "n": len(value)}
            }
        )
    return value


@transaction.atomic
def submit_feedback(
    *,
    unit: Unit,
    kind: FeedbackKind,
    title: str,
    content: str,
    source: str,
    by: User | None = None,
    sender_name: str = "",
    sender_phone: str = "",
    sender_email: str = "",
    sender_address: str = "",
    publish_consent: bool = False,
    location: str = "",
    latitude: Decimal | None = None,
    longitude: Decimal | None = None,
    field: FeedbackField | None = None,
    source_note: str = "",
    received_on: dt.date | None = None,
    files: Sequence[UploadedFile] = (),
) -> Feedback:
    """Receive one feedback item and start its clock.

    From the public page (`Source.PORTAL`, `by` None), from a signed-in person
    (`Source.ACCOUNT`, `by` the sender), or entered by an officer of the unit from another
    channel (any of OFFICER_SOURCES, `by` the officer, the sender's details as given).
    The officer who enters an item is its recorded actor; a sender never is (`as_sender`).
    """
    signed_in = by is not None and by.is_authenticated
    if source not in Source.values:
        raise ValidationError({"source": _("Choose how the feedback was received.")})
    officer_entry = source not in (Source.PORTAL, Source.ACCOUNT)
    if officer_entry:
        _require(signed_in and access.can_record_feedback(by, unit))
    if unit.is_closed:
        raise ValidationError(
            {"unit": _("%(unit)s has closed and no longer receives feedback.") % {"unit": unit}}
        )
    if not kind.is_active:
        raise ValidationError({"kind": _("This kind of feedback is no longer in use.")})
    if field is not None and not field.is_active:
        raise ValidationError({"field": _("This field is no longer in use.")})
    title, content = _check_text(title, content)
    _check_coordinates(latitude, longitude)
    _check_files(files)
    day = received_on or today()
    if received_on is not None and received_on > today():
        raise ValidationError({"received_on": _("The day received cannot be in the future.")})
    officer = by if signed_in and officer_entry else None
    feedback = Feedback(
        unit=unit,
        unit_path=unit.path,
        received_by=unit,
        kind=kind,
        field=field,
        source=source,
        source_note=(source_note or "").strip()[:255],
        title=title,
        content=content,
        location=(location or "").strip()[:255],
        latitude=latitude,
        longitude=longitude,
        sender_user=by if signed_in and not officer_entry else None,
        sender_name=(sender_name or "").strip()[:120],
        sender_phone=(sender_phone or "").strip()[:50],
        sender_email=(sender_email or "").strip()[:254],
        sender_address=(sender_address or "").strip()[:255],
        publish_consent=publish_consent,
        received_on=day,
        due_on=due_date(kind, day),
        created_by=by if signed_in else None,
    )
    if signed_in and not officer_entry and not feedback.sender_name:
        feedback.sender_name = by.display_name
    feedback.search_text = search_text_of(feedback)
    with acting_as(officer) if officer is not None else as_sender():
        feedback.save()
        for upload in files:
            FeedbackFile.objects.create(
                feedback=feedback,
                file=upload,
                name=upload.name[:255],
                size=upload.size or 0,
                uploaded_by=officer,
            )
        FeedbackEvent.objects.create(
            feedback=feedback,
            kind=EventKind.RECEIVED,
            actor=officer,
            to_unit=unit,
            is_public=True,
        )
    return feedback


# --- Handling ---------------------------------------------------------------------------------


def _locked(feedback: Feedback) -> Feedback:
    """The item re-read under a row lock (inside the action's transaction).

    Two officers who act at once wait for each other here; the second one then checks the
    status the first one left, so the same item is never answered or transferred twice.
    """
    return (
        Feedback.objects.select_for_update(of=("self",))
        .select_related("unit", "kind", "field")
        .get(pk=feedback.pk)
    )


def _refresh_caller(feedback: Feedback, fresh: Feedback) -> Feedback:
    """Copy the saved state into the caller's object, so it is not left stale."""
    for f in Feedback._meta.concrete_fields:
        setattr(feedback, f.attname, getattr(fresh, f.attname))
    for name in ("unit", "kind", "field"):
        if Feedback._meta.get_field(name).is_cached(fresh):
            setattr(feedback, name, getattr(fresh, name))
    return feedback


def _require_open(feedback: Feedback, field: str = "__all__") -> None:
    if feedback.status == Status.MERGED:
        raise ValidationError({field: _("This item was merged into another one: handle that one.")})
    if feedback.status == Status.CLOSED:
        raise ValidationError({field: _("This item is closed.")})
    if feedback.status == Status.ANSWERED:
        raise ValidationError({field: _("This item has already been answered.")})


def feedback_url(feedback: Feedback) -> str:
    return reverse("feedback:detail", args=[feedback.pk])


def unit_officer_ids(unit: Unit) -> list[int]:
    """The officers of `unit`, or of the nearest unit above it that has officers."""
    by_path: dict[str, set[int]] = {}
    for user_id, path in RoleAssignment.objects.filter(
        unit__path__in=unit.ancestor_paths(),
        role__in=OFFICER_ROLES,
        user__is_active=True,
    ).values_list("user_id", "unit__path"):
        by_path.setdefault(path, set()).add(user_id)
    for path in reversed(unit.ancestor_paths()):
        if path in by_path:
            return sorted(by_path[path])
    return []


def _label(feedback: Feedback) -> str:
    """How a notification names an item: its code and subject, never its sender."""
    return f"{feedback.tracking_code} «{feedback.title[:80]}»"


@transaction.atomic
def classify(
    feedback: Feedback,
    *,
    by: User,
    kind: FeedbackKind,
    field: FeedbackField | None,
) -> Feedback:
    """Set the kind and the field. A new kind recomputes the deadline from the day received.

    Complaints and denunciations "are recognised as such and handled under their own rules"
    (issue 5): reclassifying a reflection as a complaint moves it to the Law on Complaints'
    30 days. A protected kind cannot be changed to an unprotected one: that would show the
    denouncer's name to every officer of the unit (Law on Denunciation 2018, art. 47).
    """
    _require(access.can_handle_feedback(by, feedback))
    item = _locked(feedback)
    _require_open(item, "kind")
    if not kind.is_active:
        raise ValidationError({"kind": _("This kind of feedback is no longer in use.")})
    if field is not None and not field.is_active:
        raise ValidationError({"field": _("This field is no longer in use.")})
    if item.kind.identity_protected and not kind.identity_protected:
        raise ValidationError(
            {
                "kind": _(
                    "The sender of a %(kind)s is protected; it cannot become a kind whose "
                    "sender every officer may see."
                )
                % {"kind": item.kind.name.lower()}
            }
        )
    kind_changed = kind.pk != item.kind_id
    if not kind_changed and (field.pk if field else None) == item.field_id:
        return _refresh_caller(feedback, item)
    item.kind = kind
    item.field = field
    if kind_changed:
        # Counted from the day the unit received it, not from the day it was reclassified.
        item.due_on = due_date(kind, item.received_on)
    with acting_as(by):
        item.save(update_fields=["kind", "field", "due_on", "updated_at"])
        parts = [kind.name]
        if field is not None:
            parts.append(field.name)
        text = " · ".join(parts)
        if kind_changed:
            text += " — " + _("handled under %(citation)s; answer due on %(due)s.") % {
                "citation": kind.citation,
                "due": item.due_on.strftime("%d/%m/%Y"),
            }
        FeedbackEvent.objects.create(
            feedback=item,
            kind=EventKind.CLASSIFIED,
            actor=by,
            text=text,
            # The sender is told when their item is handled under another kind's rules.
            is_public=kind_changed,
        )
    return _refresh_caller(feedback, item)


def may_handle(user: User, feedback: Feedback) -> bool:
    """Whether `user` may be made the handler: a role over the item's unit, signed in."""
    from coso.units.access import has_role_over

    return user.is_active and has_role_over(user, feedback.unit, HANDLER_ROLES)


@transaction.atomic
def assign(feedback: Feedback, *, by: User, handler: User) -> Feedback:
    """Give the item to a handler with a role in the unit; it is then being handled."""
    _require(access.can_handle_feedback(by, feedback))
    item = _locked(feedback)
    _require_open(item, "handler")
    if not may_handle(handler, item):
        raise ValidationError(
            {
                "handler": _("%(name)s has no role in %(unit)s.")
                % {"name": handler, "unit": item.unit}
            }
        )
    if item.handler_id == handler.pk and item.status == Status.IN_PROGRESS:
        raise ValidationError(
            {"handler": _("%(name)s already handles this item.") % {"name": handler}}
        )
    item.handler = handler
    item.assigned_by = by
    item.assigned_at = timezone.now()
    item.status = Status.IN_PROGRESS
    with acting_as(by):
        item.save(update_fields=["handler", "assigned_by", "assigned_at", "status", "updated_at"])
        FeedbackEvent.objects.create(
            feedback=item,
            kind=EventKind.ASSIGNED,
            actor=by,
            text=_("Handled by %(name)s.") % {"name": handler},
        )
    if handler.pk != by.pk:
        notify(
            [
                Reminder(
                    handler.pk,
                    f"feedback-assigned:{item.pk}:{item.assigned_at:%Y%m%d%H%M%S%f}",
                    _("You have been asked to handle %(item)s, due on %(due)s.")
                    % {"item": _label(item), "due": item.due_on.strftime("%d/%m/%Y")},
                    feedback_url(item),
                )
            ]
        )
    return _refresh_caller(feedback, item)


@transaction.atomic
def transfer(feedback: Feedback, *, by: User, to_unit: Unit, reason: str) -> Feedback:
    """Send the item to the unit responsible for it, with a reason the sender reads.

    The clock restarts: the receiving unit has the kind's full period from the day of the
    transfer (the first unit only forwarded it; Law on Citizen Reception 2013, art. 28 counts
    from the day the competent body receives it — cần đối chiếu). The day received stays the
    sender's day, so the time to answer still shows how long the sender waited.
    """
    _require(access.can_handle_feedback(by, feedback))
    item = _locked(feedback)
    _require_open(item, "to_unit")
    reason = _check_length(
        reason,
        "reason",
        REASON_MAX_LENGTH,
        required=_("Say why the item goes to that unit: the sender reads it."),
    )
    if to_unit.is_closed:
        raise ValidationError(
            {
                "to_unit": _("%(unit)s has closed and no longer receives feedback.")
                % {"unit": to_unit}
            }
        )
    if to_unit.pk == item.unit_id:
        raise ValidationError({"to_unit": _("The item is already with this unit.")})
    from_unit = item.unit
    item.unit = to_unit
    item.unit_path = to_unit.path
    item.status = Status.RECEIVED
    item.handler = None
    item.assigned_by = None
    item.assigned_at = None
    item.due_on = due_date(item.kind, today())
    with acting_as(by):
        item.save(
            update_fields=[
                "unit",
                "unit_path",
                "status",
                "handler",
                "assigned_by",
                "assigned_at",
                "due_on",
                "updated_at",
            ]
        )
        FeedbackEvent.objects.create(
            feedback=item,
            kind=EventKind.TRANSFERRED,
            actor=by,
            from_unit=from_unit,
            to_unit=to_unit,
            text=reason,
            is_public=True,
        )
    notify(
        Reminder(
            user_id,
            f"feedback-transferred:{item.pk}:{to_unit.pk}:{timezone.now():%Y%m%d%H%M%S%f}",
            _("%(from)s transferred %(item)s to your unit; answer due on %(due)s.")
            % {"from": from_unit, "item": _label(item), "due": item.due_on.strftime("%d/%m/%Y")},
            feedback_url(item),
        )
        for user_id in unit_officer_ids(to_unit)
        if user_id != by.pk
    )
    return _refresh_caller(feedback, item)


@transaction.atomic
def merge(feedback: Feedback, *, by: User, into: Feedback) -> Feedback:
    """Merge a duplicate into the main item of the same unit; the duplicate's sender is
    pointed to the main item, whose answer settles both."""
    _require(access.can_handle_feedback(by, feedback))
    # Lock both rows in id order, so two opposite merges cannot deadlock.
    rows = {
        row.pk: row
        for row in Feedback.objects.select_for_update(of=("self",))
        .select_related("unit", "kind")
        .filter(pk__in=[feedback.pk, into.pk])
        .order_by("pk")
    }
    item, main = rows[feedback.pk], rows.get(into.pk)
    _require_open(item, "into")
    if main is None or main.pk == item.pk:
        raise ValidationError({"into": _("Choose another item to merge this one into.")})
    if main.unit_id != item.unit_id:
        raise ValidationError({"into": _("Only items handled by the same unit can be merged.")})
    if main.status in (Status.MERGED, Status.CLOSED):
        raise ValidationError(
            {"into": _("%(code)s is closed or merged itself.") % {"code": main.tracking_code}}
        )
    if main.kind.identity_protected != item.kind.identity_protected:
        raise ValidationError(
            {"into": _("A denunciation can only be merged with another denunciation.")}
        )
    item.status = Status.MERGED
    item.merged_into = main
    item.closed_at = timezone.now()
    with acting_as(by):
        item.save(update_fields=["status", "merged_into", "closed_at", "updated_at"])
        FeedbackEvent.objects.create(
            feedback=item,
            kind=EventKind.MERGED,
            actor=by,
            text=_("Merged with another item about the same matter; its answer settles this one."),
            is_public=True,
        )
        FeedbackEvent.objects.create(
            feedback=main,
            kind=EventKind.MERGED,
            actor=by,
            text=_("%(code)s «%(title)s» was merged into this item.")
            % {"code": item.tracking_code, "title": item.title},
        )
    return _refresh_caller(feedback, item)


@transaction.atomic
def add_note(feedback: Feedback, *, by: User, text: str) -> FeedbackEvent:
    """An internal note on the timeline: never shown to the sender."""
    _require(access.can_note_feedback(by, feedback))
    text = _check_length(text, "text", NOTE_MAX_LENGTH, required=_("Write the note."))
    item = _locked(feedback)
    with acting_as(by):
        return FeedbackEvent.objects.create(feedback=item, kind=EventKind.NOTE, actor=by, text=text)


@transaction.atomic
def answer(
    feedback: Feedback, *, by: User, text: str, files: Sequence[UploadedFile] = ()
) -> Feedback:
    """Answer the item. Counts the days it took in the kind's unit of days, and whether the
    answer came in time. Once only: the row lock makes a second officer answering at the same
    moment find it answered."""
    _require(access.can_answer_feedback(by, feedback))
    text = _check_length(text, "text", ANSWER_MAX_LENGTH, required=_("Write the answer."))
    _check_files(files)
    item = _locked(feedback)
    _require_open(item, "text")
    day = today()
    item.answer = text
    item.answered_at = timezone.now()
    item.answered_on = day
    item.answered_by = by
    item.days_to_answer = days_between(item.kind, item.received_on, day)
    item.answered_in_time = day <= item.due_on
    item.status = Status.ANSWERED
    item.answer_published_at = None
    if item.handler_id is None:
        item.handler = by
    item.search_text = search_text_of(item)
    with acting_as(by):
        item.save(
            update_fields=[
                "answer",
                "answered_at",
                "answered_on",
                "answered_by",
                "days_to_answer",
                "answered_in_time",
                "status",
                "answer_published_at",
                "handler",
                "search_text",
                "updated_at",
            ]
        )
        for upload in files:
            FeedbackFile.objects.create(
                feedback=item,
                file=upload,
                name=upload.name[:255],
                size=upload.size or 0,
                with_answer=True,
                uploaded_by=by,
            )
        FeedbackEvent.objects.create(
            feedback=item, kind=EventKind.ANSWERED, actor=by, text=text, is_public=True
        )
    return _refresh_caller(feedback, item)


@transaction.atomic
def publish_answer(feedback: Feedback, *, by: User) -> Feedback:
    """Show the question and answer on the unit's public page: only with the sender's consent.

    The public page shows the subject, content and answer, never who sent it.
    """
    _require(access.can_handle_feedback(by, feedback))
    item = _locked(feedback)
    if item.status not in (Status.ANSWERED, Status.CLOSED) or not item.answer:
        raise ValidationError({"__all__": _("Only an answered item can be published.")})
    if not item.publish_consent:
        raise ValidationError(
            {"__all__": _("The sender did not agree to publish; the answer stays private.")}
        )
    if item.answer_published_at is not None:
        raise ValidationError({"__all__": _("The answer is already published.")})
    item.answer_published_at = timezone.now()
    with acting_as(by):
        item.save(update_fields=["answer_published_at", "updated_at"])
        FeedbackEvent.objects.create(
            feedback=item, kind=EventKind.PUBLISHED, actor=by, is_public=True
        )
    return _refresh_caller(feedback, item)


@transaction.atomic
def unpublish_answer(feedback: Feedback, *, by: User) -> Feedback:
    """Take a published answer off the public page (an error in it, a sender who asks)."""
    _require(access.can_handle_feedback(by, feedback))
    item = _locked(feedback)
    if item.answer_published_at is None:
        raise ValidationError({"__all__": _("The answer is not published.")})
    item.answer_published_at = None
    with acting_as(by):
        item.save(update_fields=["answer_published_at", "updated_at"])
        FeedbackEvent.objects.create(
            feedback=item,
            kind=EventKind.NOTE,
            actor=by,
            text=_("The answer was taken off the public page."),
        )
    return _refresh_caller(feedback, item)


@transaction.atomic
def close(feedback: Feedback, *, by: User, reason: str = "") -> Feedback:
    """Close an answered item, e.g. when the sender did not reply; the answer stands."""
    _require(access.can_handle_feedback(by, feedback))
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": _("At most %(max)s characters (this one has %(n)s).")
                % {"max": REASON_MAX_LENGTH, "n": len(reason)}
            }
        )
    item = _locked(feedback)
    if item.status != Status.ANSWERED:
        if item.status in (Status.CLOSED, Status.MERGED):
            raise ValidationError({"reason": _("This item is already closed.")})
        raise ValidationError({"reason": _("Answer the item before closing it.")})
    item.status = Status.CLOSED
    item.closed_at = timezone.now()
    with acting_as(by):
        item.save(update_fields=["status", "closed_at", "updated_at"])
        FeedbackEvent.objects.create(
            feedback=item, kind=EventKind.CLOSED, actor=by, text=reason, is_public=True
        )
    return _refresh_caller(feedback, item)
