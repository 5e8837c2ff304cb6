"""Publishing, correcting and ending disclosures: atomic, checked and audited.

A published item is never edited in place. `correct_disclosure` publishes a new version that
supersedes it; the earlier version stays readable with its dates. What the law asks and an
item does not meet (a short posting, too few loudspeaker days, a late disclosure) is a
warning kept on the record for the compliance view, never a refusal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import require as _require
from coso.core.dates import format_date, today
from coso.core.errors import InvalidTransition
from coso.core.uploads import validate_upload
from coso.core.workdays import add_working_days
from coso.units.models import Unit, User

from . import access
from .models import (
    ChannelMethod,
    Disclosure,
    DisclosureCategory,
    DisclosureChannel,
    DisclosureFile,
    DisclosureStatus,
    longest_consecutive_run,
)

# A correction's posting lasts as long as the earlier one's unless told otherwise.
SAME_LENGTH = object()
CONTENT_FIELDS = ("title", "body", "issued_on", "starts_on", "ends_on", "link")
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png")
TITLE_MAX = 500


def _published_is_final() -> ValidationError:
    return ValidationError(
        _(
            "A published disclosure is never changed in place: publish a correction instead, "
            "and the current version stays readable in its history."
        ),
        code="published_is_final",
    )


def _locked(pk: int) -> Disclosure:
    """The disclosure as it is now in the database, locked until the transaction ends."""
    return (
        Disclosure.objects.select_for_update(of=("self",))
        .select_related("unit", "category")
        .get(pk=pk)
    )


def category_for(unit: Unit, code: str) -> DisclosureCategory:
    """The category `code` of the law's list for the unit's kind, or a field error."""
    category = DisclosureCategory.objects.filter(
        unit_kind=unit.kind, code=(code or "").strip(), active=True
    ).first()
    if category is None:
        raise ValidationError(
            {"category": _("Choose a category of the law's list for this kind of unit.")}
        )
    return category


def _validate(disclosure: Disclosure) -> None:
    errors: dict[str, str] = {}
    disclosure.title = (disclosure.title or "").strip()
    disclosure.link = (disclosure.link or "").strip()
    if not disclosure.title:
        errors["title"] = _("Enter the title of what is disclosed.")
    elif len(disclosure.title) > TITLE_MAX:
        errors["title"] = _("The title is too long (at most %(n)s characters).") % {"n": TITLE_MAX}
    if disclosure.starts_on is None:
        errors["starts_on"] = _("Enter the day the posting starts (dd/mm/yyyy).")
    else:
        if disclosure.ends_on is not None and disclosure.ends_on < disclosure.starts_on:
            errors["ends_on"] = _("The posting cannot end before it starts (%(d)s).") % {
                "d": format_date(disclosure.starts_on)
            }
        if disclosure.issued_on is not None and disclosure.issued_on > disclosure.starts_on:
            errors["starts_on"] = _(
                "The posting cannot start before the document's date (%(d)s)."
            ) % {"d": format_date(disclosure.issued_on)}
    if disclosure.link:
        errors.update(_link_errors(disclosure.link))
    if disclosure.unit.is_closed:
        errors["unit"] = _("This unit is closed.")
    if errors:
        raise ValidationError(errors)


def _link_errors(link: str) -> dict[str, str]:
    """A web address (http or https), or a page of this site ("/cong-khai/...")."""
    if len(link) > 500:
        return {"link": _("The web address is too long.")}
    if link.startswith("/") and not link.startswith("//") and " " not in link:
        return {}
    try:
        URLValidator(schemes=["http", "https"])(link)
    except ValidationError:
        return {"link": _("Enter a full web address starting with http:// or https://.")}
    return {}


def _refresh_deadline(disclosure: Disclosure) -> None:
    """The last day to disclose in time: working days after the document's date."""
    days = disclosure.category.deadline_working_days
    if days is None or disclosure.issued_on is None:
        disclosure.due_by = None
    else:
        # Decree 04/2015/NĐ-CP, art. 4: within 3 working days of issue (a rule-set number).
        disclosure.due_by = add_working_days(disclosure.issued_on, days)


