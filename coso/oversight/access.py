"""Who may see and change oversight boards. Built on the one policy in coso.units.access.

- Officers of the unit and steering officers above it (MANAGERS) set up the board, record its
  members, election and recognition, end or dissolve it, and may record everything the board
  does.
- A member of the board with an account in coso records the board's own plans, activities,
  findings, recommendations and the authority's answers: the board works on its own (Law
  10/2022/QH15, art. 39), the officers do not have to type its work for it.
- Everyone with a role over the unit (committee members, staff of an agency) reads.
- A citizen with no role sees nothing internal: the public portal shows only the active
  boards and their members' names and positions (`public.py`).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import MANAGERS, has_role_over, paths_for, subtree_q
from coso.units.models import Unit, User

from .models import (
    Activity,
    Board,
    BoardMember,
    BoardPlan,
    PlanItem,
    Recommendation,
)


def _seat_boards(user: User) -> QuerySet:
    return BoardMember.objects.filter(user_id=user.pk).values("board_id")


def visible_boards(user: User) -> QuerySet[Board]:
    """Boards of the units the user's roles reach, and the boards they sit on."""
    if not user.is_authenticated:
        return Board.objects.none()
    return Board.objects.filter(subtree_q(user, "unit_path") | Q(pk__in=_seat_boards(user)))


def visible_recommendations(user: User) -> QuerySet[Recommendation]:
    if not user.is_authenticated:
        return Recommendation.objects.none()
    return Recommendation.objects.filter(
        subtree_q(user, "unit_path") | Q(activity__board_id__in=_seat_boards(user))
    )


def is_member(user: User, board: Board) -> bool:
    if not user.is_authenticated:
        return False
    cache = getattr(user, "_oversight_seats", None)
    if cache is None:
        cache = set(BoardMember.objects.filter(user_id=user.pk).values_list("board_id", flat=True))
        user._oversight_seats = cache  # type: ignore[attr-defined]
    return board.pk in cache


def forget_seats(user: User) -> None:
    if hasattr(user, "_oversight_seats"):
        del user._oversight_seats


def can_view_board(user: User, board: Board) -> bool:
    return user.is_authenticated and (has_role_over(user, board.unit) or is_member(user, board))


def can_create_board(user: User, unit: Unit) -> bool:
    return not unit.is_closed and has_role_over(user, unit, MANAGERS)


def can_manage_board(user: User, board: Board) -> bool:
    """Edit the board, its members, recognise, end or dissolve it."""
    return has_role_over(user, board.unit, MANAGERS)


def can_record_work(user: User, board: Board) -> bool:
    """Plans, activities, findings, recommendations and answers of the board."""
    return can_manage_board(user, board) or is_member(user, board)


def manageable_paths(user: User) -> list[str]:
    return paths_for(user, MANAGERS)


def readable_units(user: User) -> QuerySet[Unit]:
    return Unit.objects.filter(subtree_q(user))


# --- Checked fetches --------------------------------------------------------------------------


def get_board_for(user: User, pk: int | str) -> Board:
    board = Board.objects.select_related("unit").filter(pk=row_id(pk)).first()
    if board is None or not can_view_board(user, board):
        raise Http404
    return board


def get_member_for(user: User, pk: int | str) -> BoardMember:
    member = (
        BoardMember.objects.select_related("board__unit", "community", "user")
        .filter(pk=row_id(pk))
        .first()
    )
    if member is None or not can_view_board(user, member.board):
        raise Http404
    return member


def get_plan_for(user: User, pk: int | str) -> BoardPlan:
    plan = BoardPlan.objects.select_related("board__unit").filter(pk=row_id(pk)).first()
    if plan is None or not can_view_board(user, plan.board):
        raise Http404
    return plan


def get_plan_item_for(user: User, pk: int | str) -> PlanItem:
    item = PlanItem.objects.select_related("plan__board__unit").filter(pk=row_id(pk)).first()
    if item is None or not can_view_board(user, item.plan.board):
        raise Http404
    return item


def get_activity_for(user: User, pk: int | str) -> Activity:
    activity = (
        Activity.objects.select_related("board__unit", "plan_item").filter(pk=row_id(pk)).first()
    )
    if activity is None or not can_view_board(user, activity.board):
        raise Http404
    return activity


def get_recommendation_for(user: User, pk: int | str) -> Recommendation:
    item = (
        Recommendation.objects.select_related("activity__board__unit", "addressed_unit")
        .filter(pk=row_id(pk))
        .first()
    )
    if item is None or not can_view_board(user, item.activity.board):
        raise Http404
    return item
