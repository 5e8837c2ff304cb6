"""Motions and elections at a meeting: every change atomic and audited.

A motion is voted by a show of hands (the secretary records the counts) or by a secret ballot
(each convened participant present casts one ballot from their phone). An election fills
`seats` with the candidates who have the most votes, each with more than half of the valid
ballots. Closing a vote needs the quorum and freezes the figures the majority was counted
against.

Secrecy (Law 10/2022/QH15, art. 18 for the community; the same care everywhere): who voted is
kept in `MotionBallot` / `ElectionBallot`, what they chose in `MotionChoice` / `ElectionMark`,
which carry no participant, no time and a random key, so neither their order nor their value
follows the order of the ballots (as `coso.community`'s `SecretChoice`). The choice rows are not
audited (an audit entry carries the actor and the time) and no audited row changes while a
secret ballot is open: the counts are written on the motion or the candidates when it closes.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.core.checks import require as _require
from coso.core.dates import today
from coso.oversight import actions as oversight_actions
from coso.oversight.composition import composition_problems, staff_problem
from coso.oversight.models import (
    OPEN_BOARD_STATUSES,
    Board,
    BoardKind,
    BoardMember,
    CompositionRule,
    ElectionMethod,
)
from coso.units.models import Unit, UnitKind, User

from . import access
from .models import (
    TEXT_MAX_LENGTH,
    Candidate,
    Choice,
    Election,
    ElectionBallot,
    ElectionMark,
    KindCode,
    Meeting,
    MeetingStatus,
    Motion,
    MotionBallot,
    MotionChoice,
    Participant,
    VoteMethod,
    VoteStatus,
)
from .quorum import Attendance, attendance_of

# Motions and elections may be prepared before the meeting and put to the vote during it.
PREPARABLE_STATUSES = (MeetingStatus.DRAFT, MeetingStatus.NOTICED, MeetingStatus.IN_PROGRESS)
# The random keys of secret choices stay clear of the small keys a sequence would give.
_RANDOM_KEY_LOW = 2**40
_RANDOM_KEY_HIGH = 2**62


def _text(value: str, field: str, *, required: bool = True, max_length: int = TEXT_MAX_LENGTH):
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("This field is required.")})
    if len(value) > max_length:
        raise ValidationError(
            {
                field: _("At most %(max)s characters (this text has %(n)s).")
                % {"max": max_length, "n": len(value)}
            }
        )
    return value


def _count(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValidationError({field: _("Enter a whole number, 0 or more.")})
    return value


def _random_key() -> int:
    return secrets.randbelow(_RANDOM_KEY_HIGH - _RANDOM_KEY_LOW) + _RANDOM_KEY_LOW


def _lock_meeting(meeting: Meeting) -> Meeting:
    return (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("unit", "kind")
        .get(pk=meeting.pk)
    )


def _lock_motion(motion: Motion) -> Motion:
    """The motion as stored now, locked until the transaction ends (after its meeting)."""
    fresh = Motion.objects.select_related("meeting__unit", "meeting__kind").get(pk=motion.pk)
    _lock_meeting(fresh.meeting)
    return (
        Motion.objects.select_for_update(of=("self",))
        .select_related("meeting__unit", "meeting__kind")
        .get(pk=motion.pk)
    )


def _lock_election(election: Election) -> Election:
    fresh = Election.objects.select_related("meeting__unit", "meeting__kind").get(pk=election.pk)
    _lock_meeting(fresh.meeting)
    return (
        Election.objects.select_for_update(of=("self",))
        .select_related("meeting__unit", "meeting__kind")
        .get(pk=election.pk)
    )


def _require_votes(meeting: Meeting) -> None:
    if not meeting.kind.has_votes:
        raise ValidationError(
            _("A meeting of this kind (%(kind)s) holds no votes or elections.")
            % {"kind": meeting.kind.name}
        )


def _require_preparable(meeting: Meeting) -> None:
    if meeting.status not in PREPARABLE_STATUSES:
        raise ValidationError(
            _("The meeting is %(status)s: its votes can no longer change.")
            % {"status": meeting.get_status_display().lower()}
        )


def _require_in_progress(meeting: Meeting) -> None:
    if meeting.status != MeetingStatus.IN_PROGRESS:
        raise ValidationError(
            _("A vote is opened only while the meeting is in progress (it is %(status)s).")
            % {"status": meeting.get_status_display().lower()}
        )


def _require_draft(vote: Motion | Election) -> None:
    if vote.status != VoteStatus.DRAFT:
        raise ValidationError(
            _("This vote has already been opened: it can no longer be changed or deleted.")
        )


def _require_open(vote: Motion | Election) -> None:
    if vote.status != VoteStatus.OPEN:
        if vote.status == VoteStatus.DRAFT:
            raise ValidationError(_("Voting has not been opened yet."), code="not_open")
        raise ValidationError(_("Voting is closed."), code="closed")


def _require_quorum(attendance: Attendance) -> None:
    if not attendance.has_quorum:
        raise ValidationError(
            _(
                "The meeting has no quorum: %(present)s of %(convened)s convened are present, "
                "%(needed)s are needed. Check more people in before closing the vote."
            )
            % {
                "present": attendance.present,
                "convened": attendance.convened,
                "needed": attendance.needed,
            },
            code="no_quorum",
        )


def _voter_seat(by: User, meeting: Meeting) -> Participant:
    """The voter's own seat, re-read: a convened participant who is checked in."""
    seat = Participant.objects.filter(meeting=meeting, user_id=by.pk).first()
    if seat is None or not seat.is_convened:
        raise PermissionDenied(_("Only a participant convened to the meeting votes."))
    if seat.checked_in_at is None:
        raise ValidationError(
            _("You are not checked in: check in at the meeting before you vote."),
            code="not_present",
        )
    return seat


