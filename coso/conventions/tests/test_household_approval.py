"""The households approve the convention when more than half of ALL households of the
community agree (Law 10/2022/QH15, art. 21; Decree 61/2023/NĐ-CP), read from the community
matter once its votes are counted. Exactly half is not approval."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from coso.community.models import MatterKind
from coso.conventions import actions
from coso.conventions.models import VersionStatus
from coso.core.workdays import add_working_days

from .conftest import comment_period_passes, households_vote, post_for_comment, working


def _voting(convention, officer):
    version = post_for_comment(working(convention), officer)
    return comment_period_passes(version)


def test_exactly_half_of_the_households_is_not_approval(convention, commune_officer, households):
    # given 10 households, all at the meeting, 5 agree and 5 disagree
    version = _voting(convention, commune_officer)
    matter = households_vote(version, commune_officer, households, yes=5)
    assert matter.kind == MatterKind.CONVENTION
    assert matter.adopted is False

    # when the officer records the households' decision
    version = actions.record_households_decision(version, by=commune_officer)

    # then the version is not approved and no deadline to the commune runs
    assert version.status == VersionStatus.REJECTED
    assert version.approved_on is None
    assert version.submission_deadline is None


def test_more_than_half_approves_and_starts_the_five_working_days(
    convention, commune_officer, households
):
    version = _voting(convention, commune_officer)
    matter = households_vote(version, commune_officer, households, yes=6)

    version = actions.record_households_decision(version, by=commune_officer)

    assert version.status == VersionStatus.APPROVED
    assert version.approved_on == matter.decided_on
    assert version.submission_deadline == add_working_days(matter.decided_on, 5)


def test_the_denominator_is_every_household_not_those_present(
    convention, commune_officer, households
):
    # given only 8 of 10 households attend and 5 of them agree (5 of 8 present, 5 of 10 all)
    from django.utils import timezone

    from coso.community import actions as community_actions

    version = _voting(convention, commune_officer)
    matter = actions.put_to_households(
        version,
        by=commune_officer,
        method="meeting",
        meeting_at=timezone.now(),
        meeting_place="Nhà văn hóa",
    )
    community_actions.record_attendance(by=commune_officer, matter=matter, present=households[:8])
    community_actions.record_meeting_votes(
        by=commune_officer,
        matter=matter,
        votes={h: "yes" if i < 5 else "no" for i, h in enumerate(households[:8])},
    )
    community_actions.close_voting(by=commune_officer, matter=matter)

    version = actions.record_households_decision(version, by=commune_officer)

    assert version.status == VersionStatus.REJECTED


def test_the_decision_is_read_only_once_the_votes_are_counted(
    convention, commune_officer, households
):
    version = _voting(convention, commune_officer)
    from django.utils import timezone

    actions.put_to_households(
        version,
        by=commune_officer,
        method="meeting",
        meeting_at=timezone.now(),
        meeting_place="Nhà văn hóa",
    )

    with pytest.raises(ValidationError):
        actions.record_households_decision(version, by=commune_officer)
    version.refresh_from_db()
    assert version.status == VersionStatus.VOTING


def test_a_meeting_turned_into_a_ballot_is_followed_to_the_ballot(
    convention, commune_officer, households
):
    # given a meeting where too few households came: it turns into a household ballot
    from django.utils import timezone

    from coso.community import actions as community_actions

    version = _voting(convention, commune_officer)
    meeting = actions.put_to_households(
        version,
        by=commune_officer,
        method="meeting",
        meeting_at=timezone.now(),
        meeting_place="Nhà văn hóa",
    )
    community_actions.record_attendance(by=commune_officer, matter=meeting, present=households[:3])
    ballot = community_actions.convert_to_ballot(by=commune_officer, matter=meeting)
    codes = community_actions.prepare_ballots(by=commune_officer, matter=ballot)
    for i, code in enumerate(codes):
        community_actions.record_paper_ballot(
            by=commune_officer, matter=ballot, code=code.code, choice="yes" if i < 7 else "no"
        )
    community_actions.close_voting(by=commune_officer, matter=ballot)

    # when the decision is recorded, the ballot's result counts
    version = actions.record_households_decision(version, by=commune_officer)

    assert version.status == VersionStatus.APPROVED
