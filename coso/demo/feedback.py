"""Demo feedback of the town of Thanh Miện and two agencies of Quảng Trị: about thirty items in
every state — just received, being handled, overdue, answered and published, closed, merged,
transferred up from a residential community — and one denunciation whose sender only its
handler sees. Built through the real actions; answers given "today" by the actions are then
dated back to a plausible day, as the demo happens in the past.
"""

from __future__ import annotations

import datetime as dt

from coso.core.workdays import add_working_days
from coso.feedback import actions
from coso.feedback.models import Feedback, FeedbackField, FeedbackKind, Source

from . import places

# (kind, field, source, days ago received, subject, content, outcome)
# outcome: new · assigned · answered · published · closed · merged · transferred
TOWN_ITEMS: tuple[tuple[str, str, str, int, str, str, str], ...] = (
    (
        "reflection",
        "transport-infrastructure",
        Source.PORTAL,
        2,
        "Đường Nguyễn Lương Bằng ngập nước sau mưa",
        "Đoạn đường trước chợ Thanh Miện ngập sâu 20 cm mỗi khi mưa lớn, xe máy chết máy giữa đường.",
        "new",
    ),
    (
        "reflection",
        "transport-infrastructure",
        Source.PORTAL,
        2,
        "Đường trước chợ ngập nước",
        "Mưa to là đường trước cổng chợ ngập, đề nghị thị trấn nạo vét cống.",
        "merged",
    ),
    (
        "recommendation",
        "environment",
        Source.PHONE,
        1,
        "Đề nghị tăng chuyến thu gom rác",
        "Rác ở Khu dân cư Đông Hạ chỉ được thu gom 2 lần/tuần, mùa hè bốc mùi.",
        "new",
    ),
    (
        "reflection",
        "security-order",
        Source.RECEPTION,
        4,
        "Tụ tập đua xe ban đêm",
        "Thanh niên tụ tập đua xe trên đường tránh thị trấn sau 23 giờ, gây mất an ninh trật tự.",
        "assigned",
    ),
    (
        "reflection",
        "land",
        Source.LETTER,
        25,
        "Lấn chiếm hành lang giao thông",
        "Hộ kinh doanh ở phố Hòa Bình dựng mái che lấn ra lòng đường hơn 2 mét.",
        "assigned",
    ),
    (
        "recommendation",
        "social-policy",
        Source.DIALOGUE,
        30,
        "Xét lại danh sách hộ cận nghèo",
        "Gia đình ông Tuấn khó khăn nhưng không có tên trong danh sách hộ cận nghèo năm nay.",
        "assigned",
    ),
    (
        "reflection",
        "health",
        Source.PORTAL,
        20,
        "Trạm y tế thiếu thuốc hạ sốt cho trẻ em",
        "Nhiều lần đưa cháu đi khám, trạm y tế thị trấn hết thuốc hạ sốt dạng siro.",
        "new",
    ),
    (
        "reflection",
        "education",
        Source.MAILBOX,
        40,
        "Mái lớp học mầm non bị dột",
        "Lớp mẫu giáo Khu dân cư Văn Hóa bị dột khi mưa, các cháu phải chuyển sang phòng khác.",
        "published",
    ),
    (
        "recommendation",
        "administrative-procedures",
        Source.PORTAL,
        35,
        "Rút ngắn thời gian chứng thực",
        "Bộ phận một cửa chỉ chứng thực buổi sáng, đề nghị làm cả buổi chiều.",
        "published",
    ),
    (
        "reflection",
        "environment",
        Source.PHONE,
        50,
        "Khói đốt rơm rạ",
        "Người dân đốt rơm rạ sau thu hoạch gây khói mù cả khu Phạm Lựu.",
        "closed",
    ),
    (
        "reflection",
        "transport-infrastructure",
        Source.RECEPTION,
        45,
        "Đèn chiếu sáng hỏng",
        "Ba cột đèn đường Khu dân cư Thống Nhất hỏng hơn một tháng nay.",
        "closed",
    ),
    (
        "recommendation",
        "finance-budget",
        Source.CONFERENCE,
        28,
        "Công khai khoản đóng góp xây nhà văn hóa",
        "Đề nghị công khai thu chi khoản đóng góp xây dựng nhà văn hóa Khu dân cư Nội Thôn.",
        "answered",
    ),
    (
        "reflection",
        "labour-employment",
        Source.PORTAL,
        18,
        "Thông tin lớp đào tạo nghề",
        "Thanh niên địa phương muốn biết lịch mở lớp đào tạo nghề điện dân dụng.",
        "answered",
    ),
    (
        "complaint",
        "land",
        Source.LETTER,
        12,
        "Khiếu nại quyết định thu hồi đất nông nghiệp",
        "Gia đình tôi khiếu nại mức bồi thường khi thu hồi 300 m² đất nông nghiệp để làm đường.",
        "assigned",
    ),
    (
        "complaint",
        "social-policy",
        Source.RECEPTION,
        40,
        "Khiếu nại việc cắt trợ cấp",
        "Mẹ tôi bị cắt trợ cấp người cao tuổi mà không được thông báo lý do.",
        "assigned",
    ),
    (
        "reflection",
        "other",
        Source.PORTAL,
        0,
        "Loa phát thanh quá to buổi sáng",
        "Loa phát thanh ở Khu dân cư Tiền Tiến phát từ 5 giờ sáng, âm lượng quá lớn.",
        "new",
    ),
    (
        "recommendation",
        "transport-infrastructure",
        Source.DIALOGUE,
        8,
        "Lắp gờ giảm tốc trước trường học",
        "Đề nghị lắp gờ giảm tốc trước Trường Tiểu học Thanh Miện để bảo đảm an toàn cho học sinh.",
        "assigned",
    ),
    (
        "reflection",
        "environment",
        Source.PORTAL,
        60,
        "Ao tù bốc mùi",
        "Ao sau Khu dân cư Hòa Bình nước đen, bốc mùi, nhiều muỗi.",
        "published",
    ),
    (
        "recommendation",
        "health",
        Source.CONFERENCE,
        22,
        "Khám sức khỏe định kỳ cho người cao tuổi",
        "Đề nghị trạm y tế tổ chức khám sức khỏe định kỳ tại nhà văn hóa các khu dân cư.",
        "answered",
    ),
    (
        "reflection",
        "administrative-procedures",
        Source.PORTAL,
        15,
        "Hẹn trả kết quả nhiều lần",
        "Hồ sơ đăng ký biến động đất đai của tôi bị hẹn trả kết quả ba lần.",
        "new",
    ),
)
# A residential community receives it and sends it up to the town, with its reason.
TRANSFERRED = (
    "recommendation",
    "transport-infrastructure",
    Source.MAILBOX,
    6,
    "Cống thoát nước bị vỡ",
    "Nắp cống trên đường liên khu bị vỡ, rất nguy hiểm cho người đi xe đạp ban đêm.",
)
DENUNCIATION = (
    "Tố cáo cán bộ nhận tiền khi làm thủ tục",
    "Tôi tố cáo cán bộ bộ phận một cửa nhận tiền bồi dưỡng của người dân khi giải quyết hồ sơ "
    "cấp giấy chứng nhận quyền sử dụng đất.",
)
AGENCY_ITEMS: tuple[tuple[str, str, str, int, str, str, str], ...] = (
    (
        "recommendation",
        "labour-employment",
        Source.CONFERENCE,
        26,
        "Công khai tiêu chí xét thi đua",
        "Hội nghị cán bộ, công chức đề nghị công khai tiêu chí và kết quả xét thi đua cuối năm.",
        "published",
    ),
    (
        "reflection",
        "finance-budget",
        Source.OTHER,
        9,
        "Chậm thanh toán công tác phí",
        "Công tác phí quý III của các phòng chưa được thanh toán.",
        "assigned",
    ),
    (
        "recommendation",
        "administrative-procedures",
        Source.CONFERENCE,
        3,
        "Quy chế làm việc từ xa",
        "Đề nghị ban hành quy chế làm việc trực tuyến cho công chức khi có thiên tai.",
        "new",
    ),
    (
        "reflection",
        "other",
        Source.MAILBOX,
        30,
        "Nhà xe thiếu chỗ",
        "Nhà để xe của cơ quan không đủ chỗ, nhiều xe phải để ngoài trời.",
        "closed",
    ),
)
ANSWERS = {
    "answered": "Ủy ban nhân dân đã giao bộ phận chuyên môn kiểm tra và xử lý; kết quả như sau: "
    "nội dung phản ánh là đúng, đơn vị đã khắc phục trong tuần.",
    "published": "Đơn vị đã kiểm tra thực tế và khắc phục xong; cảm ơn người dân đã phản ánh.",
    "closed": "Đã kiểm tra, xử lý dứt điểm. Người gửi không có ý kiến thêm sau 15 ngày.",
}


