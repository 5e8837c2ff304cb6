"""Receiving and handling feedback: atomic, audited, one verb per step.

Law 10/2022/QH15 asks units to handle reflections and recommendations "promptly and
conclusively"; complaints follow the Law on Complaints 2011 and denunciations the Law on
Denunciation 2018. Deadlines come from the kind's rule (`FeedbackKind`) and count working days
through coso.core.workdays when the rule says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.dates import today
from coso.core.text import fold
from coso.core.uploads import validate_upload
from coso.core.workdays import add_working_days
from coso.units.models import Unit, User

from . import access
from .models import (
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
)

# Files one sender may attach to one item: enough for photos and a letter.
MAX_FILES = 5


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied(_("You do not have permission to do this."))


def due_date(kind: FeedbackKind, received_on: dt.date) -> dt.date:
    """The answer's deadline under the kind's rule: working days or calendar days."""
    if kind.working_days:
        return add_working_days(received_on, kind.deadline_days)
    return received_on + dt.timedelta(days=kind.deadline_days)


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


def _check_files(files: Sequence[UploadedFile]) -> None:
    if len(files) > MAX_FILES:
        raise ValidationError({"files": _("Attach at most %(max)s files.") % {"max": MAX_FILES}})
    for upload in files:
        try:
            validate_upload(upload)
        except ValidationError as exc:
            raise ValidationError({"files": [f"{upload.name}: {m}" for m in exc.messages]}) from exc


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
    title, content = _check_text(title, content)
    _check_coordinates(latitude, longitude)
    _check_files(files)
    day = received_on or today()
    if received_on is not None and received_on > today():
        raise ValidationError({"received_on": _("The day received cannot be in the future.")})
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
    with acting_as(by):
        feedback.save()
        for upload in files:
            FeedbackFile.objects.create(
                feedback=feedback,
                file=upload,
                name=upload.name[:255],
                size=upload.size or 0,
                uploaded_by=by if signed_in else None,
            )
        FeedbackEvent.objects.create(
            feedback=feedback,
            kind=EventKind.RECEIVED,
            actor=by if signed_in else None,
            to_unit=unit,
            is_public=True,
        )
    return feedback
