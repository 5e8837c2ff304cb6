"""Places and people of the demo, as Python data.

PROVINCES_2025 is transcribed from the list of the 34 provinces of 1 July 2025 and the 63 they
were merged from (Resolution 202/2025/QH15); the other names are realistic but the demo's own.
"""

from __future__ import annotations

import datetime as dt

# (name, kind, merged from): kind is "thành phố" or "tỉnh"; the first province merged from keeps
# the name, the others were closed on MERGE_DATE.
PROVINCES_2025: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Hà Nội", "thành phố", ()),
    ("Huế", "thành phố", ()),
    ("Lai Châu", "tỉnh", ()),
    ("Điện Biên", "tỉnh", ()),
    ("Sơn La", "tỉnh", ()),
    ("Lạng Sơn", "tỉnh", ()),
    ("Quảng Ninh", "tỉnh", ()),
    ("Thanh Hóa", "tỉnh", ()),
    ("Nghệ An", "tỉnh", ()),
    ("Hà Tĩnh", "tỉnh", ()),
    ("Cao Bằng", "tỉnh", ()),
    ("Tuyên Quang", "tỉnh", ("Tuyên Quang", "Hà Giang")),
    ("Lào Cai", "tỉnh", ("Lào Cai", "Yên Bái")),
    ("Thái Nguyên", "tỉnh", ("Thái Nguyên", "Bắc Kạn")),
    ("Phú Thọ", "tỉnh", ("Phú Thọ", "Vĩnh Phúc", "Hòa Bình")),
    ("Bắc Ninh", "tỉnh", ("Bắc Ninh", "Bắc Giang")),
    ("Hưng Yên", "tỉnh", ("Hưng Yên", "Thái Bình")),
    ("Hải Phòng", "thành phố", ("Hải Phòng", "Hải Dương")),
    ("Ninh Bình", "tỉnh", ("Ninh Bình", "Hà Nam", "Nam Định")),
    ("Quảng Trị", "tỉnh", ("Quảng Trị", "Quảng Bình")),
    ("Đà Nẵng", "thành phố", ("Đà Nẵng", "Quảng Nam")),
    ("Quảng Ngãi", "tỉnh", ("Quảng Ngãi", "Kon Tum")),
    ("Gia Lai", "tỉnh", ("Gia Lai", "Bình Định")),
    ("Khánh Hòa", "tỉnh", ("Khánh Hòa", "Ninh Thuận")),
    ("Lâm Đồng", "tỉnh", ("Lâm Đồng", "Đắk Nông", "Bình Thuận")),
    ("Đắk Lắk", "tỉnh", ("Đắk Lắk", "Phú Yên")),
    ("Hồ Chí Minh", "thành phố", ("Hồ Chí Minh", "Bình Dương", "Bà Rịa - Vũng Tàu")),
    ("Đồng Nai", "tỉnh", ("Đồng Nai", "Bình Phước")),
    ("Tây Ninh", "tỉnh", ("Tây Ninh", "Long An")),
    ("Cần Thơ", "thành phố", ("Cần Thơ", "Sóc Trăng", "Hậu Giang")),
    ("Vĩnh Long", "tỉnh", ("Vĩnh Long", "Bến Tre", "Trà Vinh")),
    ("Đồng Tháp", "tỉnh", ("Đồng Tháp", "Tiền Giang")),
    ("Cà Mau", "tỉnh", ("Cà Mau", "Bạc Liêu")),
    ("An Giang", "tỉnh", ("An Giang", "Kiên Giang")),
)

# Two-tier local government and the provincial mergers took effect on this day.
MERGE_DATE = dt.date(2025, 7, 1)


def province_unit_name(name: str, kind: str) -> str:
    return f"{'Thành phố' if kind == 'thành phố' else 'Tỉnh'} {name}"


# --- Quảng Trị, worked in full -------------------------------------------------------------------

