"""Law 10/2022/QH15, art. 17: one representative per household votes, once. A second vote from
the same household is refused whichever channel each vote comes through, with a Vietnamese
message, and nothing of the second vote is stored."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from coso.community import actions
from coso.community.models import BallotCode, Vote, VoteChannel

from .conftest import open_meeting


def _online(matter, household, choice="yes"):
    return actions.cast_online_vote(by=household.representative_user, matter=matter, choice=choice)


def _paper(officer, matter, household, choice="yes"):
    code = BallotCode.objects.get(matter=matter, household=household).code
    return actions.record_paper_ballot(by=officer, matter=matter, code=code, choice=choice)


def _hands(officer, matter, household, choice="yes"):
    return actions.record_meeting_votes(by=officer, matter=matter, votes={household: choice})[0]


def _assert_second_refused(first, second, matter, household):
    first()
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        second()
    message = " ".join(refused.value.messages)
    if "Phiếu" in message:  # the same paper ballot entered twice
        assert "đã được nhập" in message, message
    else:
        assert "đã biểu quyết" in message, message
        assert household.code in message
    assert Vote.objects.filter(matter=matter, household=household).count() == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [("online", "paper"), ("paper", "online"), ("online", "online"), ("paper", "paper")],
)
def test_online_matter_refuses_a_second_vote(
    commune_officer, online_matter, households, first, second
):
    # Given an online vote whose households may also answer on paper
    household = households[0]
    actions.prepare_ballots(by=commune_officer, matter=online_matter)
    ways = {
        "online": lambda choice: _online(online_matter, household, choice),
        "paper": lambda choice: _paper(commune_officer, online_matter, household, choice),
    }
    # When the household votes once, then again through the other (or the same) channel
    # Then the second vote is refused and the first one stands
    _assert_second_refused(
        lambda: ways[first]("yes"), lambda: ways[second]("no"), online_matter, household
    )
    assert Vote.objects.get(matter=online_matter, household=household).choice == "yes"


@pytest.mark.parametrize(
    ("first", "second"), [("paper", "meeting"), ("meeting", "paper"), ("meeting", "meeting")]
)
def test_meeting_refuses_a_second_vote(commune_officer, village, households, first, second):
    # Given a meeting where the household is present; ballots are printed too
    matter = open_meeting(commune_officer, village)
    household = households[0]
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:6])
    actions.prepare_ballots(by=commune_officer, matter=matter)
    ways = {
        "paper": lambda: _paper(commune_officer, matter, household),
        "meeting": lambda: _hands(commune_officer, matter, household),
    }
    # When it votes twice, Then the second vote is refused
    _assert_second_refused(ways[first], ways[second], matter, household)


def test_online_vote_is_refused_on_a_meeting(commune_officer, village, households):
    # Given a meeting (kind 1: never online, art. 17)
    matter = open_meeting(commune_officer, village)
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:6])
    _hands(commune_officer, matter, households[0])
    # When the representative also tries online
    with pytest.raises(ValidationError):
        _online(matter, households[0], "no")
    # Then only the show of hands is stored
    assert Vote.objects.get(matter=matter, household=households[0]).channel == VoteChannel.MEETING


def test_the_database_refuses_a_second_vote_even_past_the_checks(online_matter, households):
    # Given a household that voted
    vote = _online(online_matter, households[0])
    # When a second row is written directly, skipping the action's checks
    # Then the unique constraint on (matter, household) refuses it
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(
            matter=online_matter, household=households[0], choice="no", channel=VoteChannel.PAPER
        )
    assert Vote.objects.filter(matter=online_matter).count() == 1
    assert vote.choice == "yes"


def test_a_batch_of_hands_with_one_household_twice_is_refused_whole(
    commune_officer, village, households
):
    # Given a meeting where household 1 already voted by show of hands
    matter = open_meeting(commune_officer, village)
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:6])
    _hands(commune_officer, matter, households[0])
    # When the next batch includes household 1 again
    with pytest.raises(ValidationError):
        actions.record_meeting_votes(
            by=commune_officer,
            matter=matter,
            votes={households[1]: "yes", households[0]: "no", households[2]: "no"},
        )
    # Then nothing of the batch is saved
    assert Vote.objects.filter(matter=matter).count() == 1
