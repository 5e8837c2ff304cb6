"""JSON API of community decisions (mounted under /api/v1/ with the prefix /community/).

Reads go through the checked fetches of community.access; a vote goes through
community.actions.cast_online_vote, like the voting page. A second vote from the same
household answers 409 with a Vietnamese message.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from . import access, actions
from .models import (
    DecisionMethod,
    Matter,
    MatterKind,
    MatterStatus,
    Vote,
    VoteChannel,
    VoteChoice,
)

router = Router(tags=["community"])


class MatterOut(Schema):
    id: int
    unit_id: int
    unit_name: str = Field(..., alias="unit.name")
    kind: MatterKind
    kind_label: str = Field(..., alias="get_kind_display")
    title: str
    method: DecisionMethod
    status: MatterStatus
    status_label: str = Field(..., alias="get_status_display")
    secret: bool
    meeting_at: dt.datetime | None
    meeting_place: str
    voting_opens_at: dt.datetime | None
    voting_closes_at: dt.datetime | None
    households_total: int
    adopted: bool | None
    decided_on: dt.date | None
    send_deadline: dt.date | None
    sent_to_commune_on: dt.date | None


class TallyOut(Schema):
    voted: int
    yes: int | None
    no: int | None
    abstain: int | None
    households_total: int
    votes_needed: int


class MyVoteOut(Schema):
    household_code: str
    voted: bool
    receipt: str | None = None


class MatterDetailOut(MatterOut):
    description: str
    converted_from_id: int | None
    tally: TallyOut
    my_household: MyVoteOut | None = None

    @staticmethod
    def resolve_tally(matter: Matter) -> TallyOut:
        return _tally(matter)


class VoteIn(Schema):
    choice: VoteChoice


class VoteOut(Schema):
    receipt: str
    matter_id: int
    household_code: str
    channel: VoteChannel
    # Empty in a secret ballot: the choice is never kept with the household.
    choice: str
    created_at: dt.datetime


class ErrorOut(Schema):
    detail: str


def _visible(request: HttpRequest) -> QuerySet[Matter]:
    user = request.user
    voter = access.voter_matters_q(user) & ~Q(status=MatterStatus.CONVERTED)
    return Matter.objects.filter(access.visible_matters_q(user) | voter)


def _tally(matter: Matter) -> TallyOut:
    tally = matter.tally()
    # While a secret ballot is open nobody sees how it is going, only who has voted.
    hide = matter.secret and not matter.is_decided
    return TallyOut(
        voted=tally.voted,
        yes=None if hide else tally.yes,
        no=None if hide else tally.no,
        abstain=None if hide else tally.abstain,
        households_total=matter.households_total,
        votes_needed=matter.rule.votes_needed(matter.households_total),
    )


def _receipt(vote: Vote) -> str:
    return f"{vote.matter_id}-{vote.pk}"


def _vote_out(vote: Vote) -> VoteOut:
    return VoteOut(
        receipt=_receipt(vote),
        matter_id=vote.matter_id,
        household_code=vote.household.code,
        channel=vote.channel,
        choice=vote.choice,
        created_at=vote.created_at,
    )


@router.get(
    "/community/matters/",
    response=list[MatterOut],
    summary="Matters of the communities you manage, read, or vote in",
)
@paginate(LimitOffsetPagination)
def list_matters(
    request: HttpRequest,
    unit_id: int | None = None,
    status: MatterStatus | None = None,
    q: str = "",
) -> QuerySet[Matter]:
    matters = _visible(request).select_related("unit")
    if unit_id is not None:
        matters = matters.filter(unit_id=unit_id)
    if status is not None:
        matters = matters.filter(status=status)
    if q.strip():
        matters = matters.search(q)
    return matters.annotate(voted=Count("votes")).order_by("-created_at", "-id")


def _fetch(request: HttpRequest, matter_id: int) -> Matter:
    user = request.user
    try:
        return access.get_matter_for(user, matter_id)
    except Http404:
        matter, _household = access.get_matter_for_voter(user, matter_id)
        return matter


@router.get("/community/matters/{matter_id}", response=MatterDetailOut, summary="A matter")
def get_matter(request: HttpRequest, matter_id: int) -> Matter:
    matter = _fetch(request, matter_id)
    household = access.household_of_voter(request.user, matter.unit)
    mine = None
    if household is not None:
        vote = Vote.objects.filter(matter=matter, household=household).first()
        mine = MyVoteOut(
            household_code=household.code,
            voted=vote is not None,
            receipt=_receipt(vote) if vote else None,
        )
    matter.my_household = mine
    return matter


@router.post(
    "/community/matters/{matter_id}/votes",
    response={201: VoteOut, 409: ErrorOut},
    summary="Cast your household's online vote",
)
def cast_vote(request: HttpRequest, matter_id: int, payload: VoteIn) -> Status:
    """The representative of a household of the matter's community votes once; a second vote
    from the same household, by any channel, answers 409."""
    matter, _household = access.get_matter_for_voter(request.user, matter_id)
    try:
        vote = actions.cast_online_vote(by=request.user, matter=matter, choice=payload.choice)
    except ValidationError as exc:
        if getattr(exc, "code", None) == "already_voted":
            return Status(409, {"detail": exc.messages[0]})
        raise
    return Status(201, _vote_out(vote))