def _check_method(method: str) -> str:
    if method not in VoteMethod.values:
        raise ValidationError({"method": _("Choose how it is voted.")})
    return method


# --- Motions ----------------------------------------------------------------------------------


@transaction.atomic
def add_motion(
    meeting: Meeting, *, by: User, title: str, text: str = "", method: str = VoteMethod.HANDS
) -> Motion:
    """Put a matter on the meeting's list of votes (a resolution, a rule, the secretary…)."""
    meeting = _lock_meeting(meeting)
    _require(access.can_run_meeting(by, meeting))
    _require_votes(meeting)
    _require_preparable(meeting)
    title = _text(title, "title", max_length=300)
    text = _text(text, "text", required=False)
    method = _check_method(method)
    last = meeting.motions.aggregate(last=Max("position"))["last"]
    with acting_as(by):
        return Motion.objects.create(
            meeting=meeting,
            position=(last or 0) + 1,
            title=title,
            text=text,
            method=method,
        )


@transaction.atomic
def update_motion(motion: Motion, *, by: User, title: str, text: str = "", method: str) -> Motion:
    motion = _lock_motion(motion)
    _require(access.can_run_meeting(by, motion.meeting))
    _require_preparable(motion.meeting)
    _require_draft(motion)
    motion.title = _text(title, "title", max_length=300)
    motion.text = _text(text, "text", required=False)
    motion.method = _check_method(method)
    with acting_as(by):
        motion.save()
    return motion


@transaction.atomic
def delete_motion(motion: Motion, *, by: User) -> None:
    motion = _lock_motion(motion)
    _require(access.can_run_meeting(by, motion.meeting))
    _require_preparable(motion.meeting)
    _require_draft(motion)
    with acting_as(by):
        motion.delete()


@transaction.atomic
def open_motion(motion: Motion, *, by: User) -> Motion:
    """Start the vote: only while the meeting is in progress."""
    motion = _lock_motion(motion)
    _require(access.can_run_meeting(by, motion.meeting))
    _require_in_progress(motion.meeting)
    if motion.status != VoteStatus.DRAFT:
        raise ValidationError(_("This vote has already been opened."), code="opened")
    motion.status = VoteStatus.OPEN
    motion.opened_at = timezone.now()
    with acting_as(by):
        motion.save(update_fields=["status", "opened_at", "updated_at"])
    return motion


def _check_hands(yes: object, no: object, abstain: object, present: int) -> tuple[int, int, int]:
    counts = (_count(yes, "yes"), _count(no, "no"), _count(abstain, "abstain"))
    if sum(counts) > present:
        raise ValidationError(
            {
                "yes": _(
                    "Agree, disagree and no opinion add up to %(total)s, more than the "
                    "%(present)s participants present."
                )
                % {"total": sum(counts), "present": present}
            },
            code="too_many",
        )
    return counts


