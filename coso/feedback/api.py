"""JSON API of feedback (mounted under /api/v1/): the same access and action functions as the
pages.

Signed-in users list and read the feedback of the units their roles reach, what they sent and
what they handle. The sender's details are in `sender` only when `access.can_see_identity`
allows it: never in a list for a protected kind (a denunciation), and in its detail only for
its handler and the sender.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from coso.core.dates import today
from coso.core.pages import row_id
from coso.units.models import Unit, User, path_within

from . import access, actions
from .models import (
    EventKind,
    Feedback,
    FeedbackField,
    FeedbackKind,
    Source,
)
from .models import Status as FeedbackStatus
from .views import DUE_SOON_DAYS

router = Router(tags=["feedback"])


class SenderOut(Schema):
    name: str
    phone: str
    email: str
    address: str


class FeedbackOut(Schema):
    id: int
    tracking_code: str
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    received_by_id: int
    kind_code: str = Field(..., alias="kind.code")
    kind_name: str = Field(..., alias="kind.name")
    kind_citation: str = Field(..., alias="kind.citation")
    field_code: str | None = None
    source: Source
    title: str
    status: FeedbackStatus
    status_label: str = Field(..., alias="get_status_display")
    received_on: dt.date
    due_on: dt.date
    overdue: bool = False
    handler_id: int | None
    handler_name: str | None = None
    answered_on: dt.date | None
    answered_in_time: bool | None
    days_to_answer: int | None
    answer_published: bool = False
    identity_protected: bool = Field(..., alias="kind.identity_protected")
    # Only when the identity rule allows it; always null in lists for a protected kind.
    sender: SenderOut | None = None

    @staticmethod
    def resolve_field_code(item: Feedback) -> str | None:
        return item.field.code if item.field_id else None

    @staticmethod
    def resolve_handler_name(item: Feedback) -> str | None:
        return item.handler.display_name if item.handler_id else None

    @staticmethod
    def resolve_overdue(item: Feedback) -> bool:
        return item.is_open and item.due_on < today()

    @staticmethod
    def resolve_answer_published(item: Feedback) -> bool:
        return item.answer_published_at is not None


class EventOut(Schema):
    kind: EventKind
    kind_label: str = Field(..., alias="get_kind_display")
    at: dt.datetime
    actor_name: str | None = None
    from_unit_id: int | None
    to_unit_id: int | None
    text: str
    is_public: bool

    @staticmethod
    def resolve_actor_name(event) -> str | None:
        return event.actor.display_name if event.actor_id else None


class FileOut(Schema):
    id: int
    name: str
    size: int
    with_answer: bool


class FeedbackDetailOut(FeedbackOut):
    content: str
    source_note: str
    location: str
    latitude: Decimal | None
    longitude: Decimal | None
    publish_consent: bool
    answer: str
    merged_into_id: int | None
    sender_satisfied: bool | None
    reopened_count: int
    events: list[EventOut]
    files: list[FileOut]


class FeedbackIn(Schema):
    unit_id: int
    kind: str = Field("reflection", description="Code of the kind: reflection, complaint …")
    field: str | None = Field(None, description="Code of the field (lĩnh vực)")
    source: Source
    source_note: str = ""
    received_on: dt.date | None = None
    title: str
    content: str
    location: str = ""
    sender_name: str = ""
    sender_phone: str = ""
    sender_email: str = ""
    sender_address: str = ""
    publish_consent: bool = False


class ClassifyIn(Schema):
    kind: str
    field: str | None = None


class AssignIn(Schema):
    handler_id: int


class TransferIn(Schema):
    to_unit_id: int
    reason: str


class TextIn(Schema):
    text: str


class CloseIn(Schema):
    reason: str = ""


def _kind(code: str, name: str = "kind") -> FeedbackKind:
    kind = FeedbackKind.objects.filter(code=code).first()
    if kind is None:
        raise ValidationError({name: _("There is no kind of feedback with this code.")})
    return kind


def _field(code: str | None) -> FeedbackField | None:
    if not code:
        return None
    item = FeedbackField.objects.filter(code=code).first()
    if item is None:
        raise ValidationError({"field": _("There is no field with this code.")})
    return item


def _unit(pk: int, name: str) -> Unit:
    unit = Unit.objects.filter(pk=row_id(pk)).first()
    if unit is None:
        raise ValidationError({name: _("There is no unit with this id.")})
    return unit


def _detail(user: User, item: Feedback) -> Feedback:
    item = access.get_feedback_for(user, item.pk)
    item.sender = access.sender_of(user, item)  # type: ignore[attr-defined]
    events = item.events.select_related("actor")
    if not access.can_read_internal(user, item):
        events = events.filter(is_public=True)
    item.events_list = list(events)  # type: ignore[attr-defined]
    files = list(item.files.all())
    if item.sender is None:  # type: ignore[attr-defined]
        files = [f for f in files if f.with_answer]
    item.files_list = files  # type: ignore[attr-defined]
    return item


class _Detail(FeedbackDetailOut):
    events: list[EventOut] = Field(..., alias="events_list")
    files: list[FileOut] = Field(..., alias="files_list")


@router.get("/feedback/", response=list[FeedbackOut], summary="List the feedback you may read")
@paginate(LimitOffsetPagination)
def list_feedback(
    request: HttpRequest,
    unit_id: int | None = None,
    status: FeedbackStatus | None = None,
    kind: str = "",
    field: str = "",
    overdue: bool = False,
    due_soon: bool = False,
    mine: bool = False,
) -> QuerySet[Feedback]:
    """Newest first; `unit_id` takes the unit's whole subtree."""
    user = request.user
    on = today()
    items = access.visible_feedback(user).select_related("unit", "kind", "field", "handler")
    if unit_id is not None:
        path = Unit.objects.filter(pk=row_id(unit_id)).values_list("path", flat=True).first()
        items = items.filter(path_within("unit_path", path)) if path else items.none()
    if status is not None:
        items = items.filter(status=status)
    if kind:
        items = items.filter(kind__code=kind[:50])
    if field:
        items = items.filter(field__code=field[:50])
    if overdue:
        items = items.overdue(on)
    if due_soon:
        items = items.open().filter(due_on__gte=on, due_on__lte=on + dt.timedelta(DUE_SOON_DAYS))
    if mine:
        items = items.filter(handler=user)
    return _ListWithSender(items.order_by("-received_on", "-id"), user)


