"""The categories of information each kind of unit must disclose, as coso ships them.

The data migration 0002 installs them; administrators adjust and extend them in the admin.
The names and citations are the law's Vietnamese wording, not interface text. Rules that
DOMAIN.md marks "(verify)" say so in their citation ("cần đối chiếu"): an administrator
checks them against the official text and edits the number or the citation.
"""

from __future__ import annotations

from dataclasses import dataclass

LAW = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15"
# Law on Access to Information 2016, art. 21: where no law sets a period, at least 30 days.
POSTING_30_DAYS = "Luật Tiếp cận thông tin 2016, Điều 21: niêm yết ít nhất 30 ngày (cần đối chiếu)"
AGENCY_POSTING = (
    "Nghị định 04/2015/NĐ-CP, Điều 4: niêm yết ít nhất 30 ngày liên tục "
    "(cần đối chiếu với Điều 47 Luật số 10/2022/QH15)"
)
AGENCY_DEADLINE = (
    "Nghị định 04/2015/NĐ-CP, Điều 4: công khai chậm nhất 3 ngày làm việc kể từ ngày ban hành "
    "(cần đối chiếu)"
)
# Law 10/2022/QH15, art. 13: items 7 to 12 of art. 11 are also read on the loudspeakers.
BROADCAST = "Luật số 10/2022/QH15, Điều 13: thông báo trên loa ít nhất 03 ngày liên tục"


@dataclass(frozen=True)
class CategorySeed:
    code: str
    name: str
    citation: str
    required_every_year: bool = False
    broadcast_days: int = 0
    min_posting_days: int = 30
    deadline_working_days: int | None = None


# Law 10/2022/QH15, art. 11: the 14 kinds of information the commune discloses. The order
# follows the article; items 7-12 carry the 3-day loudspeaker broadcast of art. 13.
COMMUNE: tuple[CategorySeed, ...] = (
    CategorySeed(
        "ke_hoach_kt_xh",
        "Kế hoạch phát triển kinh tế - xã hội hằng năm và kết quả thực hiện",
        "Điều 11 khoản 1 Luật số 10/2022/QH15",
        required_every_year=True,
    ),
    CategorySeed(
        "ngan_sach",
        "Dự toán, tình hình thực hiện (quý, 6 tháng, năm), quyết toán ngân sách cấp xã; "
        "kết quả kiểm toán",
        "Điều 11 khoản 2 Luật số 10/2022/QH15",
        required_every_year=True,
    ),
    CategorySeed(
        "dau_tu",
        "Chủ trương, dự án, công trình đầu tư và thứ tự ưu tiên; tiến độ, kinh phí, "
        "kết quả nghiệm thu, quyết toán",
        "Điều 11 khoản 3 Luật số 10/2022/QH15",
    ),
    CategorySeed(
        "dat_dai",
        "Quy hoạch, kế hoạch sử dụng đất, quy hoạch xây dựng; thu hồi đất, bồi thường, "
        "hỗ trợ, tái định cư",
        "Điều 11 khoản 4 Luật số 10/2022/QH15",
    ),
    CategorySeed(
        "thu_tuc_hanh_chinh",
        "Nhiệm vụ, quyền hạn của cán bộ, công chức cấp xã; thủ tục hành chính; "
        "nơi tiếp nhận phản ánh, kiến nghị",
        "Điều 11 khoản 5 Luật số 10/2022/QH15 (cần đối chiếu)",
        required_every_year=True,
    ),
    CategorySeed(
        "dat_cong_ich",
        "Quản lý, sử dụng đất công ích, tài sản công của cấp xã",
        "Điều 11 khoản 6 Luật số 10/2022/QH15 (cần đối chiếu)",
    ),
    CategorySeed(
        "quy_dong_gop",
        "Quản lý, sử dụng các loại quỹ, khoản đầu tư, tài trợ; các khoản huy động, "
        "đóng góp của Nhân dân",
        "Điều 11 khoản 7 Luật số 10/2022/QH15 (cần đối chiếu)",
        required_every_year=True,
        broadcast_days=3,
    ),
    CategorySeed(
        "vay_von_ho_ngheo",
        "Chủ trương, kế hoạch vay vốn cho Nhân dân; kết quả bình xét hộ nghèo, hộ cận nghèo",
        "Điều 11 khoản 8 Luật số 10/2022/QH15 (cần đối chiếu)",
        required_every_year=True,
        broadcast_days=3,
    ),
    CategorySeed(
        "doi_tuong_thu_huong",
        "Danh sách đối tượng được hưởng chính sách an sinh xã hội, hỗ trợ của Nhà nước",
        "Điều 11 khoản 9 Luật số 10/2022/QH15 (cần đối chiếu)",
        broadcast_days=3,
    ),
    CategorySeed(
        "phi_le_phi",
        "Đối tượng, mức thu các loại phí, lệ phí và nghĩa vụ tài chính khác do cấp xã thu",
        "Điều 11 khoản 10 Luật số 10/2022/QH15 (cần đối chiếu)",
        broadcast_days=3,
    ),
    CategorySeed(
        "thanh_tra_tham_nhung",
        "Kết quả thanh tra, kiểm tra, giải quyết vụ việc tiêu cực, tham nhũng của cán bộ, "
        "công chức cấp xã và cán bộ thôn, tổ dân phố",
        "Điều 11 khoản 11 Luật số 10/2022/QH15 (cần đối chiếu)",
        broadcast_days=3,
    ),
    CategorySeed(
        "consultation_result",
        "Kết quả lấy ý kiến Nhân dân; việc tiếp thu, giải trình ý kiến",
        "Điều 11 khoản 12 Luật số 10/2022/QH15 (cần đối chiếu)",
        broadcast_days=3,
    ),
    CategorySeed(
        "ket_qua_ban_quyet_dinh",
        "Kết quả Nhân dân bàn và quyết định; hương ước, quy ước đã được công nhận",
        "Điều 11 khoản 13 Luật số 10/2022/QH15 (cần đối chiếu)",
    ),
    CategorySeed(
        "other",
        "Nội dung khác theo quy định của pháp luật, theo yêu cầu của cơ quan có thẩm quyền "
        "hoặc chính quyền cấp xã thấy cần thiết",
        "Điều 11 khoản 14 Luật số 10/2022/QH15",
    ),
)

