"""JSON API of meetings: the list, one meeting, and its preparation (mounted under /api/v1/ by
coso/api.py). Calls the same access and action functions as the pages."""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from coso.units.access import get_unit_for
from coso.units.models import Unit, User, path_within

from . import access, actions
from .models import (
    KindCode,
    Meeting,
    MeetingKind,
    MeetingStatus,
    Participant,
    ParticipantRole,
    Question,
    QuestionStatus,
)
from .views import next_step, role_counts

router = Router(tags=["meetings"])


# --- Schemas ----------------------------------------------------------------------------------


class MeetingOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    kind: KindCode = Field(..., alias="kind.code")
    kind_name: str = Field(..., alias="kind.name")
    title: str
    year: int
    starts_at: dt.datetime
    ends_at: dt.datetime | None
    venue: str
    is_public: bool
    uses_delegates: bool
    status: MeetingStatus
    status_label: str = Field(..., alias="get_status_display")


class AgendaItemOut(Schema):
    id: int
    position: int
    title: str
    presenter: str
    minutes: int | None


class FileOut(Schema):
    id: int
    title: str
    is_public: bool
    uploaded_at: dt.datetime


class RoleCountOut(Schema):
    role: ParticipantRole
    label: str
    count: int
    present: int


class MeetingDetailOut(MeetingOut):
    description: str
    requested_by: str
    citation: str = Field(..., alias="kind.citation")
    notice_text: str
    noticed_at: dt.datetime | None
    cancelled_reason: str
    next_step: str
    latest_notice_day: dt.date | None
    agenda: list[AgendaItemOut] = Field(..., alias="agenda_items")
    files: list[FileOut] = Field(..., alias="file_list")
    participants_by_role: list[RoleCountOut]
    convened: int
    guests: int


class ParticipantOut(Schema):
    id: int
    full_name: str
    job_title: str
    role: ParticipantRole
    role_label: str = Field(..., alias="get_role_display")
    user_id: int | None
    delegate_of_id: int | None
    is_convened: bool
    checked_in_at: dt.datetime | None


class QuestionOut(Schema):
    id: int
    asker_name: str
    text: str
    raised_at_meeting: bool
    status: QuestionStatus
    answer: str
    created_at: dt.datetime


class MeetingIn(Schema):
    unit_id: int
    kind: KindCode
    starts_at: dt.datetime
    ends_at: dt.datetime | None = None
    title: str = ""
    year: int | None = None
    venue: str = ""
    description: str = ""
    is_public: bool = False
    uses_delegates: bool = False
    requested_by: str = ""


class MeetingPatch(Schema):
    kind: KindCode | None = None
    starts_at: dt.datetime | None = None
    ends_at: dt.datetime | None = None
    title: str | None = None
    year: int | None = None
    venue: str | None = None
    description: str | None = None
    is_public: bool | None = None
    uses_delegates: bool | None = None
    requested_by: str | None = None


class CancelIn(Schema):
    reason: str


class NoticeIn(Schema):
    notice_text: str = ""


class AgendaItemIn(Schema):
    title: str
    presenter: str = ""
    minutes: int | None = None


class ParticipantIn(Schema):
    full_name: str = ""
    job_title: str = ""
    role: ParticipantRole = ParticipantRole.MEMBER
    delegate_of_id: int | None = None
    user_id: int | None = None


class StaffIn(Schema):
    """`user_ids` of the unit's staff; leave it out to invite all of them."""

    user_ids: list[int] | None = None


class RoleIn(Schema):
    role: ParticipantRole


class QuestionIn(Schema):
    text: str


class RecordQuestionIn(Schema):
    text: str
    asker_name: str


class AnswerIn(Schema):
    answer: str


# --- Helpers ----------------------------------------------------------------------------------


def _path_of(unit_id: int) -> str | None:
    if not 0 < unit_id < 2**63:
        return None
    return Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first()


def _kind(code: str) -> MeetingKind:
    kind = MeetingKind.objects.filter(code=code).first()
    if kind is None:
        raise ValidationError({"kind": _("Choose the kind of meeting.")})
    return kind


def _detail(meeting: Meeting) -> Meeting:
    counts = role_counts(meeting)
    kind = meeting.kind
    meeting.next_step = str(next_step(meeting)["text"])  # type: ignore[attr-defined]
    meeting.latest_notice_day = (  # type: ignore[attr-defined]
        actions.latest_notice_day(kind, actions.local_day(meeting.starts_at))
        if kind.notice_days
        else None
    )
    meeting.agenda_items = list(meeting.agenda.all())  # type: ignore[attr-defined]
    meeting.file_list = list(meeting.files.all())  # type: ignore[attr-defined]
    meeting.participants_by_role = counts["roles"]  # type: ignore[attr-defined]
    meeting.convened = counts["convened"]  # type: ignore[attr-defined]
    meeting.guests = counts["guests"]  # type: ignore[attr-defined]
    return meeting


