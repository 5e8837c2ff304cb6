"""What the importer reads out of a plan or program: the contract between the parser
(`coso.importer.parse`), the gold set (`tests/gold/`), the preview and the save.

Offsets (`start`, `end`) are character positions in `Extraction.text`, the normalised text the
parser worked on (PDF artefacts repaired, Markdown markers removed), so the preview can highlight
every element in the source. Dates are `datetime.date`; units and documents are kept as written
(matching them to coso's units and library texts happens after, in the preview).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Relation(StrEnum):
    IMPLEMENTS = "implements"  # "Thực hiện …"
    BASED_ON = "based_on"  # "Căn cứ …"
    CITED = "cited"  # any other legal text named in the body


class Timing(StrEnum):
    """The time of a task, as plans write it (the plans app's Timing has the same meanings)."""

    QUARTER = "quarter"  # "Quý I", "quý 1"
    MONTH = "month"  # "tháng 6"
    DATE = "date"  # "ngày 15/6/2025"
    BEFORE = "before"  # "trước ngày 30/5/2025"
    ONGOING = "ongoing"  # "thường xuyên"
    AD_HOC = "ad_hoc"  # "đột xuất"
    NONE = ""


@dataclass
class Located:
    start: int = -1
    end: int = -1


@dataclass
class Header(Located):
    issuer: str = ""  # "BAN CHỈ ĐẠO TRUNG ƯƠNG …"
    parent_issuer: str = ""  # the line above the issuer, when the header has two
    doc_type: str = ""  # "Chương trình", "Kế hoạch", "Báo cáo", "Hướng dẫn", "Quyết định" …
    number_symbol: str = ""  # "72-CTr/BCĐTW"
    place: str = ""  # "Hà Nội"
    issued_on: dt.date | None = None
    title: str = ""  # the subject after the document type ("công tác năm 2024 …")


@dataclass
class CitedDocument(Located):
    text: str = ""  # as written
    relation: Relation = Relation.CITED
    doc_type: str = ""  # "Nghị định", "Chỉ thị", "Kế hoạch" …
    number_symbol: str = ""  # "59/2023/NĐ-CP"
    issued_on: dt.date | None = None
    issuer: str = ""  # "Chính phủ"


@dataclass
class Section(Located):
    number: str = ""  # "I", "1", "1.2", "a", "-" for a bullet
    title: str = ""
    level: int = 1  # 1 = Roman, 2 = Arabic, 3 = lettered, 4 = bullets


@dataclass
class TaskItem(Located):
    text: str = ""
    section: str = ""  # the number of the section it sits in ("II.2")
    timing: Timing = Timing.NONE
    quarter: int | None = None
    month: int | None = None
    due_on: dt.date | None = None
    lead: list[str] = field(default_factory=list)  # "chủ trì"
    coordinating: list[str] = field(default_factory=list)  # "phối hợp"
    targets: list[str] = field(default_factory=list)  # units the task is about


@dataclass
class ReportingDuty(Located):
    text: str = ""
    report: str = ""  # what report ("sơ kết 6 tháng", "tổng kết năm")
    frequency: str = ""  # "6 tháng", "năm", "quý", "đột xuất"
    due: list[str] = field(default_factory=list)  # "30/5", "30/11"
    to_office: str = ""  # where it is sent


@dataclass
class Signer(Located):
    title: str = ""  # "TRƯỞNG BAN", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
    name: str = ""


@dataclass
class Extraction:
    text: str
    header: Header = field(default_factory=Header)
    bases: list[CitedDocument] = field(default_factory=list)  # implements / based on
    cited: list[CitedDocument] = field(default_factory=list)  # others named in the body
    sections: list[Section] = field(default_factory=list)
    tasks: list[TaskItem] = field(default_factory=list)
    reporting: list[ReportingDuty] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)  # "Nơi nhận"
    signer: Signer = field(default_factory=Signer)
    warnings: list[str] = field(default_factory=list)  # e.g. "no header block found"