QT_BLOC = "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh Quảng Trị"
QT_OFFICE = "Văn phòng UBND tỉnh Quảng Trị"
QT_OFFICE_DEPARTMENTS = (
    "Phòng Hành chính - Tổ chức",
    "Phòng Tổng hợp",
    "Phòng Kinh tế - Ngành",
    "Phòng Khoa giáo - Văn xã",
    "Phòng Nội chính",
    "Ban Tiếp công dân tỉnh",
    "Trung tâm Thông tin - Công báo",
    "Trung tâm Phục vụ hành chính công tỉnh",
)
QT_OFFICE_LEAD_DEPARTMENT = "Phòng Hành chính - Tổ chức"

# (name, staff count, departments)
QT_AGENCIES: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("Sở Nội vụ tỉnh Quảng Trị", 96, ("Văn phòng Sở", "Phòng Xây dựng chính quyền")),
    ("Sở Tài chính tỉnh Quảng Trị", 142, ("Văn phòng Sở", "Phòng Quản lý ngân sách")),
    ("Sở Giáo dục và Đào tạo tỉnh Quảng Trị", 88, ("Văn phòng Sở",)),
    ("Sở Y tế tỉnh Quảng Trị", 74, ("Văn phòng Sở",)),
    ("Sở Nông nghiệp và Môi trường tỉnh Quảng Trị", 210, ("Văn phòng Sở", "Chi cục Thủy lợi")),
    ("Sở Xây dựng tỉnh Quảng Trị", 120, ()),
    ("Sở Tư pháp tỉnh Quảng Trị", 45, ()),
    ("Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị", 131, ()),
    ("Bệnh viện Đa khoa tỉnh Quảng Trị", 820, ("Khoa Khám bệnh", "Phòng Tổ chức cán bộ")),
    ("Trường Cao đẳng Quảng Trị", 160, ()),
)

# (name, workers): the first is the enterprise the demo works through.
QT_ENTERPRISES: tuple[tuple[str, int], ...] = (
    ("Công ty Cổ phần Cấp nước Quảng Trị", 240),
    ("Công ty Cổ phần Môi trường và Công trình đô thị Quảng Trị", 310),
    ("Công ty TNHH MTV Lâm nghiệp Bến Hải", 95),
    ("Công ty Cổ phần Cao su Quảng Trị", 640),
    ("Công ty Cổ phần Vận tải Quảng Bình", 58),
)

# Communes, wards and the special zone of Quảng Trị after 1 July 2025.
QT_COMMUNES: tuple[str, ...] = (
    "Phường Đông Hà",
    "Phường Nam Đông Hà",
    "Phường Quảng Trị",
    "Phường Đồng Hới",
    "Phường Đồng Thuận",
    "Phường Đồng Sơn",
    "Phường Ba Đồn",
    "Phường Bắc Gianh",
    "Xã Cam Lộ",
    "Xã Hiếu Giang",
    "Xã Vĩnh Linh",
    "Xã Cửa Tùng",
    "Xã Gio Linh",
    "Xã Cửa Việt",
    "Xã Triệu Phong",
    "Xã Ái Tử",
    "Xã Hải Lăng",
    "Xã Diên Sanh",
    "Xã Khe Sanh",
    "Xã Lao Bảo",
    "Xã Hướng Hóa",
    "Xã Đakrông",
    "Xã La Lay",
    "Xã Lệ Thủy",
    "Xã Kim Ngân",
    "Xã Quảng Ninh",
    "Xã Bố Trạch",
    "Xã Phong Nha",
    "Xã Minh Hóa",
    "Xã Tuyên Hóa",
    "Xã Quảng Trạch",
    "Đặc khu Cồn Cỏ",
)
# The commune the demo's unit officer works in.
QT_DEMO_COMMUNE = "Xã Cam Lộ"

VILLAGE_NAMES: tuple[str, ...] = (
    "An Lạc",
    "Tân Định",
    "Phú Hưng",
    "Đông Thành",
    "Xuân Mỹ",
    "Hòa Bình",
    "Trung Chỉ",
    "Bích Khê",
    "Thượng Nghĩa",
    "Cam Thủy",
    "Nam Hùng",
    "Lâm Xuân",
    "Phước Thị",
    "Vĩnh Đại",
    "Tân Hiệp",
    "Mỹ Hòa",
    "Đại An",
    "An Thái",
    "Quyết Thắng",
    "Thạch Hãn",
)
MOUNTAIN_VILLAGE_NAMES: tuple[str, ...] = ("Cựp", "Xa Re", "Pa Tầng", "A Xing", "Tà Rùng", "Ra Ly")