class _ListWithSender:
    """The queryset, with each row's `sender` set by the identity rule as the page is read.

    Lists never carry the sender of a protected kind, not even for its handler."""

    def __init__(self, queryset: QuerySet[Feedback], user: User) -> None:
        self.queryset = queryset
        self.user = user

    def count(self) -> int:
        return self.queryset.count()

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, key):
        rows = list(self.queryset[key])
        for item in rows:
            item.sender = (
                None if item.kind.identity_protected else access.sender_of(self.user, item)
            )
        return rows

    def __iter__(self):
        return iter(self[:])


@router.get("/feedback/{feedback_id}", response=_Detail, summary="One feedback item")
def get_feedback(request: HttpRequest, feedback_id: int) -> Feedback:
    item = access.get_feedback_for(request.user, feedback_id)
    return _detail(request.user, item)


@router.post(
    "/feedback/",
    response={201: _Detail},
    summary="Record feedback (officers: from another channel; anyone signed in: their own)",
)
def create_feedback(request: HttpRequest, payload: FeedbackIn) -> Status:
    user = request.user
    if payload.source == Source.PORTAL:
        raise ValidationError({"source": _("Feedback from the public page is sent there.")})
    unit = _unit(payload.unit_id, "unit_id")
    item = actions.submit_feedback(
        unit=unit,
        kind=_kind(payload.kind),
        field=_field(payload.field),
        source=payload.source,
        by=user,
        source_note=payload.source_note,
        received_on=payload.received_on,
        title=payload.title,
        content=payload.content,
        location=payload.location,
        sender_name=payload.sender_name,
        sender_phone=payload.sender_phone,
        sender_email=payload.sender_email,
        sender_address=payload.sender_address,
        publish_consent=payload.publish_consent,
    )
    return Status(201, _detail(user, item))


@router.post("/feedback/{feedback_id}/classify", response=_Detail, summary="Set kind and field")
def classify_feedback(request: HttpRequest, feedback_id: int, payload: ClassifyIn) -> Feedback:
    item = access.get_feedback_for(request.user, feedback_id)
    actions.classify(item, by=request.user, kind=_kind(payload.kind), field=_field(payload.field))
    return _detail(request.user, item)


@router.post("/feedback/{feedback_id}/assign", response=_Detail, summary="Assign a handler")
def assign_feedback(request: HttpRequest, feedback_id: int, payload: AssignIn) -> Feedback:
    item = access.get_feedback_for(request.user, feedback_id)
    handler = User.objects.filter(pk=row_id(payload.handler_id)).first()
    if handler is None:
        raise ValidationError({"handler_id": _("There is no such person.")})
    actions.assign(item, by=request.user, handler=handler)
    return _detail(request.user, item)


@router.post(
    "/feedback/{feedback_id}/transfer",
    response=_Detail,
    summary="Transfer to the responsible unit, with a reason the sender reads",
)
def transfer_feedback(request: HttpRequest, feedback_id: int, payload: TransferIn) -> Feedback:
    user = request.user
    item = access.get_feedback_for(user, feedback_id)
    actions.transfer(
        item, by=user, to_unit=_unit(payload.to_unit_id, "to_unit"), reason=payload.reason
    )
    if not access.can_view_feedback(user, item):
        # Gone to a unit outside the user's reach: they keep only the receipt.
        return JsonResponse(
            {"id": item.pk, "tracking_code": item.tracking_code, "unit_id": item.unit_id}
        )
    return _detail(user, item)


@router.post("/feedback/{feedback_id}/notes", response=EventOut, summary="Add an internal note")
def note_feedback(request: HttpRequest, feedback_id: int, payload: TextIn):
    item = access.get_feedback_for(request.user, feedback_id)
    return actions.add_note(item, by=request.user, text=payload.text)


@router.post("/feedback/{feedback_id}/answer", response=_Detail, summary="Answer the item")
def answer_feedback(request: HttpRequest, feedback_id: int, payload: TextIn) -> Feedback:
    item = access.get_feedback_for(request.user, feedback_id)
    actions.answer(item, by=request.user, text=payload.text)
    return _detail(request.user, item)


@router.post("/feedback/{feedback_id}/close", response=_Detail, summary="Close an answered item")
def close_feedback(request: HttpRequest, feedback_id: int, payload: CloseIn) -> Feedback:
    item = access.get_feedback_for(request.user, feedback_id)
    actions.close(item, by=request.user, reason=payload.reason)
    return _detail(request.user, item)
