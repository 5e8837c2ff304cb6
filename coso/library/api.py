"""JSON API of the legal library (mounted under /api/v1/).

Signed-in users search and read the library; administrators and steering officers add texts
and record replacements, through the same access and action functions as the pages.
"""

import datetime as dt

from django.db.models import F, QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from coso.core.text import fold

from . import access, actions
from .models import LegalText, TextStatus, TextType

router = Router(tags=["library"])


class TextOut(Schema):
    id: int
    number_symbol: str
    text_type: TextType
    text_type_label: str = Field(..., alias="get_text_type_display")
    issuer: str
    title: str
    issued_on: dt.date | None
    effective_on: dt.date | None
    expires_on: dt.date | None
    status: TextStatus
    status_label: str = Field(..., alias="get_status_display")
    replaced_by_id: int | None
    is_core: bool


class TextRef(Schema):
    id: int
    number_symbol: str
    title: str


class TextDetailOut(TextOut):
    summary: str
    url: str
    current_version: TextRef
    replacement_chain: list[TextRef]
    replaces: list[TextRef]
    amended_by: list[TextRef]

    @staticmethod
    def resolve_current_version(text: LegalText) -> LegalText:
        return text.current_version()

    @staticmethod
    def resolve_replacement_chain(text: LegalText) -> list[LegalText]:
        return text.replacement_chain()

    @staticmethod
    def resolve_replaces(text: LegalText) -> list[LegalText]:
        return list(text.replaces.all())

    @staticmethod
    def resolve_amended_by(text: LegalText) -> list[LegalText]:
        return list(text.amended_by.all())


class TextIn(Schema):
    number_symbol: str
    text_type: TextType
    issuer: str
    title: str
    issued_on: dt.date | None = None
    effective_on: dt.date | None = None
    expires_on: dt.date | None = None
    summary: str = ""
    url: str = ""


class ReplaceIn(Schema):
    replacement_id: int
    on: dt.date | None = None


@router.get("/library/texts/", response=list[TextOut], summary="Search the legal library")
@paginate(LimitOffsetPagination)
def list_texts(
    request: HttpRequest,
    q: str = "",
    text_type: TextType | None = None,
    status: TextStatus | None = None,
    issuer: str = "",
    year: int | None = None,
) -> QuerySet[LegalText]:
    """`q` ignores diacritics and finds a number by its beginning ("59/2023")."""
    texts = access.visible_texts(request.user)
    if q:
        texts = texts.search(q[:100])
    if text_type:
        texts = texts.filter(text_type=text_type)
    if status:
        texts = texts.filter(status=status)
    if issuer:
        texts = texts.filter(issuer_key__contains=" ".join(fold(issuer[:100]).split()))
    if year is not None:
        texts = texts.filter(issued_on__year=year)
    return texts.order_by(F("issued_on").desc(nulls_last=True), "number_symbol", "pk")


@router.get(
    "/library/texts/{text_id}",
    response=TextDetailOut,
    summary="A text with its chain of replacements and amendments",
)
def get_text(request: HttpRequest, text_id: int) -> LegalText:
    return access.get_text_for(request.user, text_id)


@router.post(
    "/library/texts/",
    response={201: TextDetailOut},
    summary="Add a text (administrators and steering officers)",
)
def create_text(request: HttpRequest, payload: TextIn):
    text = actions.create_text(by=request.user, **payload.dict())
    return Status(201, text)


@router.post(
    "/library/texts/{text_id}/replace",
    response=TextDetailOut,
    summary="Record that a newer text replaces this one",
)
def replace_text(request: HttpRequest, text_id: int, payload: ReplaceIn) -> LegalText:
    text = access.get_text_for(request.user, text_id)
    replacement = access.get_text_for(request.user, payload.replacement_id)
    return actions.replace_text(text, by=request.user, replacement=replacement, on=payload.on)
