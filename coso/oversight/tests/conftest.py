"""Boards built through the real actions, shared by the tests of this app."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from conftest import make_user
from coso.core.dates import today
from coso.oversight import actions
from coso.oversight.models import (
    ActivityKind,
    Board,
    BoardKind,
    ElectionMethod,
    Position,
)
from coso.units import actions as unit_actions
from coso.units.models import UnitKind

NAMES = (
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
    "Vũ Thị Giang",
    "Đặng Văn Hải",
    "Bùi Thị Lan",
    "Đỗ Văn Minh",
    "Ngô Thị Nga",
)


def next_monday(after_days: int = 14) -> dt.date:
    day = today() + dt.timedelta(days=after_days)
    return day + dt.timedelta(days=(7 - day.weekday()) % 7)


def make_board(
    by, unit, *, kind: str = BoardKind.COMMUNE, members: int = 0, communities=(), **fields
) -> Board:
    method = {
        BoardKind.COMMUNE: ElectionMethod.COMMUNITY_MEETINGS,
        BoardKind.AGENCY: ElectionMethod.OFFICIALS_CONFERENCE,
        BoardKind.INVESTMENT: ElectionMethod.FRONT_DECISION,
    }[kind]
    fields.setdefault("elected_on", today() - dt.timedelta(days=30))
    if kind == BoardKind.INVESTMENT:
        fields.setdefault("project_name", "Đường bê tông liên thôn Đông - Tây")
    board = actions.create_board(by=by, unit=unit, kind=kind, election_method=method, **fields)
    add_members(board, by, members, communities=communities)
    return board


def add_members(board, by, count: int, *, communities=(), start: int = 0, **extra) -> None:
    have = board.members.count()
    for i in range(start, start + count):
        community = communities[i] if i < len(communities) else None
        actions.add_member(
            board,
            by=by,
            full_name=NAMES[i % len(NAMES)] + (f" {i}" if i >= len(NAMES) else ""),
            position=Position.HEAD if have == 0 and i == start else Position.MEMBER,
            community=community,
            **extra,
        )


def recognise(board, by):
    return actions.recognise_board(
        board, by=by, decision_number="12/QĐ-MTTQ", recognised_on=today()
    )


@pytest.fixture
def villages(tree, root_admin):
    """The commune's residential communities: Thôn Đông and four more (five in all)."""
    more = [
        unit_actions.create_unit(
            by=root_admin, parent=tree.commune, name=name, kind=UnitKind.RESIDENTIAL
        )
        for name in ("Thôn Tây", "Thôn Nam", "Thôn Bắc", "Thôn Trung")
    ]
    return [tree.village, *more]


@pytest.fixture
def board_member(tree):
    """A citizen who sits on the commune's board with an account, and holds no role."""
    return make_user("thanhvien", "Nguyễn Văn An")


@pytest.fixture
def world(tree, villages, commune_officer, other_commune_officer, board_member):
    """An active board of the commune (five members, one per village, the first with an
    account), a planned activity, one with findings and a sent recommendation; a forming
    board in the same commune's investment project; a board in the other commune."""
    board = make_board(commune_officer, tree.commune)
    actions.add_member(
        board,
        by=commune_officer,
        full_name="Nguyễn Văn An",
        user=board_member,
        position=Position.HEAD,
        community=villages[0],
    )
    for i, village in enumerate(villages[1:], start=1):
        actions.add_member(board, by=commune_officer, full_name=NAMES[i], community=village)
    board = recognise(board, commune_officer)
    start = next_monday(21)
    planned = actions.create_activity(
        board,
        by=commune_officer,
        kind=ActivityKind.INSPECTION,
        subject="Việc xây dựng nhà văn hóa thôn Đông",
        starts_on=start,
        ends_on=start,
        notice_sent_on=today(),
        notice_to="Ủy ban nhân dân xã",
    )
    past = today() - dt.timedelta(days=20)
    done = actions.create_activity(
        board,
        by=commune_officer,
        kind=ActivityKind.SUPERVISION,
        subject="Việc thu chi quỹ đóng góp làm đường",
        starts_on=past,
        ends_on=past,
        notice_sent_on=actions.latest_notice_day(past, 5),
        notice_to="Ủy ban nhân dân xã",
    )
    done = actions.record_findings(
        done, by=commune_officer, findings="Sổ sách đầy đủ.", findings_on=past
    )
    recommendation = actions.add_recommendation(
        done,
        by=commune_officer,
        text="Đề nghị công khai kết quả thu chi tại nhà văn hóa.",
        addressed_to="Chủ tịch UBND xã",
        sent_on=today() - dt.timedelta(days=3),
    )
    plan = actions.create_plan(board, by=commune_officer, period_kind="year", year=today().year)
    forming = make_board(commune_officer, tree.commune, kind=BoardKind.INVESTMENT, members=5)
    sibling = make_board(other_commune_officer, tree.other_commune, members=2)
    return SimpleNamespace(
        board=board,
        planned=planned,
        done=done,
        recommendation=recommendation,
        plan=plan,
        forming=forming,
        sibling=sibling,
    )
