import datetime as dt

import docx

from coso.reports.exports.common import build_report
from coso.reports.exports.docx import report_docx

from .conftest_exports import NARRATIVE, as_stream, libreoffice_converts


def _texts(document: docx.document.Document) -> list[str]:
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            texts += [cell.text for cell in row.cells]
    return texts


def test_the_docx_carries_every_part_of_an_official_report(commune_report, tmp_path):
    report = build_report(
        commune_report,
        signer_title="TM. Ban Chỉ đạo / Trưởng ban",
        signer_name="Nguyễn Văn Trưởng",
        on=dt.date(2024, 2, 3),
    )

    content = report_docx(report)

    document = docx.Document(as_stream(content))
    text = "\n".join(_texts(document))
    for expected in (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "TỈNH GIA LAI",
        "XÃ THANH MIỆN",
        "Số: …/BC",
        "Thanh Miện, ngày 03 tháng 02 năm 2024",
        "BÁO CÁO",
        "Kết quả thực hiện dân chủ ở cơ sở 6 tháng đầu năm 2024",
        "I. Tuyên truyền, phổ biến",
        "Số lượt người tham dự",
        "1.250",
        "15,5",
        "87,5%",
        "Có",
        "II. Đánh giá chung",
        NARRATIVE,
        "Nơi nhận:",
        "- Ban Dân vận Tỉnh ủy;",
        "- Lưu: VT.",
        "TM. BAN CHỈ ĐẠO",
        "TRƯỞNG BAN",
        "Nguyễn Văn Trưởng",
    ):
        assert expected in text, expected
    # An empty narrative is left out rather than printed as a bare heading.
    assert "Hạn chế, nguyên nhân" not in text
    assert libreoffice_converts(content, ".docx", tmp_path, "pdf")


def test_the_docx_is_a4_with_the_decree_margins_and_times_new_roman(commune_report):
    document = docx.Document(as_stream(report_docx(build_report(commune_report))))

    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert 20 <= round(section.top_margin.mm) <= 25
    assert 20 <= round(section.bottom_margin.mm) <= 25
    assert 30 <= round(section.left_margin.mm) <= 35
    assert 15 <= round(section.right_margin.mm) <= 20
    runs = [r for p in document.paragraphs for r in p.runs if r.text]
    assert runs and {r.font.name for r in runs} == {"Times New Roman"}
    assert {r.font.size.pt for r in runs} <= {13, 14}
    heading = next(p for p in document.paragraphs if p.text == "BÁO CÁO")
    assert heading.runs[0].bold and heading.alignment == 1  # centered


def test_national_heading_is_bold_and_motto_underlined(commune_report):
    document = docx.Document(as_stream(report_docx(build_report(commune_report))))

    right = document.tables[0].rows[0].cells[1]
    nation, motto = right.paragraphs[0], right.paragraphs[1]
    assert nation.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and nation.runs[0].bold
    assert motto.runs[0].bold and motto.runs[0].underline
    dateline = right.paragraphs[-1]
    assert dateline.runs[0].italic


def test_without_a_signer_title_the_head_of_unit_signs(commune_report):
    document = docx.Document(as_stream(report_docx(build_report(commune_report))))

    footer = document.tables[-1].rows[0].cells
    assert footer[0].paragraphs[0].text == "Nơi nhận:"
    label = footer[0].paragraphs[0].runs[0]
    assert label.bold and label.italic and label.font.size.pt == 12
    assert footer[1].paragraphs[0].text == "THỦ TRƯỞNG ĐƠN VỊ"


def test_an_abbreviated_unit_puts_its_abbreviation_in_the_symbol(
    tree, export_requirement, province_officer
):
    submission = export_requirement.submissions.get(unit=tree.bloc)

    report = build_report(submission)

    assert report.number_symbol == "Số: …/BC-ĐUK"
    assert report.issuer == "ĐẢNG ỦY KHỐI CƠ QUAN VÀ DOANH NGHIỆP TỈNH"
    assert report.upper_body == "TỈNH GIA LAI"
    assert report.place_date.startswith("Gia Lai, ngày ")


def test_building_the_report_takes_a_fixed_number_of_queries(
    commune_report, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        build_report(commune_report)


def test_a_section_title_already_numbered_is_not_numbered_twice():
    from coso.reports.exports.common import section_heading

    assert section_heading(1, "I. Công tác tuyên truyền") == "I. Công tác tuyên truyền"
    assert section_heading(2, "Công tác lãnh đạo") == "II. Công tác lãnh đạo"
