"""Law 10/2022/QH15, arts. 17 and 21: households, not people, are counted. One representative
votes for the whole household, and the threshold is over the number of households."""

from coso.community import actions
from coso.community.models import Household

from .conftest import add_households, open_online


def test_a_household_of_six_counts_once(commune_officer, village):
    # Given 3 households, one of them with 6 members (8 people in all)
    big, small, other = add_households(commune_officer, village, 3, with_users=True)
    actions.update_household(by=commune_officer, household=big, members_count=6)
    matter = open_online(commune_officer, village)
    # When the household of six agrees
    actions.cast_online_vote(by=big.representative_user, matter=matter, choice="yes")
    matter = actions.close_voting(by=commune_officer, matter=matter)
    # Then the denominator is 3 households, not the people, and its vote counts once
    assert sum(h.members_count for h in Household.objects.filter(unit=village)) > 3
    assert matter.households_total == 3
    assert matter.yes_count == 1
    # 1 of 3 households is not more than half, however many people live in it
    assert matter.adopted is False


def test_households_that_left_are_not_counted(commune_officer, village):
    # Given 4 households of which one left the community
    households = add_households(commune_officer, village, 4, with_users=True)
    actions.update_household(
        by=commune_officer, household=households[3], left_on=households[3].created_at.date()
    )
    # When a matter is opened
    matter = open_online(commune_officer, village)
    # Then only the 3 households still living there are counted
    assert matter.households_total == 3
    # and the one that left cannot vote
    import pytest
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        actions.cast_online_vote(by=households[3].representative_user, matter=matter, choice="yes")


def test_households_added_after_opening_do_not_vote_on_it(commune_officer, village):
    # Given a matter opened with 2 households
    add_households(commune_officer, village, 2, with_users=True)
    matter = open_online(commune_officer, village)
    # When a third household is registered afterwards
    (late,) = add_households(commune_officer, village, 1, start=3, with_users=True)
    # Then the denominator stays 2 and the newcomer's vote is refused
    import pytest
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        actions.cast_online_vote(by=late.representative_user, matter=matter, choice="yes")
    assert "H003" in refused.value.messages[0]
    matter.refresh_from_db()
    assert matter.households_total == 2
