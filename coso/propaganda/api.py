"""JSON API of dissemination and training (mounted under /api/v1/).

The same access and actions as the pages: sessions and training classes of the subtrees the
user's roles reach, dissemination orders with their coverage, and the texts a unit must still
disseminate.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from coso.core.pages import row_id
from coso.library.models import LegalText
from coso.units.access import get_unit_for
from coso.units.models import Unit, UnitKind, path_within

from . import access, actions, coverage
from .models import Order, Session, SessionForm, TrainingClass

router = Router(tags=["propaganda"])


class TextRef(Schema):
    id: int
    number_symbol: str
    title: str


class SessionOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    held_on: dt.date
    title: str
    form: SessionForm
    form_label: str = Field(..., alias="get_form_display")
    reached_officials: int
    reached_party_members: int
    reached_workers: int
    reached_citizens: int
    reached_youth: int
    reached_other: int
    total_reached: int
    note: str


class SessionDetailOut(SessionOut):
    texts: list[TextRef]

    @staticmethod
    def resolve_texts(session) -> list:
        return list(session.texts.all())


class SessionIn(Schema):
    unit_id: int
    held_on: dt.date
    title: str
    form: str
    text_ids: list[int] = []
    reached_officials: int = 0
    reached_party_members: int = 0
    reached_workers: int = 0
    reached_citizens: int = 0
    reached_youth: int = 0
    reached_other: int = 0
    note: str = ""


class ClassOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    title: str
    starts_on: dt.date
    ends_on: dt.date
    trainers: str
    expected_count: int
    participant_count: int = 0
    attended_count: int = 0


class ParticipantOut(Schema):
    id: int
    full_name: str
    user_id: int | None
    position: str
    attended: bool


class ClassDetailOut(ClassOut):
    content: str
    texts: list[TextRef]
    participants: list[ParticipantOut]

    @staticmethod
    def resolve_texts(training) -> list:
        return list(training.texts.all())

    @staticmethod
    def resolve_participants(training) -> list:
        return list(training.participants.all())


class ClassIn(Schema):
    unit_id: int
    title: str
    content: str = ""
    text_ids: list[int] = []
    starts_on: dt.date
    ends_on: dt.date | None = None
    trainers: str = ""
    expected_count: int = 0


class OrderOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    text: TextRef
    due_on: dt.date
    unit_kinds: list[str]
    note: str
    cancelled_on: dt.date | None
    units_total: int = 0
    units_covered: int = 0


class OrderIn(Schema):
    unit_id: int
    text_id: int
    due_on: dt.date
    unit_kinds: list[UnitKind] = []
    note: str = ""


class CoverageRowOut(Schema):
    unit_id: int = Field(..., alias="pk")
    unit_name: str = Field(..., alias="name")
    kind: str
    covered: bool


class CoverageOut(Schema):
    order: OrderOut
    units: list[CoverageRowOut]


class PendingOut(Schema):
    order_id: int = Field(..., alias="pk")
    ordered_by: str = Field(..., alias="unit.name")
    text: TextRef
    due_on: dt.date


def _path_of(unit_id: int) -> str | None:
    if row_id(unit_id) is None:
        return None
    return Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first()


def _in_unit(items, unit_id: int | None):
    if unit_id is None:
        return items
    path = _path_of(unit_id)
    return items.filter(path_within("unit_path", path)) if path else items.none()


def _with_progress(order: Order) -> Order:
    progress = coverage.progress(order)
    order.units_total = progress.total  # type: ignore[attr-defined]
    order.units_covered = progress.covered  # type: ignore[attr-defined]
    return order


@router.get("/propaganda/sessions/", response=list[SessionOut], summary="Dissemination sessions")
@paginate(LimitOffsetPagination)
def list_sessions(
    request: HttpRequest, unit_id: int | None = None, year: int | None = None, q: str = ""
) -> QuerySet[Session]:
    """`unit_id` takes the unit's whole subtree, `q` ignores diacritics."""
    items = _in_unit(access.visible_sessions(request.user).select_related("unit"), unit_id)
    if year is not None:
        items = items.filter(held_on__year=year)
    if q.strip():
        items = items.search(q[:100])
    return items.order_by("-held_on", "-id")