def _managed(request: HttpRequest, meeting_id: int) -> Meeting:
    meeting = access.get_meeting_for(request.user, meeting_id)
    if not access.can_manage_meeting(request.user, meeting):
        raise PermissionDenied
    return meeting


def _visible_questions(request: HttpRequest, meeting: Meeting) -> list[Question]:
    items = list(meeting.questions.order_by("created_at", "id"))
    if access.can_run_meeting(request.user, meeting):
        return items
    return [q for q in items if q.raised_at_meeting or q.asked_by_id == request.user.pk]


# --- Meetings ---------------------------------------------------------------------------------


@router.get("/meetings/", response=list[MeetingOut], summary="Meetings you may read")
@paginate(LimitOffsetPagination)
def list_meetings(
    request: HttpRequest,
    unit_id: int | None = None,
    kind: KindCode | None = None,
    status: MeetingStatus | None = None,
    year: int | None = None,
    q: str = "",
) -> QuerySet[Meeting]:
    """Meetings of your units' subtrees and those you are invited to, newest first.
    `unit_id` takes the unit's whole subtree, `q` ignores diacritics."""
    meetings = access.visible_meetings(request.user).select_related("unit", "kind")
    if unit_id is not None:
        path = _path_of(unit_id)
        meetings = meetings.filter(path_within("unit_path", path)) if path else meetings.none()
    if kind is not None:
        meetings = meetings.filter(kind__code=kind)
    if status is not None:
        meetings = meetings.filter(status=status)
    if year is not None:
        meetings = meetings.filter(year=year)
    if q.strip():
        meetings = meetings.search(q[:100])
    return meetings.order_by("-starts_at", "-id")


@router.post("/meetings/", response={201: MeetingDetailOut}, summary="Start preparing a meeting")
def create_meeting(request: HttpRequest, payload: MeetingIn):
    unit = get_unit_for(request.user, payload.unit_id)
    data = payload.dict()
    data.pop("unit_id")
    data["kind"] = _kind(payload.kind)
    meeting = actions.create_meeting(by=request.user, unit=unit, **data)
    return Status(201, _detail(access.get_meeting_for(request.user, meeting.pk)))


@router.get(
    "/meetings/{meeting_id}",
    response=MeetingDetailOut,
    summary="A meeting with its next step, agenda, files and participants by role",
)
def get_meeting(request: HttpRequest, meeting_id: int) -> Meeting:
    return _detail(access.get_meeting_for(request.user, meeting_id))


@router.patch("/meetings/{meeting_id}", response=MeetingDetailOut, summary="Change a meeting")
def update_meeting(request: HttpRequest, meeting_id: int, payload: MeetingPatch) -> Meeting:
    meeting = access.get_meeting_for(request.user, meeting_id)
    fields = payload.dict(exclude_unset=True)
    if "kind" in fields:
        fields["kind"] = _kind(fields["kind"])
    for name in ("title", "venue", "description", "requested_by", "is_public", "uses_delegates"):
        if name in fields and fields[name] is None:
            fields.pop(name)
    if fields.get("starts_at", True) is None:
        fields.pop("starts_at")
    actions.update_meeting(meeting, by=request.user, **fields)
    return _detail(access.get_meeting_for(request.user, meeting_id))


@router.post("/meetings/{meeting_id}/cancel", response=MeetingDetailOut)
def cancel_meeting(request: HttpRequest, meeting_id: int, payload: CancelIn) -> Meeting:
    meeting = access.get_meeting_for(request.user, meeting_id)
    actions.cancel_meeting(meeting, by=request.user, reason=payload.reason)
    return _detail(access.get_meeting_for(request.user, meeting_id))


@router.post(
    "/meetings/{meeting_id}/notice",
    response=MeetingDetailOut,
    summary="Publish the notice (refused after the latest notice day)",
)
def publish_notice(request: HttpRequest, meeting_id: int, payload: NoticeIn) -> Meeting:
    meeting = access.get_meeting_for(request.user, meeting_id)
    actions.publish_notice(meeting, by=request.user, notice_text=payload.notice_text)
    return _detail(access.get_meeting_for(request.user, meeting_id))


