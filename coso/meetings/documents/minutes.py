"""The minutes of a meeting (biên bản hội nghị) in the form of Decree 30/2020/NĐ-CP.

Header (issuing unit, number, national name and motto, place and date), title, then the body:
time and venue, composition (chair or presidium, secretary, counting board), attendance with the
quorum, agenda, discussion and questions, every vote with its counts and result, elections with
the votes of each candidate, conclusions and commitments; the signatures of the secretary and the
chair; an annex listing attendance. A secret ballot's minutes state counts only: nothing here
can tell who chose what.
"""

from __future__ import annotations

import datetime as dt

from coso.community.documents.common import (
    ADOPTED,
    BLANK,
    NOT_ADOPTED,
    READ_BACK,
    Grid,
    Layout,
    Line,
    Signature,
    clock,
    count,
    percent,
)
from coso.reports.exports.common import upper

from ..models import MajorityBase
from .facts import CommitmentLine, ElectionLine, MeetingFacts, VoteLine

MINUTES_TITLE = "BIÊN BẢN"
MINUTES_SYMBOL = "Số: …/BB-HN"
TIME_HEADING = "I. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN THAM DỰ"
AGENDA_HEADING = "II. CHƯƠNG TRÌNH HỘI NGHỊ"
DISCUSSION_HEADING = "III. NỘI DUNG THẢO LUẬN"
VOTES_HEADING = "IV. KẾT QUẢ BIỂU QUYẾT"
ELECTIONS_HEADING = "V. KẾT QUẢ BẦU CỬ"
CONCLUSIONS_HEADING = "VI. KẾT LUẬN VÀ CÁC NỘI DUNG CAM KẾT"
NOTHING = "Không có."
NOT_VOTED = "Nội dung này chưa được biểu quyết."
NOT_ELECTED = "Cuộc bầu cử chưa kết thúc."
SECRET_NOTE = (
    "Biểu quyết bằng hình thức bỏ phiếu kín: biên bản chỉ ghi nhận số phiếu, không ghi nhận "
    "lựa chọn của từng người."
)
METHOD_HANDS = "Biểu quyết bằng hình thức giơ tay"
METHOD_BALLOT = "Biểu quyết bằng hình thức bỏ phiếu kín"
VOTE_HEADERS = ("Nội dung", "Số lượng", "Tỷ lệ")
CANDIDATE_HEADERS = ("STT", "Họ và tên", "Số phiếu bầu", "Tỷ lệ so với số phiếu hợp lệ", "Kết quả")
COMMITMENT_HEADERS = ("STT", "Nội dung", "Đơn vị, người thực hiện", "Thời hạn")
ANNEX_TITLE = "DANH SÁCH NGƯỜI THAM DỰ HỘI NGHỊ"
ANNEX_HEADERS = ("STT", "Họ và tên", "Chức vụ, đơn vị", "Vai trò", "Điểm danh")
PRESENT = "Có mặt"
ABSENT = "Vắng"
ELECTED = "Trúng cử"

# Shares of the law said in words: "ít nhất hai phần ba" (Law 10/2022/QH15, art. 51).
SHARE_WORDS = {(2, 3): "hai phần ba", (1, 2): "một nửa", (3, 4): "ba phần tư", (1, 1): "toàn bộ"}


def share_words(numerator: int, denominator: int) -> str:
    return SHARE_WORDS.get((numerator, denominator), f"{numerator}/{denominator}")


def paragraphs(text: str, style: str = "body") -> list[Line]:
    return [Line(part.strip(), style) for part in text.splitlines() if part.strip()]


