"""Demo inspections of the Quảng Trị steering committee: a concluded inspection of a commune and
the provincial People's Committee office, with findings, conclusions and corrective actions (one
overdue, one awaiting acceptance, one done), the next inspection issued, and a self-inspection
ordered to every commune with some results already in."""

from __future__ import annotations

import datetime as dt

from coso.inspections import actions
from coso.inspections.actions import ActionSpec
from coso.inspections.models import SelfInspectionCampaign
from coso.units.models import SteeringCommittee, UnitKind

from . import places

PLAN_TITLE = (
    "Kế hoạch kiểm tra việc lãnh đạo, chỉ đạo và kết quả thực hiện dân chủ ở cơ sở "
    "tại một số đơn vị"
)
NEXT_PLAN_TITLE = "Kế hoạch kiểm tra việc thực hiện dân chủ ở cơ sở tại doanh nghiệp"
CAMPAIGN_TITLE = "Tự kiểm tra việc thực hiện dân chủ ở cơ sở năm {year}"

COMMUNE_FINDINGS = (
    "Đảng ủy, UBND xã đã ban hành kế hoạch thực hiện dân chủ ở cơ sở năm; tổ chức hội nghị "
    "đối thoại giữa người đứng đầu cấp ủy, chính quyền với Nhân dân.",
    "Duy trì tiếp công dân định kỳ; hòm thư góp ý đặt tại trụ sở.",
    "Chưa niêm yết công khai dự toán và quyết toán ngân sách tại nhà văn hóa các thôn; sổ "
    "theo dõi phản ánh, kiến nghị ghi chép chưa đầy đủ, một số kiến nghị chậm trả lời.",
)
COMMUNE_CONCLUSION = (
    "Xã thực hiện cơ bản đầy đủ các nội dung dân chủ ở cơ sở. Yêu cầu chấn chỉnh ngay việc "
    "công khai ngân sách và việc tiếp nhận, giải quyết phản ánh, kiến nghị của Nhân dân."
)
OFFICE_FINDINGS = (
    "Văn phòng đã ban hành quy chế dân chủ trong hoạt động của cơ quan; tổ chức hội nghị cán "
    "bộ, công chức, viên chức đúng thời gian.",
    "Công khai kế hoạch công tác, dự toán ngân sách trên trang thông tin điện tử.",
    "Việc công khai kết quả đánh giá, xếp loại công chức còn chậm.",
)
OFFICE_CONCLUSION = (
    "Văn phòng thực hiện tốt quy chế dân chủ. Đề nghị công khai kịp thời kết quả đánh giá, "
    "xếp loại công chức, viên chức."
)
SELF_RESULTS = (
    ("good", "Đơn vị đã tự kiểm tra đầy đủ các nội dung; công khai, đối thoại đúng quy định."),
    ("fair", "Cơ bản thực hiện tốt; còn chậm niêm yết một số nội dung phải công khai."),
    ("average", "Một số thôn chưa tổ chức họp bàn, biểu quyết theo quy định; đã chấn chỉnh."),
)


def build_inspections(builder) -> None:
    province = builder.units["Tỉnh Quảng Trị"]
    committee = SteeringCommittee.objects.filter(unit=province, dissolved_on__isnull=True).first()
    if committee is None:
        return
    officer = builder.steering_officer
    today = builder.today
    _concluded_plan(builder, committee, officer, today)
    _next_plan(builder, committee, officer, today)
    _self_inspection(builder, committee, officer, today)


def _day(today: dt.date, offset: int) -> dt.date:
    return today + dt.timedelta(days=offset)