def _check_file(upload: UploadedFile, field: str, extensions: Sequence[str] | None = None) -> None:
    if extensions is not None and Path(upload.name or "").suffix.lower() not in extensions:
        raise ValidationError(
            {field: _("Choose a photo (%(types)s).") % {"types": ", ".join(extensions)}}
        )
    try:
        validate_upload(upload)
    except ValidationError as exc:
        raise ValidationError({field: exc.messages}) from exc


# --- Creating and publishing --------------------------------------------------------------------


@transaction.atomic
def publish_disclosure(
    *,
    by: User,
    unit: Unit,
    category_code: str,
    title: str,
    body: str = "",
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    issued_on: dt.date | None = None,
    link: str = "",
) -> Disclosure:
    """Create and publish an item in one step (the entry point other apps use).

    Consultations publish their results with `category_code="consultation_result"`.
    """
    disclosure = create_disclosure(
        by=by,
        unit=unit,
        category_code=category_code,
        title=title,
        body=body,
        starts_on=starts_on,
        ends_on=ends_on,
        issued_on=issued_on,
        link=link,
    )
    return publish(disclosure, by=by)


@transaction.atomic
def create_disclosure(
    *,
    by: User,
    unit: Unit,
    category_code: str,
    title: str,
    body: str = "",
    starts_on: dt.date,
    ends_on: dt.date | None = None,
    issued_on: dt.date | None = None,
    link: str = "",
) -> Disclosure:
    """A draft: files and the ways of disclosure are added before or after publishing."""
    _require(access.can_manage_disclosures(by, unit))
    category = category_for(unit, category_code)
    disclosure = Disclosure(
        unit=unit,
        category=category,
        title=title,
        body=body or "",
        starts_on=starts_on,
        ends_on=ends_on,
        issued_on=issued_on,
        link=link or "",
        created_by=by,
    )
    _validate(disclosure)
    _refresh_deadline(disclosure)
    with acting_as(by):
        disclosure.save()
    return disclosure


@transaction.atomic
def update_disclosure(disclosure: Disclosure, *, by: User, **fields) -> Disclosure:
    """Change a draft. A published item is refused: it changes only by a correction."""
    _require(access.can_manage_disclosures(by, disclosure.unit))
    disclosure = _locked(disclosure.pk)
    if not disclosure.is_draft:
        raise _published_is_final()
    if "category_code" in fields:
        disclosure.category = category_for(disclosure.unit, fields.pop("category_code"))
    for name, value in fields.items():
        if name in ("title", "body", "link"):
            setattr(disclosure, name, value or "")
        elif name in CONTENT_FIELDS:
            setattr(disclosure, name, value)
    _validate(disclosure)
    _refresh_deadline(disclosure)
    with acting_as(by):
        disclosure.save()
    return disclosure


@transaction.atomic
def publish(disclosure: Disclosure, *, by: User) -> Disclosure:
    """Công bố: the draft becomes public and can no longer change in place."""
    _require(access.can_manage_disclosures(by, disclosure.unit))
    disclosure = _locked(disclosure.pk)
    if not disclosure.is_draft:
        raise InvalidTransition(disclosure.get_status_display(), DisclosureStatus.PUBLISHED.label)
    _validate(disclosure)
    _refresh_deadline(disclosure)
    with acting_as(by):
        disclosure.status = DisclosureStatus.PUBLISHED
        disclosure.published_at = timezone.now()
        disclosure.published_by = by
        disclosure.save()
    return disclosure


@transaction.atomic
def delete_draft(disclosure: Disclosure, *, by: User) -> None:
    _require(access.can_manage_disclosures(by, disclosure.unit))
    disclosure = _locked(disclosure.pk)
    if not disclosure.is_draft:
        raise _published_is_final()
    with acting_as(by):
        disclosure.delete()


# --- Files and ways of disclosure ---------------------------------------------------------------


