"""Adding, editing, replacing, amending and expiring texts: every change atomic and audited.

A text's status follows its life: not yet in force → in force → amended (another text changes
part of it) → replaced (a newer text takes its place; `replaced_by` points to it) or expired.
A chain of replacements must end somewhere: a text can never, through the chain, replace
itself.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import clean_text
from coso.core.checks import require as _require
from coso.core.dates import format_date, today
from coso.core.text import fold
from coso.core.uploads import validate_upload
from coso.units.models import User

from . import access
from .models import LegalText, TextStatus, TextType, number_key

TEXT_FIELDS = (
    "number_symbol",
    "text_type",
    "issuer",
    "title",
    "issued_on",
    "effective_on",
    "expires_on",
    "summary",
    "url",
)

# Statuses the dates decide; amended, replaced and expired come from actions.
_DATE_STATUSES = (TextStatus.NOT_YET, TextStatus.IN_FORCE)


def _fresh(text: LegalText) -> LegalText:
    """The text as stored now, locked until the end of the transaction."""
    return LegalText.objects.select_for_update().get(pk=text.pk)


def _describe(text: LegalText) -> str:
    return f"{text.number_symbol} ({text.issuer}): “{text.title}”"


def _duplicate_error(existing: LegalText) -> ValidationError:
    return ValidationError(
        {
            "number_symbol": _(
                "The library already has this number and symbol from the same issuer: %(text)s."
            )
            % {"text": _describe(existing)}
        }
    )


def _clean_fields(fields: dict, *, exclude_pk: int | None = None) -> dict:
    cleaned: dict = {}
    cleaned["number_symbol"] = " ".join(
        clean_text(fields.get("number_symbol"), "number_symbol", max_length=100).split()
    )
    if not any(ch.isdigit() for ch in cleaned["number_symbol"]):
        raise ValidationError({"number_symbol": _("A number and symbol has a number in it.")})
    text_type = fields.get("text_type") or ""
    if text_type not in TextType.values:
        raise ValidationError({"text_type": _("Choose a type of text.")})
    cleaned["text_type"] = text_type
    cleaned["issuer"] = clean_text(fields.get("issuer"), "issuer", max_length=200)
    cleaned["title"] = clean_text(fields.get("title"), "title", max_length=500)
    cleaned["summary"] = clean_text(
        fields.get("summary"), "summary", required=False, max_length=5000
    )
    url = clean_text(fields.get("url"), "url", required=False, max_length=500)
    if url:
        try:
            URLValidator(schemes=["http", "https"])(url)
        except ValidationError:
            raise ValidationError(
                {"url": _("Enter a web address starting with https://.")}
            ) from None
    cleaned["url"] = url
    for name in ("issued_on", "effective_on", "expires_on"):
        value = fields.get(name)
        if value is not None and not isinstance(value, dt.date):
            raise ValidationError({name: _("Enter a real date as dd/mm/yyyy.")})
        cleaned[name] = value
    issued, effective, expires = (
        cleaned["issued_on"],
        cleaned["effective_on"],
        cleaned["expires_on"],
    )
    if issued and issued > today():
        raise ValidationError({"issued_on": _("This date is in the future.")})
    if issued and effective and effective < issued:
        raise ValidationError(
            {"effective_on": _("A text cannot take effect before the day it was issued.")}
        )
    if effective and expires and effective > expires:
        raise ValidationError(
            {
                "effective_on": _(
                    "The effective date (%(effective)s) is after the expiry date (%(expires)s)."
                )
                % {"effective": format_date(effective), "expires": format_date(expires)}
            }
        )
    existing = (
        LegalText.objects.filter(
            issuer_key=" ".join(fold(cleaned["issuer"]).split()),
            number_key=number_key(cleaned["number_symbol"]),
        )
        .exclude(pk=exclude_pk)
        .first()
    )
    if existing is not None:
        raise _duplicate_error(existing)
    return cleaned


def _status_from_dates(effective: dt.date | None, expires: dt.date | None) -> str:
    if expires is not None and expires < today():
        return TextStatus.EXPIRED
    if effective is not None and effective > today():
        return TextStatus.NOT_YET
    return TextStatus.IN_FORCE


def _check_file(file: UploadedFile | None) -> None:
    if file is None:
        return
    try:
        validate_upload(file)
    except ValidationError as exc:
        raise ValidationError({"file": exc.messages}) from None


def _save(text: LegalText) -> None:
    """Save; a concurrent duplicate (the unique constraint) gets the same message as ours."""
    try:
        with transaction.atomic():
            text.save()
    except IntegrityError:
        existing = LegalText.objects.filter(
            issuer_key=" ".join(fold(text.issuer).split()),
            number_key=number_key(text.number_symbol),
        ).first()
        if existing is None:
            raise
        raise _duplicate_error(existing) from None


@transaction.atomic
def create_text(*, by: User, file: UploadedFile | None = None, **fields) -> LegalText:
    """Add a text to the library; its status follows from its dates."""
    _require(access.can_manage_texts(by))
    cleaned = _clean_fields(fields)
    _check_file(file)
    text = LegalText(
        **cleaned,
        status=_status_from_dates(cleaned["effective_on"], cleaned["expires_on"]),
        created_by=by,
    )
    if file is not None:
        text.file = file
    with acting_as(by):
        _save(text)
    return text


@transaction.atomic
def update_text(text: LegalText, *, by: User, file: UploadedFile | None = None, **fields):
    """Correct a text's metadata. A status set by an action (amended, replaced) stays."""
    _require(access.can_manage_texts(by))
    text = _fresh(text)
    cleaned = _clean_fields(fields, exclude_pk=text.pk)
    _check_file(file)
    for name, value in cleaned.items():
        setattr(text, name, value)
    if text.status in _DATE_STATUSES or (
        text.status == TextStatus.EXPIRED and text.replaced_by_id is None
    ):
        text.status = _status_from_dates(text.effective_on, text.expires_on)
    if file is not None:
        text.file = file
    with acting_as(by):
        _save(text)
    return text


