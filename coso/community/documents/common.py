"""What the minutes of a community decision say, built once and drawn by the DOCX and PDF writers.

Decree 59/2023/NĐ-CP, Appendix, gives the forms of a residential community's records:
form 02 (counting minutes of a secret ballot at the community meeting), form 03 (resolution,
minutes, memorandum or agreement of the community meeting: Law 10/2022/QH15, art. 20) and
form 04 (counting minutes of the ballot sent to every household). The online vote of art. 17
has no form of its own; its summary follows form 04. The wording is Vietnamese by law whatever
language the officer browses in, so it lives here as constants, not gettext strings.

`MinutesDocument` holds the facts (filled from the database by `build.build_minutes`);
`compose_minutes` turns them into the lines, tables and signature blocks both writers draw, so
the DOCX and the PDF cannot say different things.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal
from enum import StrEnum

from coso.reports.exports.common import clean, safe_filename, upper


class MinutesForm(StrEnum):
    """Which form of the Appendix of Decree 59/2023/NĐ-CP the minutes follow."""

    MEETING = "03"
    MEETING_COUNT = "02"
    HOUSEHOLD_BALLOT = "04"
    ONLINE = "truc-tuyen"


# Law 10/2022/QH15, art. 20: the community's decision is recorded as a resolution, minutes of
# the meeting, a memorandum or an agreement (Decree 59/2023/NĐ-CP, form 03).
RECORD_TYPES = ("NGHỊ QUYẾT", "BIÊN BẢN CUỘC HỌP", "BẢN GHI NHỚ", "BẢN THỎA THUẬN")
DEFAULT_RECORD_TYPE = "BIÊN BẢN CUỘC HỌP"
OF_THE_COMMUNITY = "CỦA CỘNG ĐỒNG DÂN CƯ"
COUNT_TITLE = "BIÊN BẢN KIỂM PHIẾU"
ONLINE_TITLE = "BIÊN BẢN TỔNG HỢP KẾT QUẢ BIỂU QUYẾT TRỰC TUYẾN"
SUBJECT_PREFIX = "Về việc"
BALLOT_SUBJECT_PREFIX = "Về việc phát phiếu lấy ý kiến của hộ gia đình về"
COMMUNE_PREFIX = "UBND"

ATTENDANCE_HEADING = "I. THÀNH PHẦN THAM DỰ"
CONTENT_HEADING = "II. NỘI DUNG"
RESULT_HEADING = "III. KẾT QUẢ BIỂU QUYẾT"
COUNTING_BOARD_INTRO = "Ban kiểm phiếu gồm các ông (bà) có tên sau:"
WITNESSES_INTRO = "Đại diện hộ gia đình chứng kiến việc kiểm phiếu gồm:"
COUNT_RESULT_INTRO = "Kết quả kiểm phiếu như sau:"
ONLINE_RESULT_INTRO = "Kết quả biểu quyết trực tuyến như sau:"
TALLY_HEADERS = ("Nội dung", "Số lượng", "Tỷ lệ so với tổng số hộ gia đình")

ADOPTED = "ĐƯỢC THÔNG QUA"
NOT_ADOPTED = "KHÔNG ĐƯỢC THÔNG QUA"
SECRET_NOTE = (
    "Biểu quyết bằng hình thức bỏ phiếu kín: biên bản chỉ ghi nhận hộ gia đình đã bỏ phiếu, "
    "không ghi nhận lựa chọn của từng hộ gia đình."
)
READ_BACK = "Biên bản đã được đọc lại cho những người tham dự cùng nghe và nhất trí thông qua."
COUNT_READ_BACK = "Biên bản kiểm phiếu đã được đọc lại cho những người chứng kiến cùng nghe."
SIGN_NOTE = "(Ký, ghi rõ họ tên)"
BLANK = "…"

ANNEX_HEADERS = ("STT", "Hộ gia đình", "Người đại diện", "Ghi chú")
ANNEX_TITLES = {
    MinutesForm.MEETING: "DANH SÁCH HỘ GIA ĐÌNH CÓ ĐẠI DIỆN THAM DỰ CUỘC HỌP",
    MinutesForm.MEETING_COUNT: "DANH SÁCH HỘ GIA ĐÌNH ĐÃ BỎ PHIẾU",
    MinutesForm.HOUSEHOLD_BALLOT: "DANH SÁCH HỘ GIA ĐÌNH ĐÃ GỬI PHIẾU LẤY Ý KIẾN",
    MinutesForm.ONLINE: "DANH SÁCH HỘ GIA ĐÌNH ĐÃ BIỂU QUYẾT TRỰC TUYẾN",
}
ANNEX_SUBTITLE = "(Kèm theo {record} ngày {day})"

# The three answers of a vote, as ballots and minutes print them.
CHOICE_YES = "Đồng ý"
CHOICE_NO = "Không đồng ý"
CHOICE_ABSTAIN = "Không có ý kiến"


@dataclass(frozen=True)
class Person:
    name: str
    role: str = ""


@dataclass(frozen=True)
class HouseholdLine:
    """A household that took part. `note` says how (present, paper ballot, online), never
    what it chose."""

    household: str
    representative: str = ""
    note: str = ""


@dataclass(frozen=True)
class Tally:
    households: int  # every household of the community: the law's denominator (art. 21)
    voted: int
    yes: int
    no: int
    abstain: int
    present: int | None = None  # households represented at the meeting
    issued: int | None = None  # ballots handed out
    invalid: int | None = None  # spoilt ballots, when the counting board records them


@dataclass
class MinutesDocument:
    """Every fact the minutes state; texts already cleaned of characters XML refuses."""

    form: MinutesForm
    commune: str  # "Xã Thanh Miện"
    community: str  # "Thôn Đông"
    place_date: str  # "Thanh Miện, ngày 10 tháng 7 năm 2024"
    subject: str
    question: str
    kind: str
    method: str
    tally: Tally
    rule: str
    citation: str
    adopted: bool
    secret: bool = False
    record_type: str = DEFAULT_RECORD_TYPE
    held_at: dt.datetime | dt.date | None = None
    ended_at: dt.datetime | None = None
    venue: str = ""
    chair: Person | None = None
    secretary: Person | None = None
    counting_board: list[Person] = field(default_factory=list)
    witnesses: list[Person] = field(default_factory=list)
    households: list[HouseholdLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    file_stem: str = "bien-ban"


# --- What the writers draw -----------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """A paragraph. Styles: body (justified, first line indented), heading (bold), item
    (indented), result (bold), note (italic)."""

    text: str
    style: str = "body"


@dataclass(frozen=True)
class Grid:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]  # millimetres, summing to the text width (165 mm)
    align: tuple[str, ...]


@dataclass(frozen=True)
class Signature:
    title: str
    names: tuple[str, ...] = ()
    note: str = SIGN_NOTE


@dataclass
class Layout:
    upper_body: str
    issuer: str
    place_date: str
    titles: list[str]
    subject_line: str
    body: list[Line | Grid]
    signatures: list[Signature]
    annex_title: str = ""
    annex_subtitle: str = ""
    annex: Grid | None = None
    title_for_metadata: str = ""


# --- Wording -------------------------------------------------------------------------------------


def count(number: int) -> str:
    """1234 -> "1.234"."""
    return f"{number:,}".replace(",", ".")


def percent(part: int, whole: int) -> str:
    """Share of all households, rounded down so that a share is never overstated: 31/60 ->
    "51,66%". The minutes always print the fraction beside it, which is what the law counts."""
    if whole <= 0:
        return "0%"
    share = (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    text = format(share.normalize(), "f") if share else "0"
    whole_part, _dot, fraction = text.partition(".")
    return f"{whole_part},{fraction}%" if fraction else f"{whole_part}%"


def clock(moment: dt.datetime | dt.date | None) -> str:
    """ "vào hồi 19 giờ 30 phút, ngày 10 tháng 7 năm 2024", dotted where unknown (a date
    without a time leaves the hour for the secretary to write in)."""
    if moment is None:
        return f"vào hồi {BLANK} giờ {BLANK} phút, ngày {BLANK} tháng {BLANK} năm {BLANK}"
    if isinstance(moment, dt.datetime):
        hour, minute = f"{moment.hour:02d}", f"{moment.minute:02d}"
    else:
        hour = minute = BLANK
    # Decree 30/2020/NĐ-CP, Appendix I: days below 10 and months 1 and 2 take a leading zero.
    month = f"{moment.month:02d}" if moment.month < 3 else str(moment.month)
    return (
        f"vào hồi {hour} giờ {minute} phút, ngày {moment.day:02d} tháng {month} năm {moment.year}"
    )


def day_of(moment: dt.datetime | dt.date | None) -> dt.date | None:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def commune_heading(commune: str) -> str:
    """ "Xã Thanh Miện" -> "UBND XÃ THANH MIỆN", the upper line of forms 02-04."""
    return f"{COMMUNE_PREFIX} {upper(commune)}" if commune else ""


def _person(label: str, person: Person | None) -> str:
    name = person.name if person and person.name else BLANK
    role = person.role if person and person.role else BLANK
    return f"{label}: Ông (bà) {name}. Chức vụ: {role}."


def _members(people: list[Person]) -> list[Line]:
    if not people:
        return [Line(f"1. Ông (bà) {BLANK}", "item")]
    return [
        Line(f"{n}. Ông (bà) {p.name}" + (f" - {p.role}" if p.role else ""), "item")
        for n, p in enumerate(people, start=1)
    ]


def tally_grid(doc: MinutesDocument) -> Grid:
    t = doc.tally
    ballots = doc.form in (MinutesForm.MEETING_COUNT, MinutesForm.HOUSEHOLD_BALLOT)
    rows: list[tuple[str, int]] = [("Tổng số hộ gia đình của cộng đồng dân cư", t.households)]
    if t.present is not None:
        rows.append(("Số hộ gia đình có đại diện tham dự cuộc họp", t.present))
    if ballots and t.issued is not None:
        rows.append(("Số phiếu phát ra", t.issued))
    if ballots:
        rows.append(("Số phiếu thu vào", t.voted))
    elif doc.form == MinutesForm.ONLINE:
        rows.append(("Số hộ gia đình đã biểu quyết trực tuyến", t.voted))
    else:
        rows.append(("Số hộ gia đình tham gia biểu quyết", t.voted))
    if ballots and t.invalid is not None:
        rows.append(("Số phiếu không hợp lệ", t.invalid))
    prefix = "Số phiếu" if ballots else "Số hộ gia đình"
    rows += [
        (f"{prefix} {CHOICE_YES.lower()}", t.yes),
        (f"{prefix} {CHOICE_NO.lower()}", t.no),
        (f"{prefix} {CHOICE_ABSTAIN.lower()}", t.abstain),
    ]
    return Grid(
        headers=TALLY_HEADERS,
        rows=tuple(
            (
                label,
                f"{count(n)} {'phiếu' if label.startswith('Số phiếu') else 'hộ'}",
                percent(n, t.households),
            )
            for label, n in rows
        ),
        widths=(85, 35, 45),
        align=("left", "right", "right"),
    )


def result_lines(doc: MinutesDocument) -> list[Line]:
    """The count against the threshold, the rule with its citation, and the outcome."""
    t = doc.tally
    lines = [
        Line(
            f"Số hộ gia đình đồng ý: {count(t.yes)}/{count(t.households)} hộ, bằng "
            f"{percent(t.yes, t.households)} tổng số hộ gia đình của {doc.community}."
        ),
        Line(f"Căn cứ {doc.citation}: {doc.rule}"),
        Line(f"Kết quả: nội dung biểu quyết {ADOPTED if doc.adopted else NOT_ADOPTED}.", "result"),
    ]
    return lines


def _titles(doc: MinutesDocument) -> tuple[list[str], str]:
    subject = f"{SUBJECT_PREFIX} {doc.subject}"
    if doc.form == MinutesForm.MEETING:
        return [doc.record_type, OF_THE_COMMUNITY], subject
    if doc.form == MinutesForm.HOUSEHOLD_BALLOT:
        return [COUNT_TITLE], f"{BALLOT_SUBJECT_PREFIX} {doc.subject}"
    if doc.form == MinutesForm.ONLINE:
        return [ONLINE_TITLE], subject
    return [COUNT_TITLE], subject


def _opening(doc: MinutesDocument) -> Line:
    at = f"{clock(doc.held_at)}, tại {doc.venue or BLANK}"
    if doc.form == MinutesForm.HOUSEHOLD_BALLOT:
        text = (
            f"Hôm nay, {at}, Ban kiểm phiếu của {doc.community} tiến hành kiểm phiếu lấy ý kiến "
            f"của hộ gia đình về việc {doc.subject}."
        )
    elif doc.form == MinutesForm.ONLINE:
        text = (
            f"Hôm nay, {at}, {doc.community} tổng hợp kết quả biểu quyết trực tuyến của các hộ "
            f"gia đình về việc {doc.subject}."
        )
    else:
        text = (
            f"Hôm nay, {at}, {doc.community} tổ chức cuộc họp của cộng đồng dân cư về việc "
            f"{doc.subject}."
        )
    return Line(text)


def _what(doc: MinutesDocument) -> list[Line]:
    lines = [
        Line(f"- Loại việc: {doc.kind}.", "item"),
        Line(f"- Hình thức quyết định: {doc.method}.", "item"),
    ]
    if doc.question:
        lines.append(Line(f"- Nội dung biểu quyết: {doc.question}", "item"))
    return lines


def _outcome(doc: MinutesDocument) -> list[Line | Grid]:
    flow: list[Line | Grid] = [tally_grid(doc)]
    if doc.secret:
        flow.append(Line(SECRET_NOTE, "note"))
    flow += [Line(note, "note") for note in doc.notes]
    flow += result_lines(doc)
    return flow


def _meeting_body(doc: MinutesDocument) -> list[Line | Grid]:
    t = doc.tally
    present = t.present if t.present is not None else t.voted
    flow: list[Line | Grid] = [
        _opening(doc),
        Line(ATTENDANCE_HEADING, "heading"),
        Line(_person("1. Chủ trì", doc.chair)),
        Line(_person("2. Thư ký", doc.secretary)),
        Line("3. Thành phần tham dự:"),
        Line(f"- Tổng số hộ gia đình của {doc.community}: {count(t.households)} hộ.", "item"),
        Line(
            f"- Số hộ gia đình có đại diện tham dự cuộc họp: {count(present)} hộ "
            f"({percent(present, t.households)} tổng số hộ gia đình).",
            "item",
        ),
        Line(
            "- Số hộ gia đình không có người đại diện tham dự cuộc họp: "
            f"{count(max(t.households - present, 0))} hộ.",
            "item",
        ),
    ]
    if doc.secret and doc.counting_board:
        flow.append(Line("4. " + COUNTING_BOARD_INTRO))
        flow += _members(doc.counting_board)
    flow += [Line(CONTENT_HEADING, "heading"), *_what(doc), Line(RESULT_HEADING, "heading")]
    flow += _outcome(doc)
    if doc.ended_at is not None:
        flow.append(Line(f"Cuộc họp kết thúc {clock(doc.ended_at)}."))
    flow.append(Line(READ_BACK))
    return flow


def _count_body(doc: MinutesDocument) -> list[Line | Grid]:
    flow: list[Line | Grid] = [_opening(doc), *_what(doc), Line(COUNTING_BOARD_INTRO)]
    flow += _members(doc.counting_board)
    if doc.witnesses:
        flow.append(Line(WITNESSES_INTRO))
        flow += _members(doc.witnesses)
    flow.append(Line(COUNT_RESULT_INTRO))
    flow += _outcome(doc)
    flow.append(Line(COUNT_READ_BACK))
    return flow


def _online_body(doc: MinutesDocument) -> list[Line | Grid]:
    flow: list[Line | Grid] = [_opening(doc), *_what(doc), Line(ONLINE_RESULT_INTRO)]
    flow += _outcome(doc)
    return flow


def _names(people: list[Person]) -> tuple[str, ...]:
    return tuple(p.name for p in people if p.name)


def _signatures(doc: MinutesDocument) -> list[Signature]:
    chair = (doc.chair.name,) if doc.chair and doc.chair.name else ()
    secretary = (doc.secretary.name,) if doc.secretary and doc.secretary.name else ()
    if doc.form == MinutesForm.MEETING:
        return [Signature("THƯ KÝ", secretary), Signature("CHỦ TRÌ", chair)]
    if doc.form == MinutesForm.ONLINE:
        head = (
            upper(doc.chair.role) if doc.chair and doc.chair.role else "ĐẠI DIỆN CỘNG ĐỒNG DÂN CƯ"
        )
        return [Signature("NGƯỜI LẬP BIÊN BẢN", secretary), Signature(head, chair)]
    leader, *members = doc.counting_board or [Person("")]
    signatures = [
        Signature("THÀNH VIÊN BAN KIỂM PHIẾU", _names(members)),
        Signature("TỔ TRƯỞNG BAN KIỂM PHIẾU", _names([leader])),
    ]
    if doc.witnesses:
        signatures.append(Signature("ĐẠI DIỆN HỘ GIA ĐÌNH CHỨNG KIẾN", _names(doc.witnesses)))
    if chair:
        # The village head who organised the meeting or sent the ballots confirms the count.
        title = upper(doc.chair.role) if doc.chair and doc.chair.role else "CHỦ TRÌ"
        signatures.append(Signature(title, chair))
    return signatures


def _annex(doc: MinutesDocument) -> Grid | None:
    if not doc.households:
        return None
    return Grid(
        headers=ANNEX_HEADERS,
        rows=tuple(
            (str(n), h.household, h.representative, h.note)
            for n, h in enumerate(doc.households, start=1)
        ),
        widths=(14, 62, 55, 34),
        align=("center", "left", "left", "left"),
    )


def compose_minutes(doc: MinutesDocument) -> Layout:
    """The minutes in reading order, for both writers."""
    titles, subject_line = _titles(doc)
    if doc.form == MinutesForm.MEETING:
        body = _meeting_body(doc)
    elif doc.form == MinutesForm.ONLINE:
        body = _online_body(doc)
    else:
        body = _count_body(doc)
    record = " ".join(titles).lower()
    day = day_of(doc.held_at or doc.ended_at)
    return Layout(
        upper_body=commune_heading(doc.commune),
        issuer=upper(doc.community),
        place_date=doc.place_date,
        titles=titles,
        subject_line=subject_line,
        body=body,
        signatures=_signatures(doc),
        annex_title=ANNEX_TITLES[doc.form],
        annex_subtitle=ANNEX_SUBTITLE.format(
            record=record, day=day.strftime("%d/%m/%Y") if day else BLANK
        ),
        annex=_annex(doc),
        title_for_metadata=clean(f"{' '.join(titles)} - {subject_line}"),
    )


def file_stem(doc_title: str, subject: str, community: str) -> str:
    return safe_filename(f"{doc_title} - {subject} - {community}")
