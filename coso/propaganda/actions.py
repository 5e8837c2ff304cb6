"""Sessions, training classes, participants and dissemination orders: every change atomic and
audited, every refusal a Vietnamese message on its field."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import clean_text
from coso.core.checks import require as _require
from coso.core.dates import today
from coso.library.models import LegalText
from coso.units.models import Unit, UnitKind, User, path_within

from . import access
from .models import (
    AUDIENCE_FIELDS,
    TEXT_MAX_LENGTH,
    Order,
    Session,
    SessionForm,
    Trainee,
    TrainingClass,
)

# A number of people larger than this is a typing mistake (Vietnam has about 100 million).
MAX_PEOPLE = 10_000_000


def _text(value, field: str, *, required: bool = True, max_length: int = TEXT_MAX_LENGTH) -> str:
    return clean_text(value, field, required=required, max_length=max_length)


def _count(value, field: str) -> int:
    if value in (None, ""):
        return 0
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError({field: _("Enter a whole number.")}) from None
    if number < 0:
        raise ValidationError({field: _("The number of people cannot be negative.")})
    if number > MAX_PEOPLE:
        raise ValidationError({field: _("This number is too large.")})
    return number


def _date(value, field: str) -> dt.date:
    if not isinstance(value, dt.date):
        raise ValidationError({field: _("Enter a real date as dd/mm/yyyy.")})
    return value


def _not_future(day: dt.date, field: str) -> None:
    if day > today():
        raise ValidationError({field: _("This date is in the future.")})


def _texts(texts: Iterable[LegalText | int] | None) -> list[LegalText]:
    ids = {t.pk if isinstance(t, LegalText) else t for t in (texts or ())}
    found = list(LegalText.objects.filter(pk__in=ids))
    if len(found) != len(ids):
        raise ValidationError({"texts": _("Choose texts from the library.")})
    return found


# --- Sessions ---------------------------------------------------------------------------------


def _session_fields(fields: dict) -> dict:
    cleaned = {
        "title": _text(fields.get("title"), "title", max_length=500),
        "note": _text(fields.get("note", ""), "note", required=False),
    }
    held_on = _date(fields.get("held_on"), "held_on")
    _not_future(held_on, "held_on")
    cleaned["held_on"] = held_on
    if fields.get("form") not in SessionForm.values:
        raise ValidationError({"form": _("Choose the form of dissemination.")})
    cleaned["form"] = fields["form"]
    for name, _label in AUDIENCE_FIELDS:
        cleaned[name] = _count(fields.get(name), name)
    if not any(cleaned[name] for name, _label in AUDIENCE_FIELDS):
        raise ValidationError(
            {"reached_citizens": _("Enter how many people were reached in at least one group.")}
        )
    return cleaned


@transaction.atomic
def record_session(*, by: User, unit: Unit, texts=(), **fields) -> Session:
    _require(access.can_record(by, unit))
    cleaned = _session_fields(fields)
    chosen = _texts(texts)
    with acting_as(by):
        session = Session.objects.create(unit=unit, created_by=by, **cleaned)
        session.texts.set(chosen)
    return session


@transaction.atomic
def update_session(session: Session, *, by: User, texts=(), **fields) -> Session:
    session = (
        Session.objects.select_for_update(of=("self",)).select_related("unit").get(pk=session.pk)
    )
    _require(access.can_record(by, session.unit))
    cleaned = _session_fields(fields)
    chosen = _texts(texts)
    with acting_as(by):
        for name, value in cleaned.items():
            setattr(session, name, value)
        session.save()
        session.texts.set(chosen)
    return session


@transaction.atomic
def delete_session(session: Session, *, by: User) -> None:
    session = (
        Session.objects.select_for_update(of=("self",)).select_related("unit").get(pk=session.pk)
    )
    _require(access.can_record(by, session.unit))
    with acting_as(by):
        session.delete()


# --- Training classes -------------------------------------------------------------------------


def _class_fields(fields: dict) -> dict:
    cleaned = {
        "title": _text(fields.get("title"), "title", max_length=500),
        "content": _text(fields.get("content", ""), "content", required=False),
        "trainers": _text(fields.get("trainers", ""), "trainers", required=False, max_length=500),
        "expected_count": _count(fields.get("expected_count"), "expected_count"),
    }
    starts = _date(fields.get("starts_on"), "starts_on")
    ends = fields.get("ends_on") or starts
    ends = _date(ends, "ends_on")
    if ends < starts:
        raise ValidationError({"ends_on": _("The class cannot end before it starts.")})
    cleaned["starts_on"], cleaned["ends_on"] = starts, ends
    return cleaned


@transaction.atomic
def create_class(*, by: User, unit: Unit, texts=(), **fields) -> TrainingClass:
    _require(access.can_record(by, unit))
    cleaned = _class_fields(fields)
    chosen = _texts(texts)
    with acting_as(by):
        training = TrainingClass.objects.create(unit=unit, created_by=by, **cleaned)
        training.texts.set(chosen)
    return training


@transaction.atomic
def update_class(training: TrainingClass, *, by: User, texts=(), **fields) -> TrainingClass:
    training = (
        TrainingClass.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=training.pk)
    )
    _require(access.can_record(by, training.unit))
    cleaned = _class_fields(fields)
    chosen = _texts(texts)
    with acting_as(by):
        for name, value in cleaned.items():
            setattr(training, name, value)
        training.save()
        training.texts.set(chosen)
    return training


@transaction.atomic
def add_participant(
    training: TrainingClass,
    *,
    by: User,
    full_name: str = "",
    user: User | None = None,
    position: str = "",
    attended: bool = False,
) -> Trainee:
    """Add a participant by name or by account; an account is listed once per class."""
    training = (
        TrainingClass.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=training.pk)
    )
    _require(access.can_record(by, training.unit))
    full_name = _text(full_name, "full_name", required=user is None, max_length=200)
    if user is not None:
        full_name = full_name or user.display_name
        if training.participants.filter(user=user).exists():
            raise ValidationError({"user": _("This person is already a participant.")})
    position = _text(position, "position", required=False, max_length=200)
    with acting_as(by):
        try:
            with transaction.atomic():
                return Trainee.objects.create(
                    training=training,
                    full_name=full_name,
                    user=user,
                    position=position,
                    attended=bool(attended),
                )
        except IntegrityError:
            raise ValidationError({"user": _("This person is already a participant.")}) from None


@transaction.atomic
def set_attendance(training: TrainingClass, *, by: User, attended_ids: Iterable[int]) -> int:
    """Mark who attended (the others did not); answers how many attended. Setting the same list
    twice changes nothing."""
    training = (
        TrainingClass.objects.select_for_update(of=("self",))
        .select_related("unit")
        .get(pk=training.pk)
    )
    _require(access.can_record(by, training.unit))
    wanted = {int(pk) for pk in attended_ids}
    with acting_as(by):
        for trainee in training.participants.select_for_update():
            value = trainee.pk in wanted
            if trainee.attended != value:
                trainee.attended = value
                trainee.save(update_fields=["attended", "updated_at"])
    return training.participants.filter(attended=True).count()


@transaction.atomic
def remove_participant(trainee: Trainee, *, by: User) -> None:
    trainee = (
        Trainee.objects.select_for_update(of=("self",))
        .select_related("training__unit")
        .get(pk=trainee.pk)
    )
    _require(access.can_record(by, trainee.training.unit))
    with acting_as(by):
        trainee.delete()


# --- Orders -----------------------------------------------------------------------------------


@transaction.atomic
def create_order(
    *,
    by: User,
    unit: Unit,
    text: LegalText | None,
    due_on: dt.date | None,
    unit_kinds: Iterable[str] = (),
    note: str = "",
) -> Order:
    _require(access.can_order(by, unit))
    Unit.objects.select_for_update().filter(pk=unit.pk).first()  # one order per text at a time
    if text is None:
        raise ValidationError({"text": _("Choose the text to disseminate.")})
    if not LegalText.objects.filter(pk=text.pk).exists():
        raise ValidationError({"text": _("Choose texts from the library.")})
    due_on = _date(due_on, "due_on")
    if due_on < today():
        raise ValidationError({"due_on": _("The date is already past.")})
    kinds = sorted(set(unit_kinds or ()))
    if any(kind not in UnitKind.values for kind in kinds):
        raise ValidationError({"unit_kinds": _("Choose kinds of units from the list.")})
    if not Unit.objects.filter(path_within("path", unit.path)).exclude(pk=unit.pk).exists():
        raise ValidationError({"unit": _("This unit has no units below it.")})
    note = _text(note, "note", required=False)
    if Order.objects.filter(unit=unit, text=text, cancelled_on__isnull=True).exists():
        raise ValidationError(
            {"text": _("This unit has already ordered the dissemination of this text.")}
        )
    with acting_as(by):
        return Order.objects.create(
            unit=unit, text=text, due_on=due_on, unit_kinds=kinds, note=note, created_by=by
        )


@transaction.atomic
def cancel_order(order: Order, *, by: User) -> Order:
    order = (
        Order.objects.select_for_update(of=("self",))
        .select_related("unit", "text")
        .get(pk=order.pk)
    )
    _require(access.can_manage_order(by, order))
    if order.cancelled_on is not None:
        raise ValidationError(_("This order has already been cancelled."))
    with acting_as(by):
        order.cancelled_on = today()
        order.save(update_fields=["cancelled_on", "updated_at"])
    return order
