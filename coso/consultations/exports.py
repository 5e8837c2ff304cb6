"""The synthesis table (bảng tổng hợp, tiếp thu, giải trình ý kiến) as DOCX and XLSX.

The wording is the administrative Vietnamese of the document, fixed whatever language the
officer browses in, so it is constants here rather than gettext strings. Neither file ever
names a commenter nor shows a contact: they are published as they are.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from coso.core.dates import format_date, today
from coso.reports.exports.common import NATIONAL_MOTTO, NATIONAL_NAME, clean, dateline, place_of

from .models import AnswerKind, Consultation

DOCUMENT_TITLE = "BẢNG TỔNG HỢP, TIẾP THU, GIẢI TRÌNH Ý KIẾN CỦA NHÂN DÂN"
HEADERS = (
    "STT",
    "Phần dự thảo",
    "Nội dung ý kiến",
    "Số ý kiến",
    "Tiếp thu / Giải trình",
    "Nội dung tiếp thu, giải trình",
)
WHOLE_DRAFT = "Toàn bộ dự thảo"
ANSWER_WORDS = {AnswerKind.ADOPTED: "Tiếp thu", AnswerKind.EXPLAINED: "Giải trình"}
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FONT = "Times New Roman"


@dataclass(frozen=True)
class SynthesisRow:
    number: int
    section: str
    substance: str
    count: int
    answer: str
    answer_text: str


@dataclass(frozen=True)
class Synthesis:
    unit_name: str
    place_date: str
    title: str
    subtitle: str
    period: str
    totals: str
    summary: str
    rows: list[SynthesisRow]
    file_stem: str


def build_synthesis(consultation: Consultation) -> Synthesis:
    """What the table says, read once from the database (groups with their visible comments)."""
    from django.db.models import Count, Q

    groups = list(
        consultation.groups.select_related("section").annotate(
            shown=Count("comments", filter=Q(comments__hidden=False))
        )
    )
    rows = [
        SynthesisRow(
            number=number,
            section=clean(group.section.heading if group.section_id else WHOLE_DRAFT),
            substance=clean(group.title),
            count=group.shown,
            answer=ANSWER_WORDS.get(group.response, ""),
            answer_text=clean(group.response_text),
        )
        for number, group in enumerate(groups, start=1)
    ]
    total = consultation.comments.visible().count()
    adopted = sum(1 for g in groups if g.response == AnswerKind.ADOPTED)
    unit = consultation.unit
    day = consultation.published_at.date() if consultation.published_at else today()
    return Synthesis(
        unit_name=clean(unit.name.upper()),
        place_date=dateline(place_of(list(unit.ancestors_and_self())), day),
        title=DOCUMENT_TITLE,
        subtitle=clean(f"về dự thảo: {consultation.title}"),
        period=f"Thời gian lấy ý kiến: từ ngày {format_date(consultation.opens_on)} "
        f"đến ngày {format_date(consultation.closes_on)}.",
        totals=f"Tổng số ý kiến: {total}; số nhóm ý kiến: {len(groups)} "
        f"(tiếp thu {adopted}, giải trình {len(groups) - adopted}).",
        summary=clean(consultation.synthesis_summary),
        rows=rows,
        file_stem=f"Tong-hop-y-kien-{consultation.pk}",
    )


# --- DOCX ---------------------------------------------------------------------------------------


def _run(paragraph, text: str, *, size: float = 13, bold=False, italic=False, underline=False):
    run = paragraph.add_run(text)
    run.font.name = FONT
    run.font.size = Pt(size)
    run.bold, run.italic, run.underline = bold, italic, underline
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    return run


def _para(container, text: str, *, align=WD_ALIGN_PARAGRAPH.LEFT, after: float = 0, **style):
    paragraph = container.add_paragraph()
    paragraph.alignment = align
    paragraph.paragraph_format.space_after = Pt(after)
    paragraph.paragraph_format.space_before = Pt(0)
    _run(paragraph, text, **style)
    return paragraph


def _cell_text(cell, text: str, *, bold=False, align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.alignment = align
    _run(paragraph, text, size=12, bold=bold)


def synthesis_docx(synthesis: Synthesis) -> bytes:
    document = Document()
    section = document.sections[0]
    # A wide table: landscape A4 (Decree 30/2020/NĐ-CP allows it for tables).
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.left_margin, section.right_margin = Mm(25), Mm(15)
    section.top_margin = section.bottom_margin = Mm(20)
    document.core_properties.language = "vi-VN"
    document.core_properties.title = synthesis.title

    heading = document.add_table(rows=1, cols=2)
    left, right = heading.rows[0].cells
    left.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(left.paragraphs[0], synthesis.unit_name, bold=True)
    right.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(right.paragraphs[0], NATIONAL_NAME, size=12, bold=True)
    _para(right, NATIONAL_MOTTO, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, underline=True)
    _para(right, synthesis.place_date, align=WD_ALIGN_PARAGRAPH.CENTER, italic=True)

    _para(document, "")
    _para(document, synthesis.title, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=14)
    _para(document, synthesis.subtitle, align=WD_ALIGN_PARAGRAPH.CENTER, bold=True, after=6)
    _para(document, synthesis.period, after=3)
    _para(document, synthesis.totals, after=3)
    if synthesis.summary:
        for line in synthesis.summary.splitlines():
            if line.strip():
                _para(document, line.strip(), after=3)

    table = document.add_table(rows=1, cols=len(HEADERS))
    table.style = "Table Grid"
    widths = (Mm(12), Mm(45), Mm(75), Mm(18), Mm(25), Mm(82))
    for cell, text, width in zip(table.rows[0].cells, HEADERS, widths, strict=True):
        cell.width = width
        _cell_text(cell, text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for row in synthesis.rows:
        cells = table.add_row().cells
        values = (
            str(row.number),
            row.section,
            row.substance,
            str(row.count),
            row.answer,
            row.answer_text,
        )
        for cell, value, width in zip(cells, values, widths, strict=True):
            cell.width = width
            _cell_text(cell, value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- XLSX ---------------------------------------------------------------------------------------


def synthesis_xlsx(synthesis: Synthesis) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Tổng hợp ý kiến"
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    sheet.append([synthesis.unit_name])
    sheet.append([synthesis.title])
    sheet.append([synthesis.subtitle])
    sheet.append([synthesis.period])
    sheet.append([synthesis.totals])
    if synthesis.summary:
        sheet.append([synthesis.summary])
    for row in sheet.iter_rows(min_row=1, max_row=3):
        row[0].font = bold
    sheet.append([])
    sheet.append(list(HEADERS))
    header_row = sheet.max_row
    fill = PatternFill("solid", fgColor="DDE7F0")
    border = Border(bottom=Side(style="thin", color="999999"))
    for cell in sheet[header_row]:
        cell.font, cell.fill, cell.border, cell.alignment = bold, fill, border, wrap
    for row in synthesis.rows:
        sheet.append(
            [row.number, row.section, row.substance, row.count, row.answer, row.answer_text]
        )
        for cell in sheet[sheet.max_row]:
            cell.alignment = wrap
    for letter, width in zip("ABCDEF", (6, 30, 50, 10, 16, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=1)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