@transaction.atomic
def add_file(
    disclosure: Disclosure, *, by: User, file: UploadedFile, title: str = ""
) -> DisclosureFile:
    """Attach a document to a draft (a published item's files change by a correction)."""
    _require(access.can_manage_disclosures(by, disclosure.unit))
    disclosure = _locked(disclosure.pk)
    if not disclosure.is_draft:
        raise _published_is_final()
    if file is None:
        raise ValidationError({"file": _("Choose a file.")})
    _check_file(file, "file")
    with acting_as(by):
        return DisclosureFile.objects.create(
            disclosure=disclosure,
            title=(title or "").strip()[:255],
            file=file,
            original_name=(file.name or "")[:255],
            added_by=by,
        )


@transaction.atomic
def remove_file(item: DisclosureFile, *, by: User) -> None:
    _require(access.can_manage_disclosures(by, item.disclosure.unit))
    if not _locked(item.disclosure_id).is_draft:
        raise _published_is_final()
    with acting_as(by):
        item.delete()


def _refresh_broadcast(disclosure: Disclosure) -> None:
    """Keep the longest run of consecutive loudspeaker days on the record (Law art. 13)."""
    spans = [
        (start, end or start)
        for start, end in disclosure.channels.filter(
            method=ChannelMethod.LOUDSPEAKER, starts_on__isnull=False
        ).values_list("starts_on", "ends_on")
    ]
    disclosure.broadcast_days = longest_consecutive_run(spans)
    disclosure.save(update_fields=["broadcast_days", "updated_at"])


@transaction.atomic
def add_channel(
    disclosure: Disclosure,
    *,
    by: User,
    method: str,
    detail: str = "",
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    photo: UploadedFile | None = None,
) -> DisclosureChannel:
    """Record a way the item was disclosed (Law 10/2022/QH15, art. 12).

    Allowed on a draft and on the published version: recording that it was posted, read on
    the loudspeakers or at a meeting does not change what was disclosed.
    """
    _require(access.can_manage_disclosures(by, disclosure.unit))
    disclosure = _locked(disclosure.pk)
    if disclosure.status not in (DisclosureStatus.DRAFT, DisclosureStatus.PUBLISHED):
        raise ValidationError(
            _("This version is %(s)s: record the ways of disclosure on the current version.")
            % {"s": disclosure.get_status_display()}
        )
    errors: dict[str, str] = {}
    if method not in ChannelMethod.values:
        errors["method"] = _("Choose a way of disclosure.")
    if method == ChannelMethod.LOUDSPEAKER:
        if starts_on is None:
            errors["starts_on"] = _("Enter the first day of the broadcast (dd/mm/yyyy).")
        if ends_on is None:
            errors["ends_on"] = _("Enter the last day of the broadcast (dd/mm/yyyy).")
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        errors["ends_on"] = _("The last day cannot be before the first day.")
    if ends_on is not None and starts_on is None:
        errors["starts_on"] = _("Enter the first day as well.")
    if errors:
        raise ValidationError(errors)
    if photo is not None:
        _check_file(photo, "photo", PHOTO_EXTENSIONS)
    with acting_as(by):
        channel = DisclosureChannel.objects.create(
            disclosure=disclosure,
            method=method,
            detail=(detail or "").strip()[:500],
            starts_on=starts_on,
            ends_on=ends_on,
            photo=photo,
            photo_name=(photo.name if photo is not None else "")[:255],
            added_by=by,
        )
        if method == ChannelMethod.LOUDSPEAKER:
            _refresh_broadcast(disclosure)
    return channel


# --- Corrections and early ends -----------------------------------------------------------------


