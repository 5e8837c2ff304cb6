"""The minutes as a PDF in the same layout as the DOCX, with coso's bundled serif embedded."""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    HRFlowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from coso.reports.exports.common import NATIONAL_MOTTO, NATIONAL_NAME

# The report export's fonts and paragraph styles: the same page, whichever document it is.
from coso.reports.exports.pdf import (
    CELL_FONT,
    FAMILY,
    PLAIN_TABLE,
    para,
    paragraph_style,
    register_fonts,
)

from .common import Grid, Layout, Line, MinutesDocument, Signature, compose_minutes

ALIGNS = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
STYLES = {
    "body": paragraph_style("m-body", align=TA_JUSTIFY, after=4, first_line=10 * mm),
    "heading": paragraph_style("m-heading", bold=True, align=TA_JUSTIFY, after=4),
    "item": paragraph_style("m-item", align=TA_JUSTIFY, after=2, first_line=10 * mm),
    "result": paragraph_style("m-result", bold=True, align=TA_JUSTIFY, after=4, first_line=10 * mm),
    "note": paragraph_style("m-note", italic=True, align=TA_JUSTIFY, after=4, first_line=10 * mm),
    "center": paragraph_style("m-center", bold=True, align=TA_CENTER, after=4),
}
TITLE = paragraph_style("m-title", bold=True, align=TA_CENTER)
SUBJECT = paragraph_style("m-subject", bold=True, align=TA_CENTER, after=12)
SUBTITLE = paragraph_style("m-subtitle", italic=True, align=TA_CENTER, after=8)


def _header(layout: Layout, number_symbol: str = "") -> Table:
    center13 = paragraph_style("m-h13", size=13, align=TA_CENTER)
    left: list = []
    if layout.upper_body:
        left.append(para(layout.upper_body, center13))
    left += [
        para(layout.issuer, paragraph_style("m-issuer", size=13, bold=True, align=TA_CENTER)),
        HRFlowable(width="35%", thickness=0.6, color=colors.black, spaceBefore=2, spaceAfter=4),
    ]
    if number_symbol:
        left.append(para(number_symbol, center13))
    right = [
        para(NATIONAL_NAME, paragraph_style("m-nation", size=12, bold=True, align=TA_CENTER)),
        Paragraph(
            f"<u>{escape(NATIONAL_MOTTO)}</u>",
            paragraph_style("m-motto", size=13, bold=True, align=TA_CENTER),
        ),
        HRFlowable(width="45%", thickness=0.6, color=colors.black, spaceBefore=2, spaceAfter=6),
        para(
            layout.place_date, paragraph_style("m-dateline", size=13, italic=True, align=TA_CENTER)
        ),
    ]
    table = Table([[left, right]], colWidths=[70 * mm, 95 * mm])
    table.setStyle(PLAIN_TABLE)
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return table


def _grid(grid: Grid) -> Table:
    head = paragraph_style("m-cellhead", size=12, bold=True, align=TA_CENTER)
    cells = {a: paragraph_style(f"m-cell-{a}", size=12, align=ALIGNS[a]) for a in ALIGNS}
    data = [[para(h, head) for h in grid.headers]]
    data += [
        [para(text, cells[a]) for text, a in zip(row, grid.align, strict=True)] for row in grid.rows
    ]
    table = Table(data, colWidths=[w * mm for w in grid.widths], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                CELL_FONT,
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _signatures(signatures: list[Signature]) -> list:
    title = paragraph_style("m-sign", bold=True, align=TA_CENTER)
    note = paragraph_style("m-sign-note", size=13, italic=True, align=TA_CENTER)
    flow: list = []
    for start in range(0, len(signatures), 2):
        pair = signatures[start : start + 2]
        blocks = []
        for signature in pair:
            block = [para(signature.title, title), para(signature.note, note), Spacer(1, 50)]
            block += [para(name, title) for name in signature.names]
            blocks.append(block)
        if len(blocks) == 1:
            blocks.insert(0, [])
        table = Table([blocks], colWidths=[82 * mm, 83 * mm])
        table.setStyle(PLAIN_TABLE)
        flow += [KeepTogether(table), Spacer(1, 10)]
    return flow


def minutes_pdf(minutes: MinutesDocument) -> bytes:
    """The minutes as a PDF/A4 file."""
    return layout_pdf(compose_minutes(minutes))


def layout_pdf(layout: Layout, *, number_symbol: str = "") -> bytes:
    """Any document composed as a `Layout` as a PDF/A4 file, in the DOCX's layout."""
    register_fonts()
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        leftMargin=30 * mm,
        rightMargin=15 * mm,
        title=layout.title_for_metadata,
        author=layout.issuer,
        lang="vi-VN",
        initialFontName=FAMILY,
        initialFontSize=14,
    )
    story: list = [_header(layout, number_symbol), Spacer(1, 14)]
    story += [para(title, TITLE) for title in layout.titles]
    story.append(para(layout.subject_line, SUBJECT))
    for block in layout.body:
        if isinstance(block, Grid):
            story += [_grid(block), Spacer(1, 6)]
        elif isinstance(block, Line):
            story.append(para(block.text, STYLES[block.style]))
    story.append(Spacer(1, 12))
    story += _signatures(layout.signatures)
    if layout.annex is not None:
        story += [
            PageBreak(),
            para(layout.annex_title, TITLE),
            para(layout.annex_subtitle, SUBTITLE),
            _grid(layout.annex),
        ]
    document.build(story)
    return out.getvalue()
