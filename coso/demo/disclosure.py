"""Demo disclosures of the town of Thanh Miện: the budget posted with a photo of the notice
board, fees read on the loudspeakers for three days, a list of beneficiaries read only two
days (a warning), the year's socio-economic plan corrected once (two versions), a list of poor
households taken down early, one community's contributions, and a draft.

Dates follow the day the demo is loaded, so the postings are current whenever it runs.
"""

from __future__ import annotations

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile

from coso.disclosure import actions
from coso.disclosure.models import ChannelMethod
from coso.units.access import forget_grants
from coso.units.models import Unit

from . import places

BUDGET_CSV = (
    "Nội dung,Dự toán (triệu đồng)\n"
    "Thu ngân sách trên địa bàn,18.450\n"
    "Chi đầu tư phát triển,6.200\n"
    "Chi thường xuyên,11.380\n"
    "Dự phòng ngân sách,870\n"
)


def _photo(name: str) -> SimpleUploadedFile:
    """A small PNG standing for the photo of the notice board."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 200), (238, 232, 213))
    draw = ImageDraw.Draw(image)
    draw.rectangle((20, 20, 300, 180), outline=(120, 90, 40), width=6)
    for y in range(50, 170, 18):
        draw.line((45, y, 275, y), fill=(80, 80, 80), width=3)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def build_disclosure(builder) -> None:
    # Fresh copies: the town and its communities moved to Hải Phòng after the dict was filled.
    town = Unit.objects.get(pk=builder.units[places.THANH_MIEN_TOWN].pk)
    officer = builder.officer_of(town)
    forget_grants(officer)  # the town moved to Hải Phòng after its officer's roles were read
    today: dt.date = builder.today
    year = today.year

    def days_ago(n: int) -> dt.date:
        return today - dt.timedelta(days=n)

    # The budget estimate: posted 45 days with a photo, on the website, with the table.
    budget = actions.create_disclosure(
        by=officer,
        unit=town,
        category_code="ngan_sach",
        title=f"Công khai dự toán ngân sách thị trấn Thanh Miện năm {year}",
        body=(
            "Ủy ban nhân dân thị trấn công khai dự toán thu, chi ngân sách năm "
            f"{year} đã được Hội đồng nhân dân thị trấn quyết định. Tổng thu ngân sách trên "
            "địa bàn 18.450 triệu đồng; tổng chi 18.450 triệu đồng, trong đó chi đầu tư phát "
            "triển 6.200 triệu đồng."
        ),
        issued_on=days_ago(22),
        starts_on=days_ago(20),
        ends_on=days_ago(20) + dt.timedelta(days=44),
    )
    actions.add_file(
        budget,
        by=officer,
        file=SimpleUploadedFile(
            f"du-toan-ngan-sach-{year}.csv", BUDGET_CSV.encode(), content_type="text/csv"
        ),
        title=f"Biểu dự toán ngân sách năm {year}",
    )
    actions.publish(budget, by=officer)
    actions.add_channel(
        budget,
        by=officer,
        method=ChannelMethod.POSTING,
        detail="Bảng tin trụ sở Ủy ban nhân dân thị trấn",
        starts_on=days_ago(20),
        photo=_photo("bang-tin-tru-so.png"),
    )
    actions.add_channel(
        budget,
        by=officer,
        method=ChannelMethod.WEBSITE,
        detail="Trang thông tin điện tử thị trấn",
        starts_on=days_ago(20),
    )

    # Fees: read on the loudspeakers three consecutive days (Law 10/2022/QH15, art. 13).
    fees = actions.publish_disclosure(
        by=officer,
        unit=town,
        category_code="phi_le_phi",
        title=f"Mức thu phí chợ, phí vệ sinh môi trường năm {year}",
        body="Mức thu phí chợ và phí thu gom rác thải sinh hoạt áp dụng từ ngày 01/01.",
        starts_on=days_ago(15),
        ends_on=days_ago(15) + dt.timedelta(days=29),
    )
    actions.add_channel(
        fees,
        by=officer,
        method=ChannelMethod.LOUDSPEAKER,
        detail="Đài truyền thanh thị trấn, 06h00 và 17h00",
        starts_on=days_ago(15),
        ends_on=days_ago(13),
    )

    # Beneficiaries: broadcast only two days, which the compliance page flags.
    beneficiaries = actions.publish_disclosure(
        by=officer,
        unit=town,
        category_code="doi_tuong_thu_huong",
        title="Danh sách đối tượng được hưởng trợ cấp xã hội hằng tháng",
        body="Danh sách 46 đối tượng bảo trợ xã hội được hưởng trợ cấp hằng tháng.",
        starts_on=days_ago(10),
        ends_on=days_ago(10) + dt.timedelta(days=29),
    )
    actions.add_channel(
        beneficiaries,
        by=officer,
        method=ChannelMethod.LOUDSPEAKER,
        detail="Đài truyền thanh thị trấn",
        starts_on=days_ago(10),
        ends_on=days_ago(9),
    )

    # The socio-economic plan, corrected once: both versions stay readable.
    plan = actions.publish_disclosure(
        by=officer,
        unit=town,
        category_code="ke_hoach_kt_xh",
        title=f"Kế hoạch phát triển kinh tế - xã hội năm {year}",
        body=(
            "Chỉ tiêu chủ yếu: tốc độ tăng giá trị sản xuất 8,5%; thu ngân sách 17.900 triệu "
            "đồng; tỷ lệ hộ nghèo giảm còn 1,2%."
        ),
        issued_on=days_ago(32),
        starts_on=days_ago(30),
        ends_on=days_ago(30) + dt.timedelta(days=44),
    )
    actions.correct_disclosure(
        plan,
        by=officer,
        correction_note="Sửa chỉ tiêu thu ngân sách theo Nghị quyết của Hội đồng nhân dân.",
        body=(
            "Chỉ tiêu chủ yếu: tốc độ tăng giá trị sản xuất 8,5%; thu ngân sách 18.450 triệu "
            "đồng; tỷ lệ hộ nghèo giảm còn 1,2%."
        ),
        starts_on=days_ago(18),
        ends_on=days_ago(18) + dt.timedelta(days=44),
    )

    # A list posted by mistake before the council approved it: taken down early.
    poor = actions.publish_disclosure(
        by=officer,
        unit=town,
        category_code="vay_von_ho_ngheo",
        title="Kết quả bình xét hộ nghèo, hộ cận nghèo",
        body="Danh sách dự kiến hộ nghèo, hộ cận nghèo của các khu dân cư.",
        starts_on=days_ago(12),
        ends_on=days_ago(12) + dt.timedelta(days=29),
    )
    actions.end_posting_early(
        poor,
        by=officer,
        ended_on=days_ago(5),
        reason="Niêm yết nhầm danh sách chưa được Hội đồng xét duyệt thông qua; sẽ niêm yết lại.",
    )

    # One residential community discloses the use of the households' contributions.
    community = Unit.objects.get(pk=builder.units[places.THANH_MIEN_COMMUNITIES[0]].pk)
    community_officer = builder.officer_of(community)
    forget_grants(community_officer)
    actions.publish_disclosure(
        by=community_officer,
        unit=community,
        category_code="quy_dong_gop",
        title="Thu, chi quỹ làm đường bê tông khu dân cư",
        body="Tổng thu 312 triệu đồng từ 156 hộ; đã chi 298 triệu đồng; còn 14 triệu đồng.",
        starts_on=days_ago(8),
        ends_on=days_ago(8) + dt.timedelta(days=29),
    )

    # A draft the public does not see.
    actions.create_disclosure(
        by=officer,
        unit=town,
        category_code="dat_dai",
        title="Phương án bồi thường, hỗ trợ dự án mở rộng đường 392",
        starts_on=today,
    )
