"""The minutes and the ballots of a matter, filled from the database in a handful of queries.

Only reads: the ballot codes come from the community app's `prepare_ballots` action, the
result from its `close_voting` action; nothing here counts or decides anything of its own.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from coso.core.dates import format_date, today
from coso.reports.exports.common import clean, dateline, place_of
from coso.units.models import Unit, UnitKind

from ..models import (
    BallotCode,
    DecisionMethod,
    DecisionRule,
    Matter,
    MatterKind,
    MatterStatus,
    VoteChannel,
)
from .ballots import HOUSEHOLD_BALLOT_TITLE, MEETING_BALLOT_TITLE, BallotBook, BallotHolder
from .common import (
    DEFAULT_RECORD_TYPE,
    RECORD_TYPES,
    HouseholdLine,
    MinutesDocument,
    MinutesForm,
    Person,
    Tally,
    file_stem,
)

# Law 10/2022/QH15, art. 15: the six kinds of matters, as the minutes name them.
KIND_WORDING = {
    MatterKind.INFRASTRUCTURE: (
        "Chủ trương và mức đóng góp xây dựng cơ sở hạ tầng, công trình công cộng trong phạm vi "
        "cộng đồng dân cư (khoản 1 Điều 15 Luật Thực hiện dân chủ ở cơ sở)"
    ),
    MatterKind.FUNDS: (
        "Việc thu, chi, quản lý các khoản đóng góp của Nhân dân và các quỹ, kinh phí của cộng "
        "đồng dân cư (khoản 2 Điều 15 Luật Thực hiện dân chủ ở cơ sở)"
    ),
    MatterKind.CONVENTION: (
        "Hương ước, quy ước của cộng đồng dân cư (khoản 3 Điều 15 Luật Thực hiện dân chủ ở cơ sở)"
    ),
    MatterKind.VILLAGE_HEAD: (
        "Bầu, cho thôi làm Trưởng thôn, Tổ trưởng tổ dân phố (khoản 4 Điều 15 Luật Thực hiện "
        "dân chủ ở cơ sở)"
    ),
    MatterKind.BOARDS: (
        "Bầu, cho thôi làm thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng "
        "(khoản 5 Điều 15 Luật Thực hiện dân chủ ở cơ sở)"
    ),
    MatterKind.OTHER: (
        "Các công việc tự quản khác trong nội bộ cộng đồng dân cư (khoản 6 Điều 15 Luật Thực "
        "hiện dân chủ ở cơ sở)"
    ),
}
# Law 10/2022/QH15, art. 17: the ways the community decides.
METHOD_WORDING = {
    DecisionMethod.MEETING: "Tổ chức cuộc họp cộng đồng dân cư",
    DecisionMethod.BALLOT: "Phát phiếu lấy ý kiến tới hộ gia đình",
    DecisionMethod.ONLINE: "Biểu quyết trực tuyến",
}
SECRET_WORDING = "biểu quyết bằng phiếu kín"
OPEN_WORDING = "biểu quyết công khai"
CHANNEL_WORDING = {
    VoteChannel.MEETING: "Tại cuộc họp",
    VoteChannel.PAPER: "Phiếu giấy",
    VoteChannel.ONLINE: "Trực tuyến",
}
PRESENT_NOTE = "Có mặt"
NEEDED_NOTE = "Để được thông qua cần ít nhất {needed}/{total} hộ gia đình đồng ý."
NO_QUORUM_NOTE = (
    "Số hộ gia đình có đại diện tham dự cuộc họp ({present}/{total} hộ) không đạt quá bán "
    "tổng số hộ gia đình ({citation})."
)
CONVERTED_NOTE = (
    "Nội dung được chuyển sang phát phiếu lấy ý kiến tới từng hộ gia đình ({citation})."
)
BOARD_LEADER = "Tổ trưởng"
BOARD_MEMBER = "Thành viên"
FORM_STEMS = {
    MinutesForm.MEETING: "Biên bản cuộc họp",
    MinutesForm.MEETING_COUNT: "Biên bản kiểm phiếu",
    MinutesForm.HOUSEHOLD_BALLOT: "Biên bản kiểm phiếu",
    MinutesForm.ONLINE: "Biên bản tổng hợp kết quả",
}
# Matters whose result the minutes record: counted, sent, or a meeting that fell short.
MINUTES_STATUSES = (MatterStatus.CLOSED, MatterStatus.SENT, MatterStatus.CONVERTED)


def forms_for(matter: Matter) -> list[MinutesForm]:
    """The forms of Decree 59/2023/NĐ-CP that fit the matter, the usual one first."""
    if matter.method == DecisionMethod.MEETING:
        return (
            [MinutesForm.MEETING, MinutesForm.MEETING_COUNT]
            if matter.secret
            else [MinutesForm.MEETING]
        )
    if matter.method == DecisionMethod.BALLOT:
        return [MinutesForm.HOUSEHOLD_BALLOT]
    return [MinutesForm.ONLINE]


def has_minutes(matter: Matter) -> bool:
    return matter.status in MINUTES_STATUSES


def _split(citation: str) -> tuple[str, str]:
    """ "Luật …, Điều 21: được thông qua khi …" -> ("Luật …, Điều 21", "được thông qua khi …")."""
    source, _colon, clause = citation.partition(": ")
    return clean(source.strip()), clean(clause.strip())


def adoption_rule(rule: DecisionRule) -> tuple[str, str]:
    """The citation and the clause of the adoption threshold, as the administrator keeps them."""
    source, clause = _split(rule.adoption_citation)
    if not clause:
        share = (
            "50%"
            if rule.adoption_numerator * 2 == rule.adoption_denominator
            else f"{rule.adoption_numerator}/{rule.adoption_denominator}"
        )
        clause = (
            f"được thông qua khi có trên {share} tổng số hộ gia đình của cộng đồng dân cư tán thành"
        )
    return source, f"nội dung {clause.rstrip('.')}."


def sentence_case(title: str) -> str:
    """ "Đóng góp làm đường" -> "đóng góp làm đường", to follow "Về việc"; a title that starts
    with a name ("Thôn Đông …", "UBND …") is kept as written."""
    words = title.split()
    if len(words) < 2 or not words[0][1:].islower() or not words[1][:1].islower():
        return title
    return title[:1].lower() + title[1:]


def _commune_of(chain: list[Unit]) -> Unit | None:
    """The commune the community belongs to: the nearest commune above it, else its parent."""
    for unit in reversed(chain[:-1]):
        if unit.kind == UnitKind.COMMUNE:
            return unit
    return chain[-2] if len(chain) > 1 else None


def _board(matter: Matter) -> list[Person]:
    members = list(matter.counting_board.order_by("pk"))
    return [
        Person(
            clean(user.full_name or user.get_username()), BOARD_LEADER if n == 0 else BOARD_MEMBER
        )
        for n, user in enumerate(members)
    ]


def _households(matter: Matter, form: MinutesForm) -> list[HouseholdLine]:
    if form == MinutesForm.MEETING:
        rows = (
            matter.attendances.filter(present=True)
            .select_related("household")
            .order_by("household__code")
        )
        return [
            HouseholdLine(
                _household_label(a.household), clean(a.household.representative_name), PRESENT_NOTE
            )
            for a in rows
        ]
    # Who voted and through which channel; never the choice.
    votes = matter.votes.select_related("household").order_by("household__code")
    return [
        HouseholdLine(
            _household_label(v.household),
            clean(v.household.representative_name),
            CHANNEL_WORDING.get(v.channel, ""),
        )
        for v in votes.only(
            "channel", "household__code", "household__address", "household__representative_name"
        )
    ]


def _household_label(household) -> str:
    address = f", {household.address}" if household.address else ""
    return clean(f"{household.code}{address}")


def _tally(matter: Matter, form: MinutesForm) -> Tally:
    counted = matter.tally()
    stored = (matter.yes_count, matter.no_count, matter.abstain_count)
    yes, no, abstain = stored if None not in stored else (counted.yes, counted.no, counted.abstain)
    issued = None
    if form in (MinutesForm.MEETING_COUNT, MinutesForm.HOUSEHOLD_BALLOT):
        issued = matter.ballot_codes.count() or None
    present = None
    if matter.method == DecisionMethod.MEETING:
        present = matter.present_count if matter.present_count is not None else matter.present()
    return Tally(
        households=matter.households_total,
        voted=counted.voted,
        yes=yes,
        no=no,
        abstain=abstain,
        present=present,
        issued=issued,
    )


def _notes(matter: Matter, tally: Tally) -> list[str]:
    rule = matter.rule
    notes = [NEEDED_NOTE.format(needed=rule.votes_needed(tally.households), total=tally.households)]
    if tally.present is not None and not rule.has_quorum(tally.present, tally.households):
        notes.append(
            NO_QUORUM_NOTE.format(
                present=tally.present,
                total=tally.households,
                citation=_split(rule.quorum_citation)[0],
            )
        )
    if matter.status == MatterStatus.CONVERTED:
        notes.append(CONVERTED_NOTE.format(citation=_split(rule.ballot_fallback_citation)[0]))
    return notes


def _method(matter: Matter) -> str:
    wording = METHOD_WORDING.get(matter.method, matter.method)
    if matter.method == DecisionMethod.ONLINE:
        return wording
    return f"{wording}, {SECRET_WORDING if matter.secret else OPEN_WORDING}"


def _day(matter: Matter) -> dt.date:
    if matter.decided_on is not None:
        return matter.decided_on
    if matter.meeting_at is not None:
        return timezone.localtime(matter.meeting_at).date()
    return today()


def _person(name: str, role: str) -> Person | None:
    name, role = clean(name.strip()), clean(role.strip())
    return Person(name, role) if name or role else None


@dataclass(frozen=True)
class MinutesOptions:
    """What the officer adds on the download form: the law's signers are people the register
    does not know (the chair and secretary are approved at the meeting itself)."""

    form: MinutesForm | None = None
    record_type: str = DEFAULT_RECORD_TYPE
    chair: str = ""
    chair_role: str = ""
    secretary: str = ""
    secretary_role: str = ""
    venue: str = ""
    witnesses: tuple[str, ...] = ()


def build_minutes(matter: Matter, options: MinutesOptions | None = None) -> MinutesDocument:
    """Everything the minutes of `matter` state, from what the actions stored."""
    options = options or MinutesOptions()
    allowed = forms_for(matter)
    form = options.form if options.form in allowed else allowed[0]
    chain = list(matter.unit.ancestors_and_self())
    commune = _commune_of(chain)
    tally = _tally(matter, form)
    citation, rule_clause = adoption_rule(matter.rule)
    meeting = matter.method == DecisionMethod.MEETING
    held_at = (
        timezone.localtime(matter.meeting_at)
        if meeting and matter.meeting_at is not None
        else matter.decided_on
    )
    record_type = (
        options.record_type if options.record_type in RECORD_TYPES else DEFAULT_RECORD_TYPE
    )
    community = clean(matter.unit.name)
    subject = clean(matter.title.strip().rstrip("."))
    return MinutesDocument(
        form=form,
        commune=clean(commune.name) if commune is not None else "",
        community=community,
        place_date=clean(dateline(place_of(chain), _day(matter))),
        subject=sentence_case(subject),
        question=clean(matter.description.strip()),
        kind=KIND_WORDING.get(matter.kind, matter.get_kind_display()),
        method=_method(matter),
        tally=tally,
        rule=rule_clause,
        citation=citation,
        adopted=bool(matter.adopted),
        secret=matter.secret,
        record_type=record_type,
        held_at=held_at,
        venue=clean(options.venue.strip() or matter.meeting_place.strip()),
        chair=_person(options.chair, options.chair_role),
        secretary=_person(options.secretary, options.secretary_role),
        counting_board=_board(matter),
        witnesses=[Person(clean(w.strip())) for w in options.witnesses if w.strip()],
        households=_households(matter, form),
        notes=_notes(matter, tally),
        file_stem=file_stem(FORM_STEMS[form], subject, community),
    )


# --- Ballots -----------------------------------------------------------------------------------


def grouped(code: str) -> str:
    """ "ABCDEFGHJKMN" -> "ABCD-EFGH-JKMN": easier to read aloud and to type back; the
    counting page drops the dashes again."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def build_ballots(matter: Matter) -> BallotBook:
    """One sheet per household that has a code (codes come from `prepare_ballots`)."""
    chain = list(matter.unit.ancestors_and_self())
    commune = _commune_of(chain)
    codes = BallotCode.objects.filter(matter=matter).select_related("household")
    deadline = (
        format_date(timezone.localtime(matter.voting_closes_at).date())
        if matter.voting_closes_at is not None
        else ""
    )
    subject = clean(matter.title.strip().rstrip("."))
    return BallotBook(
        commune=clean(commune.name) if commune is not None else "",
        community=clean(matter.unit.name),
        subject=subject,
        question=clean(matter.description.strip() or matter.title.strip()),
        secret=matter.secret,
        title=MEETING_BALLOT_TITLE
        if matter.method == DecisionMethod.MEETING
        else HOUSEHOLD_BALLOT_TITLE,
        deadline=deadline,
        holders=[
            BallotHolder(
                code=grouped(c.code),
                household=_household_label(c.household),
                representative=clean(c.household.representative_name),
            )
            for c in codes.order_by("household__code")
        ],
        file_stem=file_stem("Phiếu lấy ý kiến", subject, matter.unit.name),
    )
