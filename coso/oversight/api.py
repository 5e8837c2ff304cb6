"""JSON API of the oversight boards (mounted under /api/v1/).

Signed-in users read what the pages show them: the boards of their subtrees and the boards
they sit on, with the composition checked against the rules, and the recommendations with
their status and whether the answer is overdue.
"""

import datetime as dt

from django.db.models import Count, QuerySet
from django.http import HttpRequest
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from coso.core.dates import today
from coso.units.models import Unit, path_within

from . import access
from .composition import composition_problems
from .models import (
    Board,
    BoardKind,
    BoardStatus,
    ElectionMethod,
    Position,
    Recommendation,
    RecommendationStatus,
)

router = Router(tags=["oversight"])


class BoardOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    kind: BoardKind
    kind_label: str = Field(..., alias="get_kind_display")
    name: str
    project_name: str
    status: BoardStatus
    status_label: str = Field(..., alias="get_status_display")
    term_starts_on: dt.date
    term_ends_on: dt.date | None
    member_count: int = 0


class MemberOut(Schema):
    id: int
    full_name: str
    position: Position
    position_label: str = Field(..., alias="get_position_display")
    community_id: int | None
    community_name: str | None = None
    is_unit_leader: bool
    is_commune_official: bool

    @staticmethod
    def resolve_community_name(member) -> str | None:
        return member.community.name if member.community_id else None


class ProblemOut(Schema):
    code: str
    message: str
    citation: str
    refuses_recognition: bool = Field(..., alias="hard")


class BoardDetailOut(BoardOut):
    election_method: ElectionMethod
    elected_on: dt.date
    resolution_number: str
    decision_number: str
    recognised_on: dt.date | None
    ended_on: dt.date | None
    members: list[MemberOut]
    composition_problems: list[ProblemOut]

    @staticmethod
    def resolve_members(board) -> list:
        return board.members_list


class RecommendationOut(Schema):
    id: int
    board_id: int = Field(..., alias="activity.board_id")
    board_name: str = Field(..., alias="activity.board.name")
    unit_name: str = Field(..., alias="activity.board.unit.name")
    activity_id: int
    activity_subject: str = Field(..., alias="activity.subject")
    text: str
    addressed_to: str
    addressed_unit_id: int | None
    sent_on: dt.date
    answer_due_on: dt.date
    status: RecommendationStatus
    status_label: str = Field(..., alias="get_status_display")
    overdue: bool = Field(..., alias="is_overdue")
    answer: str
    answered_on: dt.date | None
    outcome_note: str
    closed_on: dt.date | None


def _path_of(unit_id: int) -> str | None:
    if not 0 < unit_id < 2**63:
        return None
    return Unit.objects.filter(pk=unit_id).values_list("path", flat=True).first()


@router.get("/oversight/boards/", response=list[BoardOut], summary="List the boards you may read")
@paginate(LimitOffsetPagination)
def list_boards(
    request: HttpRequest,
    unit_id: int | None = None,
    kind: BoardKind | None = None,
    status: BoardStatus | None = None,
    q: str = "",
) -> QuerySet[Board]:
    """`unit_id` takes the unit's whole subtree, `q` ignores diacritics."""
    boards = access.visible_boards(request.user).select_related("unit")
    if unit_id is not None:
        path = _path_of(unit_id)
        boards = boards.filter(path_within("unit_path", path)) if path else boards.none()
    if kind is not None:
        boards = boards.filter(kind=kind)
    if status is not None:
        boards = boards.filter(status=status)
    if q.strip():
        boards = boards.search(q[:100])
    return boards.annotate(member_count=Count("members")).order_by("unit_path", "kind", "-id")


@router.get(
    "/oversight/boards/{board_id}",
    response=BoardDetailOut,
    summary="A board with its members and the rules of composition it breaks",
)
def get_board(request: HttpRequest, board_id: int) -> Board:
    board = access.get_board_for(request.user, board_id)
    members = list(board.members.select_related("community"))
    board.members_list = members  # type: ignore[attr-defined]
    board.member_count = len(members)  # type: ignore[attr-defined]
    board.composition_problems = composition_problems(board, members)  # type: ignore[attr-defined]
    return board


@router.get(
    "/oversight/recommendations/",
    response=list[RecommendationOut],
    summary="Recommendations of the boards you may read, with their status",
)
@paginate(LimitOffsetPagination)
def list_recommendations(
    request: HttpRequest,
    unit_id: int | None = None,
    status: RecommendationStatus | None = None,
    overdue: bool = False,
) -> QuerySet[Recommendation]:
    """Oldest deadline first; `overdue` keeps those still unanswered after the deadline."""
    items = access.visible_recommendations(request.user).select_related("activity__board__unit")
    if unit_id is not None:
        path = _path_of(unit_id)
        items = items.filter(path_within("unit_path", path)) if path else items.none()
    if status is not None:
        items = items.filter(status=status)
    if overdue:
        items = items.overdue(today())
    return items.order_by("answer_due_on", "id")