def build_feedback(builder) -> None:
    town = builder.units[places.THANH_MIEN_TOWN]
    officer = builder.officer_of(town)
    land_officer = builder.officer(
        town, job_title="Công chức Địa chính - Xây dựng", full_name="Trần Văn Địa"
    )
    _items(builder, town, officer, [officer, land_officer], TOWN_ITEMS)
    _transferred(builder, town, officer)
    _denunciation(builder, town, officer, land_officer)
    for name in (places.QT_OFFICE, "Sở Nội vụ tỉnh Quảng Trị"):
        agency = builder.units.get(name)
        if agency is not None and not agency.is_closed:
            head = builder.officer_of(agency)
            _items(builder, agency, head, [head], AGENCY_ITEMS)


def _kind(code: str) -> FeedbackKind:
    return FeedbackKind.objects.get(code=code)


def _field(code: str) -> FeedbackField:
    return FeedbackField.objects.get(code=code)


def _receive(builder, unit, officer, spec, **extra) -> Feedback:
    kind, field, source, days_ago, title, content = spec[:6]
    received_on = builder.today - dt.timedelta(days=days_ago)
    if source in (Source.PORTAL, Source.ACCOUNT):
        item = actions.submit_feedback(
            unit=unit,
            kind=_kind(kind),
            title=title,
            content=content,
            source=Source.PORTAL,
            sender_name=builder.random_name(),
            sender_phone=f"09{builder.rng.randint(10_000_000, 99_999_999)}",
            **extra,
        )
        # Sent from the portal on that day (the action stamps today): dated back.
        Feedback.objects.filter(pk=item.pk).update(
            received_on=received_on, due_on=actions.due_date(item.kind, received_on)
        )
        item.refresh_from_db()
    else:
        item = actions.submit_feedback(
            unit=unit,
            kind=_kind(kind),
            title=title,
            content=content,
            source=source,
            by=officer,
            received_on=received_on,
            sender_name=builder.random_name(),
            sender_address=f"{builder.rng.choice(places.THANH_MIEN_COMMUNITIES)}",
            **extra,
        )
    return actions.classify(item, by=officer, kind=item.kind, field=_field(field))


