"""A small plan as the parser would read it, for the import pages' tests (not a gold document:
these tests check the pages and the save, whatever the parser reaches)."""

from __future__ import annotations

import datetime as dt

from coso.importer.extraction import (
    CitedDocument,
    Extraction,
    Header,
    Relation,
    ReportingDuty,
    Section,
    Signer,
    TaskItem,
    Timing,
)

TEXT = """ĐẢNG ỦY XÃ THANH MIỆN
Số: 12-KH/ĐU
Thanh Miện, ngày 20 tháng 2 năm 2024
KẾ HOẠCH
thực hiện dân chủ ở cơ sở năm 2024
Thực hiện Kế hoạch số 04-KH/BCĐ ngày 24/01/2024 của Ban Chỉ đạo tỉnh; căn cứ Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15.
I. MỤC ĐÍCH, YÊU CẦU
II. NHIỆM VỤ
1. Tuyên truyền Luật Thực hiện dân chủ ở cơ sở đến thôn. Chủ trì: UBND xã; phối hợp: Thôn Đông, Hội Nông dân xã. Thời gian: Quý I.
2. Tổ chức hội nghị đối thoại với Nhân dân. Chủ trì: Ủy ban nhân dân xã Thanh Miện. Thời gian: trước ngày 30/6/2024.
3. Giải quyết phản ánh, kiến nghị của Nhân dân. Thời gian: thường xuyên.
III. TỔ CHỨC THỰC HIỆN
Các chi bộ báo cáo sơ kết 6 tháng trước ngày 15/6.
Nơi nhận: Ban Chỉ đạo tỉnh; Lưu VP.
T/M ĐẢNG ỦY
BÍ THƯ
Nguyễn Văn An
"""


def _span(needle: str) -> tuple[int, int]:
    start = TEXT.index(needle)
    return start, start + len(needle)


def extraction(*, issued_on: dt.date | None = dt.date(2024, 2, 20)) -> Extraction:
    def task(text: str, **kw) -> TaskItem:
        start, end = _span(text[:40])
        return TaskItem(start=start, end=start + len(text), text=text, section="II", **kw)

    s, e = _span("Kế hoạch số 04-KH/BCĐ ngày 24/01/2024 của Ban Chỉ đạo tỉnh")
    s2, e2 = _span("Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15")
    hs, he = _span("ĐẢNG ỦY XÃ THANH MIỆN\nSố: 12-KH/ĐU")
    return Extraction(
        text=TEXT,
        header=Header(
            start=hs,
            end=he,
            issuer="ĐẢNG ỦY XÃ THANH MIỆN",
            doc_type="Kế hoạch",
            number_symbol="12-KH/ĐU",
            place="Thanh Miện",
            issued_on=issued_on,
            title="thực hiện dân chủ ở cơ sở năm 2024",
        ),
        bases=[
            CitedDocument(
                start=s,
                end=e,
                text=TEXT[s:e],
                relation=Relation.IMPLEMENTS,
                doc_type="Kế hoạch",
                number_symbol="04-KH/BCĐ",
                issued_on=dt.date(2024, 1, 24),
                issuer="Ban Chỉ đạo tỉnh",
            ),
            CitedDocument(
                start=s2,
                end=e2,
                text=TEXT[s2:e2],
                relation=Relation.BASED_ON,
                doc_type="Luật",
                number_symbol="10/2022/QH15",
            ),
        ],
        sections=[
            Section(*_span("I. MỤC ĐÍCH, YÊU CẦU"), number="I", title="MỤC ĐÍCH, YÊU CẦU"),
            Section(*_span("II. NHIỆM VỤ"), number="II", title="NHIỆM VỤ"),
            Section(*_span("III. TỔ CHỨC THỰC HIỆN"), number="III", title="TỔ CHỨC THỰC HIỆN"),
        ],
        tasks=[
            task(
                "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở đến thôn.",
                timing=Timing.QUARTER,
                quarter=1,
                lead=["UBND xã"],
                coordinating=["Thôn Đông", "Hội Nông dân xã"],
            ),
            task(
                "Tổ chức hội nghị đối thoại với Nhân dân.",
                timing=Timing.BEFORE,
                due_on=dt.date(2024, 6, 30),
                lead=["Ủy ban nhân dân xã Thanh Miện"],
            ),
            task("Giải quyết phản ánh, kiến nghị của Nhân dân.", timing=Timing.ONGOING),
        ],
        reporting=[
            ReportingDuty(
                *_span("Các chi bộ báo cáo sơ kết 6 tháng trước ngày 15/6."),
                text="Các chi bộ báo cáo sơ kết 6 tháng trước ngày 15/6.",
                report="sơ kết 6 tháng",
                frequency="6 tháng",
                due=["15/6"],
            )
        ],
        recipients=["Ban Chỉ đạo tỉnh", "Lưu VP"],
        signer=Signer(*_span("BÍ THƯ\nNguyễn Văn An"), title="BÍ THƯ", name="Nguyễn Văn An"),
    )
