"""Printed household ballots: one sheet per household, with the matter's question, three boxes,
the household's unique code printed and as a QR code, and how to fill it in.

Law 10/2022/QH15, art. 17 and Decree 59/2023/NĐ-CP, art. 4: a ballot goes to every household
and one representative answers for it. The code lets the counting board enter the sheet by
typing or scanning it; a code counts once, whichever channel it comes through.

On a secret ballot the code and the household's name are printed only on a stub that is torn
off and handed to the counting board: the stub records that the household voted, the sheet that
goes into the box carries nothing that names the household.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from coso.reports.exports.common import NATIONAL_MOTTO, NATIONAL_NAME, upper
from coso.reports.exports.pdf import FAMILY, paragraph_style, register_fonts

from .common import CHOICE_ABSTAIN, CHOICE_NO, CHOICE_YES, commune_heading

HOUSEHOLD_BALLOT_TITLE = "PHIẾU LẤY Ý KIẾN HỘ GIA ĐÌNH"
MEETING_BALLOT_TITLE = "PHIẾU BIỂU QUYẾT"
STUB_TITLE = "CUỐNG PHIẾU"
STUB_HINT = "Nộp cuống này cho Ban kiểm phiếu; phần phiếu bỏ vào hòm phiếu."
TEAR_LINE = "Xé theo đường này"
CODE_LABEL = "Mã phiếu"
HOUSEHOLD_LABEL = "Hộ gia đình"
REPRESENTATIVE_LABEL = "Người đại diện"
QUESTION_LABEL = "Nội dung lấy ý kiến"
DEADLINE_LABEL = "Hạn nộp phiếu"
INSTRUCTIONS_LABEL = "Hướng dẫn"
INSTRUCTIONS = (
    "Người đại diện hộ gia đình đánh dấu (X) vào một ô duy nhất.",
    "Phiếu đánh dấu nhiều ô hoặc không đánh dấu ô nào là phiếu không hợp lệ.",
    "Mỗi hộ gia đình chỉ có một phiếu; mã phiếu chỉ được ghi nhận một lần.",
)
OPEN_INSTRUCTIONS = ("Nộp phiếu cho Ban kiểm phiếu hoặc Trưởng thôn, Tổ trưởng tổ dân phố.",)
SECRET_INSTRUCTIONS = (
    "Không ghi tên, không ký vào phần phiếu.",
    "Xé cuống phiếu theo đường gạch, nộp cuống cho Ban kiểm phiếu để ghi nhận hộ đã bỏ phiếu; "
    "gấp phần phiếu và bỏ vào hòm phiếu.",
)
CHOICES = (CHOICE_YES, CHOICE_NO, CHOICE_ABSTAIN)
PAGE_SIZES = {"A5": A5, "A4": A4}


@dataclass(frozen=True)
class BallotHolder:
    code: str
    household: str
    representative: str = ""


@dataclass
class BallotBook:
    """Every sheet of one matter: what they share, and one holder per household."""

    commune: str
    community: str
    subject: str
    question: str
    secret: bool = False
    title: str = HOUSEHOLD_BALLOT_TITLE
    deadline: str = ""  # "20/07/2024"
    holders: list[BallotHolder] = field(default_factory=list)
    file_stem: str = "phieu-lay-y-kien"


class _Sheet:
    """Draws one sheet from the top of the page down; `y` is the next free line."""

    def __init__(self, canvas: Canvas, book: BallotBook, width: float, height: float):
        self.c = canvas
        self.book = book
        self.width, self.height = width, height
        self.scale = width / A5[0]
        self.margin = 12 * mm * self.scale
        self.left, self.right = self.margin, width - self.margin
        self.y = height - self.margin

    def size(self, points: float) -> float:
        return points * self.scale

    def text(
        self,
        markup: str,
        size: float,
        *,
        x: float | None = None,
        width: float | None = None,
        after: float = 2,
        **style,
    ) -> None:
        left = self.left if x is None else x
        paragraph = Paragraph(markup, paragraph_style("ballot", size=self.size(size), **style))
        _w, h = paragraph.wrapOn(self.c, width or (self.right - left), self.height)
        paragraph.drawOn(self.c, left, self.y - h)
        self.y -= h + self.size(after)

    def qr(self, code: str, side: float, x: float, top: float) -> None:
        widget = QrCodeWidget(code, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(side, side, transform=[side / (x1 - x0), 0, 0, side / (y1 - y0), 0, 0])
        drawing.add(widget)
        renderPDF.draw(drawing, self.c, x, top - side)

    def header(self) -> None:
        half = (self.right - self.left) / 2
        top = self.y
        self.text(
            escape(commune_heading(self.book.commune)), 8.5, width=half, align=TA_CENTER, after=0
        )
        self.text(f"<b>{escape(upper(self.book.community))}</b>", 8.5, width=half, align=TA_CENTER)
        left_bottom = self.y
        self.y = top
        right = self.left + half
        self.text(
            f"<b>{escape(NATIONAL_NAME)}</b>", 7.5, x=right, width=half, align=TA_CENTER, after=0
        )
        self.text(
            f"<b><u>{escape(NATIONAL_MOTTO)}</u></b>", 8.5, x=right, width=half, align=TA_CENTER
        )
        self.y = min(self.y, left_bottom) - self.size(6)

    def stub(self, holder: BallotHolder) -> None:
        """The secret ballot's stub: who the household is and its code, then the tear line."""
        side = self.size(24 * mm)
        top = self.y
        self.qr(holder.code, side, self.right - side, top)
        width = self.right - self.left - side - self.size(4 * mm)
        self.text(f"<b>{STUB_TITLE}</b> — {escape(self.book.subject)}", 10, width=width)
        self.identity(holder, width)
        self.text(escape(STUB_HINT), 8.5, width=width, italic=True)
        self.y = min(self.y, top - side) - self.size(4 * mm)
        self.c.saveState()
        self.c.setDash(4, 3)
        self.c.line(0, self.y, self.width, self.y)
        self.c.restoreState()
        self.c.setFont(f"{FAMILY}-Italic", self.size(8))
        self.c.drawCentredString(self.width / 2, self.y + self.size(2), TEAR_LINE)
        self.y -= self.size(6 * mm)

    def identity(self, holder: BallotHolder, width: float) -> None:
        self.text(f"{HOUSEHOLD_LABEL}: <b>{escape(holder.household)}</b>", 10, width=width, after=0)
        if holder.representative:
            self.text(
                f"{REPRESENTATIVE_LABEL}: {escape(holder.representative)}", 10, width=width, after=0
            )
        self.text(f"{CODE_LABEL}: <b>{escape(holder.code)}</b>", 12, width=width)

    def body(self) -> None:
        book = self.book
        self.text(f"<b>{escape(book.title)}</b>", 14, align=TA_CENTER, after=0)
        self.text(f"<b>Về việc {escape(book.subject)}</b>", 10.5, align=TA_CENTER, after=6)

    def question(self) -> None:
        self.text(
            f"<b>{QUESTION_LABEL}:</b> {escape(self.book.question)}", 11, align=TA_JUSTIFY, after=6
        )

    def boxes(self) -> None:
        box = self.size(7 * mm)
        gap = self.size(3 * mm)
        for label in CHOICES:
            self.c.rect(self.left + self.size(6 * mm), self.y - box, box, box)
            self.c.setFont(FAMILY, self.size(12.5))
            self.c.drawString(
                self.left + self.size(6 * mm) + box + self.size(4 * mm),
                self.y - box + self.size(2 * mm),
                label,
            )
            self.y -= box + gap
        self.y -= self.size(2 * mm)

    def instructions(self, width: float | None = None) -> None:
        lines = INSTRUCTIONS + (SECRET_INSTRUCTIONS if self.book.secret else OPEN_INSTRUCTIONS)
        self.text(f"<b>{INSTRUCTIONS_LABEL}:</b>", 9, width=width, after=0)
        for line in lines:
            self.text(f"- {escape(line)}", 9, width=width, italic=True, after=0)
        if self.book.deadline:
            self.text(f"<b>{DEADLINE_LABEL}: {escape(self.book.deadline)}</b>", 9.5, width=width)

    def code_block(self, holder: BallotHolder) -> None:
        """The open ballot's household, code and QR code beside the instructions."""
        side = self.size(28 * mm)
        top = self.y
        width = self.right - self.left - side - self.size(4 * mm)
        self.qr(holder.code, side, self.right - side, top)
        self.identity(holder, width)
        self.instructions(width)
        self.y = min(self.y, top - side)


def ballots_pdf(book: BallotBook, *, paper: str = "A5") -> bytes:
    """One page per household: A5 by default, A4 on request."""
    register_fonts()
    width, height = PAGE_SIZES.get(paper, A5)
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(width, height), lang="vi-VN")
    canvas.setTitle(f"{book.title} - {book.subject}")
    canvas.setAuthor(upper(book.community))
    for holder in book.holders:
        sheet = _Sheet(canvas, book, width, height)
        if book.secret:
            sheet.stub(holder)
            sheet.header()
            sheet.body()
            sheet.question()
            sheet.boxes()
            sheet.instructions()
        else:
            sheet.header()
            sheet.body()
            sheet.question()
            sheet.boxes()
            sheet.code_block(holder)
        canvas.showPage()
    canvas.save()
    return out.getvalue()
