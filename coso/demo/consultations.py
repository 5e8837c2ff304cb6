"""Demo consultations of the town of Thanh Miện: one draft open for comment with a few
comments, one whose synthesis (tiếp thu, giải trình) is published and disclosed."""

from __future__ import annotations

import datetime as dt

from coso.consultations import actions
from coso.consultations.models import Channel, Consultation, ConsultationKind

from . import places

OPEN_TITLE = "Dự thảo Kế hoạch chỉnh trang đô thị, lát vỉa hè các tuyến phố thị trấn năm 2026"
OPEN_SECTIONS = (
    (
        "I. Mục đích, yêu cầu",
        "Chỉnh trang các tuyến phố chính, bảo đảm lối đi an toàn cho người đi bộ và mỹ quan "
        "đô thị.",
    ),
    (
        "II. Phạm vi và tiến độ",
        "Lát lại vỉa hè đường Nguyễn Lương Bằng và phố Hòa Bình; thi công từ tháng 3 đến "
        "tháng 9 năm 2026, chia theo từng đoạn để không gây cản trở việc buôn bán.",
    ),
    (
        "III. Kinh phí và đóng góp",
        "Ngân sách thị trấn bảo đảm phần vỉa hè; các hộ mặt đường tự nguyện đóng góp phần lát "
        "trước cửa nhà theo thiết kế chung.",
    ),
)
PUBLISHED_TITLE = "Dự thảo Quy định về giờ hoạt động của chợ Thanh Miện"
PUBLISHED_SECTIONS = (
    ("Điều 1. Giờ mở cửa", "Chợ mở cửa từ 5 giờ đến 18 giờ hằng ngày."),
    ("Điều 2. Vệ sinh môi trường", "Các hộ kinh doanh thu gom rác vào cuối mỗi buổi chợ."),
)


def build_consultations(builder) -> None:
    town = builder.units[places.THANH_MIEN_TOWN]
    officer = builder.officer_of(town)
    today = builder.today
    _published(builder, town, officer, today)
    _open(builder, town, officer, today)


def _open(builder, town, officer, today: dt.date) -> Consultation:
    consultation = actions.create_consultation(
        by=officer,
        unit=town,
        kind=ConsultationKind.objects.get(code="public-works-plan"),
        title=OPEN_TITLE,
        introduction="Ủy ban nhân dân thị trấn lấy ý kiến Nhân dân trước khi phê duyệt kế hoạch.",
        opens_on=today - dt.timedelta(days=5),
        closes_on=today + dt.timedelta(days=25),
        channels=(Channel.MEETING, Channel.SUGGESTION_BOX, Channel.PORTAL),
        sections=OPEN_SECTIONS,
    )
    consultation = actions.open_consultation(consultation, by=officer)
    sections = list(consultation.sections.all())
    actions.submit_comment(
        consultation=consultation,
        by=None,
        text="Đề nghị thi công phố Hòa Bình vào buổi tối để không ảnh hưởng các hộ bán hàng.",
        section=sections[1],
        name=builder.random_name(),
        contact="0912 000 111",
    )
    actions.submit_comment(
        consultation=consultation,
        by=None,
        text="Nên thống nhất một loại gạch cho cả tuyến phố.",
        section=sections[2],
        name=builder.random_name(),
        contact="hoa.nguyen@example.vn",
    )
    actions.record_comment(
        consultation,
        by=officer,
        text="Khu dân cư Tiền Tiến đề nghị bổ sung rãnh thoát nước khi lát vỉa hè.",
        channel=Channel.MEETING,
        received_on=today - dt.timedelta(days=2),
        name="Khu dân cư Tiền Tiến",
    )
    return consultation


def _published(builder, town, officer, today: dt.date) -> Consultation:
    start = today - dt.timedelta(days=60)
    consultation = actions.create_consultation(
        by=officer,
        unit=town,
        kind=ConsultationKind.objects.get(code="commune-decision"),
        title=PUBLISHED_TITLE,
        opens_on=start,
        closes_on=today,
        channels=(Channel.MEETING, Channel.PORTAL),
        sections=PUBLISHED_SECTIONS,
    )
    consultation = actions.open_consultation(consultation, by=officer)
    hours, cleaning = consultation.sections.all()
    comments = [
        actions.record_comment(
            consultation,
            by=officer,
            text=text,
            channel=Channel.MEETING,
            received_on=start + dt.timedelta(days=offset),
            section=section,
            name=builder.random_name(),
        )
        for text, section, offset in (
            ("Đề nghị mở cửa từ 4 giờ 30 cho các hộ bán rau buổi sớm.", hours, 5),
            ("Buổi sáng nên mở sớm hơn vì người dân đi làm đồng.", hours, 9),
            ("Cần bố trí thêm thùng rác ở cổng phía Đông.", cleaning, 12),
        )
    ]
    # The period ran from two months ago to a month ago: the demo moves its end back, as if
    # the month had passed (the action refuses to open a period that is already over).
    Consultation.objects.filter(pk=consultation.pk).update(closes_on=start + dt.timedelta(days=30))
    consultation.refresh_from_db()
    earlier = actions.group_comments(
        consultation,
        by=officer,
        comments=[c.pk for c in comments[:2]],
        new_title="Đề nghị chợ mở cửa sớm hơn",
    )
    actions.answer_group(
        earlier,
        by=officer,
        response="adopted",
        response_text="Tiếp thu: chợ mở cửa từ 4 giờ 30 đối với khu bán rau, quả.",
    )
    bins = actions.group_comments(
        consultation, by=officer, comments=[comments[2].pk], new_title="Bổ sung thùng rác"
    )
    actions.answer_group(
        bins,
        by=officer,
        response="explained",
        response_text="Ban quản lý chợ đã có kế hoạch đặt thêm thùng rác trong năm; không cần "
        "ghi vào quy định.",
    )
    return actions.publish_synthesis(
        consultation,
        by=officer,
        summary="Dự thảo đã được chỉnh sửa theo ý kiến của Nhân dân về giờ mở cửa.",
    )