# --- Elsewhere -----------------------------------------------------------------------------------

THANH_MIEN_TOWN = "Thị trấn Thanh Miện"
THANH_MIEN_COMMUNITIES: tuple[str, ...] = (
    "Khu dân cư Tiền Tiến",
    "Khu dân cư Đông Hạ",
    "Khu dân cư Hòa Bình",
    "Khu dân cư Phạm Lựu",
    "Khu dân cư Thống Nhất",
    "Khu dân cư Nội Thôn",
    "Khu dân cư Văn Hóa",
)

# A few communes in other provinces, so their dashboards are not empty.
OTHER_COMMUNES: dict[str, tuple[str, ...]] = {
    "Thành phố Hải Phòng": ("Phường Hồng Bàng", "Phường Lê Chân", "Xã Thủy Nguyên", "Xã Kiến An"),
    "Tỉnh Gia Lai": ("Phường Quy Nhơn", "Phường Pleiku", "Xã An Khê", "Xã Chư Păh"),
    "Tỉnh Ninh Bình": ("Phường Hoa Lư", "Phường Nam Định", "Xã Gia Viễn"),
    "Thành phố Hà Nội": ("Phường Hoàn Kiếm", "Phường Ba Đình", "Xã Sóc Sơn"),
}

BINH_DINH_BLOC = "Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh Bình Định"

# --- People --------------------------------------------------------------------------------------

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ")
MIDDLE_MALE = ("Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Xuân")
MIDDLE_FEMALE = ("Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Kim")
GIVEN_MALE = ("Hùng", "Dũng", "Nam", "Long", "Sơn", "Tuấn", "Hải", "Thắng", "Phúc", "Bình", "Khoa")
GIVEN_FEMALE = ("Lan", "Hoa", "Hương", "Mai", "Hạnh", "Trang", "Yến", "Nga", "Thảo", "Linh", "Vân")

FOLLOW_UP_FINDINGS: tuple[tuple[str, str], ...] = (
    (
        "Đã ban hành kế hoạch năm, phân công thành viên Ban Chỉ đạo phụ trách từng thôn; niêm "
        "yết công khai dự toán ngân sách tại trụ sở.",
        "Bổ sung nội dung công khai trên trang thông tin điện tử của xã.",
    ),
    (
        "Chưa tổ chức đối thoại định kỳ giữa người đứng đầu cấp ủy với Nhân dân trong quý; hồ "
        "sơ tiếp công dân chưa đầy đủ.",
        "Tổ chức đối thoại trước ngày 30 của tháng tới; cập nhật sổ tiếp công dân.",
    ),
    (
        "Các khu dân cư đã họp bàn và biểu quyết mức đóng góp làm đường giao thông nông thôn; "
        "biên bản gửi UBND xã đúng hạn.",
        "",
    ),
    (
        "Ban Thanh tra nhân dân hoạt động chưa thường xuyên, chưa có kế hoạch giám sát quý.",
        "Hướng dẫn Ban Thanh tra nhân dân xây dựng kế hoạch giám sát theo quý.",
    ),
    (
        "Đã gửi báo cáo sơ kết 6 tháng; số liệu phản ánh, kiến nghị đã giải quyết đạt 92%.",
        "Giải quyết dứt điểm các kiến nghị tồn đọng về đất đai.",
    ),
)

EVIDENCE_NOTES: tuple[str, ...] = (
    "Đã tổ chức hội nghị quán triệt, 126 cán bộ, công chức tham dự; biên bản lưu tại Văn phòng.",
    "Đăng 4 tin, bài trên trang thông tin điện tử của đơn vị.",
    "Báo cáo đã gửi đúng hạn qua hệ thống quản lý văn bản.",
    "Niêm yết công khai tại trụ sở từ ngày 05/3, đủ 30 ngày theo quy định.",
    "Hội nghị đối thoại có 85 hộ tham dự; 12 ý kiến đã được trả lời tại hội nghị.",
)
