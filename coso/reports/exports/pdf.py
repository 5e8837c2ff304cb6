"""The report as a PDF in the same layout as the DOCX, with coso's own fonts embedded.

Liberation Serif 2 (shipped in coso/reports/fonts) has the Vietnamese precomposed letters and
Times New Roman's metrics; reading system fonts would make the output depend on the server.
"""

from __future__ import annotations

import io
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    HRFlowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from .common import (
    FONT_DIR,
    NATIONAL_MOTTO,
    NATIONAL_NAME,
    RECIPIENTS_LABEL,
    TABLE_HEADERS,
    ReportDocument,
    section_heading,
)

FAMILY = "CosoSerif"
TEXT_WIDTH = (210 - 30 - 15) * mm


@cache
def register_fonts() -> str:
    """Register the bundled serif once per process; returns the family name."""
    faces = {
        FAMILY: "LiberationSerif-Regular.ttf",
        f"{FAMILY}-Bold": "LiberationSerif-Bold.ttf",
        f"{FAMILY}-Italic": "LiberationSerif-Italic.ttf",
        f"{FAMILY}-BoldItalic": "LiberationSerif-BoldItalic.ttf",
    }
    for name, filename in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    pdfmetrics.registerFontFamily(
        FAMILY,
        normal=FAMILY,
        bold=f"{FAMILY}-Bold",
        italic=f"{FAMILY}-Italic",
        boldItalic=f"{FAMILY}-BoldItalic",
    )
    return FAMILY


def paragraph_style(
    name: str,
    *,
    size: float = 14,
    bold: bool = False,
    italic: bool = False,
    align: int = TA_LEFT,
    after: float = 0,
    first_line: float = 0,
) -> ParagraphStyle:
    face = (
        FAMILY
        + {
            (False, False): "",
            (True, False): "-Bold",
            (False, True): "-Italic",
            (True, True): "-BoldItalic",
        }[(bold, italic)]
    )
    return ParagraphStyle(
        name,
        fontName=face,
        fontSize=size,
        leading=size * 1.25,
        alignment=align,
        spaceAfter=after,
        firstLineIndent=first_line,
    )


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>") or "&nbsp;", style)


# A table sets its cells' default font even when they hold paragraphs: name ours.
CELL_FONT = ("FONTNAME", (0, 0), (-1, -1), FAMILY)
PLAIN_TABLE = TableStyle(
    [
        CELL_FONT,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
)


def _header(report: ReportDocument) -> Table:
    center13 = paragraph_style("h13", size=13, align=TA_CENTER)
    left: list = []
    if report.upper_body:
        left.append(para(report.upper_body, center13))
    left += [
        para(report.issuer, paragraph_style("issuer", size=13, bold=True, align=TA_CENTER)),
        HRFlowable(width="35%", thickness=0.6, color=colors.black, spaceBefore=2, spaceAfter=4),
        para(report.number_symbol, center13),
    ]
    right = [
        para(NATIONAL_NAME, paragraph_style("nation", size=12, bold=True, align=TA_CENTER)),
        Paragraph(
            f"<u>{escape(NATIONAL_MOTTO)}</u>",
            paragraph_style("motto", size=13, bold=True, align=TA_CENTER, after=6),
        ),
        para(report.place_date, paragraph_style("dateline", size=13, italic=True, align=TA_CENTER)),
    ]
    table = Table([[left, right]], colWidths=[65 * mm, 100 * mm])
    table.setStyle(PLAIN_TABLE)
    # Centres the short rule under the issuing body (a cell aligns flowables left by default).
    table.setStyle(TableStyle([("ALIGN", (0, 0), (-1, -1), "CENTER")]))
    return table


def _body(report: ReportDocument) -> list:
    heading = paragraph_style("section", bold=True, align=TA_JUSTIFY, after=6)
    label = paragraph_style("label", bold=True, italic=True, after=3, first_line=10 * mm)
    text = paragraph_style("text", align=TA_JUSTIFY, after=6, first_line=10 * mm)
    cell = paragraph_style("cell", size=13)
    cell_head = paragraph_style("cellhead", size=13, bold=True, align=TA_CENTER)
    cell_number = paragraph_style("cellnum", size=13, align=TA_RIGHT)
    flow: list = []
    for number, section in enumerate(report.sections, start=1):
        flow.append(para(section_heading(number, section.title), heading))
        if section.rows:
            data = [[para(h, cell_head) for h in TABLE_HEADERS]]
            data += [[para(r.label, cell), para(r.value, cell_number)] for r in section.rows]
            table = Table(data, colWidths=[125 * mm, 40 * mm], repeatRows=1)
            table.setStyle(
                TableStyle(
                    [
                        CELL_FONT,
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ]
                )
            )
            flow += [table, Spacer(1, 6)]
        for narrative in section.narratives:
            flow.append(para(narrative.label, label))
            flow += [
                para(line.strip(), text) for line in narrative.text.splitlines() if line.strip()
            ]
    return flow


def _footer(report: ReportDocument) -> Table:
    left = [para(RECIPIENTS_LABEL, paragraph_style("recipients", size=12, bold=True, italic=True))]
    left += [para(f"- {line}", paragraph_style("recipient", size=11)) for line in report.recipients]
    signer = paragraph_style("signer", bold=True, align=TA_CENTER)
    right = [para(line, signer) for line in report.signer_title]
    right += [Spacer(1, 60), para(report.signer_name, signer)]
    table = Table([[left, right]], colWidths=[80 * mm, 85 * mm])
    table.setStyle(PLAIN_TABLE)
    return table


def report_pdf(report: ReportDocument) -> bytes:
    """The report as a PDF/A4 file."""
    register_fonts()
    out = io.BytesIO()
    document = SimpleDocTemplate(
        out,
        pagesize=A4,
        topMargin=20 * mm,
        bottomMargin=20 * mm,
        leftMargin=30 * mm,
        rightMargin=15 * mm,
        title=f"{report.document_type} {report.title}",
        author=report.issuer,
        lang="vi-VN",
        # Otherwise every page starts in Helvetica, a font the document does not embed.
        initialFontName=FAMILY,
        initialFontSize=14,
    )
    story = [
        _header(report),
        Spacer(1, 14),
        para(report.document_type, paragraph_style("type", bold=True, align=TA_CENTER)),
        para(report.title, paragraph_style("title", bold=True, align=TA_CENTER, after=14)),
        *_body(report),
        Spacer(1, 12),
        KeepTogether(_footer(report)),
    ]
    document.build(story)
    return out.getvalue()
