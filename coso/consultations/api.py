"""JSON API of consultations (mounted under /api/v1/).

Signed-in users list and read what the pages show them: the consultations of their subtrees
(every status) and every public one. The comments of a consultation, with contacts, are for
those with a role over its unit. Posting a comment: anyone signed in through the portal
channel while the period is open; an officer of the unit may also enter a comment received
through another channel.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from coso.units.models import Unit, path_within

from . import access, actions
from .models import (
    AnswerKind,
    Channel,
    Comment,
    CommentGroup,
    Consultation,
    ConsultationSection,
    ConsultationStatus,
)

router = Router(tags=["consultations"])


class ConsultationOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    kind_code: str = Field(..., alias="kind.code")
    kind_name: str = Field(..., alias="kind.name")
    kind_citation: str = Field(..., alias="kind.citation")
    title: str
    opens_on: dt.date
    closes_on: dt.date
    channels: list[Channel]
    status: ConsultationStatus
    status_label: str = Field(..., alias="get_status_display")
    accepting_comments: bool
    comment_count: int = 0


class SectionOut(Schema):
    id: int
    heading: str
    text: str
    order: int
    comment_count: int = 0


class GroupOut(Schema):
    id: int
    title: str
    section_id: int | None
    response: AnswerKind | None
    response_text: str
    comment_count: int = 0

    @staticmethod
    def resolve_response(group: CommentGroup) -> str | None:
        return group.response or None


class ConsultationDetailOut(ConsultationOut):
    introduction: str
    sections: list[SectionOut]
    synthesis_published: bool
    synthesis_summary: str
    groups: list[GroupOut]


class CommentOut(Schema):
    """A comment as its unit's officers see it (contacts included)."""

    id: int
    section_id: int | None
    text: str
    name: str
    contact: str
    channel: Channel
    received_on: dt.date
    group_id: int | None
    hidden: bool
    hidden_reason: str


class CommentReceipt(Schema):
    """What the sender learns back: never another person's data."""

    id: int
    consultation_id: int
    section_id: int | None
    channel: Channel
    received_on: dt.date


class CommentIn(Schema):
    text: str
    section_id: int | None = None
    name: str = ""
    contact: str = ""
    # Another channel than the portal: officers entering what they received.
    channel: Channel = Channel.PORTAL
    received_on: dt.date | None = None


def _detail(consultation: Consultation, user) -> Consultation:
    published = consultation.status == ConsultationStatus.PUBLISHED
    internal = access.can_view_consultation(user, consultation)
    groups = CommentGroup.objects.none()
    if published or internal:
        groups = CommentGroup.objects.annotate(
            comment_count=Count("comments", filter=Q(comments__hidden=False))
        )
    item = (
        Consultation.objects.select_related("unit", "kind")
        .annotate(comment_count=Count("comments", filter=Q(comments__hidden=False)))
        .prefetch_related(
            Prefetch(
                "sections",
                queryset=ConsultationSection.objects.annotate(
                    comment_count=Count("comments", filter=Q(comments__hidden=False))
                ),
            ),
            Prefetch("groups", queryset=groups),
        )
        .get(pk=consultation.pk)
    )
    item.synthesis_published = published  # type: ignore[attr-defined]
    return item


def _readable(user, pk: int) -> Consultation:
    """A consultation the user may read: internal if they have a role over it, else public."""
    try:
        return access.get_consultation_for(user, pk)
    except Http404:
        return access.get_public_consultation(pk)


@router.get(
    "/consultations/", response=list[ConsultationOut], summary="List the consultations you may read"
)
@paginate(LimitOffsetPagination)
def list_consultations(
    request: HttpRequest,
    unit_id: int | None = None,
    status: ConsultationStatus | None = None,
    q: str = "",
) -> QuerySet[Consultation]:
    """Newest first; `unit_id` takes the unit's whole subtree, `q` ignores diacritics."""
    items = access.api_consultations(request.user).select_related("unit", "kind")
    if unit_id is not None:
        path = None
        if 0 < unit_id < 2**63:
            path = Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first()
        items = items.filter(path_within("unit_path", path)) if path else items.none()
    if status is not None:
        items = items.filter(status=status)
    if q.strip():
        items = items.search(q[:100])
    return items.annotate(
        comment_count=Count("comments", filter=Q(comments__hidden=False))
    ).order_by("-opens_on", "-id")


@router.get(
    "/consultations/{consultation_id}",
    response=ConsultationDetailOut,
    summary="A consultation with its sections and, once published, its synthesis",
)
def get_consultation(request: HttpRequest, consultation_id: int) -> Consultation:
    return _detail(_readable(request.user, consultation_id), request.user)


@router.get(
    "/consultations/{consultation_id}/comments",
    response=list[CommentOut],
    summary="The comments of a consultation, for those with a role over its unit",
)
@paginate(LimitOffsetPagination)
def list_comments(request: HttpRequest, consultation_id: int) -> QuerySet[Comment]:
    consultation = access.get_consultation_for(request.user, consultation_id)
    return consultation.comments.order_by("created_at", "id")


@router.post(
    "/consultations/{consultation_id}/comments",
    response={201: CommentReceipt},
    summary="Comment on the whole draft or on one section",
)
def post_comment(request: HttpRequest, consultation_id: int, payload: CommentIn) -> Status:
    user = request.user
    consultation = _readable(user, consultation_id)
    section = None
    if payload.section_id is not None:
        section = None
        if 0 < payload.section_id < 2**63:
            section = consultation.sections.filter(pk=payload.section_id).first()
        if section is None:
            raise ValidationError({"section_id": _("This section belongs to another draft.")})
    if payload.channel == Channel.PORTAL and payload.received_on is None:
        comment = actions.submit_comment(
            consultation=consultation,
            by=user,
            text=payload.text,
            section=section,
            name=payload.name,
            contact=payload.contact,
        )
    else:
        if not access.can_manage_consultation(user, consultation):
            raise PermissionDenied(
                _("Only the unit's officers enter comments from other channels.")
            )
        comment = actions.record_comment(
            consultation,
            by=user,
            text=payload.text,
            channel=payload.channel,
            received_on=payload.received_on,
            section=section,
            name=payload.name,
            contact=payload.contact,
        )
    return Status(201, comment)