# A residential community: what the village head makes known to the households.
RESIDENTIAL: tuple[CategorySeed, ...] = (
    CategorySeed(
        "ket_qua_ban_quyet_dinh",
        "Kết quả Nhân dân bàn và quyết định tại cộng đồng dân cư",
        "Điều 20, Điều 23 Luật số 10/2022/QH15",
    ),
    CategorySeed(
        "quy_dong_gop",
        "Thu, chi các khoản đóng góp của Nhân dân, quỹ của cộng đồng dân cư",
        "Điều 11 khoản 7, Điều 13 Luật số 10/2022/QH15 (cần đối chiếu)",
        required_every_year=True,
        broadcast_days=3,
    ),
    CategorySeed(
        "huong_uoc",
        "Hương ước, quy ước của cộng đồng dân cư",
        "Nghị định 61/2023/NĐ-CP",
    ),
    CategorySeed(
        "consultation_result",
        "Kết quả lấy ý kiến Nhân dân tại cộng đồng dân cư",
        "Điều 11 khoản 12, Điều 29 Luật số 10/2022/QH15 (cần đối chiếu)",
    ),
    CategorySeed(
        "other",
        "Nội dung khác do trưởng thôn, tổ trưởng tổ dân phố thông báo",
        "Điều 12 Luật số 10/2022/QH15",
    ),
)

