"""Header, structure, tasks, reporting duties and tail of small plans."""

import datetime as dt

from coso.importer.extraction import Relation, Timing
from coso.importer.parse import parse

PLAN = """ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH
BAN CHỈ ĐẠO THỰC HIỆN
DÂN CHỦ Ở CƠ SỞ
*
Số 04-KH/BCĐ
ĐẢNG CỘNG SẢN VIỆT NAM
Quy Nhơn, ngày 24 tháng 01 năm 2024
KẾ HOẠCH
thực hiện dân chủ ở cơ sở năm 2024

Căn cứ Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ;
Thực hiện Chương trình số 72-CTr/BCĐTW ngày 10/01/2024 của Ban Chỉ đạo Trung ương về công tác năm 2024, Ban Chỉ đạo xây dựng Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
- Nâng cao nhận thức về dân chủ ở cơ sở.
II. NHIỆM VỤ
1. Công tác tuyên truyền
- Tuyên truyền Chỉ thị số 30-CT/TW ngày 18/02/1998 của Bộ Chính trị trên Trang thông tin điện tử; thường xuyên. Chủ trì: Ban Tuyên giáo; phối hợp: Văn phòng, Ban Dân vận.
- Biên soạn tài liệu hỏi đáp, hoàn thành trước ngày 06/02/2024.
2. Quý II
a) Kiểm tra việc thực hiện dân chủ tại các xã: Phước An, Phước Hòa và Sở Y tế vào tháng 5.
b) Sơ kết 6 tháng ngày 20/6/2024. Ban Dân vận chủ trì, phối hợp với Văn phòng Đảng ủy Khối tổ chức.
3. Công tác giải quyết phản ánh
- Giải quyết phản ánh, kiến nghị khi có yêu cầu (đột xuất).
- Theo dõi tình hình; quý 3.
III. TỔ CHỨC THỰC HIỆN
Các đảng bộ báo cáo sơ kết 6 tháng trước ngày 30/5 và tổng kết năm trước ngày 30/11/2024 về Ban Chỉ đạo (qua Ban Dân vận).

Nơi nhận:
- BCĐ tỉnh (b/c);
- Các thành viên BCĐ;
- Lưu VT.
T/M BAN CHỈ ĐẠO
TRƯỞNG BAN
(Đã ký)
Nguyễn Văn An
"""


def test_header():
    header = parse(PLAN).header
    assert header.issuer == "BAN CHỈ ĐẠO THỰC HIỆN DÂN CHỦ Ở CƠ SỞ"
    assert header.parent_issuer == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH"
    assert header.number_symbol == "04-KH/BCĐ"
    assert (header.place, header.issued_on) == ("Quy Nhơn", dt.date(2024, 1, 24))
    assert (header.doc_type, header.title) == ("Kế hoạch", "thực hiện dân chủ ở cơ sở năm 2024")


def test_bases_and_cited():
    result = parse(PLAN)
    assert [(d.relation, d.number_symbol) for d in result.bases] == [
        (Relation.BASED_ON, "59/2023/NĐ-CP"),
        (Relation.IMPLEMENTS, "72-CTr/BCĐTW"),
    ]
    assert [d.number_symbol for d in result.cited] == ["30-CT/TW"]


def test_sections():
    sections = [(s.number, s.title, s.level) for s in parse(PLAN).sections]
    assert sections == [
        ("I", "MỤC ĐÍCH, YÊU CẦU", 1),
        ("II", "NHIỆM VỤ", 1),
        ("1", "Công tác tuyên truyền", 2),
        ("2", "Quý II", 2),
        ("3", "Công tác giải quyết phản ánh", 2),
        ("III", "TỔ CHỨC THỰC HIỆN", 1),
    ]


def test_tasks_with_timing_and_units():
    result = parse(PLAN)
    tasks = [(t.section, t.timing, t.quarter, t.month, t.due_on) for t in result.tasks]
    assert tasks == [
        ("II.1", Timing.ONGOING, None, None, None),
        ("II.1", Timing.BEFORE, None, None, dt.date(2024, 2, 6)),
        ("II.2", Timing.MONTH, 2, 5, None),
        ("II.2", Timing.DATE, 2, None, dt.date(2024, 6, 20)),
        ("II.3", Timing.AD_HOC, None, None, None),
        ("II.3", Timing.QUARTER, 3, None, None),
    ]
    first, _, inspect, review = result.tasks[:4]
    assert first.lead == ["Ban Tuyên giáo"]
    assert first.coordinating == ["Văn phòng", "Ban Dân vận"]
    assert inspect.targets == ["Phước An", "Phước Hòa", "Sở Y tế"]
    assert review.lead == ["Ban Dân vận"]
    assert review.coordinating == ["Văn phòng Đảng ủy Khối"]
    for task in result.tasks:
        assert result.text[task.start : task.start + 20] == task.text[:20]


def test_reporting_duties():
    duties = [(r.report, r.frequency, r.due, r.to_office) for r in parse(PLAN).reporting]
    assert duties == [
        ("sơ kết 6 tháng", "6 tháng", ["30/5"], "Ban Chỉ đạo"),
        ("tổng kết năm", "năm", ["30/11"], "Ban Chỉ đạo"),
    ]


def test_recipients_and_signer():
    result = parse(PLAN)
    assert result.recipients == ["BCĐ tỉnh (b/c)", "Các thành viên BCĐ", "Lưu VT"]
    assert (result.signer.title, result.signer.name) == (
        "T/M BAN CHỈ ĐẠO TRƯỞNG BAN",
        "Nguyễn Văn An",
    )
    assert result.warnings == []


def test_lost_header_gives_a_warning_and_still_finds_tasks():
    body = PLAN[PLAN.index("Căn cứ") :]
    result = parse(body)
    assert result.header.number_symbol == ""
    assert any("phần đầu" in w for w in result.warnings)
    assert len(result.tasks) == 6


def test_numbered_tasks_without_sections():
    text = (
        "CHƯƠNG TRÌNH\ncông tác năm 2025\n"
        "1. Theo dõi tình hình thực hiện dân chủ ở cơ sở (thường xuyên).\n"
        "2. Hướng dẫn sơ kết 6 tháng; Quý I.\n"
        "3. Tổ chức hội nghị tổng kết vào ngày 15/12/2025.\n"
        "Các tỉnh ủy gửi báo cáo tổng kết năm trước ngày 15/11/2025 về Ban Chỉ đạo Trung ương.\n"
    )
    result = parse(text)
    assert [(t.timing, t.quarter, t.due_on) for t in result.tasks] == [
        (Timing.ONGOING, None, None),
        (Timing.QUARTER, 1, None),
        (Timing.DATE, None, dt.date(2025, 12, 15)),
    ]
    assert [(r.report, r.due, r.to_office) for r in result.reporting] == [
        ("tổng kết năm", ["15/11"], "Ban Chỉ đạo Trung ương")
    ]


def test_not_a_plan_and_empty_text():
    assert parse("").warnings
    result = parse("Xin chào, đây là một bức thư.")
    assert result.tasks == []
    assert result.warnings


def test_twenty_pages_parse_fast():
    import time

    big = "\n".join([PLAN] * 40)
    started = time.perf_counter()
    parse(big)
    assert time.perf_counter() - started < 1.0
