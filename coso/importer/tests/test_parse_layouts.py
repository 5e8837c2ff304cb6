"""Layouts beyond numbered lists: month groups, a task table, headings over paragraphs."""

import datetime as dt

from coso.importer.extraction import Timing
from coso.importer.parse import citations, normalise, parse


def test_month_groups_give_their_month():
    text = (
        "CHƯƠNG TRÌNH\nhoạt động năm 2026\n"
        "I. NHIỆM VỤ THEO THÁNG\n"
        "Tháng 01\n"
        "• Kiện toàn Ban Chỉ đạo (Đ/c Phó Bí thư Đảng ủy chủ trì; Văn phòng Đảng ủy phối hợp).\n"
        "• Ban hành Chương trình trước ngày 20/01/2026.\n"
        "Tháng 6\n"
        "• Kiểm tra tại ấp Mỹ Thới, ấp Mỹ Phú (Ủy ban Kiểm tra Đảng ủy chủ trì).\n"
    )
    result = parse(text)
    assert [s.number for s in result.sections] == ["I"]
    got = [(t.timing, t.month, t.due_on, t.lead, t.targets) for t in result.tasks]
    assert got == [
        (Timing.MONTH, 1, None, ["Đ/c Phó Bí thư Đảng ủy"], []),
        (Timing.BEFORE, 1, dt.date(2026, 1, 20), [], []),
        (Timing.MONTH, 6, None, ["Ủy ban Kiểm tra Đảng ủy"], ["ấp Mỹ Thới", "ấp Mỹ Phú"]),
    ]
    assert result.tasks[0].coordinating == ["Văn phòng Đảng ủy"]


def test_task_table_in_an_appendix():
    text = (
        "KẾ HOẠCH\nnăm học 2025 - 2026\n"
        "II. NHIỆM VỤ CỤ THỂ\n"
        "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.\n"
        "Nơi nhận:\n- Lưu: VT.\nHIỆU TRƯỞNG\nĐỗ Thị Hồng Nhung\n"
        "PHỤ LỤC\n"
        "TT\tNội dung nhiệm vụ\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian\n"
        "1\tTổ chức Hội nghị viên chức\tBan Giám hiệu\tCông đoàn trường\tTháng 10/2025\n"
        "2\tTiếp nhận phản ánh\tBan Giám hiệu\tĐoàn trường, giáo viên chủ nhiệm\tĐột xuất\n"
    )
    result = parse(text)
    got = [(t.text, t.timing, t.month, t.lead, t.coordinating) for t in result.tasks]
    assert got == [
        ("Tổ chức Hội nghị viên chức", Timing.MONTH, 10, ["Ban Giám hiệu"], ["Công đoàn trường"]),
        (
            "Tiếp nhận phản ánh",
            Timing.AD_HOC,
            None,
            ["Ban Giám hiệu"],
            ["Đoàn trường", "giáo viên chủ nhiệm"],
        ),
    ]
    assert (result.signer.title, result.signer.name) == ("HIỆU TRƯỞNG", "Đỗ Thị Hồng Nhung")
    assert result.text[result.tasks[0].start :].startswith("Tổ chức Hội nghị viên chức")


def test_heading_over_paragraphs_makes_one_task_per_paragraph():
    text = (
        "KẾ HOẠCH\nnăm 2025\n"
        "II. NỘI DUNG THỰC HIỆN\n"
        "1. Công khai thông tin trong nội bộ cơ quan\n"
        "Niêm yết công khai kế hoạch công tác năm; thực hiện thường xuyên. Văn phòng Sở chủ trì.\n"
        "Công khai địa chỉ tiếp nhận phản ánh khi phát sinh (đột xuất).\n"
        "Đơn vị chủ trì: Thanh tra Sở.\n"
        "2. Hội nghị cán bộ, công chức, viên chức.\n"
        "Tổ chức Hội nghị trước ngày 28/02/2025.\n"
    )
    result = parse(text)
    assert [(s.number, s.title) for s in result.sections][1:] == [
        ("1", "Công khai thông tin trong nội bộ cơ quan"),
        ("2", "Hội nghị cán bộ, công chức, viên chức"),
    ]
    got = [(t.section, t.timing, t.lead) for t in result.tasks]
    assert got == [
        ("II.1", Timing.ONGOING, ["Văn phòng Sở"]),
        ("II.1", Timing.AD_HOC, ["Thanh tra Sở"]),
        ("II.2", Timing.BEFORE, []),
    ]


def test_roman_numeral_inside_a_sentence_is_not_a_section():
    text = normalise("Kết luận số 120-KL/TW của Bộ Chính trị (khóa\nXI) về tiếp tục đẩy mạnh.")
    assert text == "Kết luận số 120-KL/TW của Bộ Chính trị (khóa XI) về tiếp tục đẩy mạnh."


