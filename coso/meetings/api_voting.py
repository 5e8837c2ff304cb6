"""JSON API of meetings: voting (mounted under /api/v1/ by coso/api.py).

The same access checks and actions as the pages: motions (show of hands or secret ballot) and
elections with their candidates; open, count, close; a participant's ballot (a second one
answers 409); who has not voted yet. A ballot's answer never says what was chosen.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from coso.units.access import get_unit_for

from . import access, voting
from .models import (
    Candidate,
    Choice,
    Election,
    Meeting,
    Motion,
    Participant,
    VoteMethod,
    VoteStatus,
)

router = Router(tags=["meetings"])


class MotionOut(Schema):
    id: int
    meeting_id: int
    position: int
    title: str
    text: str
    method: VoteMethod
    status: VoteStatus
    status_label: str = Field(..., alias="get_status_display")
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None
    yes: int | None
    no: int | None
    abstain: int | None
    present_at_close: int | None
    convened_at_close: int | None
    adopted: bool | None

    # A secret ballot shows no count until it closes; a show of hands shows the typed counts.
    @staticmethod
    def _hidden(motion: Motion) -> bool:
        return motion.method == VoteMethod.BALLOT and motion.status != VoteStatus.CLOSED

    @staticmethod
    def resolve_yes(motion: Motion) -> int | None:
        return None if MotionOut._hidden(motion) else motion.yes

    @staticmethod
    def resolve_no(motion: Motion) -> int | None:
        return None if MotionOut._hidden(motion) else motion.no

    @staticmethod
    def resolve_abstain(motion: Motion) -> int | None:
        return None if MotionOut._hidden(motion) else motion.abstain


class CandidateOut(Schema):
    id: int
    full_name: str
    job_title: str
    community_id: int | None
    is_unit_leader: bool
    is_commune_official: bool
    votes: int | None
    elected: bool

    @staticmethod
    def resolve_votes(candidate: Candidate) -> int | None:
        election = candidate.election
        hidden = election.method == VoteMethod.BALLOT and election.status != VoteStatus.CLOSED
        return None if hidden else candidate.votes


class ElectionOut(Schema):
    id: int
    meeting_id: int
    title: str
    seats: int
    board_kind: str
    method: VoteMethod
    status: VoteStatus
    status_label: str = Field(..., alias="get_status_display")
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None
    ballots_cast: int
    ballots_invalid: int
    present_at_close: int | None
    convened_at_close: int | None
    candidates: list[CandidateOut]
    tied_candidate_ids: list[int]
    warnings: list[str]

    @staticmethod
    def resolve_candidates(election: Election) -> list:
        return list(election.candidates.all())

    @staticmethod
    def resolve_tied_candidate_ids(election: Election) -> list[int]:
        if election.status != VoteStatus.CLOSED:
            return []
        return [c.pk for c in voting.election_result(election).tied]

    @staticmethod
    def resolve_warnings(election: Election) -> list[str]:
        if election.status != VoteStatus.DRAFT:
            return []
        return voting.election_warnings(election)


class VotesOut(Schema):
    motions: list[MotionOut]
    elections: list[ElectionOut]


class MotionIn(Schema):
    title: str = Field(..., max_length=300)
    text: str = ""
    method: VoteMethod = VoteMethod.HANDS


class HandsIn(Schema):
    yes: int = Field(..., ge=0)
    no: int = Field(..., ge=0)
    abstain: int = Field(..., ge=0)


class ChoiceIn(Schema):
    choice: Choice


class BallotOut(Schema):
    detail: str
    cast_at: dt.datetime


class ErrorOut(Schema):
    detail: str


class ElectionIn(Schema):
    title: str = Field(..., max_length=300)
    seats: int = Field(..., ge=1, le=100)
    board_kind: str = ""
    method: VoteMethod = VoteMethod.BALLOT


class CandidateIn(Schema):
    full_name: str = Field(..., max_length=200)
    job_title: str = ""
    community_id: int | None = None
    is_unit_leader: bool = False
    is_commune_official: bool = False


class CountsIn(Schema):
    ballots_cast: int = Field(..., ge=0)
    ballots_invalid: int = Field(0, ge=0)
    votes: dict[int, int]


class MarksIn(Schema):
    candidate_ids: list[int]


class WaitingOut(Schema):
    id: int
    full_name: str
    has_account: bool

    @staticmethod
    def resolve_has_account(participant: Participant) -> bool:
        return participant.user_id is not None


class BoardOut(Schema):
    board_id: int
    name: str


def _runner(request: HttpRequest, meeting: Meeting) -> None:
    if not access.can_run_meeting(request.user, meeting):
        raise PermissionDenied


def _motion(request: HttpRequest, motion_id: int, *, run: bool = True) -> Motion:
    motion = access.get_motion_for(request.user, motion_id)
    if run:
        _runner(request, motion.meeting)
    return motion


def _election(request: HttpRequest, election_id: int, *, run: bool = True) -> Election:
    election = access.get_election_for(request.user, election_id)
    if run:
        _runner(request, election.meeting)
    return election


def _cast(cast) -> Status:
    """201 with a receipt that never says the choice; 409 for a second ballot."""
    try:
        ballot = cast()
    except ValidationError as exc:
        if getattr(exc, "code", None) == "already_voted":
            return Status(409, {"detail": exc.messages[0]})
        raise
    return Status(201, {"detail": _("Your ballot was cast."), "cast_at": ballot.cast_at})


# --- Reading ----------------------------------------------------------------------------------


@router.get(
    "/meetings/{meeting_id}/votes",
    response=VotesOut,
    summary="The meeting's motions and elections, with their results",
)
def list_votes(request: HttpRequest, meeting_id: int) -> dict:
    """Counts of a secret ballot stay hidden (null) until it closes."""
    meeting = access.get_meeting_for(request.user, meeting_id)
    return {
        "motions": list(meeting.motions.all()),
        "elections": list(
            meeting.elections.prefetch_related("candidates__election").order_by("id")
        ),
    }


@router.get("/meetings/motions/{motion_id}", response=MotionOut, summary="A motion")
def get_motion(request: HttpRequest, motion_id: int) -> Motion:
    return _motion(request, motion_id, run=False)


@router.get("/meetings/elections/{election_id}", response=ElectionOut, summary="An election")
def get_election(request: HttpRequest, election_id: int) -> Election:
    return _election(request, election_id, run=False)


@router.get("/meetings/candidates/{candidate_id}", response=CandidateOut, summary="A candidate")
def get_candidate(request: HttpRequest, candidate_id: int) -> Candidate:
    return access.get_candidate_for(request.user, candidate_id)


@router.get(
    "/meetings/motions/{motion_id}/not-voted",
    response=list[WaitingOut],
    summary="Who has not voted yet on a secret ballot",
)
def motion_not_voted(request: HttpRequest, motion_id: int) -> list:
    return voting.not_voted(_motion(request, motion_id))


@router.get(
    "/meetings/elections/{election_id}/not-voted",
    response=list[WaitingOut],
    summary="Who has not voted yet in an election",
)
def election_not_voted(request: HttpRequest, election_id: int) -> list:
    return voting.not_voted(_election(request, election_id))


# --- Motions ----------------------------------------------------------------------------------


@router.post("/meetings/{meeting_id}/motions", response={201: MotionOut}, summary="Add a motion")
def add_motion(request: HttpRequest, meeting_id: int, payload: MotionIn) -> Status:
    meeting = access.get_meeting_for(request.user, meeting_id)
    motion = voting.add_motion(meeting, by=request.user, **payload.dict())
    return Status(201, motion)


@router.put("/meetings/motions/{motion_id}", response=MotionOut, summary="Change a motion")
def update_motion(request: HttpRequest, motion_id: int, payload: MotionIn) -> Motion:
    """Only before it is opened."""
    return voting.update_motion(_motion(request, motion_id), by=request.user, **payload.dict())


@router.delete("/meetings/motions/{motion_id}", response={204: None}, summary="Delete a motion")
def delete_motion(request: HttpRequest, motion_id: int) -> Status:
    voting.delete_motion(_motion(request, motion_id), by=request.user)
    return Status(204, None)


@router.post("/meetings/motions/{motion_id}/open", response=MotionOut, summary="Open the vote")
def open_motion(request: HttpRequest, motion_id: int) -> Motion:
    """Only while the meeting is in progress."""
    return voting.open_motion(_motion(request, motion_id), by=request.user)


@router.post(
    "/meetings/motions/{motion_id}/hands",
    response=MotionOut,
    summary="Record the counts of a show of hands",
)
def record_hands(request: HttpRequest, motion_id: int, payload: HandsIn) -> Motion:
    """Agree, disagree and no opinion together at most those present."""
    return voting.record_hands(_motion(request, motion_id), by=request.user, **payload.dict())


@router.post(
    "/meetings/motions/{motion_id}/close",
    response=MotionOut,
    summary="Close the vote and count it",
)
def close_motion(request: HttpRequest, motion_id: int) -> Motion:
    """Refused without the quorum; adopted with more than half of the kind's base."""
    return voting.close_motion(_motion(request, motion_id), by=request.user)