# An agency or public service unit: Law 10/2022/QH15, arts. 46-47, and the older Decree
# 04/2015/NĐ-CP (appointments, evaluations, rewards ...), disclosed within 3 working days.
_AGENCY_ROWS: tuple[tuple[str, str, str, bool], ...] = (
    (
        "chinh_sach",
        "Chủ trương, chính sách, pháp luật liên quan đến cơ quan, đơn vị và cán bộ, công chức, "
        "viên chức, người lao động",
        "Điều 46 khoản 1 Luật số 10/2022/QH15 (cần đối chiếu)",
        False,
    ),
    (
        "ke_hoach_cong_tac",
        "Kế hoạch công tác hằng năm, quý, tháng và kết quả thực hiện",
        "Điều 46 khoản 2 Luật số 10/2022/QH15 (cần đối chiếu)",
        True,
    ),
    (
        "ngan_sach",
        "Dự toán, tình hình thực hiện, quyết toán ngân sách; kết quả kiểm toán",
        "Điều 46 khoản 3 Luật số 10/2022/QH15 (cần đối chiếu)",
        True,
    ),
    (
        "tai_san_cong",
        "Quản lý, sử dụng tài sản công; mua sắm tài sản",
        "Điều 46 khoản 4 Luật số 10/2022/QH15 (cần đối chiếu)",
        True,
    ),
    (
        "dau_tu_cong",
        "Dự án đầu tư công, xây dựng của cơ quan, đơn vị",
        "Điều 46 khoản 5 Luật số 10/2022/QH15 (cần đối chiếu)",
        False,
    ),
    (
        "chi_tieu_noi_bo",
        "Quy chế chi tiêu nội bộ, chế độ, phúc lợi của cán bộ, công chức, viên chức",
        "Nghị định 04/2015/NĐ-CP, Điều 3 (cần đối chiếu)",
        True,
    ),
    (
        "tuyen_dung",
        "Tuyển dụng, tiếp nhận, điều động, luân chuyển, biệt phái",
        "Nghị định 04/2015/NĐ-CP, Điều 3 (cần đối chiếu)",
        False,
    ),
    (
        "bo_nhiem",
        "Quy hoạch, bổ nhiệm, bổ nhiệm lại, miễn nhiệm",
        "Nghị định 04/2015/NĐ-CP, Điều 3 (cần đối chiếu)",
        False,
    ),
    (
        "nang_luong",
        "Nâng bậc lương, thăng hạng, chuyển ngạch",
        "Nghị định 04/2015/NĐ-CP, Điều 3 (cần đối chiếu)",
        False,
    ),
    (
        "danh_gia",
        "Kết quả đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức",
        "Nghị định 04/2015/NĐ-CP, Điều 3 (cần đối chiếu)",
        True,
    ),
    (
        "thi_dua_khen_thuong",
        "Thi đua, khen thưởng, kỷ luật",
        "Nghị định 04/2015/NĐ-CP, Điều 3 (cần đối chiếu)",
        True,
    ),
    (
        "ke_khai_tai_san",
        "Bản kê khai tài sản, thu nhập theo quy định",
        "Nghị định 04/2015/NĐ-CP, Điều 3; Luật Phòng, chống tham nhũng 2018 (cần đối chiếu)",
        True,
    ),
    (
        "tinh_gian_bien_che",
        "Tinh giản biên chế, sắp xếp tổ chức bộ máy",
        "Điều 46 Luật số 10/2022/QH15 (cần đối chiếu)",
        False,
    ),
    (
        "thanh_tra",
        "Kết quả thanh tra, kiểm tra, giải quyết khiếu nại, tố cáo trong cơ quan, đơn vị",
        "Nghị định 04/2015/NĐ-CP, Điều 3 (cần đối chiếu)",
        False,
    ),
    (
        "consultation_result",
        "Kết quả lấy ý kiến cán bộ, công chức, viên chức, người lao động",
        "Điều 48 Luật số 10/2022/QH15 (cần đối chiếu)",
        False,
    ),
    (
        "other",
        "Nội dung khác theo quy định của pháp luật và quy chế của cơ quan, đơn vị",
        "Điều 46 Luật số 10/2022/QH15",
        False,
    ),
)
AGENCY: tuple[CategorySeed, ...] = tuple(
    CategorySeed(code, name, citation, required_every_year=yearly, deadline_working_days=3)
    for code, name, citation, yearly in _AGENCY_ROWS
)