def _concluded_plan(builder, committee, officer, today: dt.date) -> None:
    commune = builder.units[places.QT_DEMO_COMMUNE]
    office = builder.units[places.QT_OFFICE]
    member = getattr(builder, "committee_member", None)
    plan = actions.create_plan(
        by=officer,
        committee=committee,
        year=_day(today, -60).year,
        number="12-KH/BCĐ",
        title=PLAN_TITLE,
        content=(
            "Kiểm tra việc quán triệt, triển khai Luật Thực hiện dân chủ ở cơ sở; việc xây dựng, "
            "thực hiện quy chế dân chủ; công khai, đối thoại, tiếp công dân và giải quyết phản "
            "ánh, kiến nghị."
        ),
        starts_on=_day(today, -60),
        ends_on=_day(today, -30),
    )
    actions.add_team_member(
        plan, by=officer, name="Nguyễn Văn Hùng", title="Phó Trưởng ban Thường trực", is_leader=True
    )
    if member is not None:
        actions.add_team_member(plan, by=officer, user=member, title="Ủy viên Ban Chỉ đạo")
    actions.add_team_member(plan, by=officer, user=officer, title="Chuyên viên Ban Dân vận")
    commune_target = actions.add_target(plan, by=officer, unit=commune, planned_on=_day(today, -55))
    office_target = actions.add_target(plan, by=officer, unit=office, planned_on=_day(today, -50))
    actions.issue_plan(plan, by=officer)
    actions.start_plan(plan, by=officer)
    recorder = member or officer
    text, good, bad = COMMUNE_FINDINGS
    actions.record_finding(
        commune_target,
        by=recorder,
        text=text,
        good_points=good,
        shortcomings=bad,
        recorded_on=_day(today, -55),
    )
    text, good, bad = OFFICE_FINDINGS
    actions.record_finding(
        office_target,
        by=recorder,
        text=text,
        good_points=good,
        shortcomings=bad,
        recorded_on=_day(today, -50),
    )
    commune_officer = builder.officer_of(commune)
    actions.conclude_target(
        commune_target,
        by=officer,
        conclusion=COMMUNE_CONCLUSION,
        concluded_on=_day(today, -40),
        actions=[
            ActionSpec(
                "Niêm yết công khai dự toán, quyết toán ngân sách xã tại nhà văn hóa các thôn.",
                _day(today, -10),
            ),
            ActionSpec(
                "Mở sổ theo dõi, trả lời đầy đủ các phản ánh, kiến nghị còn tồn đọng.",
                _day(today, 20),
                commune_officer,
            ),
            ActionSpec(
                "Tổ chức hội nghị đối thoại bổ sung tại các thôn còn nhiều kiến nghị.",
                _day(today, -5),
            ),
        ],
    )
    office_officer = builder.officer_of(office)
    actions.conclude_target(
        office_target,
        by=officer,
        conclusion=OFFICE_CONCLUSION,
        concluded_on=_day(today, -38),
        actions=[
            ActionSpec(
                "Công khai kết quả đánh giá, xếp loại công chức, viên chức năm trước.",
                _day(today, -8),
            )
        ],
    )
    actions.conclude_plan(plan, by=officer)
    # The follow-up: the commune reported the dialogue (awaiting acceptance); the office's
    # action was accepted as done; the commune's disclosure is overdue.
    dialogue = commune_target.actions.get(description__startswith="Tổ chức hội nghị")
    actions.report_action(
        dialogue,
        by=commune_officer,
        note="Đã tổ chức đối thoại tại 3 thôn, có biên bản kèm theo.",
    )
    done = office_target.actions.get()
    actions.report_action(
        done,
        by=office_officer,
        note="Đã công khai trên trang thông tin điện tử và niêm yết tại trụ sở.",
    )
    actions.accept_action(done, by=officer, note="Đạt yêu cầu.")


def _next_plan(builder, committee, officer, today: dt.date) -> None:
    enterprises = [builder.units[name] for name, _ in places.QT_ENTERPRISES[:2]]
    plan = actions.create_plan(
        by=officer,
        committee=committee,
        year=_day(today, 20).year,
        number="15-KH/BCĐ",
        title=NEXT_PLAN_TITLE,
        content="Kiểm tra việc tổ chức đối thoại tại nơi làm việc và hội nghị người lao động.",
        starts_on=_day(today, 20),
        ends_on=_day(today, 45),
    )
    actions.add_team_member(
        plan, by=officer, name="Lê Thị Minh", title="Ủy viên Ban Chỉ đạo", is_leader=True
    )
    for i, unit in enumerate(enterprises):
        actions.add_target(plan, by=officer, unit=unit, planned_on=_day(today, 22 + 7 * i))
    actions.issue_plan(plan, by=officer)


def _self_inspection(builder, committee, officer, today: dt.date) -> SelfInspectionCampaign:
    campaign = actions.create_campaign(
        by=officer,
        committee=committee,
        year=today.year,
        title=CAMPAIGN_TITLE.format(year=today.year),
        content=(
            "Các xã, phường, đặc khu tự kiểm tra việc thực hiện dân chủ ở cơ sở: công khai, "
            "họp bàn và biểu quyết, lấy ý kiến Nhân dân, hoạt động của Ban Thanh tra nhân dân; "
            "báo cáo kết quả và tự đánh giá."
        ),
        unit_kinds=[UnitKind.COMMUNE],
        deadline=_day(today, 5),
    )
    actions.open_campaign(campaign, by=officer)
    # Some communes have reported; the demo commune's officer still has to.
    reports = (
        campaign.reports.select_related("unit")
        .exclude(unit__name=places.QT_DEMO_COMMUNE)
        .order_by("unit_path")[:12]
    )
    for i, report in enumerate(reports):
        assessment, result = SELF_RESULTS[i % len(SELF_RESULTS)]
        actions.submit_self_inspection(
            report, by=builder.officer_of(report.unit), result=result, assessment=assessment
        )
    return campaign
