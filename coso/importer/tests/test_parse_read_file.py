"""Reading uploaded files: text, DOCX, PDF; clear errors for bad ones."""

import io

import pytest

from coso.importer.parse import read_file


def test_text_file_utf8_with_bom():
    assert read_file("kh.txt", "\ufeffKẾ HOẠCH".encode()) == "KẾ HOẠCH"


def test_docx_paragraphs_and_header_table():
    import docx

    document = docx.Document()
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text = "ỦY BAN NHÂN DÂN XÃ AN BÌNH"
    table.rows[0].cells[1].text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("- Tổ chức hội nghị; Quý I.")
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_file("ke-hoach.docx", buffer.getvalue())
    assert text.split("\n") == [
        "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "KẾ HOẠCH",
        "- Tổ chức hội nghị; Quý I.",
    ]


def test_pdf_with_text():
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, "KE HOACH thuc hien dan chu o co so nam 2025")
    pdf.showPage()
    pdf.save()
    assert "KE HOACH" in read_file("kh.PDF", buffer.getvalue())


def test_image_only_pdf_is_refused_in_vietnamese():
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ValueError, match="chỉ có hình ảnh"):
        read_file("scan.pdf", buffer.getvalue())


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("kh.txt", b"", "Tệp trống"),
        ("kh.docx", b"not a zip", "DOCX"),
        ("kh.pdf", b"%PDF-garbage", "PDF"),
        ("kh.xls", b"x", "không được hỗ trợ"),
    ],
)
def test_bad_files_raise_value_error(name, data, message):
    with pytest.raises(ValueError, match=message):
        read_file(name, data)


def test_docx_task_table_rows_become_tab_separated_and_parse_as_tasks():
    import docx

    from coso.importer.parse import parse

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("năm 2025")
    table = document.add_table(rows=2, cols=4)
    for i, value in enumerate(["TT", "Nội dung", "Chủ trì", "Thời gian"]):
        table.rows[0].cells[i].text = value
    for i, value in enumerate(["1", "Tổ chức hội nghị", "Văn phòng", "Quý II"]):
        table.rows[1].cells[i].text = value
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_file("kh.docx", buffer.getvalue())
    assert "1\tTổ chức hội nghị\tVăn phòng\tQuý II" in text.split("\n")
    (task,) = parse(text).tasks
    assert (task.text, task.lead, task.quarter) == ("Tổ chức hội nghị", ["Văn phòng"], 2)