@transaction.atomic
def record_hands(motion: Motion, *, by: User, yes: int, no: int, abstain: int) -> Motion:
    """The counts of a show of hands, as the secretary counted them (may be corrected until the
    vote closes)."""
    motion = _lock_motion(motion)
    _require(access.can_run_meeting(by, motion.meeting))
    if motion.method != VoteMethod.HANDS:
        raise ValidationError(
            _("This motion is voted by secret ballot: its counts come from the ballots."),
            code="not_hands",
        )
    _require_open(motion)
    present = attendance_of(motion.meeting).present
    motion.yes, motion.no, motion.abstain = _check_hands(yes, no, abstain, present)
    with acting_as(by):
        motion.save(update_fields=["yes", "no", "abstain", "updated_at"])
    return motion


@transaction.atomic
def cast_motion_ballot(motion: Motion, *, by: User, choice: str) -> MotionBallot:
    """A convened participant present votes once, in secret."""
    if choice not in Choice.values:
        raise ValidationError({"choice": _("Choose agree, disagree or no opinion.")})
    motion = _lock_motion(motion)
    if motion.method != VoteMethod.BALLOT:
        raise ValidationError(
            _("This motion is voted by a show of hands: the secretary records the counts."),
            code="not_ballot",
        )
    _require_open(motion)
    seat = _voter_seat(by, motion.meeting)
    if MotionBallot.objects.filter(motion=motion, participant=seat).exists():
        raise _already_voted()
    try:
        with transaction.atomic():
            ballot = MotionBallot.objects.create(motion=motion, participant=seat)
    except IntegrityError:
        # Another request of the same person won the race: the constraint refused ours.
        raise _already_voted() from None
    _store_secret(lambda key: MotionChoice.objects.create(id=key, motion=motion, choice=choice))
    return ballot


def _already_voted() -> ValidationError:
    return ValidationError(
        _("You have already voted: each participant votes only once."), code="already_voted"
    )


