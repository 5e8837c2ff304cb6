"""Law 10/2022/QH15, art. 21: a matter is adopted when MORE than half of ALL households of the
community agree — not of those who voted, and exactly half is not enough."""

from coso.community import actions
from coso.community.models import MatterStatus, VoteChoice

from .conftest import add_households, open_online


def _vote(households, matter, yes: int, no: int = 0):
    for household in households[:yes]:
        actions.cast_online_vote(by=household.representative_user, matter=matter, choice="yes")
    for household in households[yes : yes + no]:
        actions.cast_online_vote(by=household.representative_user, matter=matter, choice="no")


def test_exactly_half_of_all_households_is_not_adopted(commune_officer, online_matter, households):
    # Given 10 households, 5 of which agree
    _vote(households, online_matter, yes=5, no=1)
    # When the officer counts the votes
    matter = actions.close_voting(by=commune_officer, matter=online_matter)
    # Then 5 of 10 is not "more than half" (art. 21): not adopted
    assert matter.status == MatterStatus.CLOSED
    assert matter.adopted is False
    assert (matter.yes_count, matter.no_count, matter.households_total) == (5, 1, 10)


def test_one_more_than_half_is_adopted(commune_officer, online_matter, households):
    # Given 6 of 10 households agree
    _vote(households, online_matter, yes=6)
    # When counted
    matter = actions.close_voting(by=commune_officer, matter=online_matter)
    # Then adopted
    assert matter.adopted is True
    assert matter.yes_count == 6


def test_majority_of_those_voting_is_not_enough(commune_officer, online_matter, households):
    # Given only 4 households voted, all agreeing (100% of the votes cast)
    _vote(households, online_matter, yes=4)
    # When counted
    matter = actions.close_voting(by=commune_officer, matter=online_matter)
    # Then 4 of the 10 households of the community is not more than half: not adopted
    assert matter.adopted is False


def test_odd_number_of_households(commune_officer, village, households):
    # Given 11 households (5 is less than half, 6 more than half)
    add_households(commune_officer, village, 1, start=11, with_users=True)
    matter = open_online(commune_officer, village)
    assert matter.households_total == 11
    from coso.community.models import Household

    everyone = list(Household.objects.filter(unit=village).order_by("code"))
    _vote(everyone, matter, yes=6)
    # When counted
    matter = actions.close_voting(by=commune_officer, matter=matter)
    # Then 6 of 11 is adopted
    assert matter.adopted is True
    assert matter.rule.votes_needed(11) == 6
    assert matter.rule.votes_needed(10) == 6


def test_abstentions_count_as_voted_not_as_agree(commune_officer, online_matter, households):
    # Given 5 agree and 5 give no opinion
    for household in households[:5]:
        actions.cast_online_vote(
            by=household.representative_user, matter=online_matter, choice=VoteChoice.YES
        )
    for household in households[5:]:
        actions.cast_online_vote(
            by=household.representative_user, matter=online_matter, choice=VoteChoice.ABSTAIN
        )
    # When counted
    matter = actions.close_voting(by=commune_officer, matter=online_matter)
    # Then everyone voted, but 5 of 10 agreeing is not adopted
    assert matter.tally().voted == 10
    assert matter.abstain_count == 5
    assert matter.adopted is False
