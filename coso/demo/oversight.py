"""Demo oversight boards: the People's Inspection Board of the town of Thanh Miện (one member per
residential community) with this year's plan and two inspections whose recommendations are,
one answered, one overdue; and the board of the Quảng Trị provincial People's Committee
office, elected at its conference of officials."""

from __future__ import annotations

import datetime as dt

from coso.oversight import actions
from coso.oversight.composition import residential_communities
from coso.oversight.models import (
    ActivityKind,
    BoardKind,
    ElectionMethod,
    PeriodKind,
    Position,
)

from . import places

OCCUPATIONS = (
    "Cựu chiến binh",
    "Giáo viên nghỉ hưu",
    "Kinh doanh",
    "Nông dân",
    "Cán bộ hưu trí",
    "Bác sĩ nghỉ hưu",
    "Kế toán",
)
TOWN_PLAN_ITEMS = (
    ("Giám sát việc thu, chi quỹ đóng góp xây dựng nhà văn hóa các khu dân cư", 1, 3),
    ("Kiểm tra việc thực hiện công khai dự toán, quyết toán ngân sách thị trấn", 4, 6),
    ("Giám sát việc giải quyết đơn thư, kiến nghị của công dân", 7, 9),
    ("Kiểm tra việc thực hiện chính sách hỗ trợ hộ nghèo, hộ cận nghèo", 10, 12),
)
ANSWERED_SUBJECT = "Việc thu, chi quỹ đóng góp xây dựng nhà văn hóa Khu dân cư Tiền Tiến"
OVERDUE_SUBJECT = "Việc công khai dự toán và quyết toán ngân sách thị trấn"


def build_oversight(builder) -> None:
    town = builder.units[places.THANH_MIEN_TOWN]
    _town_board(builder, town, builder.officer_of(town), builder.today)
    office = builder.units.get(places.QT_OFFICE)
    if office is not None:
        _office_board(builder, office, builder.officer_of(office), builder.today)


def _town_board(builder, town, officer, today: dt.date) -> None:
    communities = residential_communities(town)
    elected_on = today - dt.timedelta(days=420)
    board = actions.create_board(
        by=officer,
        unit=town,
        kind=BoardKind.COMMUNE,
        election_method=ElectionMethod.COMMUNITY_MEETINGS,
        elected_on=elected_on,
        resolution_number="Biên bản hội nghị các khu dân cư",
    )
    head_account = builder.person(
        unit=town, full_name="Vũ Văn Thanh", job_title="Trưởng ban Thanh tra nhân dân"
    )
    for index, community in enumerate(communities):
        position = Position.MEMBER
        if index == 0:
            position = Position.HEAD
        elif index == 1:
            position = Position.DEPUTY
        actions.add_member(
            board,
            by=officer,
            full_name=head_account.full_name if index == 0 else builder.random_name(),
            user=head_account if index == 0 else None,
            position=position,
            community=community,
            occupation=OCCUPATIONS[index % len(OCCUPATIONS)],
        )
    board = actions.recognise_board(
        board,
        by=officer,
        decision_number="15/QĐ-MTTQ",
        recognised_on=elected_on + dt.timedelta(days=7),
    )
    plan = actions.create_plan(board, by=head_account, period_kind=PeriodKind.YEAR, year=today.year)
    for content, first_month, last_month in TOWN_PLAN_ITEMS:
        actions.add_plan_item(
            plan,
            by=head_account,
            content=content,
            starts_on=dt.date(today.year, first_month, 1),
            ends_on=dt.date(today.year, last_month, 28),
        )
    # An inspection two months ago, answered by the People's Committee.
    answered = _activity(
        board,
        head_account,
        start=today - dt.timedelta(days=60),
        kind=ActivityKind.SUPERVISION,
        subject=ANSWERED_SUBJECT,
        findings=(
            "Khu dân cư đã thu 312 triệu đồng từ 428 hộ; sổ thu chi ghi đầy đủ nhưng chưa niêm "
            "yết công khai kết quả thu, chi quý II tại nhà văn hóa."
        ),
    )
    item = actions.add_recommendation(
        answered,
        by=head_account,
        text="Đề nghị Ban công tác Mặt trận và Trưởng khu dân cư niêm yết công khai kết quả "
        "thu, chi quỹ đóng góp quý II tại nhà văn hóa trong 30 ngày.",
        addressed_to="Chủ tịch Ủy ban nhân dân thị trấn Thanh Miện",
        addressed_unit=town,
        sent_on=answered.starts_on + dt.timedelta(days=3),
    )
    actions.record_answer(
        item,
        by=head_account,
        answer="Ủy ban nhân dân thị trấn đã chỉ đạo Khu dân cư Tiền Tiến niêm yết công khai "
        "từ ngày làm việc tiếp theo và báo cáo kết quả.",
        answered_on=item.sent_on + dt.timedelta(days=7),
    )
    # An inspection six weeks ago whose recommendation is still unanswered: overdue.
    overdue = _activity(
        board,
        head_account,
        start=today - dt.timedelta(days=45),
        kind=ActivityKind.INSPECTION,
        subject=OVERDUE_SUBJECT,
        findings=(
            "Dự toán ngân sách năm đã niêm yết tại trụ sở; báo cáo quyết toán năm trước chưa "
            "được đăng trên trang thông tin điện tử của thị trấn."
        ),
    )
    actions.add_recommendation(
        overdue,
        by=head_account,
        text="Đề nghị đăng báo cáo quyết toán ngân sách năm trước lên trang thông tin điện tử "
        "của thị trấn theo quy định.",
        addressed_to="Chủ tịch Ủy ban nhân dân thị trấn Thanh Miện",
        addressed_unit=town,
        sent_on=overdue.starts_on + dt.timedelta(days=2),
    )


def _activity(board, by, *, start: dt.date, kind: str, subject: str, findings: str):
    notice = actions.latest_notice_day(start, 5) - dt.timedelta(days=2)
    activity = actions.create_activity(
        board,
        by=by,
        kind=kind,
        subject=subject,
        content="Theo kế hoạch hoạt động năm của Ban Thanh tra nhân dân.",
        starts_on=start,
        ends_on=start + dt.timedelta(days=1),
        notice_sent_on=notice,
        notice_to="Ủy ban nhân dân thị trấn Thanh Miện",
    )
    return actions.record_findings(
        activity, by=by, findings=findings, findings_on=start + dt.timedelta(days=1)
    )


def _office_board(builder, office, officer, today: dt.date) -> None:
    elected_on = today - dt.timedelta(days=200)
    board = actions.create_board(
        by=officer,
        unit=office,
        kind=BoardKind.AGENCY,
        election_method=ElectionMethod.OFFICIALS_CONFERENCE,
        elected_on=elected_on,
        resolution_number="Nghị quyết Hội nghị cán bộ, công chức",
    )
    jobs = ("Chuyên viên", "Chuyên viên chính", "Chuyên viên", "Văn thư", "Chuyên viên")
    for index, job in enumerate(jobs):
        position = (Position.HEAD, Position.DEPUTY)[index] if index < 2 else Position.MEMBER
        actions.add_member(
            board,
            by=officer,
            full_name=builder.random_name(),
            position=position,
            occupation=job,
        )
    actions.recognise_board(
        board,
        by=officer,
        decision_number="08/QĐ-CĐ",
        recognised_on=elected_on + dt.timedelta(days=5),
    )