def test_running_header_seen_twice_is_dropped_even_mid_sentence():
    raw = (
        "Tổ chức tuyên truyền trên Cổng thông tin điện tử tỉnh và các phương tiện thông tin của\n\n"
        "Kế hoạch thực hiện dân chủ năm 2025 - UBND tỉnh Phú Thọ\n\n"
        "tỉnh. Cơ quan chủ trì: Thanh\n\n"
        "Kế hoạch thực hiện dân chủ năm 2025 - UBND tỉnh Phú Thọ\n\n"
        "tra tỉnh.\n"
    )
    assert normalise(raw) == (
        "Tổ chức tuyên truyền trên Cổng thông tin điện tử tỉnh và các phương tiện thông tin của "
        "tỉnh. Cơ quan chủ trì: Thanh tra tỉnh."
    )


def test_issuer_with_và_in_its_name():
    (doc,) = citations.find(
        "Kế hoạch số 210/KH-SGDĐT ngày 15/9/2025 của Sở Giáo dục và Đào tạo về thực hiện dân chủ"
    )
    assert doc.issuer == "Sở Giáo dục và Đào tạo"
    (doc,) = citations.find("Nghị định số 59/2023/NĐ-CP của Chính phủ và Nghị quyết của Đảng")
    assert doc.issuer == "Chính phủ"


DISTRICT_PLAN = """HUYỆN ỦY THANH CHƯƠNG                    ĐẢNG CỘNG SẢN VIỆT NAM
BAN CHỈ ĐẠO THỰC HIỆN
DÂN CHỦ Ở CƠ SỞ
Số: 11-KH/BCĐ                          Thanh Chương, ngày 5 tháng 3 năm 2024

KẾ HOẠCH
Kiểm tra, giám sát việc thực hiện dân chủ ở cơ sở năm 2024
-----

Căn cứ Quyết định số 45-QĐ/HU ngày 2/1/2024 của Ban Thường vụ Huyện ủy về kiện toàn Ban Chỉ đạo;
Thực hiện Kế hoạch số 06-KH/BCĐ ngày 26/01/2024 của Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh,

I. NỘI DUNG KIỂM TRA
1.1. Kiểm tra tại xã
a. Kiểm tra việc công khai ngân sách tại các xã: Thanh Hà, Thanh Mai.
Thời gian hoàn thành: 30/6/2024.
Cơ quan chủ trì: Ban Dân vận Huyện ủy.
b. Giám sát việc lấy ý kiến Nhân dân về quy hoạch; trong tháng 8/2024. Giao Phòng Nội vụ chủ trì, phối hợp với Mặt trận Tổ quốc huyện thực hiện.
1.2. Kiểm tra tại cơ quan
+ Kiểm tra Hội nghị cán bộ, công chức tại Phòng Giáo dục, Trung tâm Y tế huyện trong Quý 2.
II. TỔ CHỨC THỰC HIỆN
Các xã, thị trấn báo cáo kết quả hằng quý về Ban Chỉ đạo huyện (qua Ban Dân vận) trước ngày 20 tháng cuối quý.

Nơi nhận:
- Ban Thường vụ Huyện ủy (b/c),
- Lưu.
                                           T/M BAN CHỈ ĐẠO
                                           PHÓ TRƯỞNG BAN
                                           (đã ký)
                                           Trần Đình Hòa
"""


def test_district_plan_two_column_header_subsections_and_labels():
    result = parse(DISTRICT_PLAN)
    header = result.header
    assert (header.issuer, header.parent_issuer) == (
        "BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ",
        "HUYỆN ỦY THANH CHƯƠNG",
    )
    assert (header.number_symbol, header.place, header.issued_on) == (
        "11-KH/BCĐ",
        "Thanh Chương",
        dt.date(2024, 3, 5),
    )
    assert [(d.relation.value, d.number_symbol) for d in result.bases] == [
        ("based_on", "45-QĐ/HU"),
        ("implements", "06-KH/BCĐ"),
    ]
    assert [s.number for s in result.sections] == ["I", "1.1", "1.2", "II"]
    got = [
        (t.timing, t.month, t.quarter, t.due_on, t.lead, t.coordinating, t.targets)
        for t in result.tasks
    ]
    assert got == [
        (
            Timing.BEFORE,
            None,
            None,
            dt.date(2024, 6, 30),
            ["Ban Dân vận Huyện ủy"],
            [],
            ["Thanh Hà", "Thanh Mai"],
        ),
        (Timing.MONTH, 8, None, None, ["Phòng Nội vụ"], ["Mặt trận Tổ quốc huyện"], []),
        (Timing.QUARTER, None, 2, None, [], [], ["Phòng Giáo dục", "Trung tâm Y tế huyện"]),
    ]
    assert [(r.frequency, r.to_office) for r in result.reporting] == [("quý", "Ban Chỉ đạo huyện")]
    assert (result.signer.title, result.signer.name) == (
        "T/M BAN CHỈ ĐẠO PHÓ TRƯỞNG BAN",
        "Trần Đình Hòa",
    )