def _answer(builder, item: Feedback, officer, text: str, *, late: bool = False) -> Feedback:
    item = actions.answer(item, by=officer, text=text)
    # Answered on a plausible day before today: in time for most, late for some.
    if item.kind.working_days:
        day = add_working_days(item.received_on, item.kind.deadline_days + (3 if late else -2))
    else:
        day = item.received_on + dt.timedelta(days=item.kind.deadline_days + (5 if late else -8))
    day = min(max(day, item.received_on), builder.today)
    Feedback.objects.filter(pk=item.pk).update(
        answered_on=day,
        days_to_answer=actions.days_between(item.kind, item.received_on, day),
        answered_in_time=day <= item.due_on,
    )
    item.refresh_from_db()
    return item


def _items(builder, unit, officer, handlers, specs) -> None:
    main_by_title: dict[str, Feedback] = {}
    for n, spec in enumerate(specs):
        outcome = spec[6]
        consent = outcome == "published" or n % 3 == 0
        item = _receive(builder, unit, officer, spec, publish_consent=consent)
        handler = handlers[n % len(handlers)]
        if outcome == "new":
            main_by_title[item.title] = item
            continue
        if outcome == "merged":
            main = next(iter(main_by_title.values()))
            actions.merge(item, by=officer, into=main)
            continue
        item = actions.assign(item, by=officer, handler=handler)
        if outcome == "assigned":
            actions.add_note(
                item, by=handler, text="Đã liên hệ người gửi và hẹn kiểm tra thực địa."
            )
            continue
        item = _answer(
            builder, item, handler, ANSWERS.get(outcome, ANSWERS["answered"]), late=n % 4 == 1
        )
        if outcome == "published":
            actions.publish_answer(item, by=officer)
        elif outcome == "closed":
            actions.close(item, by=officer, reason="Người gửi không phản hồi sau 15 ngày.")


def _transferred(builder, town, officer) -> None:
    community = builder.units.get(places.THANH_MIEN_COMMUNITIES[0])
    if community is None:
        return
    head = builder.officer_of(community)
    item = _receive(builder, community, head, TRANSFERRED)
    actions.transfer(
        item,
        by=head,
        to_unit=town,
        reason="Sửa chữa cống trên đường liên khu thuộc thẩm quyền của Ủy ban nhân dân thị trấn.",
    )


def _denunciation(builder, town, officer, handler) -> None:
    title, content = DENUNCIATION
    item = actions.submit_feedback(
        unit=town,
        kind=_kind("denunciation"),
        title=title,
        content=content,
        source=Source.LETTER,
        by=officer,
        received_on=builder.today - dt.timedelta(days=10),
        sender_name=builder.random_name(),
        sender_address="Khu dân cư Phạm Lựu, thị trấn Thanh Miện",
        field=_field("administrative-procedures"),
    )
    item = actions.assign(item, by=officer, handler=handler)
    actions.add_note(item, by=handler, text="Đã báo cáo Chủ tịch Ủy ban nhân dân thị trấn.")