@router.post(
    "/meetings/motions/{motion_id}/ballots",
    response={201: BallotOut, 409: ErrorOut},
    summary="Cast your secret ballot on a motion",
)
def cast_motion_ballot(request: HttpRequest, motion_id: int, payload: ChoiceIn) -> Status:
    motion = _motion(request, motion_id, run=False)
    if not access.can_cast_ballot(request.user, motion.meeting):
        raise PermissionDenied
    return _cast(lambda: voting.cast_motion_ballot(motion, by=request.user, choice=payload.choice))


# --- Elections --------------------------------------------------------------------------------


@router.post(
    "/meetings/{meeting_id}/elections", response={201: ElectionOut}, summary="Add an election"
)
def add_election(request: HttpRequest, meeting_id: int, payload: ElectionIn) -> Status:
    meeting = access.get_meeting_for(request.user, meeting_id)
    return Status(201, voting.add_election(meeting, by=request.user, **payload.dict()))


@router.put("/meetings/elections/{election_id}", response=ElectionOut, summary="Change an election")
def update_election(request: HttpRequest, election_id: int, payload: ElectionIn) -> Election:
    election = _election(request, election_id)
    return voting.update_election(election, by=request.user, **payload.dict())


@router.delete(
    "/meetings/elections/{election_id}", response={204: None}, summary="Delete an election"
)
def delete_election(request: HttpRequest, election_id: int) -> Status:
    voting.delete_election(_election(request, election_id), by=request.user)
    return Status(204, None)