def _store_secret(create) -> None:
    """Write an anonymous row under a random key (another try in the unlikely event of a
    collision)."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                create(_random_key())
            return
        except IntegrityError:
            continue
    raise RuntimeError("no free random key for a secret choice")


def ballot_counts(motion: Motion) -> tuple[int, int, int]:
    counted = dict(
        MotionChoice.objects.filter(motion=motion)
        .values("choice")
        .annotate(n=Count("pk"))
        .values_list("choice", "n")
    )
    return counted.get(Choice.YES, 0), counted.get(Choice.NO, 0), counted.get(Choice.ABSTAIN, 0)


@transaction.atomic
def close_motion(motion: Motion, *, by: User) -> Motion:
    """Close the vote: needs the quorum; freezes present and convened, the counts and whether
    the motion is adopted."""
    motion = _lock_motion(motion)
    meeting = motion.meeting
    _require(access.can_run_meeting(by, meeting))
    _require_open(motion)
    attendance = attendance_of(meeting)
    _require_quorum(attendance)
    present = attendance.present
    if motion.method == VoteMethod.BALLOT:
        motion.yes, motion.no, motion.abstain = ballot_counts(motion)
        # Whoever cast a ballot was present when they voted, even if they left before the
        # close: the base is never smaller than the ballots.
        present = max(present, motion.yes + motion.no + motion.abstain)
    else:
        if motion.yes + motion.no + motion.abstain == 0:
            raise ValidationError(
                _("Record the counts of the show of hands before closing the vote."),
                code="no_counts",
            )
        # Someone may have left since the counts were typed: they must still fit.
        _check_hands(motion.yes, motion.no, motion.abstain, present)
    motion.present_at_close = present
    motion.convened_at_close = attendance.convened
    # Law 10/2022/QH15, arts. 21, 51: adopted with "more than half" of the kind's base
    # (those present, or all convened): exactly half is not adopted.
    motion.adopted = meeting.kind.is_adopted(motion.yes, present, attendance.convened)
    motion.status = VoteStatus.CLOSED
    motion.closed_at = timezone.now()
    with acting_as(by):
        motion.save()
    return motion


# --- Elections --------------------------------------------------------------------------------


def board_unit(meeting: Meeting, board_kind: str) -> Unit:
    """The unit whose board the election fills: the agency or enterprise holding the
    conference; for a commune's board, the commune (its members are elected at the meetings of
    its residential communities, Law 10/2022/QH15, art. 36)."""
    unit = meeting.unit
    if board_kind == BoardKind.AGENCY and unit.kind in (UnitKind.AGENCY, UnitKind.ENTERPRISE):
        return unit
    if board_kind == BoardKind.COMMUNE:
        if unit.kind == UnitKind.COMMUNE:
            return unit
        if unit.kind == UnitKind.RESIDENTIAL:
            parent = unit.parent_unit()
            if parent is not None and parent.kind == UnitKind.COMMUNE:
                return parent
    raise ValidationError(
        {
            "board_kind": _(
                "This meeting cannot elect that board: an agency's or enterprise's board is "
                "elected at its conference, a commune's board at the meetings of its "
                "residential communities."
            )
        }
    )


def _check_election_fields(meeting: Meeting, title: str, seats: object, board_kind: str) -> dict:
    title = _text(title, "title", max_length=300)
    if isinstance(seats, bool) or not isinstance(seats, int) or seats < 1:
        raise ValidationError({"seats": _("Enter the number of seats to fill, 1 or more.")})
    if seats > 100:
        raise ValidationError({"seats": _("At most 100 seats.")})
    board_kind = board_kind or ""
    if board_kind:
        if board_kind not in (BoardKind.AGENCY, BoardKind.COMMUNE):
            raise ValidationError({"board_kind": _("Choose the board elected.")})
        unit = board_unit(meeting, board_kind)
        rule = CompositionRule.for_kind(board_kind)
        problem = staff_problem(rule, unit)
        if problem is not None and problem.hard:
            raise ValidationError({"board_kind": f"{problem.message} ({problem.citation})"})
        if rule.max_members is not None and seats > rule.max_members:
            raise ValidationError(
                {
                    "seats": _("The board has at most %(max)s members (%(citation)s).")
                    % {"max": rule.max_members, "citation": rule.members_citation}
                }
            )
    return {"title": title, "seats": seats, "board_kind": board_kind}


@transaction.atomic
def add_election(
    meeting: Meeting,
    *,
    by: User,
    title: str,
    seats: int,
    board_kind: str = "",
    method: str = VoteMethod.BALLOT,
) -> Election:
    meeting = _lock_meeting(meeting)
    _require(access.can_run_meeting(by, meeting))
    _require_votes(meeting)
    _require_preparable(meeting)
    cleaned = _check_election_fields(meeting, title, seats, board_kind)
    with acting_as(by):
        return Election.objects.create(meeting=meeting, method=_check_method(method), **cleaned)


@transaction.atomic
def update_election(
    election: Election, *, by: User, title: str, seats: int, board_kind: str = "", method: str
) -> Election:
    election = _lock_election(election)
    _require(access.can_run_meeting(by, election.meeting))
    _require_preparable(election.meeting)
    _require_draft(election)
    cleaned = _check_election_fields(election.meeting, title, seats, board_kind)
    for name, value in cleaned.items():
        setattr(election, name, value)
    election.method = _check_method(method)
    with acting_as(by):
        election.save()
    return election


@transaction.atomic
def delete_election(election: Election, *, by: User) -> None:
    election = _lock_election(election)
    _require(access.can_run_meeting(by, election.meeting))
    _require_preparable(election.meeting)
    _require_draft(election)
    with acting_as(by):
        election.delete()


def candidate_problems(election: Election, candidate: Candidate) -> list:
    """The composition rules (coso.oversight.composition) that refuse this candidate: a unit
    leader on an agency's board, a commune official on a commune's board."""
    if not election.board_kind:
        return []
    board = Board(unit=board_unit(election.meeting, election.board_kind), kind=election.board_kind)
    member = BoardMember(
        full_name=candidate.full_name,
        is_unit_leader=candidate.is_unit_leader,
        is_commune_official=candidate.is_commune_official,
    )
    problems = composition_problems(board, [member], communities=[])
    return [p for p in problems if p.code in ("unit_leader", "commune_official")]


@transaction.atomic
def add_candidate(
    election: Election,
    *,
    by: User,
    full_name: str = "",
    user: User | None = None,
    job_title: str = "",
    community: Unit | None = None,
    is_unit_leader: bool = False,
    is_commune_official: bool = False,
) -> Candidate:
    election = _lock_election(election)
    meeting = election.meeting
    _require(access.can_run_meeting(by, meeting))
    _require_preparable(meeting)
    _require_draft(election)
    if not (full_name or "").strip() and user is not None:
        full_name = user.display_name
    full_name = _text(full_name, "full_name", max_length=200)
    if user is not None and election.candidates.filter(user=user).exists():
        raise ValidationError({"user": _("This person is already a candidate.")})
    if election.board_kind != BoardKind.COMMUNE:
        community = None
    elif community is None and meeting.unit.kind == UnitKind.RESIDENTIAL:
        community = meeting.unit
    elif community is not None:
        commune = board_unit(meeting, election.board_kind)
        if community.kind != UnitKind.RESIDENTIAL or not community.is_within(commune):
            raise ValidationError(
                {
                    "community": _("Choose a residential community of %(unit)s.")
                    % {"unit": commune.name}
                }
            )
    candidate = Candidate(
        election=election,
        full_name=full_name,
        user=user,
        job_title=_text(job_title, "job_title", required=False, max_length=200),
        community=community,
        is_unit_leader=bool(is_unit_leader),
        is_commune_official=bool(is_commune_official),
    )
    problems = candidate_problems(election, candidate)
    if problems:
        field = "is_unit_leader" if problems[0].code == "unit_leader" else "is_commune_official"
        raise ValidationError({field: f"{problems[0].message} ({problems[0].citation})"})
    with acting_as(by):
        candidate.save()
    return candidate


@transaction.atomic
def remove_candidate(candidate: Candidate, *, by: User) -> None:
    election = _lock_election(candidate.election)
    _require(access.can_run_meeting(by, election.meeting))
    _require_preparable(election.meeting)
    _require_draft(election)
    with acting_as(by):
        Candidate.objects.get(pk=candidate.pk, election=election).delete()


def election_warnings(election: Election, candidate_count: int | None = None) -> list[str]:
    """What the officer should see before opening: too few candidates for the seats."""
    count = election.candidates.count() if candidate_count is None else candidate_count
    if count < election.seats:
        return [
            _(
                "%(count)s candidates for %(seats)s seats: some seats will stay empty. "
                "Candidates are usually more than the seats."
            )
            % {"count": count, "seats": election.seats}
        ]
    return []


@transaction.atomic
def open_election(election: Election, *, by: User) -> Election:
    election = _lock_election(election)
    _require(access.can_run_meeting(by, election.meeting))
    _require_in_progress(election.meeting)
    if election.status != VoteStatus.DRAFT:
        raise ValidationError(_("This vote has already been opened."), code="opened")
    if not election.candidates.exists():
        raise ValidationError(_("Add the candidates before opening the election."))
    election.status = VoteStatus.OPEN
    election.opened_at = timezone.now()
    with acting_as(by):
        election.save(update_fields=["status", "opened_at", "updated_at"])
    return election


@transaction.atomic
def cast_election_ballot(
    election: Election, *, by: User, candidates: Iterable[Candidate | int]
) -> ElectionBallot:
    """A convened participant present marks at most `seats` candidates, once, in secret."""
    election = _lock_election(election)
    if election.method != VoteMethod.BALLOT:
        raise ValidationError(
            _("This election is counted by the counting board: it takes no ballot here."),
            code="not_ballot",
        )
    _require_open(election)
    wanted = {c.pk if isinstance(c, Candidate) else int(c) for c in candidates}
    valid = set(election.candidates.values_list("pk", flat=True))
    if not wanted <= valid:
        raise ValidationError({"candidates": _("Choose among the candidates of this election.")})
    if len(wanted) > election.seats:
        raise ValidationError(
            {
                "candidates": _(
                    "You marked %(n)s candidates: at most %(seats)s may be chosen, one per seat."
                )
                % {"n": len(wanted), "seats": election.seats}
            },
            code="too_many",
        )
    seat = _voter_seat(by, election.meeting)
    if ElectionBallot.objects.filter(election=election, participant=seat).exists():
        raise _already_voted()
    try:
        with transaction.atomic():
            ballot = ElectionBallot.objects.create(election=election, participant=seat)
    except IntegrityError:
        raise _already_voted() from None
    for candidate_id in sorted(wanted):
        _store_secret(
            lambda key, cid=candidate_id: ElectionMark.objects.create(
                id=key, election=election, candidate_id=cid
            )
        )
    return ballot


@transaction.atomic
def record_election_counts(
    election: Election,
    *,
    by: User,
    ballots_cast: int,
    ballots_invalid: int,
    votes: Mapping[int, int],
) -> Election:
    """The counting board's figures for an election counted in the room (hands or paper)."""
    election = _lock_election(election)
    _require(access.can_run_meeting(by, election.meeting))
    if election.method != VoteMethod.HANDS:
        raise ValidationError(
            _("This election is voted by ballot in coso: its counts come from the ballots."),
            code="not_hands",
        )
    _require_open(election)
    candidates = list(election.candidates.all())
    cast = _count(ballots_cast, "ballots_cast")
    invalid = _count(ballots_invalid, "ballots_invalid")
    present = attendance_of(election.meeting).present
    if cast > present:
        raise ValidationError(
            {
                "ballots_cast": _("%(cast)s ballots, more than the %(present)s present.")
                % {"cast": cast, "present": present}
            }
        )
    if invalid > cast:
        raise ValidationError({"ballots_invalid": _("More invalid ballots than ballots cast.")})
    valid = cast - invalid
    unknown = set(votes) - {c.pk for c in candidates}
    if unknown:
        raise ValidationError({"votes": _("Choose among the candidates of this election.")})
    for candidate in candidates:
        n = _count(votes.get(candidate.pk, 0), f"votes_{candidate.pk}")
        if n > valid:
            raise ValidationError(
                {
                    f"votes_{candidate.pk}": _(
                        "%(name)s has %(n)s votes, more than the %(valid)s valid ballots."
                    )
                    % {"name": candidate.full_name, "n": n, "valid": valid}
                }
            )
        candidate.votes = n
    if sum(c.votes for c in candidates) > valid * election.seats:
        raise ValidationError(
            {
                "votes": _(
                    "The votes add up to more than %(seats)s per valid ballot: check the counts."
                )
                % {"seats": election.seats}
            }
        )
    election.ballots_cast, election.ballots_invalid = cast, invalid
    with acting_as(by):
        for candidate in candidates:
            candidate.save(update_fields=["votes"])
        election.save(update_fields=["ballots_cast", "ballots_invalid", "updated_at"])
    return election


