"""The A4 notice posted on the bulletin board, with a QR code to the item online.

The wording is the administrative Vietnamese of a posted notice whatever language the officer
browses in, so it is constants here rather than gettext strings. One page: a long content is
cut at a word and the QR code leads to the full text and the attached files.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepInFrame,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from coso.core.dates import format_date
from coso.reports.exports.common import NATIONAL_MOTTO, NATIONAL_NAME
from coso.reports.exports.pdf import register_fonts

from .models import Disclosure

NOTICE_TITLE = "THÔNG BÁO CÔNG KHAI"
CATEGORY_LABEL = "Nội dung công khai"
PERIOD_LABEL = "Thời gian niêm yết"
DOCUMENT_DATE_LABEL = "Văn bản ngày"
FILES_LABEL = "Tài liệu kèm theo"
CORRECTION_LABEL = "Bản đính chính lần {n}"
QR_CAPTION = "Quét mã QR để đọc toàn văn và tài liệu kèm theo:"
CUT_NOTE = "(Nội dung còn tiếp: xem toàn văn theo mã QR bên dưới.)"
FEEDBACK_LINE = "Mọi ý kiến phản ánh, kiến nghị xin gửi về {unit}."

BODY_LIMIT = 1445  # characters of content on the notice (17 lines); the rest is online
LINE_CHARS = 85  # characters in a line of the body at 13 points
MARGIN = 18 * mm
QR_SIZE = 42 * mm


def period_text(disclosure: Disclosure) -> str:
    start = format_date(disclosure.starts_on)
    if disclosure.ends_on:
        return f"Từ ngày {start} đến ngày {format_date(disclosure.ends_on)}"
    return f"Từ ngày {start}"


def truncate(text: str, limit: int = BODY_LIMIT, line: int = LINE_CHARS) -> tuple[str, bool]:
    """The text that fits in about `limit` characters of full lines, cut at a word; and
    whether it was cut. A short paragraph still takes a whole line of the page."""
    budget = limit
    kept: list[str] = []
    for paragraph in (text or "").strip().split("\n"):
        cost = max(1, -(-len(paragraph) // line)) * line
        if cost <= budget:
            kept.append(paragraph)
            budget -= cost
            continue
        cut = paragraph[:budget]
        space = cut.rfind(" ")
        if space > budget * 0.6:
            cut = cut[:space]
        cut = cut.rstrip(" ,;:.")
        kept.append(f"{cut} …" if cut else "…")
        return "\n".join(kept).strip(), True
    return "\n".join(kept).strip(), False


def _style(name: str, font: str, size: float, *, align: int = TA_LEFT, after: float = 0):
    return ParagraphStyle(
        name, fontName=font, fontSize=size, leading=size * 1.3, alignment=align, spaceAfter=after
    )


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>") or "&nbsp;", style)


def qr_drawing(url: str, size: float = QR_SIZE) -> Drawing:
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def notice_pdf(disclosure: Disclosure, *, url: str, file_names: list[str] | None = None) -> bytes:
    """The notice as PDF bytes; `url` is the absolute address of the item's public page."""
    family = register_fonts()
    bold = f"{family}-Bold"
    italic = f"{family}-Italic"
    unit = disclosure.unit
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN,
        title=f"{NOTICE_TITLE}: {disclosure.title}",
        author=unit.name,
    )
    width = A4[0] - 2 * MARGIN
    header = Table(
        [
            [
                _p(unit.name.upper(), _style("unit", bold, 12, align=TA_CENTER)),
                [
                    _p(NATIONAL_NAME, _style("nation", bold, 12, align=TA_CENTER)),
                    _p(NATIONAL_MOTTO, _style("motto", bold, 12.5, align=TA_CENTER)),
                ],
            ]
        ],
        colWidths=[width * 0.42, width * 0.58],
    )
    header.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), family),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story: list = [header, Spacer(1, 10 * mm)]
    story.append(_p(NOTICE_TITLE, _style("title", bold, 18, align=TA_CENTER, after=4)))
    story.append(
        _p(
            f"{CATEGORY_LABEL}: {disclosure.category.name}",
            _style("cat", italic, 12, align=TA_CENTER, after=8),
        )
    )
    story.append(_p(disclosure.title, _style("head", bold, 15, align=TA_CENTER, after=6)))
    if disclosure.version > 1:
        story.append(
            _p(
                CORRECTION_LABEL.format(n=disclosure.version - 1),
                _style("corr", italic, 12, align=TA_CENTER, after=4),
            )
        )
    facts = [f"{PERIOD_LABEL}: {period_text(disclosure)}"]
    if disclosure.issued_on:
        facts.append(f"{DOCUMENT_DATE_LABEL} {format_date(disclosure.issued_on)}")
    story.append(_p(". ".join(facts) + ".", _style("facts", bold, 12.5, align=TA_CENTER, after=8)))

    body, was_cut = truncate(disclosure.body)
    body_style = _style("body", family, 13, align=TA_JUSTIFY, after=2)
    body_flow: list = [_p(part, body_style) for part in body.split("\n") if part.strip()]
    if was_cut:
        body_flow.append(_p(CUT_NOTE, _style("cut", italic, 12)))
    if file_names:
        body_flow.append(
            _p(f"{FILES_LABEL}: " + "; ".join(file_names), _style("files", family, 12))
        )
    body_flow.append(_p(FEEDBACK_LINE.format(unit=unit.name), _style("feedback", italic, 12)))
    # The body fits the space left above the QR code whatever its length: shrunk, never a
    # second page.
    story.append(KeepInFrame(width, 135 * mm, body_flow, mode="shrink"))
    story.append(Spacer(1, 6 * mm))
    qr = Table(
        [
            [
                qr_drawing(url),
                [
                    _p(QR_CAPTION, _style("qrcap", family, 12, after=4)),
                    _p(url, _style("url", bold, 11)),
                ],
            ]
        ],
        colWidths=[QR_SIZE + 6 * mm, width - QR_SIZE - 6 * mm],
    )
    qr.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), family),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story.append(qr)
    doc.build(story)
    return buffer.getvalue()
