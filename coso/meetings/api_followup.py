"""JSON API of meetings: followup (mounted under /api/v1/ by coso/api.py).

The discussion and conclusions, commitments (list with the overdue filter, add, correct, done,
dropped), questions followed as feedback, publishing the minutes, and the minutes and resolution
as files: the same access and actions as the pages.
"""

import datetime as dt
from typing import Literal

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from coso.core.dates import today
from coso.core.pages import require, row_id
from coso.feedback.models import FeedbackKind
from coso.reports.exports.common import content_disposition
from coso.units.access import get_unit_for
from coso.units.models import Unit, path_within

from . import access, followup
from .documents import CONTENT_TYPES
from .documents import render as render_document
from .followup_views import may_download
from .models import Commitment, CommitmentStatus, MeetingStatus

router = Router(tags=["meetings"])


class CommitmentOut(Schema):
    id: int
    meeting_id: int
    meeting_title: str = Field(..., alias="meeting.title")
    text: str
    owner_unit_id: int
    owner_unit_name: str = Field(..., alias="owner_unit.name")
    owner_name: str
    due_on: dt.date
    status: CommitmentStatus
    status_label: str = Field(..., alias="get_status_display")
    done_on: dt.date | None
    result: str
    overdue: bool = False

    @staticmethod
    def resolve_overdue(obj: Commitment) -> bool:
        return obj.status == CommitmentStatus.OPEN and obj.due_on < today()


class CommitmentIn(Schema):
    text: str
    owner_unit_id: int
    due_on: dt.date
    owner_name: str = ""


class DoneIn(Schema):
    result: str
    done_on: dt.date | None = None


class DropIn(Schema):
    reason: str


class OutcomeIn(Schema):
    discussion: str = ""
    conclusions: str = ""


class OutcomeOut(Schema):
    id: int
    status: MeetingStatus
    discussion: str
    conclusions: str
    minutes_published_at: dt.datetime | None


class ForwardIn(Schema):
    feedback_kind_id: int | None = None


class ForwardOut(Schema):
    question_id: int
    feedback_id: int
    tracking_code: str


def _owner(unit_id: int) -> Unit | None:
    """The unit asked for; the action refuses one the meeting may not assign, with a reason."""
    return Unit.objects.filter(pk=row_id(unit_id)).first()


def _kind(kind_id: int | None) -> FeedbackKind | None:
    if kind_id is None:
        return None
    kind = FeedbackKind.objects.filter(pk=kind_id, is_active=True).first()
    if kind is None:
        raise ValidationError({"feedback_kind_id": _("Choose the kind of feedback.")})
    return kind


@router.get(
    "/meetings/commitments/",
    response=list[CommitmentOut],
    summary="Commitments of meetings you may read (state: open, overdue, done, dropped)",
)
@paginate(LimitOffsetPagination)
def list_commitments(
    request: HttpRequest,
    state: Literal["open", "overdue", "done", "dropped"] | None = None,
    unit_id: int | None = None,
) -> QuerySet[Commitment]:
    items = access.visible_commitments(request.user).select_related("meeting", "owner_unit")
    if unit_id is not None:
        unit = get_unit_for(request.user, unit_id)
        items = items.filter(path_within("owner_unit__path", unit.path))
    on = today()
    if state == "open":
        items = items.filter(status=CommitmentStatus.OPEN, due_on__gte=on)
    elif state == "overdue":
        items = items.overdue(on)
    elif state is not None:
        items = items.filter(status=state)
    return items.order_by("status", "due_on", "id")


@router.get("/meetings/commitments/{commitment_id}", response=CommitmentOut)
def get_commitment(request: HttpRequest, commitment_id: int) -> Commitment:
    return access.get_commitment_for(request.user, commitment_id)