# --- Agenda -----------------------------------------------------------------------------------


@router.post("/meetings/{meeting_id}/agenda", response={201: AgendaItemOut})
def add_agenda_item(request: HttpRequest, meeting_id: int, payload: AgendaItemIn):
    meeting = access.get_meeting_for(request.user, meeting_id)
    item = actions.add_agenda_item(meeting, by=request.user, **payload.dict())
    return Status(201, item)


# --- Participants -----------------------------------------------------------------------------


@router.get("/meetings/{meeting_id}/participants", response=list[ParticipantOut])
def list_participants(request: HttpRequest, meeting_id: int) -> list[Participant]:
    """Those who prepare or run the meeting read the list; others get 403."""
    meeting = access.get_meeting_for(request.user, meeting_id)
    if not access.can_run_meeting(request.user, meeting):
        raise PermissionDenied
    return list(meeting.participants.all())


@router.post("/meetings/{meeting_id}/participants", response={201: ParticipantOut})
def add_participant(request: HttpRequest, meeting_id: int, payload: ParticipantIn):
    meeting = _managed(request, meeting_id)
    delegate_of = None
    if payload.delegate_of_id is not None:
        delegate_of = get_unit_for(request.user, payload.delegate_of_id)
    user = None
    if payload.user_id is not None:
        user = User.objects.filter(pk=payload.user_id, is_active=True).first()
        if user is None:
            raise ValidationError({"user_id": _("No account has this user name.")})
    person = actions.add_participant(
        meeting,
        by=request.user,
        full_name=payload.full_name,
        job_title=payload.job_title,
        role=payload.role,
        delegate_of=delegate_of,
        user=user,
    )
    return Status(201, person)


@router.post(
    "/meetings/{meeting_id}/participants/staff",
    response={201: list[ParticipantOut]},
    summary="Invite staff of the unit who have an account",
)
def add_staff(request: HttpRequest, meeting_id: int, payload: StaffIn):
    meeting = _managed(request, meeting_id)
    users = None
    if payload.user_ids is not None:
        users = list(User.objects.filter(pk__in=[i for i in payload.user_ids if 0 < i < 2**63]))
        if len(users) != len(set(payload.user_ids)):
            raise ValidationError(
                {"users": _("Choose people from the staff of %(unit)s.") % {"unit": meeting.unit}}
            )
    return Status(201, actions.add_staff(meeting, by=request.user, users=users))


@router.post("/meetings/participants/{participant_id}/role", response=ParticipantOut)
def set_role(request: HttpRequest, participant_id: int, payload: RoleIn) -> Participant:
    participant = access.get_participant_for(request.user, participant_id)
    return actions.set_participant_role(participant, by=request.user, role=payload.role)


@router.post("/meetings/participants/{participant_id}/remove", response={204: None})
def remove_participant(request: HttpRequest, participant_id: int):
    participant = access.get_participant_for(request.user, participant_id)
    actions.remove_participant(participant, by=request.user)
    return Status(204, None)


# --- Questions --------------------------------------------------------------------------------


@router.get("/meetings/{meeting_id}/questions", response=list[QuestionOut])
def list_questions(request: HttpRequest, meeting_id: int) -> list[Question]:
    """All questions for those who run the meeting; a participant's own and those raised."""
    meeting = access.get_meeting_for(request.user, meeting_id)
    return _visible_questions(request, meeting)


@router.post(
    "/meetings/{meeting_id}/questions",
    response={201: QuestionOut},
    summary="A participant sends a question ahead",
)
def send_question(request: HttpRequest, meeting_id: int, payload: QuestionIn):
    meeting = access.get_meeting_for(request.user, meeting_id)
    return Status(201, actions.send_question(meeting, by=request.user, text=payload.text))


@router.post(
    "/meetings/{meeting_id}/questions/raised",
    response={201: QuestionOut},
    summary="Record a question raised at the meeting",
)
def record_question(request: HttpRequest, meeting_id: int, payload: RecordQuestionIn):
    meeting = access.get_meeting_for(request.user, meeting_id)
    question = actions.record_question(
        meeting, by=request.user, text=payload.text, asker_name=payload.asker_name
    )
    return Status(201, question)


@router.post("/meetings/questions/{question_id}/answer", response=QuestionOut)
def answer_question(request: HttpRequest, question_id: int, payload: AnswerIn) -> Question:
    question = access.get_question_for(request.user, question_id)
    return actions.answer_question(question, by=request.user, answer=payload.answer)
