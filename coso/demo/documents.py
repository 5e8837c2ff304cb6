"""The plans of the demo, as Python data: the real documents, and the few the demo adds.

Real (transcribed): the central committee's program 72-CTr/BCĐTW (10/01/2024), the Quảng Trị
provincial People's Committee office's 2025 plan and thị trấn Thanh Miện's 2024 plan (their text
lives in seed_texts.py). The seeds give neither a number nor a date for the last two: the demo
assumes a date after the documents they cite and leaves the number empty.

Demo (written for the demo from what those documents cite): Quảng Trị province's plan
18/KH-UBND (17/01/2025), cited by the office's plan, and Bình Định's party bloc plan 04-KH/BCĐ
(24/01/2024), named in the domain notes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .seed_texts import OFFICE_2025, TOWN_2024


@dataclass(frozen=True)
class TaskSpec:
    title: str
    timing: str  # a coso.plans.models.Timing value
    description: str = ""
    quarter: int | None = None
    month: int | None = None
    due: dt.date | None = None
    section: str = "II."
    # Names of units (as created by the builder) the task targets.
    targets: tuple[str, ...] = ()


@dataclass(frozen=True)
class PlanSpec:
    title: str
    issued_on: dt.date
    kind: str = "plan"
    number: str = ""
    place: str = ""
    summary: str = ""
    signer_name: str = ""
    signer_title: str = ""
    recipients: str = ""
    bases: tuple[str, ...] = ()
    sections: tuple[tuple[str, str, str], ...] = ()
    tasks: tuple[TaskSpec, ...] = field(default=())


CENTRAL_COMMITTEE_UNIT = "Ban Chỉ đạo Trung ương thực hiện Quy chế dân chủ ở cơ sở"

# --- Chương trình 72-CTr/BCĐTW (transcribed) ----------------------------------------------------

CENTRAL_PROGRAM_2024 = PlanSpec(
    kind="program",
    number="72-CTr/BCĐTW",
    place="Hà Nội",
    issued_on=dt.date(2024, 1, 10),
    title="Chương trình công tác của Ban Chỉ đạo Trung ương thực hiện Quy chế dân chủ ở cơ sở "
    "năm 2024",
    summary="Căn cứ Quy chế hoạt động của Ban Chỉ đạo Trung ương thực hiện Quy chế dân chủ ở cơ "
    "sở và nhiệm vụ công tác dân vận của Đảng, Ban chỉ đạo Trung ương ban hành Chương trình công "
    "tác năm 2024.",
    signer_name="Nguyễn Lam",
    signer_title="Phó Trưởng Ban Dân vận TW kiêm Phó Trưởng ban Thường trực Ban Chỉ đạo Trung ương",
    recipients="\n".join(
        [
            "- Ban Bí thư TW Đảng (để báo cáo),",
            "- Các đồng chí thành viên BCĐ TW,",
            "- Các đ/c Phó Trưởng Ban Dân vận TW,",
            "- Ban Chỉ đạo tỉnh, thành phố, bộ, ban, ngành trực thuộc Trung ương,",
            "- Ban Dân vận các tỉnh, thành ủy, đảng ủy trực thuộc Trung ương,",
            "- Các đồng chí Tổ thư ký BCĐ TW,",
            "- Vụ Dân vận các cơ quan nhà nước,",
            "- Văn phòng,",
            "- Lưu VT.",
        ]
    ),
    bases=(
        "Quy chế hoạt động của Ban Chỉ đạo Trung ương thực hiện Quy chế dân chủ ở cơ sở",
        "Nghị quyết số 27-NQ/TW của Ban Chấp hành Trung ương về tiếp tục xây dựng Nhà nước pháp "
        "quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới",
        "Chỉ thị số 30-CT/TW ngày 18/02/1998 của Bộ Chính trị về xây dựng và thực hiện quy chế "
        "dân chủ ở cơ sở",
    ),
    tasks=(
        TaskSpec(
            "Nghiên cứu, tham mưu Bộ Chính trị cụ thể hóa việc phát huy quyền làm chủ của Nhân dân",
            "ongoing",
            "Tiếp tục nghiên cứu, tham mưu Bộ Chính trị chỉ đạo cụ thể hóa những vấn đề phát huy "
            "quyền làm chủ của Nhân dân theo tinh thần Đại hội XIII Đảng và Nghị quyết số "
            "27-NQ/TW của Ban Chấp hành Trung ương về tiếp tục xây dựng Nhà nước pháp quyền xã "
            "hội chủ nghĩa Việt Nam trong giai đoạn mới; cụ thể hóa phương châm “Dân biết, dân "
            "bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
        ),
        TaskSpec(
            "Theo dõi, nắm tình hình triển khai chủ trương, pháp luật về thực hiện dân chủ ở cơ sở",
            "ongoing",
            "Tăng cường theo dõi, nắm tình hình triển khai thực hiện các chủ trương của Đảng, "
            "pháp luật của Nhà nước về thực hiện dân chủ ở cơ sở gắn với triển khai Chương trình "
            "hành động thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng về "
            "công tác dân vận, các văn bản về công tác xây dựng, chỉnh đốn Đảng, đổi mới, sắp xếp "
            "tổ chức bộ máy của hệ thống chính trị tinh gọn, hiệu lực, hiệu quả, xây dựng đội ngũ "
            "cán bộ, đảng viên, các cuộc vận động, các phong trào thi đua yêu nước.",
        ),
        TaskSpec(
            "Phối hợp đánh giá, báo cáo tổng kết 25 năm thực thi Chỉ thị số 30-CT/TW",
            "quarter",
            "Phối hợp với Ban Dân vận Trung ương đánh giá báo cáo tổng kết 25 năm thực thi Chỉ "
            "thị số 30-CT/TW, ngày 18/02/1998 của Bộ Chính trị (Khóa VIII) về “xây dựng và thực "
            "hiện quy chế dân chủ ở cơ sở”, năm 2025 trình Bộ Chính trị tổng kết Chỉ thị số "
            "30-CT/TW.",
            quarter=4,
        ),
        TaskSpec(
            "Theo dõi hoạt động của ban chỉ đạo các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung "
            "ương; tổng hợp báo cáo",
            "ongoing",
            "Theo dõi, nắm tình hình hoạt động của ban chỉ đạo thực hiện dân chủ cơ sở các tỉnh "
            "ủy, thành ủy, các ban đảng, đảng đoàn, ban cán sự đảng, đảng ủy trực thuộc Trung ương "
            "và Ban Bí thư Trung ương Đoàn TNCS Hồ Chí Minh, tổng hợp báo cáo kịp thời Bộ Chính "
            "trị, Ban Bí thư.",
        ),
        TaskSpec(
            "Tăng cường tuyên truyền về phát huy dân chủ và thực hiện dân chủ ở cơ sở",
            "ongoing",
            "Phối hợp với Ban Tuyên giáo Trung ương, Hội đồng phổ biến giáo dục pháp luật Trung "
            "ương, Bộ Thông tin & Truyền thông và các cơ quan truyền thông tăng cường công tác "
            "tuyên truyền về đường lối, chủ trương của Đảng và pháp luật của Nhà nước về phát huy "
            "dân chủ xã hội chủ nghĩa, bảo đảm quyền làm chủ của Nhân dân và thực hiện dân chủ ở "
            "cơ sở.",
        ),
        TaskSpec(
            "Kiểm tra việc lãnh đạo, chỉ đạo và kết quả thực hiện dân chủ ở cơ sở tại các tỉnh "
            "Ninh Bình, Hòa Bình, Kiên Giang",
            "quarter",
            "Kiểm tra việc lãnh đạo, chỉ đạo và kết quả thực hiện dân chủ ở cơ sở tại các tỉnh: "
            "Ninh Bình, Hòa Bình, Kiên Giang.",
            quarter=3,
            targets=("Tỉnh Ninh Bình", "Tỉnh Hòa Bình", "Tỉnh Kiên Giang"),
        ),
        TaskSpec(
            "Hướng dẫn sơ kết 6 tháng đầu năm và tổng kết năm 2024 việc thực hiện dân chủ ở cơ sở",
            "month",
            "Hướng dẫn các tỉnh ủy, thành ủy, đảng đoàn, đảng ủy trực thuộc Trung ương và Ban Bí "
            "thư Trung ương Đoàn TNCS Hồ Chí Minh sơ kết đánh giá kết quả việc thực hiện dân chủ ở "
            "cơ sở 6 tháng đầu năm, tổng kết việc thực hiện dân chủ ở cơ sở năm 2024.",
            month=5,
        ),
        TaskSpec(
            "Tổ chức Hội nghị Ban Chỉ đạo Trung ương tổng kết việc thực hiện dân chủ ở cơ sở năm "
            "2024",
            "month",
            "Tổ chức Hội nghị Ban chỉ đạo Trung ương tổng kết việc thực hiện dân chủ ở cơ sở năm "
            "2024.",
            month=12,
        ),
    ),
)

# Which tasks of the central program a province carries into its own 2024 plan (1-based).
CENTRAL_TASKS_CARRIED_BY_PROVINCES = (2, 5, 7)

# --- Quảng Trị: the province's 2025 plan (written for the demo) -------------------------------

QUANG_TRI_PLAN_2025 = PlanSpec(
    number="18/KH-UBND",
    place="Quảng Trị",
    issued_on=dt.date(2025, 1, 17),
    title="Kế hoạch thực hiện công tác dân chủ ở cơ sở năm 2025",
    summary="Triển khai Luật Thực hiện dân chủ ở cơ sở, Nghị định số 59/2023/NĐ-CP và Nghị quyết "
    "số 120/2024/NQ-HĐND trên địa bàn tỉnh năm 2025.",
    signer_name="Hoàng Văn Minh",
    signer_title="KT. Chủ tịch — Phó Chủ tịch UBND tỉnh",
    recipients="- Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh;\n- Các sở, ban, ngành;\n"
    "- UBND các xã, phường, đặc khu;\n- Lưu: VT, NC.",
    bases=(
        "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15",
        "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều "
        "của Luật Thực hiện dân chủ ở cơ sở",
        "Kế hoạch số 88/KH-UBND ngày 24/04/2023 của UBND tỉnh triển khai thi hành Luật Thực hiện "
        "dân chủ ở cơ sở",
        "Nghị quyết số 120/2024/NQ-HĐND ngày 06/12/2024 của HĐND tỉnh quy định các biện pháp bảo "
        "đảm thực hiện dân chủ ở cơ sở trên địa bàn tỉnh Quảng Trị",
    ),
    sections=(
        (
            "I.",
            "MỤC ĐÍCH, YÊU CẦU",
            "Nâng cao nhận thức, trách nhiệm của cấp ủy, chính quyền và "
            "người đứng đầu trong thực hiện dân chủ ở cơ sở; thực hiện tốt phương châm “Dân biết, "
            "dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
        ),
        ("II.", "NỘI DUNG THỰC HIỆN", ""),
        (
            "III.",
            "TỔ CHỨC THỰC HIỆN",
            "Các sở, ban, ngành và UBND các xã, phường, đặc khu căn cứ "
            "Kế hoạch này xây dựng kế hoạch của đơn vị; báo cáo sơ kết 6 tháng trước ngày 15/6 và "
            "tổng kết năm trước ngày 15/11 về UBND tỉnh (qua Sở Nội vụ).",
        ),
    ),
    tasks=(
        TaskSpec(
            "Tuyên truyền, phổ biến Luật Thực hiện dân chủ ở cơ sở và Nghị quyết số "
            "120/2024/NQ-HĐND",
            "quarter",
            "Quán triệt Luật Thực hiện dân chủ ở cơ sở, các Nghị định số 59/2023/NĐ-CP, "
            "61/2023/NĐ-CP và Nghị quyết số 120/2024/NQ-HĐND đến cán bộ, công chức, viên chức, "
            "người lao động và Nhân dân.",
            quarter=1,
        ),
        TaskSpec(
            "Tổ chức hội nghị cán bộ, công chức, viên chức năm 2025",
            "quarter",
            "Tổ chức trong 3 tháng sau khi kết thúc năm công tác (Luật số 10/2022/QH15, điều 51).",
            quarter=1,
        ),
        TaskSpec(
            "Công khai thông tin và để Nhân dân bàn, quyết định ở xã, phường, đặc khu",
            "ongoing",
            "Niêm yết, công khai các nội dung theo điều 11 của Luật; tổ chức để Nhân dân bàn và "
            "quyết định các nội dung theo điều 15.",
        ),
        TaskSpec(
            "Đối thoại định kỳ giữa người đứng đầu cấp ủy, chính quyền với Nhân dân",
            "quarter",
            "Lựa chọn vấn đề Nhân dân quan tâm; giải quyết kịp thời, dứt điểm kiến nghị chính đáng.",
            quarter=3,
        ),
        TaskSpec(
            "Kiểm tra việc thực hiện dân chủ ở cơ sở tại một số xã, phường và cơ quan",
            "quarter",
            "Kiểm tra theo kế hoạch; kết luận, chấn chỉnh những tồn tại, hạn chế.",
            quarter=3,
        ),
        TaskSpec(
            "Sơ kết 6 tháng đầu năm thực hiện dân chủ ở cơ sở",
            "date",
            "Báo cáo sơ kết 6 tháng gửi UBND tỉnh (qua Sở Nội vụ).",
            due=dt.date(2025, 6, 15),
            section="III.",
        ),
        TaskSpec(
            "Tổng kết năm 2025 thực hiện dân chủ ở cơ sở",
            "date",
            "Báo cáo tổng kết năm gửi UBND tỉnh (qua Sở Nội vụ).",
            due=dt.date(2025, 11, 15),
            section="III.",
        ),
    ),
)

# Tasks (1-based) of the province's plan a commune carries into its own plan, and those the
# office carries alongside its own.
PROVINCE_TASKS_CARRIED_BY_COMMUNES = (1, 3, 4, 6, 7)
PROVINCE_TASKS_CARRIED_BY_OFFICE = (2, 6, 7)

# --- Văn phòng UBND tỉnh Quảng Trị, 2025 (transcribed) -------------------------------------------

_OFFICE_TIMINGS: tuple[dict, ...] = (
    {"timing": "ongoing"},
    {"timing": "ongoing"},
    {"timing": "ongoing"},
    {"timing": "quarter", "quarter": 4},
    {"timing": "quarter", "quarter": 1},
    {"timing": "ongoing"},
    {"timing": "quarter", "quarter": 1, "section": "III."},
    {"timing": "date", "due": dt.date(2025, 11, 30), "section": "III."},
)

OFFICE_PLAN_2025 = PlanSpec(
    place="Quảng Trị",
    issued_on=dt.date(2025, 2, 10),
    title="Kế hoạch thực hiện công tác dân chủ ở cơ sở năm 2025",
    summary=OFFICE_2025["preamble"],
    signer_name="Nguyễn Cửu",
    signer_title="KT. Chánh Văn phòng — Phó Chánh Văn phòng",
    recipients=OFFICE_2025["recipients"],
    bases=(
        "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định chi tiết một số điều "
        "của Luật Thực hiện dân chủ ở cơ sở",
        "Kế hoạch số 88/KH-UBND ngày 24/04/2023 của UBND tỉnh triển khai thi hành Luật Thực hiện "
        "dân chủ cơ sở",
    ),
    sections=tuple(OFFICE_2025["sections"]),
    tasks=tuple(
        TaskSpec(title, description=description, **timing)
        for (title, description), timing in zip(OFFICE_2025["tasks"], _OFFICE_TIMINGS, strict=True)
    ),
)

# --- Thị trấn Thanh Miện, 2024 (transcribed) ---------------------------------------------------

_TOWN_TIMINGS: tuple[dict, ...] = (
    {"timing": "ongoing"},
    {"timing": "quarter", "quarter": 2},
    {"timing": "ongoing"},
    {"timing": "quarter", "quarter": 4},
    {"timing": "quarter", "quarter": 3},
    {"timing": "quarter", "quarter": 2},
    {"timing": "quarter", "quarter": 4},
    {"timing": "month", "month": 6, "section": "III."},
    {"timing": "date", "due": dt.date(2024, 11, 30), "section": "III."},
)

TOWN_PLAN_2024 = PlanSpec(
    place="Thanh Miện",
    issued_on=dt.date(2024, 5, 28),
    title="Kế hoạch thực hiện dân chủ ở cơ sở năm 2024",
    summary=TOWN_2024["preamble"],
    signer_name="Phạm Quang Hùng",
    signer_title="TM. Ủy ban nhân dân — Chủ tịch",
    recipients=TOWN_2024["recipients"],
    bases=(
        "Quyết định số 01/2024/QĐ-UBND ngày 21/5/2024 về ban hành Quy chế thực hiện dân chủ trên "
        "địa bàn thị trấn Thanh Miện",
        "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15",
        "Kết luận số 120-KL/TW ngày 07/01/2016 của Bộ Chính trị (khóa XI)",
        "Nghị định số 04/2015/NĐ-CP ngày 09/01/2015 của Chính phủ",
        "Nghị định số 145/2020/NĐ-CP của Chính phủ",
    ),
    sections=tuple(TOWN_2024["sections"]),
    tasks=tuple(
        TaskSpec(title, description=description, **timing)
        for (title, description), timing in zip(TOWN_2024["tasks"], _TOWN_TIMINGS, strict=True)
    ),
)

# --- Bình Định: the provincial party bloc's 2024 plan (named in the domain notes) ---------------

BINH_DINH_BLOC_PLAN_2024 = PlanSpec(
    number="04-KH/BCĐ",
    place="Bình Định",
    issued_on=dt.date(2024, 1, 24),
    title="Kế hoạch thực hiện dân chủ ở cơ sở năm 2024 của Ban Chỉ đạo Đảng ủy Khối",
    summary="Thực hiện Chương trình số 72-CTr/BCĐTW của Ban Chỉ đạo Trung ương; các tổ chức "
    "cơ sở đảng trực thuộc căn cứ Kế hoạch này xây dựng kế hoạch của đơn vị.",
    signer_name="Trần Văn Khải",
    signer_title="Trưởng Ban Chỉ đạo",
)

# A province's own plan derived from the central program.
PROVINCE_PLAN_TITLE_2024 = "Kế hoạch thực hiện dân chủ ở cơ sở năm 2024"