def day_text(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def base_words(facts: MeetingFacts) -> str:
    if facts.kind.majority_base == MajorityBase.CONVENED:
        return "tổng số người được triệu tập"
    return "số người có mặt"


def vote_base(facts: MeetingFacts, vote: VoteLine) -> int:
    return facts.kind.majority_denominator(vote.present, vote.convened)


def vote_result(facts: MeetingFacts, vote: VoteLine) -> str:
    """ "ĐƯỢC THÔNG QUA (30/45 số người có mặt tán thành, bằng 66,66%)"."""
    base = vote_base(facts, vote)
    outcome = ADOPTED if vote.adopted else NOT_ADOPTED
    return (
        f"{outcome} ({count(vote.yes)}/{count(base)} {base_words(facts)} tán thành, bằng "
        f"{percent(vote.yes, base)})"
    )


def vote_grid(facts: MeetingFacts, vote: VoteLine) -> Grid:
    base = vote_base(facts, vote)
    unit = "phiếu" if vote.secret else "người"
    rows: list[tuple[str, str, str]] = []
    if facts.kind.majority_base == MajorityBase.CONVENED:
        rows.append(("Tổng số người được triệu tập", f"{count(vote.convened)} người", "100%"))
    rows.append(
        (
            "Số người có mặt khi biểu quyết",
            f"{count(vote.present)} người",
            percent(vote.present, base),
        )
    )
    if vote.secret:
        cast = vote.yes + vote.no + vote.abstain
        rows.append(("Số phiếu thu vào", f"{count(cast)} phiếu", percent(cast, base)))
    rows += [
        ("Tán thành", f"{count(vote.yes)} {unit}", percent(vote.yes, base)),
        ("Không tán thành", f"{count(vote.no)} {unit}", percent(vote.no, base)),
        ("Không có ý kiến", f"{count(vote.abstain)} {unit}", percent(vote.abstain, base)),
    ]
    return Grid(
        headers=VOTE_HEADERS,
        rows=tuple(rows),
        widths=(95, 35, 35),
        align=("left", "right", "right"),
    )


def _composition(facts: MeetingFacts) -> list[Line]:
    lines: list[Line] = []
    chair = facts.names("chair")
    presidium = facts.names("presidium")
    secretary = facts.names("secretary")
    board = facts.names("counting_board")
    if presidium:
        lines.append(Line(f"- Đoàn Chủ tịch: {', '.join(presidium)}.", "item"))
    lines.append(Line(f"- Chủ trì: Ông (bà) {', '.join(chair) or BLANK}.", "item"))
    lines.append(Line(f"- Thư ký: Ông (bà) {', '.join(secretary) or BLANK}.", "item"))
    if board:
        lines.append(Line(f"- Ban Kiểm phiếu: {', '.join(board)}.", "item"))
    return lines


def attendance_lines(facts: MeetingFacts) -> list[Line]:
    a = facts.attendance
    lines = [
        Line(f"- Tổng số người được triệu tập: {count(a.convened)} người.", "item"),
        Line(
            f"- Số người có mặt: {count(a.present)} người ({percent(a.present, a.convened)} "
            "số người được triệu tập).",
            "item",
        ),
        Line(f"- Số người vắng mặt: {count(max(a.convened - a.present, 0))} người.", "item"),
    ]
    if a.guests_present:
        lines.append(Line(f"- Khách mời: {count(a.guests_present)} người.", "item"))
    kind = facts.kind
    if kind.needs_quorum:
        how = "trên" if kind.quorum_strictly_more else "ít nhất"
        share = share_words(kind.quorum_numerator, kind.quorum_denominator)
        verdict = "đủ" if a.has_quorum else "không đủ"
        lines.append(
            Line(
                f"Theo quy định, hội nghị hợp lệ khi có {how} {share} số người được triệu tập "
                f"tham dự (tối thiểu {count(a.needed)} người). Số người có mặt "
                f"{count(a.present)}/{count(a.convened)}: hội nghị {verdict} điều kiện tiến hành."
            )
        )
    return lines


def _agenda(facts: MeetingFacts) -> list[Line]:
    if not facts.agenda:
        return paragraphs(facts.description) or [Line(NOTHING)]
    return [
        Line(f"{n}. {title}" + (f" (trình bày: {presenter})" if presenter else "") + ".", "item")
        for n, (title, presenter) in enumerate(facts.agenda, start=1)
    ]


def _discussion(facts: MeetingFacts) -> list[Line]:
    lines = paragraphs(facts.discussion)
    if facts.questions:
        lines.append(Line("Các ý kiến, câu hỏi, kiến nghị tại hội nghị:"))
        for q in facts.questions:
            who = f"Ông (bà) {q.asker}" if q.asker else "Ý kiến"
            ahead = "" if q.raised_at_meeting else " (gửi trước hội nghị)"
            lines.append(Line(f"- {who}{ahead}: {q.text}", "item"))
            if q.answer:
                lines.append(Line(f"Trả lời: {q.answer}", "note"))
    return lines or [Line(NOTHING)]


def _votes(facts: MeetingFacts) -> list[Line | Grid]:
    if not facts.votes:
        return [Line(NOTHING)]
    flow: list[Line | Grid] = []
    for n, vote in enumerate(facts.votes, start=1):
        flow.append(Line(f"{n}. {vote.title}", "heading"))
        flow += paragraphs(vote.text, "item")
        if not vote.closed:
            flow.append(Line(NOT_VOTED, "note"))
            continue
        flow.append(Line(f"- Hình thức: {METHOD_BALLOT if vote.secret else METHOD_HANDS}.", "item"))
        flow.append(vote_grid(facts, vote))
        if vote.secret:
            flow.append(Line(SECRET_NOTE, "note"))
        flow.append(Line(f"Kết quả: {vote_result(facts, vote)}.", "result"))
    return flow


def candidate_grid(election: ElectionLine) -> Grid:
    return Grid(
        headers=CANDIDATE_HEADERS,
        rows=tuple(
            (
                str(n),
                c.name + (f" - {c.job_title}" if c.job_title else ""),
                count(c.votes),
                percent(c.votes, election.valid),
                ELECTED if c.elected else "",
            )
            for n, c in enumerate(election.candidates, start=1)
        ),
        widths=(14, 66, 25, 35, 25),
        align=("center", "left", "right", "right", "center"),
    )


def _elections(facts: MeetingFacts) -> list[Line | Grid]:
    flow: list[Line | Grid] = []
    for n, election in enumerate(facts.elections, start=1):
        flow.append(Line(f"{n}. {election.title}", "heading"))
        flow.append(Line(f"- Số lượng cần bầu: {count(election.seats)} người.", "item"))
        if not election.closed:
            flow.append(Line(NOT_ELECTED, "note"))
            continue
        flow += [
            Line(f"- Số người có mặt khi bầu: {count(election.present)} người.", "item"),
            Line(f"- Số phiếu thu vào: {count(election.ballots_cast)} phiếu.", "item"),
            Line(f"- Số phiếu không hợp lệ: {count(election.ballots_invalid)} phiếu.", "item"),
            Line(f"- Số phiếu hợp lệ: {count(election.valid)} phiếu.", "item"),
            candidate_grid(election),
        ]
        elected = [c.name for c in election.candidates if c.elected]
        if elected:
            flow.append(Line(f"Những người trúng cử: {', '.join(elected)}.", "result"))
        else:
            flow.append(Line("Không có người trúng cử.", "result"))
    return flow


def commitment_grid(commitments: list[CommitmentLine]) -> Grid:
    return Grid(
        headers=COMMITMENT_HEADERS,
        rows=tuple(
            (str(n), c.text, c.owner, day_text(c.due_on))
            for n, c in enumerate(commitments, start=1)
        ),
        widths=(14, 81, 45, 25),
        align=("center", "left", "left", "center"),
    )


def _conclusions(facts: MeetingFacts) -> list[Line | Grid]:
    flow: list[Line | Grid] = list(paragraphs(facts.conclusions))
    if facts.commitments:
        flow.append(Line("Các nội dung kết luận, cam kết được giao thực hiện:"))
        flow.append(commitment_grid(facts.commitments))
    return flow or [Line(NOTHING)]


def _annex(facts: MeetingFacts) -> Grid:
    def presence(p) -> str:
        if not p.present:
            return ABSENT
        return f"{PRESENT} ({p.checked_in_at:%H:%M})" if p.checked_in_at else PRESENT

    return Grid(
        headers=ANNEX_HEADERS,
        rows=tuple(
            (
                str(n),
                p.name,
                ", ".join(x for x in (p.job_title, p.delegate_of) if x),
                p.role_label,
                presence(p),
            )
            for n, p in enumerate(facts.people, start=1)
        ),
        widths=(14, 48, 39, 32, 32),
        align=("center", "left", "left", "left", "left"),
    )


def compose_minutes(facts: MeetingFacts) -> Layout:
    """The minutes in reading order, for both writers."""
    opening = (
        f"Hôm nay, {clock(facts.held_at)}, tại {facts.venue or BLANK}, {facts.unit_name} tổ "
        f"chức {facts.title}."
    )
    body: list[Line | Grid] = [Line(opening), Line(TIME_HEADING, "heading")]
    body.append(Line(f"1. Thời gian: bắt đầu {clock(facts.held_at)}."))
    body.append(Line(f"2. Địa điểm: {facts.venue or BLANK}."))
    body.append(Line("3. Chủ trì và thư ký hội nghị:"))
    body += _composition(facts)
    body.append(Line("4. Thành phần tham dự:"))
    body += attendance_lines(facts)
    body += [Line(AGENDA_HEADING, "heading"), *_agenda(facts)]
    body += [Line(DISCUSSION_HEADING, "heading"), *_discussion(facts)]
    body += [Line(VOTES_HEADING, "heading"), *_votes(facts)]
    heading = CONCLUSIONS_HEADING
    if facts.elections:
        body += [Line(ELECTIONS_HEADING, "heading"), *_elections(facts)]
    else:
        heading = heading.replace("VI.", "V.", 1)
    body += [Line(heading, "heading"), *_conclusions(facts)]
    if facts.ended_at is not None:
        body.append(Line(f"Hội nghị kết thúc {clock(facts.ended_at)}."))
    body.append(Line(READ_BACK))
    secretary = tuple(facts.names("secretary"))
    chair = tuple(facts.names("chair") or facts.names("presidium"))
    kind = upper(facts.kind_name)
    return Layout(
        upper_body=facts.upper_body,
        issuer=upper(facts.unit_name),
        place_date=facts.place_date,
        titles=[MINUTES_TITLE, kind],
        subject_line=facts.title,
        body=body,
        signatures=[Signature("THƯ KÝ", secretary), Signature("CHỦ TRÌ", chair)],
        annex_title=ANNEX_TITLE,
        annex_subtitle=f"(Kèm theo Biên bản {facts.title} ngày {day_text(facts.day)})",
        annex=_annex(facts) if facts.people and not facts.public else None,
        title_for_metadata=f"{MINUTES_TITLE} - {facts.title}",
    )
