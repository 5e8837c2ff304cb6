"""Numbers and symbols, dates and issuers of the documents a plan names."""

import datetime as dt

import pytest

from coso.importer.extraction import Relation
from coso.importer.parse import citations


@pytest.mark.parametrize(
    ("text", "doc_type", "number", "issued_on", "issuer"),
    [
        ("Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ quy định", "Nghị định",
         "59/2023/NĐ-CP", dt.date(2023, 8, 14), "Chính phủ"),
        ("Chương trình số 72-CTr/BCĐTW ngày 10/01/2024 của Ban Chỉ đạo Trung ương về", "Chương trình",
         "72-CTr/BCĐTW", dt.date(2024, 1, 10), "Ban Chỉ đạo Trung ương"),
        ("Chỉ thị số 30-CT/TW, ngày 18/02/1998 của Bộ Chính trị (Khóa VIII)", "Chỉ thị",
         "30-CT/TW", dt.date(1998, 2, 18), "Bộ Chính trị"),
        ("Quyết định số 217-QĐ/TW ngày 12 tháng 12 năm 2013 của Bộ Chính trị", "Quyết định",
         "217-QĐ/TW", dt.date(2013, 12, 12), "Bộ Chính trị"),
        ("Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 của Quốc hội", "Luật",
         "10/2022/QH15", None, "Quốc hội"),
        ("Nghị quyết số 27- NQ/TW của Ban Chấp hành Trung ương về", "Nghị quyết",
         "27-NQ/TW", None, "Ban Chấp hành Trung ương"),
        ("Quy định số 11-QĐi/TW ngày 18/02/2019", "Quy định", "11-QĐi/TW", dt.date(2019, 2, 18), ""),
        ("Công văn số 44/UBND-NC ngày 06/01/2025 của UBND tỉnh", "Công văn", "44/UBND-NC",
         dt.date(2025, 1, 6), "UBND tỉnh"),
        ("theo Kế hoạch số 12-KH/BCĐ ngày 10/01/2025 của Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh về",
         "Kế hoạch", "12-KH/BCĐ", dt.date(2025, 1, 10), "Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh"),
    ],
)  # fmt: skip
def test_one_citation(text, doc_type, number, issued_on, issuer):
    (doc,) = citations.find(text)
    assert (doc.doc_type, doc.number_symbol, doc.issued_on, doc.issuer) == (
        doc_type,
        number,
        issued_on,
        issuer,
    )
    assert text[doc.start : doc.end] == doc.text


def test_dates_are_not_citations_and_type_comes_from_symbol():
    docs = citations.find("hoàn thành trước ngày 31/3/2025 theo 33/CT-TTg")
    assert [(d.number_symbol, d.doc_type) for d in docs] == [("33/CT-TTg", "Chỉ thị")]


def test_bases_take_the_relation_of_their_keyword():
    text = (
        "Căn cứ Quy chế làm việc của Ban Chỉ đạo Trung ương; thực hiện Kết luận số 120-KL/TW "
        "ngày 07/01/2016 của Bộ Chính trị, Ban Chỉ đạo ban hành Chương trình như sau:"
    )
    docs = citations.bases(text, 0, len(text))
    assert [(d.relation, d.doc_type, d.number_symbol, d.text) for d in docs] == [
        (Relation.BASED_ON, "Quy chế", "", "Quy chế làm việc của Ban Chỉ đạo Trung ương"),
        (Relation.IMPLEMENTS, "Kết luận", "120-KL/TW", docs[1].text),
    ]
