"""Builders shared by the documents and ballot tests: no tests here.

The hand-built documents need no database; the state of the database tests comes from the
fixtures of this folder's conftest, built through the community app's real actions.
"""

from __future__ import annotations

import datetime as dt
import io
import unicodedata

import pypdf
from docx import Document
from docx.table import Table as DocxTable

from coso.community.documents.ballots import BallotBook, BallotHolder
from coso.community.documents.common import (
    HouseholdLine,
    MinutesDocument,
    MinutesForm,
    Person,
    Tally,
)

CITATION = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 21, Điều 22"
RULE = (
    "nội dung được thông qua khi có trên 50% tổng số hộ gia đình trên địa bàn cộng đồng dân cư "
    "tán thành."
)
QUESTION = "Mỗi hộ gia đình đóng góp 500.000 đồng để bê tông hóa đường trục thôn?"
SUBJECT = "đóng góp xây dựng đường giao thông nông thôn"


def sample_minutes(form: MinutesForm = MinutesForm.MEETING, **changes) -> MinutesDocument:
    """A meeting of Thôn Đông: 60 households, 40 present, 31 agree (51,66%): adopted."""
    values = {
        "form": form,
        "commune": "Xã Thanh Miện",
        "community": "Thôn Đông",
        "place_date": "Thanh Miện, ngày 10 tháng 7 năm 2024",
        "subject": SUBJECT,
        "question": QUESTION,
        "kind": "Chủ trương và mức đóng góp xây dựng công trình công cộng (khoản 1 Điều 15)",
        "method": "Tổ chức cuộc họp cộng đồng dân cư, biểu quyết công khai",
        "tally": Tally(households=60, present=40, voted=40, yes=31, no=6, abstain=3, issued=40),
        "rule": RULE,
        "citation": CITATION,
        "adopted": True,
        "held_at": dt.datetime(2024, 7, 10, 19, 30),
        "ended_at": dt.datetime(2024, 7, 10, 21, 5),
        "venue": "Nhà văn hóa Thôn Đông",
        "chair": Person("Nguyễn Văn Trưởng", "Trưởng thôn"),
        "secretary": Person("Trần Thị Thư", "Chi hội trưởng Chi hội Phụ nữ"),
        "counting_board": [
            Person("Lê Văn Kiểm", "Tổ trưởng"),
            Person("Phạm Thị Phiếu", "Thành viên"),
            Person("Hoàng Văn Đếm", "Thành viên"),
        ],
        "households": [
            HouseholdLine(f"TD-{n:03d}", f"Người đại diện {n}", "Có mặt") for n in range(1, 41)
        ],
    }
    values.update(changes)
    return MinutesDocument(**values)


def sample_ballots(*, secret: bool = False, count: int = 3) -> BallotBook:
    return BallotBook(
        commune="Xã Thanh Miện",
        community="Thôn Đông",
        subject=SUBJECT,
        question=QUESTION,
        secret=secret,
        deadline="20/07/2024",
        holders=[
            BallotHolder(f"ABCD-EFG{n}-HJK{n}", f"TD-{n:03d}", f"Nguyễn Văn Hộ {n}")
            for n in range(2, 2 + count)
        ],
    )


# --- Reading files back ---------------------------------------------------------------------------


def normalized(text: str) -> str:
    # Extractors may hand back decomposed letters; compare what a reader sees.
    return unicodedata.normalize("NFC", " ".join(text.split()))


def pdf_pages(content: bytes) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(content))
    return [normalized(page.extract_text()) for page in reader.pages]


def pdf_text(content: bytes) -> str:
    return " ".join(pdf_pages(content))


def docx_text(content: bytes) -> str:
    """Every paragraph and table row, in document order; a row's cells joined by spaces."""
    document = Document(io.BytesIO(content))
    texts: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            for row in block.rows:
                cells = [" ".join(p.text for p in cell.paragraphs) for cell in row.cells]
                texts.append(" ".join(cells))
        else:
            texts.append(block.text)
    return normalized(" ".join(texts))
