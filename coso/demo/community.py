"""Households and community decisions of the demo: two residential communities of thị trấn
Thanh Miện, 40 households each, built through the real actions.

Khu dân cư Tiền Tiến: a meeting that adopted a contribution to concrete a lane (awaiting its
sending to the town), and an open online vote on the monthly clean-up day, where the demo
household representative (`chuho`) can vote. Khu dân cư Đông Hạ: a household meeting next week
on the study-promotion fund, shown on the portal's calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from django.utils import timezone

from coso.community import actions
from coso.community.models import DecisionMethod, Household, MatterKind, VoteChoice

from . import places

if TYPE_CHECKING:
    from coso.units.models import Unit, User

    from .builder import DemoBuilder

HOUSEHOLDS_PER_COMMUNITY = 40
# The household representative of the demo: signs in with the demo password and votes online.
REPRESENTATIVE_USERNAME = "chuho"
REPRESENTATIVE_NAME = "Vũ Văn Thành"


def _register(builder: DemoBuilder, community: Unit, officer: User, prefix: str) -> list[Household]:
    households = []
    for number in range(1, HOUSEHOLDS_PER_COMMUNITY + 1):
        households.append(
            actions.add_household(
                by=officer,
                unit=community,
                code=f"{prefix}-{number:03d}",
                representative_name=builder.random_name(),
                address=f"Số {number}, {community.name}",
                members_count=builder.rng.randint(1, 7),
                phone=f"09{builder.rng.randint(10_000_000, 99_999_999)}",
            )
        )
    return households


def build_community(builder: DemoBuilder) -> None:
    town = builder.units[places.THANH_MIEN_TOWN]
    officer = builder.officer_of(town)
    tien_tien = builder.units[places.THANH_MIEN_COMMUNITIES[0]]
    dong_ha = builder.units[places.THANH_MIEN_COMMUNITIES[1]]
    households = _register(builder, tien_tien, officer, "TT")
    _register(builder, dong_ha, officer, "ĐH")

    # The demo representative answers for the household TT-040 of Khu dân cư Tiền Tiến.
    representative = builder.person(
        unit=tien_tien, full_name=REPRESENTATIVE_NAME, username=REPRESENTATIVE_USERNAME
    )
    actions.update_household(
        by=officer,
        household=households[-1],
        representative_name=REPRESENTATIVE_NAME,
        representative_user=representative,
    )

    # A meeting of household representatives that adopted the lane's concreting: 31 of 40
    # households present, 27 agreeing (more than half of all 40 households).
    now = timezone.now()
    meeting = actions.open_matter(
        by=officer,
        unit=tien_tien,
        kind=MatterKind.INFRASTRUCTURE,
        title="Đóng góp kinh phí bê tông hóa ngõ 3, mỗi hộ 500.000 đồng",
        description=(
            "Ngõ 3 dài 180 m; tổng kinh phí dự kiến 95 triệu đồng, ngân sách thị trấn hỗ trợ "
            "75 triệu đồng, phần còn lại do các hộ đóng góp."
        ),
        method=DecisionMethod.MEETING,
        meeting_at=now - dt.timedelta(days=2),
        meeting_place="Nhà văn hóa Khu dân cư Tiền Tiến",
    )
    present = households[:31]
    actions.record_attendance(by=officer, matter=meeting, present=present)
    actions.record_meeting_votes(
        by=officer,
        matter=meeting,
        votes={
            household: VoteChoice.YES if n < 27 else VoteChoice.NO
            for n, household in enumerate(present)
        },
    )
    actions.close_voting(by=officer, matter=meeting)

    # An online vote still open (art. 15, cl. 6: the only kind that may be voted online);
    # households without an account answer on paper, entered by the officer.
    online = actions.open_matter(
        by=officer,
        unit=tien_tien,
        kind=MatterKind.OTHER,
        title="Chọn ngày tổng vệ sinh môi trường hằng tháng: sáng Chủ nhật cuối tháng",
        description="Các hộ cử người tham gia quét dọn đường làng, khơi thông cống rãnh.",
        method=DecisionMethod.ONLINE,
    )
    codes = actions.prepare_ballots(by=officer, matter=online)
    for code in codes[:14]:
        choice = VoteChoice.YES if builder.rng.random() < 0.8 else VoteChoice.NO
        actions.record_paper_ballot(by=officer, matter=online, code=code.code, choice=choice)

    # A meeting next week: the portal shows it on Khu dân cư Đông Hạ's calendar.
    actions.open_matter(
        by=officer,
        unit=dong_ha,
        kind=MatterKind.FUNDS,
        title="Thu, chi Quỹ khuyến học của khu dân cư năm học mới",
        method=DecisionMethod.MEETING,
        meeting_at=(now + dt.timedelta(days=7)).replace(hour=12, minute=0, second=0, microsecond=0),
        meeting_place="Nhà văn hóa Khu dân cư Đông Hạ",
    )
