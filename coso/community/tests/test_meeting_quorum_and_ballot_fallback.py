"""A meeting decides only with more than half of the households present, and the result counts
agreeing households among ALL households (Law 10/2022/QH15, art. 21). A meeting that cannot
reach the threshold turns into a ballot sent to every household (Decree 59/2023/NĐ-CP, art. 4).
"""

import pytest
from django.core.exceptions import ValidationError

from coso.community import actions
from coso.community.models import DecisionMethod, MatterStatus, Vote

from .conftest import open_meeting


def _hands(officer, matter, households, choice="yes"):
    return actions.record_meeting_votes(
        by=officer, matter=matter, votes={h: choice for h in households}
    )


def test_meeting_with_more_than_half_present_adopts_with_yes_over_all_households(
    commune_officer, village, households
):
    # Given 6 of 10 households present, all 6 agreeing
    matter = open_meeting(commune_officer, village)
    assert actions.record_attendance(by=commune_officer, matter=matter, present=households[:6]) == 6
    _hands(commune_officer, matter, households[:6])
    # When counted
    matter = actions.close_voting(by=commune_officer, matter=matter)
    # Then adopted: 6 of the 10 households of the community agreed
    assert (matter.adopted, matter.present_count, matter.yes_count) == (True, 6, 6)


def test_majority_of_those_present_is_not_enough(commune_officer, village, households):
    # Given 8 of 10 present, 5 agreeing (5/8 of those present, but half of all households)
    matter = open_meeting(commune_officer, village)
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:8])
    _hands(commune_officer, matter, households[:5], "yes")
    _hands(commune_officer, matter, households[5:8], "no")
    # Then the meeting cannot adopt and may turn into a ballot
    assert actions.can_convert(matter) is True
    matter = actions.close_voting(by=commune_officer, matter=matter)
    assert matter.adopted is False


def test_exactly_half_present_has_no_quorum(commune_officer, village, households):
    # Given exactly 5 of 10 households present
    matter = open_meeting(commune_officer, village)
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:5])
    # Then "more than half" is not reached (Decree 59/2023, art. 4)
    assert matter.rule.has_quorum(matter.present(), matter.households_total) is False
    assert actions.can_convert(matter) is True


def test_meeting_without_enough_households_turns_into_a_household_ballot(
    commune_officer, counter, village, households
):
    # Given a meeting with only 4 of 10 households present, who all agree
    matter = open_meeting(commune_officer, village, secret=False)
    actions.set_counting_board(by=commune_officer, matter=matter, members=[counter])
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:4])
    _hands(commune_officer, matter, households[:4])
    # When the officer turns it into a ballot
    ballot = actions.convert_to_ballot(by=commune_officer, matter=matter)
    # Then the meeting is kept, marked as replaced, with what happened at it
    matter.refresh_from_db()
    assert matter.status == MatterStatus.CONVERTED
    assert (matter.present_count, matter.yes_count, matter.adopted) == (4, 4, False)
    # and a ballot to every household is open, linked to it, with the same board
    assert ballot.method == DecisionMethod.BALLOT
    assert ballot.status == MatterStatus.OPEN
    assert ballot.converted_from == matter
    assert ballot.households_total == 10
    assert list(ballot.counting_board.all()) == [counter]
    # every household answers the ballot afresh (the meeting's hands do not carry over)
    assert ballot.votes.count() == 0
    codes = actions.prepare_ballots(by=commune_officer, matter=ballot)
    assert len(codes) == 10
    for code in codes[:6]:
        actions.record_paper_ballot(by=counter, matter=ballot, code=code.code, choice="yes")
    ballot = actions.close_voting(by=commune_officer, matter=ballot)
    assert ballot.adopted is True


def test_kind_that_goes_to_a_meeting_still_falls_back_to_a_ballot(
    commune_officer, village, households
):
    # Given a village convention (kind 3: meeting only, art. 17) with too few households
    matter = open_meeting(commune_officer, village, kind="convention")
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:3])
    # When converted, Then the Decree's fallback ballot is allowed for this kind too
    ballot = actions.convert_to_ballot(by=commune_officer, matter=matter)
    assert ballot.method == DecisionMethod.BALLOT
    assert ballot.kind == "convention"


def test_a_meeting_that_adopts_cannot_be_turned_into_a_ballot(commune_officer, village, households):
    # Given a meeting whose households already adopted the matter
    matter = open_meeting(commune_officer, village)
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:7])
    _hands(commune_officer, matter, households[:6])
    # When the officer tries to convert it
    with pytest.raises(ValidationError):
        actions.convert_to_ballot(by=commune_officer, matter=matter)
    # Then it stays open, to be counted
    matter.refresh_from_db()
    assert matter.status == MatterStatus.OPEN


def test_closed_meeting_that_failed_can_still_be_converted(commune_officer, village, households):
    # Given a meeting counted without quorum
    matter = open_meeting(commune_officer, village)
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:2])
    matter = actions.close_voting(by=commune_officer, matter=matter)
    assert matter.adopted is False
    # When converted afterwards, Then the ballot opens and the meeting's deadline is dropped
    ballot = actions.convert_to_ballot(by=commune_officer, matter=matter)
    matter.refresh_from_db()
    assert matter.status == MatterStatus.CONVERTED
    assert matter.send_deadline is None
    assert ballot.status == MatterStatus.OPEN


def test_absent_household_cannot_vote_at_the_meeting(commune_officer, village, households):
    # Given a meeting where household 10 is not present
    matter = open_meeting(commune_officer, village)
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:6])
    # When its vote is entered, Then it is refused and nothing is stored
    with pytest.raises(ValidationError):
        _hands(commune_officer, matter, [households[9]])
    assert Vote.objects.filter(matter=matter).count() == 0


def test_household_that_voted_cannot_be_marked_absent(commune_officer, village, households):
    # Given household 1 voted at the meeting
    matter = open_meeting(commune_officer, village)
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:6])
    _hands(commune_officer, matter, [households[0]])
    # When the attendance is saved without it, Then it is refused and the roll is unchanged
    with pytest.raises(ValidationError):
        actions.record_attendance(by=commune_officer, matter=matter, present=households[1:6])
    assert matter.present() == 6
