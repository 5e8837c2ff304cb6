"""Households and matters of Thôn Đông (the residential community of the root conftest's tree),
built through the real actions. The commune officer of Xã Thanh Miện manages them."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from conftest import make_user
from coso.community import actions
from coso.community.models import DecisionMethod, Household, Matter, MatterKind
from coso.units.models import Unit, User

MEETING_AT = timezone.make_aware(dt.datetime(2025, 6, 15, 8, 0))


def add_households(
    officer: User, unit: Unit, count: int, *, start: int = 1, with_users: bool = False
) -> list[Household]:
    """`count` households H001…; with_users gives each a representative account."""
    households = []
    for number in range(start, start + count):
        user = None
        if with_users:
            user = make_user(f"ho{unit.pk}-{number:03d}", f"Chủ hộ {number}", unit)
        households.append(
            actions.add_household(
                by=officer,
                unit=unit,
                code=f"H{number:03d}",
                representative_name=f"Nguyễn Văn Hộ {number}",
                address=f"Số {number}, Thôn Đông",
                members_count=1 + number % 5,
                representative_user=user,
            )
        )
    return households


def open_online(officer: User, unit: Unit, **fields) -> Matter:
    return actions.open_matter(
        by=officer,
        unit=unit,
        kind=MatterKind.OTHER,
        title="Làm đường bê tông ngõ xóm",
        description="Mỗi hộ góp 200.000 đồng.",
        method=DecisionMethod.ONLINE,
        **fields,
    )


def open_meeting(officer: User, unit: Unit, *, kind: str = MatterKind.INFRASTRUCTURE, **fields):
    fields.setdefault("meeting_at", MEETING_AT)
    fields.setdefault("meeting_place", "Nhà văn hóa Thôn Đông")
    return actions.open_matter(
        by=officer,
        unit=unit,
        kind=kind,
        title="Đóng góp xây nhà văn hóa",
        method=DecisionMethod.MEETING,
        **fields,
    )


def open_ballot(officer: User, unit: Unit, *, kind: str = MatterKind.FUNDS, **fields) -> Matter:
    return actions.open_matter(
        by=officer,
        unit=unit,
        kind=kind,
        title="Sử dụng quỹ khuyến học",
        method=DecisionMethod.BALLOT,
        **fields,
    )


@pytest.fixture
def village(tree) -> Unit:
    return tree.village


@pytest.fixture
def households(commune_officer, village) -> list[Household]:
    """Ten households of Thôn Đông, each with a representative account."""
    return add_households(commune_officer, village, 10, with_users=True)


@pytest.fixture
def voter(households) -> User:
    """The representative of the first household."""
    return households[0].representative_user


@pytest.fixture
def online_matter(commune_officer, village, households) -> Matter:
    return open_online(commune_officer, village)


@pytest.fixture
def meeting_matter(commune_officer, village, households) -> Matter:
    return open_meeting(commune_officer, village)


@pytest.fixture
def ballot_matter(commune_officer, village, households) -> Matter:
    return open_ballot(commune_officer, village)


@pytest.fixture
def counter(db, village) -> User:
    """A member of the counting board (no role in the tree)."""
    return make_user("kiemphieu", "Bùi Thị Kiểm Phiếu", village)


@pytest.fixture
def community(village, households, online_matter) -> SimpleNamespace:
    return SimpleNamespace(village=village, households=households, matter=online_matter)
