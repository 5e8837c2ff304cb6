"""The minutes as a Word document: the page, fonts and header of Decree 30/2020/NĐ-CP that the
report export already draws, with the body of Decree 59/2023/NĐ-CP's forms."""

from __future__ import annotations

import io

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK
from docx.shared import Mm

from coso.reports.exports.common import NATIONAL_MOTTO, NATIONAL_NAME

# The report export's paragraph, table and page helpers: one place knows how Word wants a
# Vietnamese administrative page (fonts for every script, grid widths for LibreOffice).
from coso.reports.exports.docx import (
    BODY_SIZE,
    HEADING_SIZE,
    add_text,
    first_text,
    setup_page,
    short_rule,
    two_columns,
)

from .common import Grid, Layout, Line, MinutesDocument, Signature, compose_minutes

TABLE_SIZE = 13
STYLES = {
    "body": {"align": "justify", "after": 4, "first_line": 10},
    "heading": {"bold": True, "align": "justify", "after": 4},
    "item": {"align": "justify", "after": 2, "first_line": 10},
    "result": {"bold": True, "align": "justify", "after": 4, "first_line": 10},
    "note": {"italic": True, "align": "justify", "after": 4, "first_line": 10},
    "center": {"bold": True, "align": "center", "after": 4},
}


def _header(document: DocxDocument, layout: Layout, number_symbol: str = "") -> None:
    left, right = two_columns(document, (70, 95))
    if layout.upper_body:
        first_text(left, layout.upper_body, size=HEADING_SIZE, align="center")
        add_text(left, layout.issuer, size=HEADING_SIZE, bold=True, align="center")
    else:
        first_text(left, layout.issuer, size=HEADING_SIZE, bold=True, align="center")
    short_rule(left, 22)
    if number_symbol:
        add_text(left, number_symbol, size=HEADING_SIZE, align="center")
    first_text(right, NATIONAL_NAME, size=HEADING_SIZE - 1, bold=True, align="center")
    add_text(right, NATIONAL_MOTTO, size=BODY_SIZE, bold=True, underline=True, align="center")
    short_rule(right, 25)
    add_text(right, layout.place_date, size=BODY_SIZE, italic=True, align="center")


def _grid(document: DocxDocument, grid: Grid) -> None:
    table = document.add_table(rows=1, cols=len(grid.headers))
    table.style = "Table Grid"
    table.autofit = False
    widths = [Mm(w) for w in grid.widths]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for cell, text, width in zip(table.rows[0].cells, grid.headers, widths, strict=True):
        cell.width = width
        first_text(cell, text, size=TABLE_SIZE, bold=True, align="center")
    for row in grid.rows:
        cells = table.add_row().cells
        for cell, text, width, align in zip(cells, row, widths, grid.align, strict=True):
            cell.width = width
            first_text(cell, text, size=TABLE_SIZE, align=align)
    add_text(document, "", size=6)


def _signatures(document: DocxDocument, signatures: list[Signature]) -> None:
    # Two blocks a row, as the forms place them: the last one (the chair, the board's head)
    # on the right.
    for start in range(0, len(signatures), 2):
        pair = signatures[start : start + 2]
        cells = two_columns(document, (82, 83))
        if len(pair) == 1:
            cells = cells[1:]
        for cell, signature in zip(cells, pair, strict=False):
            first_text(cell, signature.title, bold=True, align="center")
            add_text(cell, signature.note, size=13, italic=True, align="center")
            for _blank in range(3):
                add_text(cell, "")
            for name in signature.names:
                add_text(cell, name, bold=True, align="center")
        add_text(document, "", size=8)


def _annex(document: DocxDocument, layout: Layout) -> None:
    if layout.annex is None:
        return
    last = document.paragraphs[-1]
    last.add_run().add_break(WD_BREAK.PAGE)
    add_text(document, layout.annex_title, bold=True, align="center")
    add_text(document, layout.annex_subtitle, italic=True, align="center", after=8)
    _grid(document, layout.annex)


def minutes_docx(minutes: MinutesDocument) -> bytes:
    """The minutes as a .docx file."""
    return layout_docx(compose_minutes(minutes))


def layout_docx(layout: Layout, *, number_symbol: str = "") -> bytes:
    """Any document composed as a `Layout` (the community's minutes, a meeting's minutes or
    resolution) as a .docx file; `number_symbol` ("Số: …/NQ-HN") goes under the issuer."""
    document = Document()
    setup_page(document)
    document.core_properties.title = layout.title_for_metadata
    _header(document, layout, number_symbol)
    add_text(document, "", size=8)
    for title in layout.titles:
        add_text(document, title, bold=True, align="center")
    add_text(document, layout.subject_line, bold=True, align="center", after=12)
    for block in layout.body:
        if isinstance(block, Grid):
            _grid(document, block)
        elif isinstance(block, Line):
            add_text(document, block.text, **STYLES[block.style])
    add_text(document, "", size=6)
    _signatures(document, layout.signatures)
    _annex(document, layout)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