def _require_live(text: LegalText) -> None:
    if text.replaced_by_id is not None:
        raise ValidationError(
            _("This text was already replaced by %(text)s.")
            % {"text": text.replaced_by.number_symbol}  # type: ignore[union-attr]
        )
    if text.status == TextStatus.EXPIRED:
        raise ValidationError(_("This text has already expired."))


@transaction.atomic
def replace_text(
    text: LegalText, *, by: User, replacement: LegalText, on: dt.date | None = None
) -> LegalText:
    """Record that `replacement` takes the place of `text` from `on` (its effective date)."""
    _require(access.can_manage_texts(by))
    # Lock both rows in a fixed order so two opposite replacements cannot deadlock.
    locked = {
        t.pk: t
        for t in LegalText.objects.select_for_update()
        .filter(pk__in=[text.pk, replacement.pk])
        .order_by("pk")
    }
    text, replacement = locked[text.pk], locked.get(replacement.pk, replacement)
    if replacement.pk == text.pk:
        raise ValidationError({"replacement": _("A text cannot replace itself.")})
    _require_live(text)
    chain = [replacement, *replacement.replacement_chain()]
    if any(t.pk == text.pk for t in chain):
        raise ValidationError(
            {
                "replacement": _(
                    "%(new)s was itself replaced, through a chain, by %(old)s: a text cannot "
                    "replace one that replaces it."
                )
                % {"new": replacement.number_symbol, "old": text.number_symbol}
            }
        )
    on = on or replacement.effective_on or today()
    if text.effective_on and on < text.effective_on:
        raise ValidationError(
            {"on": _("The replacement cannot take effect before the text it replaces.")}
        )
    text.replaced_by = replacement
    text.status = TextStatus.REPLACED
    text.expires_on = on
    with acting_as(by):
        text.save(update_fields=["replaced_by", "status", "expires_on", "updated_at"])
    return text


@transaction.atomic
def amend_text(text: LegalText, *, by: User, amending: LegalText) -> LegalText:
    """Record that `amending` changes part of `text`, which stays in force."""
    _require(access.can_manage_texts(by))
    text = _fresh(text)
    if amending.pk == text.pk:
        raise ValidationError({"amending": _("A text cannot amend itself.")})
    _require_live(text)
    if text.amended_by.filter(pk=amending.pk).exists():
        raise ValidationError({"amending": _("This amendment is already recorded.")})
    with acting_as(by):
        text.amended_by.add(amending)
        if text.status == TextStatus.IN_FORCE:
            text.status = TextStatus.AMENDED
            text.save(update_fields=["status", "updated_at"])
    return text


@transaction.atomic
def expire_text(text: LegalText, *, by: User, on: dt.date) -> LegalText:
    """The text ceases to have effect on `on` without a replacement."""
    _require(access.can_manage_texts(by))
    text = _fresh(text)
    _require_live(text)
    if not isinstance(on, dt.date):
        raise ValidationError({"on": _("Enter a real date as dd/mm/yyyy.")})
    if text.effective_on and on < text.effective_on:
        raise ValidationError({"on": _("A text cannot expire before it takes effect.")})
    text.expires_on = on
    text.status = TextStatus.EXPIRED if on <= today() else text.status
    with acting_as(by):
        text.save(update_fields=["expires_on", "status", "updated_at"])
    return text
