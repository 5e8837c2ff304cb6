"""The report as a Word document in the layout of Decree 30/2020/NĐ-CP (Appendix I)."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .common import (
    NATIONAL_MOTTO,
    NATIONAL_NAME,
    RECIPIENTS_LABEL,
    TABLE_HEADERS,
    ReportDocument,
    section_heading,
)

FONT = "Times New Roman"
# Decree 30: body text 13-14pt; A4; margins top/bottom 20-25mm, left 30-35mm, right 15-20mm.
BODY_SIZE = 14
HEADING_SIZE = 13
RECIPIENTS_SIZE = 11
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGINS = {"top": Mm(20), "bottom": Mm(20), "left": Mm(30), "right": Mm(15)}
TEXT_WIDTH = Mm(210 - 30 - 15)
ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _set_run_font(run: Run, size: float, *, bold: bool, italic: bool, underline: bool) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold = bold
    run.italic = italic
    run.underline = underline
    # Word picks the font per script: name it for every script so no glyph falls back.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _paragraph(
    target: Paragraph,
    text: str,
    *,
    size: float = BODY_SIZE,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    align: str = "left",
    after: float = 0,
    first_line: float | None = None,
) -> Paragraph:
    target.alignment = ALIGN[align]
    fmt = target.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    if first_line is not None:
        fmt.first_line_indent = Mm(first_line)
    _set_run_font(target.add_run(text), size, bold=bold, italic=italic, underline=underline)
    return target


def add_text(container: DocxDocument | _Cell, text: str, **style) -> Paragraph:
    return _paragraph(container.add_paragraph(), text, **style)


def first_text(cell: _Cell, text: str, **style) -> Paragraph:
    return _paragraph(cell.paragraphs[0], text, **style)


def short_rule(cell: _Cell, indent_mm: float) -> None:
    """The short line under the issuing body's name: a bottom border on an empty, indented line."""
    paragraph = cell.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = Mm(indent_mm)
    fmt.right_indent = Mm(indent_mm)
    fmt.space_after = Pt(4)
    _set_run_font(paragraph.add_run(""), 2, bold=False, italic=False, underline=False)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def two_columns(document: DocxDocument, widths: tuple[int, int]) -> tuple[_Cell, ...]:
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # LibreOffice lays tables out from the grid, Word from the cells: set both.
    for column, cell, width in zip(table.columns, table.rows[0].cells, widths, strict=True):
        column.width = cell.width = Mm(width)
    return table.rows[0].cells


def setup_page(document: DocxDocument) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    for side, value in MARGINS.items():
        setattr(section, f"{side}_margin", value)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(BODY_SIZE)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    document.core_properties.language = "vi-VN"


def _header(document: DocxDocument, report: ReportDocument) -> None:
    left, right = two_columns(document, (65, 100))
    if report.upper_body:
        first_text(left, report.upper_body, size=HEADING_SIZE, align="center")
        add_text(left, report.issuer, size=HEADING_SIZE, bold=True, align="center")
    else:
        first_text(left, report.issuer, size=HEADING_SIZE, bold=True, align="center")
    short_rule(left, 20)
    add_text(left, report.number_symbol, size=HEADING_SIZE, align="center")

    first_text(right, NATIONAL_NAME, size=HEADING_SIZE - 1, bold=True, align="center")
    add_text(right, NATIONAL_MOTTO, size=BODY_SIZE, bold=True, underline=True, align="center")
    add_text(right, "", size=6)
    add_text(right, report.place_date, size=BODY_SIZE, italic=True, align="center")


def _body(document: DocxDocument, report: ReportDocument) -> None:
    for number, section in enumerate(report.sections, start=1):
        add_text(
            document, section_heading(number, section.title), bold=True, after=6, align="justify"
        )
        if section.rows:
            table = document.add_table(rows=1, cols=2)
            table.style = "Table Grid"
            table.autofit = False
            widths = (Mm(125), Mm(40))
            for column, width in zip(table.columns, widths, strict=True):
                column.width = width
            for cell, text, width in zip(table.rows[0].cells, TABLE_HEADERS, widths, strict=True):
                cell.width = width
                first_text(cell, text, size=13, bold=True, align="center")
            for row in section.rows:
                cells = table.add_row().cells
                cells[0].width, cells[1].width = widths
                first_text(cells[0], row.label, size=13)
                first_text(cells[1], row.value, size=13, align="right")
            add_text(document, "", size=6)
        for narrative in section.narratives:
            add_text(document, narrative.label, bold=True, italic=True, after=3, first_line=10)
            for line in narrative.text.splitlines():
                if line.strip():
                    add_text(document, line.strip(), align="justify", after=6, first_line=10)


def _footer(document: DocxDocument, report: ReportDocument) -> None:
    add_text(document, "", size=6)
    left, right = two_columns(document, (80, 85))
    first_text(left, RECIPIENTS_LABEL, size=12, bold=True, italic=True)
    for line in report.recipients:
        add_text(left, f"- {line}", size=RECIPIENTS_SIZE)
    first, *rest = report.signer_title
    first_text(right, first, size=BODY_SIZE, bold=True, align="center")
    for line in rest:
        add_text(right, line, size=BODY_SIZE, bold=True, align="center")
    for _blank in range(4):
        add_text(right, "", size=BODY_SIZE)
    add_text(right, report.signer_name, size=BODY_SIZE, bold=True, align="center")


def report_docx(report: ReportDocument) -> bytes:
    """The report as a .docx file."""
    document = Document()
    setup_page(document)
    _header(document, report)
    add_text(document, "", size=8)
    add_text(document, report.document_type, bold=True, align="center")
    add_text(document, report.title, bold=True, align="center", after=12)
    _body(document, report)
    _footer(document, report)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
