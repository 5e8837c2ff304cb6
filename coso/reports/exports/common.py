"""What an exported report says, built once from the database and drawn by the DOCX and PDF
writers alike.

The wording of an administrative document is fixed by Decree 30/2020/NĐ-CP (Appendix I:
national heading, issuing body, number and symbol, place and date, document type and title,
recipients, signer). It is Vietnamese by law whatever language the officer browses in, so
those words are constants here rather than gettext strings.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

from coso.core.dates import ROMAN_QUARTERS, today
from coso.core.text import fold
from coso.units.models import Unit, UnitKind

from ..models import (
    Indicator,
    IndicatorKind,
    Period,
    PeriodKind,
    Submission,
    SubmissionValue,
)

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"

# Decree 30/2020/NĐ-CP, Appendix I, section II: the national heading and motto.
NATIONAL_NAME = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
NATIONAL_MOTTO = "Độc lập - Tự do - Hạnh phúc"
DOCUMENT_TYPE = "BÁO CÁO"
TITLE_PREFIX = "Kết quả thực hiện dân chủ ở cơ sở"
RECIPIENTS_LABEL = "Nơi nhận:"
ARCHIVE_LINE = "Lưu: VT."
DEFAULT_SIGNER_TITLE = "THỦ TRƯỞNG ĐƠN VỊ"
TABLE_HEADERS = ("Nội dung", "Số liệu")

# Prefixes of administrative unit names; what follows is the place name of the dateline.
PLACE_PREFIXES = (
    "Thành phố",
    "Thị trấn",
    "Thị xã",
    "Đặc khu",
    "Phường",
    "Huyện",
    "Quận",
    "Tỉnh",
    "Xã",
    "TP.",
)
ADMINISTRATIVE_KINDS = (UnitKind.PROVINCE, UnitKind.COMMUNE)


@dataclass(frozen=True)
class Row:
    label: str
    value: str


@dataclass(frozen=True)
class Narrative:
    label: str
    text: str


@dataclass
class Section:
    title: str
    rows: list[Row] = field(default_factory=list)
    narratives: list[Narrative] = field(default_factory=list)


@dataclass
class ReportDocument:
    """Every text of the exported report, in reading order."""

    upper_body: str
    issuer: str
    number_symbol: str
    place_date: str
    title: str
    sections: list[Section]
    recipients: list[str]
    signer_title: list[str]
    signer_name: str
    document_type: str = DOCUMENT_TYPE
    file_stem: str = "bao-cao"


# Characters XML 1.0 forbids: python-docx and reportlab refuse them, so a stray control
# character pasted into a narrative would otherwise break the download.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


# --- Wording ---------------------------------------------------------------------------------------


def period_phrase(period: Period) -> str:
    """The period as a Vietnamese title says it: "6 tháng đầu năm 2024", "quý II năm 2024"."""
    if period.kind == PeriodKind.HALF_YEAR:
        half = "đầu" if period.number == 1 else "cuối"
        return f"6 tháng {half} năm {period.year}"
    if period.kind == PeriodKind.YEAR:
        return f"năm {period.year}"
    if period.kind == PeriodKind.QUARTER:
        return f"quý {ROMAN_QUARTERS.get(period.number, period.number)} năm {period.year}"
    if period.kind == PeriodKind.MONTH:
        return f"tháng {period.number} năm {period.year}"
    return f"từ ngày {period.start:%d/%m/%Y} đến ngày {period.end:%d/%m/%Y}"


def dateline(place: str, day: dt.date) -> str:
    """Decree 30/2020/NĐ-CP, Appendix I: days below 10 and months 1 and 2 take a leading zero."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    text = f"ngày {day.day:02d} tháng {month} năm {day.year}"
    return f"{place}, {text}" if place else text[0].upper() + text[1:]


def place_name(unit_name: str) -> str:
    """ "Xã Thanh Miện" -> "Thanh Miện": the place is the name without its administrative kind."""
    for prefix in PLACE_PREFIXES:
        if unit_name.lower().startswith(prefix.lower() + " "):
            return unit_name[len(prefix) :].strip()
    return unit_name.strip()


def place_of(chain: list[Unit]) -> str:
    """The place of the dateline: the nearest commune or province at or above the unit."""
    for unit in reversed(chain):
        if unit.kind in ADMINISTRATIVE_KINDS:
            return place_name(unit.name)
    return ""


def upper(text: str) -> str:
    return text.upper()


