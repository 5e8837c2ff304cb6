"""Secret ballots on a motion: a convened participant present votes once from their phone; who
voted is kept, how never (no participant, time or ordered key on the choice)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from coso.core.models import AuditEntry
from coso.meetings import voting
from coso.meetings.models import MotionBallot, MotionChoice, VoteMethod, VoteStatus

from .conftest import add_people
from .voting_support import in_progress, present, voter


@pytest.fixture
def ballot_motion(tree, province_officer):
    """The office's conference in progress, 12 convened of whom 8 present without accounts,
    and a secret ballot open."""
    meeting = in_progress(tree.office)
    present(meeting, 8)
    motion = voting.add_motion(
        meeting, by=province_officer, title="Bầu Thư ký hội nghị", method=VoteMethod.BALLOT
    )
    return voting.open_motion(motion, by=province_officer)


def test_a_participant_present_casts_a_secret_ballot(ballot_motion):
    # Given a participant with an account, checked in
    user = voter(ballot_motion.meeting, "an")
    # When they vote
    ballot = voting.cast_motion_ballot(ballot_motion, by=user, choice="yes")
    # Then who voted is kept and the choice is stored apart
    assert ballot.participant.user == user
    assert list(MotionChoice.objects.values_list("choice", flat=True)) == ["yes"]


def test_voting_twice_is_refused_with_a_clear_message(ballot_motion):
    user = voter(ballot_motion.meeting, "an")
    voting.cast_motion_ballot(ballot_motion, by=user, choice="yes")
    with pytest.raises(ValidationError) as exc:
        voting.cast_motion_ballot(ballot_motion, by=user, choice="no")
    assert exc.value.code == "already_voted"
    assert MotionBallot.objects.count() == 1
    assert list(MotionChoice.objects.values_list("choice", flat=True)) == ["yes"]


def test_a_participant_not_checked_in_cannot_vote(ballot_motion):
    user = voter(ballot_motion.meeting, "binh", checked_in=False)
    with pytest.raises(ValidationError) as exc:
        voting.cast_motion_ballot(ballot_motion, by=user, choice="yes")
    assert exc.value.code == "not_present"
    assert not MotionBallot.objects.exists() and not MotionChoice.objects.exists()


def test_a_guest_or_a_stranger_cannot_vote(ballot_motion, citizen):
    guest = voter(ballot_motion.meeting, "khach", convened=False)
    with pytest.raises(PermissionDenied):
        voting.cast_motion_ballot(ballot_motion, by=guest, choice="yes")
    with pytest.raises(PermissionDenied):
        voting.cast_motion_ballot(ballot_motion, by=citizen, choice="yes")
    assert not MotionChoice.objects.exists()


def test_a_choice_outside_the_list_is_refused(ballot_motion):
    user = voter(ballot_motion.meeting, "an")
    with pytest.raises(ValidationError) as exc:
        voting.cast_motion_ballot(ballot_motion, by=user, choice="maybe")
    assert "choice" in exc.value.message_dict


def test_no_ballot_before_the_vote_opens_or_after_it_closes(tree, province_officer):
    meeting = in_progress(tree.office)
    present(meeting, 10)
    motion = voting.add_motion(
        meeting, by=province_officer, title="Thông qua", method=VoteMethod.BALLOT
    )
    user = voter(meeting, "an")
    with pytest.raises(ValidationError):
        voting.cast_motion_ballot(motion, by=user, choice="yes")
    voting.open_motion(motion, by=province_officer)
    voting.close_motion(motion, by=province_officer)
    with pytest.raises(ValidationError):
        voting.cast_motion_ballot(motion, by=user, choice="yes")
    assert not MotionBallot.objects.exists()


def test_a_hands_motion_takes_no_ballot_and_a_ballot_takes_no_typed_counts(
    ballot_motion, province_officer
):
    with pytest.raises(ValidationError):
        voting.record_hands(ballot_motion, by=province_officer, yes=3, no=0, abstain=0)
    hands = voting.open_motion(
        voting.add_motion(ballot_motion.meeting, by=province_officer, title="Giơ tay"),
        by=province_officer,
    )
    user = voter(ballot_motion.meeting, "an")
    with pytest.raises(ValidationError):
        voting.cast_motion_ballot(hands, by=user, choice="yes")


def test_closing_counts_the_ballots(ballot_motion, province_officer):
    # Given 10 present (8 + 2 voters... then 4 more): 12 present in all
    meeting = ballot_motion.meeting
    users = [voter(meeting, f"v{i}") for i in range(4)]
    for user, choice in zip(users, ["yes", "yes", "no", "abstain"], strict=True):
        voting.cast_motion_ballot(ballot_motion, by=user, choice=choice)
    motion = voting.close_motion(ballot_motion, by=province_officer)
    # Then 2 agree of 12 present (8 + 4 voters): not adopted
    assert (motion.yes, motion.no, motion.abstain) == (2, 1, 1)
    assert motion.present_at_close == 12
    assert motion.adopted is False
    assert motion.status == VoteStatus.CLOSED


def test_who_has_not_voted_yet_lists_present_convened_people_without_a_ballot(ballot_motion):
    meeting = ballot_motion.meeting
    user = voter(meeting, "an")
    voter(meeting, "binh")
    voter(meeting, "cuong", checked_in=False)
    add_people(meeting, 1, convened=False)  # a guest, not even checked in
    voting.cast_motion_ballot(ballot_motion, by=user, choice="no")
    names = [p.full_name for p in voting.not_voted(ballot_motion)]
    assert "Cử tri binh" in names
    assert "Cử tri an" not in names and "Cử tri cuong" not in names
    assert len(names) == 8 + 1


def test_the_choice_has_no_link_to_the_person(ballot_motion):
    # Given five people vote in turn
    meeting = ballot_motion.meeting
    choices = ["yes", "no", "yes", "abstain", "no"]
    for n, choice in enumerate(choices):
        voting.cast_motion_ballot(ballot_motion, by=voter(meeting, f"p{n}"), choice=choice)
    # Then the choice table holds nothing but the motion and the choice…
    columns = {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), MotionChoice._meta.db_table
        )
    }
    assert columns == {"id", "motion_id", "choice"}
    # …under random keys, far from any sequence: their order says nothing of the voting order
    keys = list(MotionChoice.objects.values_list("pk", flat=True))
    assert all(key >= 2**40 for key in keys)
    ballots = list(MotionBallot.objects.order_by("pk").values_list("pk", flat=True))
    assert max(ballots) < 2**40


def test_the_audit_log_never_holds_a_secret_choice(ballot_motion, province_officer):
    meeting = ballot_motion.meeting
    voting.cast_motion_ballot(ballot_motion, by=voter(meeting, "an"), choice="no")
    entries = AuditEntry.objects.all()
    assert not entries.filter(content_type__model__in=["motionchoice", "motionballot"]).exists()
    # no audited row changed while voting: the last motion entry is the opening
    last = entries.filter(content_type__model="motion").order_by("-pk").first()
    assert "no" not in (last.changes or {})


def test_a_voter_who_left_before_the_close_still_counts_in_the_base(tree, province_officer):
    # Given three convened participants who all vote, then one leaves before the close
    from coso.meetings.models import Participant

    meeting = in_progress(tree.office, participants=0)
    users = [voter(meeting, name) for name in ("an", "binh", "cuong")]
    motion = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Bầu", method=VoteMethod.BALLOT),
        by=province_officer,
    )
    for user in users:
        voting.cast_motion_ballot(motion, by=user, choice="yes")
    Participant.objects.filter(meeting=meeting, user=users[0]).update(checked_in_at=None)
    # When the vote closes (2 of 3 present: still two thirds)
    motion = voting.close_motion(motion, by=province_officer)
    # Then the base counts the three who voted, never fewer than the ballots
    assert motion.present_at_close == 3
    assert (motion.yes, motion.adopted) == (3, True)