@transaction.atomic
def correct_disclosure(
    disclosure: Disclosure,
    *,
    by: User,
    correction_note: str,
    title: str | None = None,
    body: str | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None | object = SAME_LENGTH,
    issued_on: dt.date | None = None,
    link: str | None = None,
    keep_files: bool = True,
    keep_channels: bool = False,
    new_files: Sequence[UploadedFile] = (),
) -> Disclosure:
    """Đính chính: publish a new version that replaces the published one.

    The earlier version is kept as it was, marked as replaced, and stays readable with its
    dates. Fields not given keep the earlier version's values; the new posting starts today
    unless told otherwise and, unless `ends_on` is given (None: no planned end), lasts as long
    as the earlier one.
    """
    _require(access.can_manage_disclosures(by, disclosure.unit))
    old = _locked(disclosure.pk)
    if old.status != DisclosureStatus.PUBLISHED:
        raise InvalidTransition(old.get_status_display(), _("corrected"))
    note = (correction_note or "").strip()
    if not note:
        raise ValidationError({"correction_note": _("Say what this version corrects.")})
    start = starts_on or today()
    if ends_on is SAME_LENGTH:
        ends_on = start + (old.ends_on - old.starts_on) if old.ends_on is not None else None
    new = Disclosure(
        unit=old.unit,
        category=old.category,
        title=old.title if title is None else title,
        body=old.body if body is None else body,
        issued_on=old.issued_on if issued_on is None else issued_on,
        starts_on=start,
        ends_on=ends_on,
        link=old.link if link is None else link,
        status=DisclosureStatus.PUBLISHED,
        version=old.version + 1,
        root_id=old.series_id,
        supersedes=old,
        correction_note=note,
        published_at=timezone.now(),
        published_by=by,
        created_by=by,
    )
    _validate(new)
    _refresh_deadline(new)
    for upload in new_files:
        _check_file(upload, "file")
    with acting_as(by):
        old.status = DisclosureStatus.SUPERSEDED
        old.superseded_at = new.published_at
        old.save(update_fields=["status", "superseded_at", "updated_at"])
        try:
            with transaction.atomic():
                new.save()
        except IntegrityError as exc:  # two officers correcting the same version at once
            raise InvalidTransition(DisclosureStatus.SUPERSEDED.label, _("corrected")) from exc
        if keep_files:
            # The stored file is shared: files never change once disclosed.
            DisclosureFile.objects.bulk_create(
                DisclosureFile(
                    disclosure=new,
                    title=item.title,
                    file=item.file.name,
                    original_name=item.original_name,
                    added_by=item.added_by,
                )
                for item in old.files.all()
            )
        for upload in new_files:
            DisclosureFile.objects.create(
                disclosure=new, file=upload, original_name=(upload.name or "")[:255], added_by=by
            )
        if keep_channels:
            DisclosureChannel.objects.bulk_create(
                DisclosureChannel(
                    disclosure=new,
                    method=channel.method,
                    detail=channel.detail,
                    starts_on=channel.starts_on,
                    ends_on=channel.ends_on,
                    photo=channel.photo.name,
                    photo_name=channel.photo_name,
                    added_by=channel.added_by,
                )
                for channel in old.channels.all()
            )
            _refresh_broadcast(new)
    return new


@transaction.atomic
def end_posting_early(
    disclosure: Disclosure, *, by: User, ended_on: dt.date, reason: str
) -> Disclosure:
    """Take a posting down before its planned end, recording the day and the reason."""
    _require(access.can_manage_disclosures(by, disclosure.unit))
    disclosure = _locked(disclosure.pk)
    if disclosure.status != DisclosureStatus.PUBLISHED:
        raise InvalidTransition(disclosure.get_status_display(), DisclosureStatus.ENDED_EARLY.label)
    errors: dict[str, str] = {}
    reason = (reason or "").strip()
    if not reason:
        errors["reason"] = _("Give the reason for ending the posting early.")
    if ended_on is None:
        errors["ended_on"] = _("Enter the day the posting ended (dd/mm/yyyy).")
    elif ended_on < disclosure.starts_on:
        errors["ended_on"] = _("The posting cannot end before it started (%(d)s).") % {
            "d": format_date(disclosure.starts_on)
        }
    elif ended_on > today():
        errors["ended_on"] = _("The day the posting ended cannot be in the future.")
    elif disclosure.ends_on is not None and ended_on >= disclosure.ends_on:
        errors["ended_on"] = _("The posting was planned to end on %(d)s anyway.") % {
            "d": format_date(disclosure.ends_on)
        }
    if errors:
        raise ValidationError(errors)
    with acting_as(by):
        disclosure.status = DisclosureStatus.ENDED_EARLY
        disclosure.ended_on = ended_on
        disclosure.end_reason = reason
        disclosure.save()
    return disclosure