@router.post(
    "/meetings/{meeting_id}/commitments",
    response={201: CommitmentOut},
    summary="Record a commitment of the meeting (in progress or held)",
)
def add_commitment(request: HttpRequest, meeting_id: int, payload: CommitmentIn):
    meeting = access.get_meeting_for(request.user, meeting_id)
    commitment = followup.add_commitment(
        meeting,
        by=request.user,
        text=payload.text,
        owner_unit=_owner(payload.owner_unit_id),
        owner_name=payload.owner_name,
        due_on=payload.due_on,
    )
    return Status(201, commitment)


@router.put("/meetings/commitments/{commitment_id}", response=CommitmentOut)
def update_commitment(request: HttpRequest, commitment_id: int, payload: CommitmentIn):
    commitment = access.get_commitment_for(request.user, commitment_id)
    return followup.update_commitment(
        commitment,
        by=request.user,
        text=payload.text,
        owner_unit=_owner(payload.owner_unit_id),
        owner_name=payload.owner_name,
        due_on=payload.due_on,
    )


@router.post("/meetings/commitments/{commitment_id}/done", response=CommitmentOut)
def complete_commitment(request: HttpRequest, commitment_id: int, payload: DoneIn):
    commitment = access.get_commitment_for(request.user, commitment_id)
    return followup.complete_commitment(
        commitment, by=request.user, result=payload.result, done_on=payload.done_on
    )


@router.post("/meetings/commitments/{commitment_id}/drop", response=CommitmentOut)
def drop_commitment(request: HttpRequest, commitment_id: int, payload: DropIn):
    commitment = access.get_commitment_for(request.user, commitment_id)
    return followup.drop_commitment(commitment, by=request.user, reason=payload.reason)


@router.post(
    "/meetings/{meeting_id}/outcome",
    response=OutcomeOut,
    summary="Record the discussion and conclusions for the minutes",
)
def record_outcome(request: HttpRequest, meeting_id: int, payload: OutcomeIn):
    meeting = access.get_meeting_for(request.user, meeting_id)
    return followup.record_outcome(
        meeting, by=request.user, discussion=payload.discussion, conclusions=payload.conclusions
    )


@router.post(
    "/meetings/{meeting_id}/minutes/publish",
    response=OutcomeOut,
    summary="Publish the minutes (held → closed) and tell the participants",
)
def publish_minutes(request: HttpRequest, meeting_id: int):
    meeting = access.get_meeting_for(request.user, meeting_id)
    return followup.publish_minutes(meeting, by=request.user)


@router.post(
    "/meetings/questions/{question_id}/forward",
    response=ForwardOut,
    summary="Follow a question as a feedback item of the meeting's unit (once)",
)
def forward_question(request: HttpRequest, question_id: int, payload: ForwardIn):
    question = access.get_question_for(request.user, question_id)
    feedback = followup.forward_question(
        question, by=request.user, kind=_kind(payload.feedback_kind_id)
    )
    return {
        "question_id": question.pk,
        "feedback_id": feedback.pk,
        "tracking_code": feedback.tracking_code,
    }


@router.post(
    "/meetings/{meeting_id}/questions/forward",
    response=list[ForwardOut],
    summary="Follow every question still waiting as feedback items",
)
def forward_questions(request: HttpRequest, meeting_id: int, payload: ForwardIn):
    meeting = access.get_meeting_for(request.user, meeting_id)
    created = followup.forward_questions(
        meeting, by=request.user, kind=_kind(payload.feedback_kind_id)
    )
    return [
        {
            "question_id": f.meeting_question.pk,
            "feedback_id": f.pk,
            "tracking_code": f.tracking_code,
        }
        for f in created
    ]


@router.get(
    "/meetings/{meeting_id}/documents/{document}.{fmt}",
    summary="The minutes or the resolution as DOCX or PDF",
    response={200: None},
)
def download_document(
    request: HttpRequest,
    meeting_id: int,
    document: Literal["minutes", "resolution"],
    fmt: Literal["docx", "pdf"],
) -> HttpResponse:
    meeting = access.get_meeting_for(request.user, meeting_id)
    require(may_download(request.user, meeting))
    content, filename = render_document(meeting, document, fmt)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = content_disposition(filename)
    return response
