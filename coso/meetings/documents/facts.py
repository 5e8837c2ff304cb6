"""Every fact the minutes and the resolution state, read from the database in a fixed number of
queries; the texts cleaned of characters XML refuses. Only this module touches the database.

The wording is Vietnamese by law whatever language the officer browses in (Decree 30/2020/NĐ-CP
fixes the form of an administrative document), so it lives in the composing modules as
constants, not gettext strings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from django.utils import timezone

from coso.core.text import fold
from coso.reports.exports.common import clean, dateline, place_of, upper

from ..models import (
    Commitment,
    CommitmentStatus,
    Election,
    Meeting,
    MeetingKind,
    Motion,
    Participant,
    ParticipantRole,
    Question,
    VoteMethod,
    VoteStatus,
)
from ..quorum import Attendance, attendance_of

# How the documents name each role of the meeting (Decree 30/2020/NĐ-CP writes them in full).
ROLE_WORDING = {
    ParticipantRole.MEMBER: "Người tham dự",
    ParticipantRole.DELEGATE: "Đại biểu",
    ParticipantRole.PRESIDIUM: "Đoàn Chủ tịch",
    ParticipantRole.CHAIR: "Chủ trì",
    ParticipantRole.SECRETARY: "Thư ký",
    ParticipantRole.COUNTING_BOARD: "Ban Kiểm phiếu",
    ParticipantRole.GUEST: "Khách mời",
}


@dataclass(frozen=True)
class PersonLine:
    name: str
    job_title: str
    role: str
    role_label: str
    present: bool
    checked_in_at: dt.datetime | None
    delegate_of: str = ""


@dataclass(frozen=True)
class VoteLine:
    title: str
    text: str
    secret: bool
    closed: bool
    yes: int
    no: int
    abstain: int
    present: int
    convened: int
    adopted: bool | None


@dataclass(frozen=True)
class CandidateLine:
    name: str
    job_title: str
    votes: int
    elected: bool


@dataclass(frozen=True)
class ElectionLine:
    title: str
    seats: int
    secret: bool
    closed: bool
    ballots_cast: int
    ballots_invalid: int
    present: int
    convened: int
    candidates: list[CandidateLine]

    @property
    def valid(self) -> int:
        return max(self.ballots_cast - self.ballots_invalid, 0)


@dataclass(frozen=True)
class QuestionLine:
    asker: str
    text: str
    answer: str
    raised_at_meeting: bool


@dataclass(frozen=True)
class CommitmentLine:
    text: str
    owner: str
    due_on: dt.date
    status: str


@dataclass
class MeetingFacts:
    kind: MeetingKind
    title: str
    kind_name: str
    unit_name: str
    upper_body: str
    place: str
    starts_at: dt.datetime
    opened_at: dt.datetime | None
    ended_at: dt.datetime | None
    venue: str
    description: str
    discussion: str
    conclusions: str
    attendance: Attendance
    people: list[PersonLine] = field(default_factory=list)
    agenda: list[tuple[str, str]] = field(default_factory=list)
    votes: list[VoteLine] = field(default_factory=list)
    elections: list[ElectionLine] = field(default_factory=list)
    questions: list[QuestionLine] = field(default_factory=list)
    commitments: list[CommitmentLine] = field(default_factory=list)
    citation: str = ""
    # The copy published on the portal (`for_the_public`): no list of those present, no names
    # of the people who asked.
    public: bool = False

    @property
    def held_at(self) -> dt.datetime:
        return self.opened_at or self.starts_at

    @property
    def day(self) -> dt.date:
        return self.held_at.date()

    @property
    def place_date(self) -> str:
        return dateline(self.place, self.day)

    def names(self, *roles: str) -> list[str]:
        return [p.name for p in self.people if p.role in roles]


def _local(moment: dt.datetime | None) -> dt.datetime | None:
    return timezone.localtime(moment) if moment is not None else None


def _person(p: Participant) -> PersonLine:
    return PersonLine(
        name=clean(p.full_name),
        job_title=clean(p.job_title),
        role=p.role,
        role_label=ROLE_WORDING.get(p.role, ""),
        present=p.checked_in_at is not None,
        checked_in_at=_local(p.checked_in_at),
        delegate_of=clean(p.delegate_of.name) if p.delegate_of_id else "",
    )


def _vote(m: Motion) -> VoteLine:
    closed = m.status == VoteStatus.CLOSED
    return VoteLine(
        title=clean(m.title),
        text=clean(m.text),
        secret=m.method == VoteMethod.BALLOT,
        closed=closed,
        yes=m.yes,
        no=m.no,
        abstain=m.abstain,
        present=m.present_at_close or 0,
        convened=m.convened_at_close or 0,
        adopted=m.adopted if closed else None,
    )


def _election(e: Election) -> ElectionLine:
    candidates = sorted(e.candidates.all(), key=lambda c: (-c.votes, c.full_name, c.pk))
    return ElectionLine(
        title=clean(e.title),
        seats=e.seats,
        secret=e.method == VoteMethod.BALLOT,
        closed=e.status == VoteStatus.CLOSED,
        ballots_cast=e.ballots_cast,
        ballots_invalid=e.ballots_invalid,
        present=e.present_at_close or 0,
        convened=e.convened_at_close or 0,
        candidates=[
            CandidateLine(clean(c.full_name), clean(c.job_title), c.votes, c.elected)
            for c in candidates
        ],
    )


def _question(q: Question) -> QuestionLine:
    asker = q.asker_name or (q.asked_by.display_name if q.asked_by_id else "")
    return QuestionLine(clean(asker), clean(q.text), clean(q.answer), q.raised_at_meeting)


def _commitment(c: Commitment) -> CommitmentLine:
    owner = c.owner_unit.name + (f" ({c.owner_name})" if c.owner_name else "")
    return CommitmentLine(clean(c.text), clean(owner), c.due_on, c.status)


def _role_order(p: Participant) -> tuple[int, str, int]:
    order = [
        ParticipantRole.CHAIR,
        ParticipantRole.PRESIDIUM,
        ParticipantRole.SECRETARY,
        ParticipantRole.COUNTING_BOARD,
        ParticipantRole.DELEGATE,
        ParticipantRole.MEMBER,
        ParticipantRole.GUEST,
    ]
    return (order.index(p.role) if p.role in order else len(order), fold(p.full_name), p.pk)


def meeting_facts(meeting: Meeting) -> MeetingFacts:
    """Everything the documents say about `meeting`, in about ten queries."""
    unit = meeting.unit
    chain = list(unit.ancestors_and_self())
    parent = chain[-2] if len(chain) > 1 else None
    people = sorted(
        meeting.participants.select_related("delegate_of"), key=_role_order
    )  # one query
    motions = list(meeting.motions.all())
    elections = list(meeting.elections.prefetch_related("candidates"))
    questions = list(meeting.questions.select_related("asked_by"))
    commitments = list(
        meeting.commitments.exclude(status=CommitmentStatus.DROPPED).select_related("owner_unit")
    )
    kind = meeting.kind
    citation = kind.citation.partition(": ")[0].strip()
    return MeetingFacts(
        kind=kind,
        title=clean(meeting.title),
        kind_name=clean(kind.name),
        unit_name=clean(unit.name),
        upper_body=clean(upper(parent.name)) if parent is not None else "",
        place=clean(place_of(chain)),
        starts_at=timezone.localtime(meeting.starts_at),
        opened_at=_local(meeting.opened_at),
        ended_at=_local(meeting.ended_at or meeting.ends_at),
        venue=clean(meeting.venue),
        description=clean(meeting.description),
        discussion=clean(meeting.discussion),
        conclusions=clean(meeting.conclusions),
        attendance=attendance_of(meeting),
        people=[_person(p) for p in people],
        agenda=[(clean(a.title), clean(a.presenter)) for a in meeting.agenda.all()],
        votes=[_vote(m) for m in motions],
        elections=[_election(e) for e in elections],
        questions=[_question(q) for q in questions],
        commitments=[_commitment(c) for c in commitments],
        citation=clean(citation),
    )


# Who the public copy still names: those who ran the meeting and sign or count.
NAMED_IN_PUBLIC = (
    ParticipantRole.CHAIR,
    ParticipantRole.PRESIDIUM,
    ParticipantRole.SECRETARY,
    ParticipantRole.COUNTING_BOARD,
)


def for_the_public(facts: MeetingFacts) -> MeetingFacts:
    """The facts as the portal publishes them: a citizen who came to a dialogue or asked a
    question there is not named on the internet; the figures, decisions and answers stay."""
    return replace(
        facts,
        people=[p for p in facts.people if p.role in NAMED_IN_PUBLIC],
        questions=[replace(q, asker="") for q in facts.questions],
        public=True,
    )