@router.post(
    "/meetings/elections/{election_id}/candidates",
    response={201: CandidateOut},
    summary="Add a candidate",
)
def add_candidate(request: HttpRequest, election_id: int, payload: CandidateIn) -> Status:
    """Checked against the board's rules of composition when the election fills one."""
    election = _election(request, election_id)
    fields = payload.dict()
    community_id = fields.pop("community_id")
    community = get_unit_for(request.user, community_id) if community_id else None
    candidate = voting.add_candidate(election, by=request.user, community=community, **fields)
    return Status(201, candidate)


@router.delete(
    "/meetings/candidates/{candidate_id}", response={204: None}, summary="Remove a candidate"
)
def remove_candidate(request: HttpRequest, candidate_id: int) -> Status:
    candidate = access.get_candidate_for(request.user, candidate_id)
    _runner(request, candidate.election.meeting)
    voting.remove_candidate(candidate, by=request.user)
    return Status(204, None)


@router.post(
    "/meetings/elections/{election_id}/open", response=ElectionOut, summary="Open the election"
)
def open_election(request: HttpRequest, election_id: int) -> Election:
    return voting.open_election(_election(request, election_id), by=request.user)


@router.post(
    "/meetings/elections/{election_id}/counts",
    response=ElectionOut,
    summary="Record the counting board's figures",
)
def record_counts(request: HttpRequest, election_id: int, payload: CountsIn) -> Election:
    """For an election by show of hands or paper ballots counted in the room."""
    return voting.record_election_counts(
        _election(request, election_id),
        by=request.user,
        ballots_cast=payload.ballots_cast,
        ballots_invalid=payload.ballots_invalid,
        votes=payload.votes,
    )


@router.post(
    "/meetings/elections/{election_id}/close",
    response=ElectionOut,
    summary="Close the election and count it",
)
def close_election(request: HttpRequest, election_id: int) -> Election:
    """Elected: the top `seats` with more than half of the valid ballots; a tie at the last
    seat is reported in `tied_candidate_ids`, not decided."""
    return voting.close_election(_election(request, election_id), by=request.user)


@router.post(
    "/meetings/elections/{election_id}/ballots",
    response={201: BallotOut, 409: ErrorOut},
    summary="Cast your secret ballot in an election",
)
def cast_election_ballot(request: HttpRequest, election_id: int, payload: MarksIn) -> Status:
    """Mark at most `seats` candidates."""
    election = _election(request, election_id, run=False)
    if not access.can_cast_ballot(request.user, election.meeting):
        raise PermissionDenied
    return _cast(
        lambda: voting.cast_election_ballot(
            election, by=request.user, candidates=payload.candidate_ids
        )
    )


@router.post(
    "/meetings/elections/{election_id}/board",
    response={201: BoardOut},
    summary="Set up the People's Inspection Board from the result",
)
def set_up_board(request: HttpRequest, election_id: int) -> Status:
    board = voting.set_up_board(_election(request, election_id), by=request.user)
    return Status(201, {"board_id": board.pk, "name": board.name})
