"""Demo emulation: the town of Thanh Miện's campaign "Dân vận khéo" 2026 asks its residential
communities for models; three answer, two are recognised (one with its evidence public), one is
refused with reasons, one awaits assessment; and a model the Quảng Trị office proposes on its
own."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from coso.recognition import actions
from coso.recognition.models import Field, RecognitionForm, SubjectKind
from coso.units.models import Role, UnitKind

from . import places

CAMPAIGN_TITLE = "Phong trào thi đua “Dân vận khéo” năm 2026"
CRITERIA = (
    ("Cách làm mới, sáng tạo, phù hợp thực tế địa phương", 30),
    ("Hiệu quả kinh tế - xã hội, được nhân dân đồng tình", 40),
    ("Khả năng nhân rộng, lan tỏa", 30),
)
MODELS = (
    (
        "Mô hình “Ngõ xóm sáng - xanh - sạch - đẹp”",
        Field.ENVIRONMENT,
        SubjectKind.COLLECTIVE,
        "Chi hội Phụ nữ khu dân cư",
        "Vận động các hộ tự nguyện góp công, góp tiền lắp đèn chiếu sáng và trồng hoa hai bên "
        "ngõ xóm; mỗi tổ tự quản nhận chăm sóc một đoạn đường.",
        "Lắp 86 bóng đèn, trồng 1,2 km đường hoa; 100% hộ tham gia; khu dân cư đạt danh hiệu "
        "văn hóa ba năm liền.",
    ),
    (
        "Điển hình “Người tổ trưởng dân vận tận tụy”",
        Field.DEMOCRACY,
        SubjectKind.PERSON,
        "Ông Nguyễn Văn Hòa, Tổ trưởng Tổ dân vận khu dân cư",
        "Trực tiếp đến từng hộ lắng nghe ý kiến, hòa giải thành 12 vụ mâu thuẫn; vận động hiến "
        "đất mở rộng đường liên khu.",
        "Các hộ hiến 640 m² đất; không có đơn thư vượt cấp trong ba năm.",
    ),
    (
        "Mô hình “Camera an ninh khu dân cư”",
        Field.SECURITY,
        SubjectKind.COLLECTIVE,
        "Chi hội Cựu chiến binh khu dân cư",
        "Vận động nhân dân góp tiền lắp camera tại các ngã ba, ngõ xóm.",
        "Mới lắp 6 camera, chưa có số liệu đánh giá hiệu quả.",
    ),
)


def build_recognition(builder) -> None:
    town = builder.units[places.THANH_MIEN_TOWN]
    today: dt.date = builder.today
    steering = builder.officer(
        town,
        role=Role.STEERING_OFFICER,
        job_title="Phó Trưởng Ban Chỉ đạo thực hiện dân chủ ở cơ sở thị trấn",
    )
    campaign = actions.create_campaign(
        by=steering,
        unit=town,
        title=CAMPAIGN_TITLE,
        description=(
            "Phát hiện, biểu dương và nhân rộng các mô hình, điển hình “Dân vận khéo” trong các "
            "khu dân cư, gắn với thực hiện dân chủ ở cơ sở."
        ),
        starts_on=dt.date(today.year, 1, 1),
        ends_on=dt.date(today.year, 12, 31),
        nomination_deadline=today + dt.timedelta(days=20),
        target_kinds=[UnitKind.RESIDENTIAL],
        criteria=CRITERIA,
    )
    campaign = actions.open_campaign(campaign, by=steering)
    communities = sorted(
        (u for u in builder.units.values() if u.kind == UnitKind.RESIDENTIAL and u.is_within(town)),
        key=lambda u: u.path,
    )
    nominations = []
    for unit, (title, field, kind, subject, description, results) in zip(
        communities, MODELS, strict=False
    ):
        nominations.append(
            actions.submit_nomination(
                by=builder.officer_of(unit),
                unit=unit,
                campaign=campaign,
                title=title,
                field=field,
                subject_kind=kind,
                subject_name=subject,
                description=description,
                results=results,
            )
        )
    criteria = list(campaign.criteria.all())
    scores = ((26, 36, 27), (24, 35, 22), (12, 15, 10))
    for nomination, points in zip(nominations, scores, strict=False):
        actions.score_nomination(
            nomination,
            by=steering,
            points={c.pk: p for c, p in zip(criteria, points, strict=True)},
        )
    if nominations:
        first = nominations[0]
        actions.add_evidence(
            first,
            by=builder.officer_of(first.unit),
            file=SimpleUploadedFile("bao-cao-mo-hinh.pdf", b"%PDF-1.4\n% demo\n"),
            title="Báo cáo kết quả mô hình",
            is_public=True,
        )
        actions.decide_nomination(
            first,
            by=steering,
            recognised=True,
            recognition_form=RecognitionForm.PRAISE,
            decision_number="45/QĐ-UBND",
            decision_date=today,
            reasons="Đạt 89/100 điểm.",
        )
    if len(nominations) > 2:
        actions.decide_nomination(
            nominations[2],
            by=steering,
            recognised=False,
            reasons="Mô hình mới triển khai, chưa có kết quả đánh giá; đề nghị tiếp tục theo dõi.",
        )
    # The second stays awaiting the decision.
    office = builder.units.get(places.QT_OFFICE)
    if office is not None:
        actions.submit_nomination(
            by=builder.officer_of(office),
            unit=office,
            title="Mô hình “Bộ phận một cửa thân thiện”",
            field=Field.ADMINISTRATION,
            subject_kind=SubjectKind.COLLECTIVE,
            subject_name="Bộ phận Tiếp nhận và Trả kết quả",
            description="Niêm yết công khai thủ tục, hướng dẫn tận tình, nhận hồ sơ trực tuyến.",
            results="98% hồ sơ giải quyết đúng và trước hạn; không có phản ánh về thái độ.",
        )