# An enterprise: Decree 145/2020/NĐ-CP, art. 43 (every employer); Law 10/2022/QH15,
# arts. 67-69 (state-owned enterprises).
ENTERPRISE: tuple[CategorySeed, ...] = (
    CategorySeed(
        "san_xuat_kinh_doanh",
        "Tình hình sản xuất, kinh doanh; kế hoạch sản xuất, kinh doanh hằng năm",
        "Nghị định 145/2020/NĐ-CP, Điều 43 (cần đối chiếu); Điều 67 Luật số 10/2022/QH15",
        required_every_year=True,
    ),
    CategorySeed(
        "noi_quy_thang_luong",
        "Nội quy lao động, thang lương, bảng lương, định mức lao động, quy chế dân chủ ở cơ sở "
        "tại nơi làm việc",
        "Nghị định 145/2020/NĐ-CP, Điều 43 (cần đối chiếu)",
    ),
    CategorySeed(
        "thoa_uoc",
        "Thỏa ước lao động tập thể",
        "Nghị định 145/2020/NĐ-CP, Điều 43 (cần đối chiếu)",
    ),
    CategorySeed(
        "quy_khen_thuong_phuc_loi",
        "Trích lập, sử dụng quỹ khen thưởng, phúc lợi và các quỹ do người lao động đóng góp",
        "Nghị định 145/2020/NĐ-CP, Điều 43 (cần đối chiếu)",
        required_every_year=True,
    ),
    CategorySeed(
        "bao_hiem_cong_doan",
        "Trích nộp kinh phí công đoàn, đóng bảo hiểm xã hội, bảo hiểm y tế, bảo hiểm thất nghiệp",
        "Nghị định 145/2020/NĐ-CP, Điều 43 (cần đối chiếu)",
        required_every_year=True,
    ),
    CategorySeed(
        "thi_dua_khieu_nai",
        "Thi đua, khen thưởng, kỷ luật; giải quyết khiếu nại, tố cáo liên quan đến quyền, "
        "nghĩa vụ và lợi ích của người lao động",
        "Nghị định 145/2020/NĐ-CP, Điều 43 (cần đối chiếu)",
    ),
    CategorySeed(
        "consultation_result",
        "Kết quả lấy ý kiến người lao động",
        "Điều 68 Luật số 10/2022/QH15; Nghị định 145/2020/NĐ-CP (cần đối chiếu)",
    ),
    CategorySeed(
        "other",
        "Nội dung khác theo quy định của pháp luật",
        "Nghị định 145/2020/NĐ-CP, Điều 43 (cần đối chiếu)",
    ),
)

# unit kind (coso.units.models.UnitKind values) -> its categories.
SEEDS: dict[str, tuple[CategorySeed, ...]] = {
    "commune": COMMUNE,
    "residential": RESIDENTIAL,
    "agency": AGENCY,
    "enterprise": ENTERPRISE,
}


def _posting_citation(kind: str) -> str:
    return AGENCY_POSTING if kind == "agency" else POSTING_30_DAYS


def install(category_model) -> None:
    """Create the shipped categories (idempotent: an existing code keeps its edited values)."""
    for kind, seeds in SEEDS.items():
        for order, seed in enumerate(seeds, start=1):
            category_model.objects.get_or_create(
                unit_kind=kind,
                code=seed.code,
                defaults={
                    "name": seed.name,
                    "citation": seed.citation,
                    "min_posting_days": seed.min_posting_days,
                    "min_posting_citation": _posting_citation(kind),
                    "broadcast_days": seed.broadcast_days,
                    "broadcast_citation": BROADCAST if seed.broadcast_days else "",
                    "required_every_year": seed.required_every_year,
                    "deadline_working_days": seed.deadline_working_days,
                    "deadline_citation": AGENCY_DEADLINE if seed.deadline_working_days else "",
                    "order": order,
                },
            )


def uninstall(category_model) -> None:
    """Remove the shipped categories that nothing uses (the migration's reverse)."""
    for kind, seeds in SEEDS.items():
        category_model.objects.filter(
            unit_kind=kind, code__in=[seed.code for seed in seeds], disclosures__isnull=True
        ).delete()