@dataclass(frozen=True)
class ElectionResult:
    valid: int
    needed: int  # the fewest votes to be elected: more than half of the valid ballots
    ranked: list[Candidate]
    elected: list[Candidate]
    tied: list[Candidate]  # tied at the last seat(s): not elected, another round decides
    seats_left: int  # seats the tie leaves empty

    @property
    def has_tie(self) -> bool:
        return bool(self.tied)


def election_result(
    election: Election, candidates: list[Candidate] | None = None
) -> ElectionResult:
    """Who is elected with the stored votes: the top `seats` candidates whose votes are strictly
    more than half of the valid ballots. A tie at the last seat is reported, never guessed."""
    if candidates is None:
        candidates = list(election.candidates.all())
    valid = election.ballots_cast - election.ballots_invalid
    ranked = sorted(candidates, key=lambda c: (-c.votes, c.full_name, c.pk))
    # Law 10/2022/QH15 (and the election rules of the conferences): more than half the valid
    # ballots; "more than half" means strictly more.
    above = [c for c in ranked if c.votes * 2 > valid]
    if len(above) <= election.seats:
        return ElectionResult(valid, valid // 2 + 1, ranked, above, [], election.seats - len(above))
    last = above[election.seats - 1].votes
    surely = [c for c in above if c.votes > last]
    tied = [c for c in above if c.votes == last]
    return ElectionResult(valid, valid // 2 + 1, ranked, surely, tied, election.seats - len(surely))


@transaction.atomic
def close_election(election: Election, *, by: User) -> Election:
    """Close the election: needs the quorum; counts the ballots and marks who is elected."""
    election = _lock_election(election)
    meeting = election.meeting
    _require(access.can_run_meeting(by, meeting))
    _require_open(election)
    attendance = attendance_of(meeting)
    _require_quorum(attendance)
    candidates = list(election.candidates.all())
    if election.method == VoteMethod.HANDS and election.ballots_cast == 0:
        raise ValidationError(
            _("Record the counting board's figures before closing the election."),
            code="no_counts",
        )
    if election.method == VoteMethod.BALLOT:
        election.ballots_cast = election.ballots.count()
        election.ballots_invalid = 0
        marks = dict(
            election.marks.values("candidate_id")
            .annotate(n=Count("pk"))
            .values_list("candidate_id", "n")
        )
        for candidate in candidates:
            candidate.votes = marks.get(candidate.pk, 0)
    result = election_result(election, candidates)
    elected = {c.pk for c in result.elected}
    for candidate in candidates:
        candidate.elected = candidate.pk in elected
    election.present_at_close = max(attendance.present, election.ballots_cast)
    election.convened_at_close = attendance.convened
    election.status = VoteStatus.CLOSED
    election.closed_at = timezone.now()
    with acting_as(by):
        for candidate in candidates:
            candidate.save(update_fields=["votes", "elected"])
        election.save()
    return election


def _meeting_day(meeting: Meeting) -> dt.date:
    return min(timezone.localdate(meeting.opened_at or meeting.starts_at), today())


@transaction.atomic
def set_up_board(election: Election, *, by: User) -> Board:
    """Record the People's Inspection Board the election filled (coso.oversight), with the
    elected as members: a new agency board, or the commune's board (created at the first
    community's election, then completed by the others)."""
    election = _lock_election(election)
    meeting = election.meeting
    _require(access.can_run_meeting(by, meeting))
    if not election.board_kind:
        raise ValidationError(_("This election does not fill a People's Inspection Board."))
    if election.status != VoteStatus.CLOSED:
        raise ValidationError(_("Close the election before setting up the board."))
    elected = list(election.candidates.filter(elected=True).select_related("community", "user"))
    if not elected:
        raise ValidationError(_("Nobody was elected: there is no board to set up."))
    unit = board_unit(meeting, election.board_kind)
    day = _meeting_day(meeting)
    if election.board_kind == BoardKind.COMMUNE:
        board = Board.objects.filter(
            unit=unit, kind=BoardKind.COMMUNE, status__in=OPEN_BOARD_STATUSES
        ).first()
        method = ElectionMethod.COMMUNITY_MEETINGS
    else:
        board = None
        method = (
            ElectionMethod.WORKERS_CONFERENCE
            if meeting.kind.code == KindCode.WORKERS_CONFERENCE
            else ElectionMethod.OFFICIALS_CONFERENCE
        )
    if board is None:
        board = oversight_actions.create_board(
            by=by, unit=unit, kind=election.board_kind, election_method=method, elected_on=day
        )
    have = {(m.full_name, m.community_id) for m in board.members.all()}
    if all((c.full_name, c.community_id) in have for c in elected):
        raise ValidationError(_("The board already has the members this election elected."))
    for candidate in elected:
        if (candidate.full_name, candidate.community_id) in have:
            continue
        oversight_actions.add_member(
            board,
            by=by,
            full_name=candidate.full_name,
            user=candidate.user
            if candidate.user and not board.members.filter(user=candidate.user).exists()
            else None,
            community=candidate.community if election.board_kind == BoardKind.COMMUNE else None,
            occupation=candidate.job_title,
            is_unit_leader=candidate.is_unit_leader,
            is_commune_official=candidate.is_commune_official,
        )
    return board


# --- Who has voted ------------------------------------------------------------------------------


def not_voted(vote: Motion | Election) -> list[Participant]:
    """Convened participants present who have cast no ballot yet (names only: never how)."""
    ballots = MotionBallot if isinstance(vote, Motion) else ElectionBallot
    field = "motion" if isinstance(vote, Motion) else "election"
    voted = ballots.objects.filter(**{field: vote}).values("participant_id")
    return list(
        vote.meeting.participants.filter(is_convened=True, checked_in_at__isnull=False)
        .exclude(pk__in=voted)
        .order_by("full_name", "id")
    )