@router.get("/propaganda/sessions/{session_id}", response=SessionDetailOut)
def get_session(request: HttpRequest, session_id: int) -> Session:
    return access.get_session_for(request.user, session_id)


@router.post("/propaganda/sessions/", response={201: SessionDetailOut}, summary="Record a session")
def create_session(request: HttpRequest, payload: SessionIn):
    unit = get_unit_for(request.user, payload.unit_id)
    fields = payload.dict(exclude={"unit_id", "text_ids"})
    session = actions.record_session(
        by=request.user, unit=unit, texts=_ids(payload.text_ids), **fields
    )
    return Status(201, session)


def _ids(ids: list[int]) -> list[int]:
    """Ids as given: the action refuses those that are not texts of the library."""
    return [i if row_id(i) is not None else 0 for i in ids]


@router.get("/propaganda/classes/", response=list[ClassOut], summary="Training classes")
@paginate(LimitOffsetPagination)
def list_classes(
    request: HttpRequest, unit_id: int | None = None, year: int | None = None, q: str = ""
) -> QuerySet[TrainingClass]:
    items = _in_unit(access.visible_classes(request.user).select_related("unit"), unit_id)
    if year is not None:
        items = items.filter(starts_on__year=year)
    if q.strip():
        items = items.search(q[:100])
    return items.annotate(
        participant_count=Count("participants"),
        attended_count=Count("participants", filter=Q(participants__attended=True)),
    ).order_by("-starts_on", "-id")


@router.get("/propaganda/classes/{class_id}", response=ClassDetailOut)
def get_class(request: HttpRequest, class_id: int) -> TrainingClass:
    training = access.get_class_for(request.user, class_id)
    training.participant_count = training.participants.count()  # type: ignore[attr-defined]
    training.attended_count = training.participants.filter(attended=True).count()  # type: ignore[attr-defined]
    return training


@router.post("/propaganda/classes/", response={201: ClassDetailOut}, summary="Record a class")
def create_class(request: HttpRequest, payload: ClassIn):
    unit = get_unit_for(request.user, payload.unit_id)
    fields = payload.dict(exclude={"unit_id", "text_ids"})
    training = actions.create_class(
        by=request.user, unit=unit, texts=_ids(payload.text_ids), **fields
    )
    return Status(201, training)


@router.get("/propaganda/orders/", response=list[OrderOut], summary="Dissemination orders given")
@paginate(LimitOffsetPagination)
def list_orders(request: HttpRequest, unit_id: int | None = None) -> list[Order]:
    orders = list(
        _in_unit(
            access.visible_orders(request.user).select_related("unit", "text"), unit_id
        ).order_by("-due_on", "-id")[:500]
    )
    progress = coverage.progress_of_orders(orders)
    for order in orders:
        order.units_total = progress[order.pk].total  # type: ignore[attr-defined]
        order.units_covered = progress[order.pk].covered  # type: ignore[attr-defined]
    return orders


@router.post("/propaganda/orders/", response={201: OrderOut}, summary="Order a dissemination")
def create_order(request: HttpRequest, payload: OrderIn):
    unit = get_unit_for(request.user, payload.unit_id)
    text = LegalText.objects.filter(pk=row_id(payload.text_id)).first()
    order = actions.create_order(
        by=request.user,
        unit=unit,
        text=text,
        due_on=payload.due_on,
        unit_kinds=[str(kind) for kind in payload.unit_kinds],
        note=payload.note,
    )
    return Status(201, _with_progress(order))


@router.get(
    "/propaganda/orders/{order_id}/coverage",
    response=CoverageOut,
    summary="Which units below have recorded a session for the ordered text",
)
def order_coverage(request: HttpRequest, order_id: int) -> dict:
    order = access.get_order_for(request.user, order_id)
    return {
        "order": _with_progress(order),
        "units": list(coverage.coverage_rows(order).order_by("path")),
    }


@router.get(
    "/propaganda/pending/",
    response=list[PendingOut],
    summary="Texts a unit was asked to disseminate and has not yet",
)
def pending(request: HttpRequest, unit_id: int) -> list[Order]:
    unit = get_unit_for(request.user, unit_id)
    return coverage.pending_orders(unit)