def format_number(value: Decimal, kind: str) -> str:
    """1234.5 -> "1.234,5" as Vietnamese documents write numbers."""
    if kind == IndicatorKind.BOOLEAN:
        return "Có" if value else "Không"
    normalized = value.normalize()
    if normalized == normalized.to_integral_value():
        text = f"{int(normalized):,}".replace(",", ".")
    else:
        whole, _dot, fraction = format(normalized, "f").partition(".")
        text = f"{int(whole):,}".replace(",", ".") + "," + fraction
    return f"{text}%" if kind == IndicatorKind.PERCENT else text


def display_value(indicator: Indicator, value: SubmissionValue | None) -> str:
    if value is None:
        return ""
    if value.number is not None:
        return format_number(value.number, indicator.kind)
    if value.date is not None:
        return value.date.strftime("%d/%m/%Y")
    return value.text


def signer_lines(title: str) -> list[str]:
    """ "TM. BAN CHỈ ĐẠO / TRƯỞNG BAN" or two lines -> one upper-case line each."""
    parts = re.split(r"\s*(?:\r?\n|/)\s*", title.strip())
    lines = [upper(p) for p in parts if p]
    return lines or [DEFAULT_SIGNER_TITLE]


def ascii_name(text: str) -> str:
    """A file name every mail client and old browser accepts: folded, dashes for spaces."""
    folded = unicodedata.normalize("NFKD", fold(text))
    cleaned = re.sub(r"[^a-z0-9._-]+", "-", folded.encode("ascii", "ignore").decode())
    return re.sub(r"-{2,}", "-", cleaned).strip("-.") or "bao-cao"


def content_disposition(filename: str) -> str:
    """RFC 6266: an ASCII fallback first, then the Vietnamese name for browsers that read it."""
    stem, dot, ext = filename.rpartition(".")
    fallback = f"{ascii_name(stem)}.{ext}" if dot else ascii_name(filename)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def safe_filename(text: str) -> str:
    """A Vietnamese file name without characters that file systems refuse."""
    return re.sub(r'[\\/:*?"<>|\r\n\t]+', " ", text).strip()[:150] or "bao-cao"


# --- From the database -------------------------------------------------------------------------------


def build_report(
    submission: Submission,
    *,
    signer_title: str = "",
    signer_name: str = "",
    place: str | None = None,
    on: dt.date | None = None,
) -> ReportDocument:
    """Everything the report says, in four queries whatever the form's size."""
    requirement = submission.requirement
    unit = submission.unit
    chain = list(unit.ancestors_and_self())
    parent = chain[-2] if len(chain) > 1 else None
    values = {
        v.indicator_id: v for v in SubmissionValue.objects.filter(submission_id=submission.pk)
    }
    sections: dict[int, Section] = {}
    for indicator in Indicator.objects.filter(form_id=requirement.form_id).select_related(
        "section"
    ):
        section = sections.setdefault(indicator.section_id, Section(clean(indicator.section.title)))
        shown = display_value(indicator, values.get(indicator.pk))
        if indicator.kind == IndicatorKind.NARRATIVE:
            if shown:
                section.narratives.append(Narrative(clean(indicator.label), clean(shown)))
        else:
            section.rows.append(Row(clean(indicator.label), clean(shown)))
    day = on or (submission.submitted_at.date() if submission.submitted_at is not None else today())
    abbreviation = unit.short_name.strip()
    symbol = f"BC-{abbreviation}" if abbreviation else "BC"
    period = requirement.period
    return ReportDocument(
        upper_body=clean(upper(parent.name)) if parent is not None else "",
        issuer=clean(upper(unit.name)),
        number_symbol=f"Số: …/{symbol}",
        place_date=clean(dateline(place_of(chain) if place is None else place, day)),
        title=f"{TITLE_PREFIX} {period_phrase(period)}",
        sections=[s for s in sections.values() if s.rows or s.narratives],
        recipients=[clean(f"{requirement.receiving_office};"), ARCHIVE_LINE],
        signer_title=signer_lines(clean(signer_title)),
        signer_name=clean(signer_name).strip(),
        file_stem=safe_filename(f"Báo cáo {period_phrase(period)} - {unit.name}"),
    )


def roman(number: int) -> str:
    """Section numbers of an administrative document: I, II, III …"""
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


_NUMBERED = re.compile(r"^\s*[IVXLCDM]+\s*[.)]\s")


def section_heading(number: int, title: str) -> str:
    """ "I. Title", unless the form's own title is already numbered that way."""
    return title.strip() if _NUMBERED.match(title) else f"{roman(number)}. {title.strip()}"
