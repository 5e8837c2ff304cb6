"""Motions by show of hands: prepared before, opened during the meeting, closed with the quorum;
adopted with strictly more than half of the kind's base (Law 10/2022/QH15, arts. 21, 51)."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coso.meetings import voting
from coso.meetings.models import KindCode, MeetingStatus, Motion, VoteMethod, VoteStatus

from .conftest import make_meeting
from .voting_support import in_progress, present, seat_secretary


def _open_hands(meeting, by, title="Thông qua Quy chế chi tiêu nội bộ"):
    motion = voting.add_motion(meeting, by=by, title=title)
    return voting.open_motion(motion, by=by)


def test_an_officer_prepares_motions_before_the_meeting_in_order(tree, province_officer):
    # Given a conference being prepared
    meeting = make_meeting(tree.office, participants=12)
    # When two motions are added
    first = voting.add_motion(meeting, by=province_officer, title="Bầu thư ký hội nghị")
    second = voting.add_motion(
        meeting, by=province_officer, title="Thông qua nghị quyết", method=VoteMethod.BALLOT
    )
    # Then they are numbered in order, not yet open
    assert (first.position, second.position) == (1, 2)
    assert first.status == second.status == VoteStatus.DRAFT
    assert second.method == VoteMethod.BALLOT


def test_a_motion_is_opened_only_while_the_meeting_is_in_progress(tree, province_officer):
    meeting = make_meeting(tree.office, participants=12, status=MeetingStatus.NOTICED)
    motion = voting.add_motion(meeting, by=province_officer, title="Thông qua nghị quyết")
    with pytest.raises(ValidationError) as exc:
        voting.open_motion(motion, by=province_officer)
    assert "đang diễn ra" in " ".join(exc.value.messages) or "in progress" in str(exc.value)
    motion.refresh_from_db()
    assert motion.status == VoteStatus.DRAFT


def test_an_open_motion_can_no_longer_be_edited_or_deleted(tree, province_officer):
    meeting = in_progress(tree.office)
    motion = _open_hands(meeting, province_officer)
    with pytest.raises(ValidationError):
        voting.update_motion(motion, by=province_officer, title="Khác", method=VoteMethod.HANDS)
    with pytest.raises(ValidationError):
        voting.delete_motion(motion, by=province_officer)
    assert Motion.objects.get(pk=motion.pk).title == "Thông qua Quy chế chi tiêu nội bộ"


def test_a_draft_motion_can_be_edited_and_deleted(tree, province_officer):
    meeting = in_progress(tree.office)
    motion = voting.add_motion(meeting, by=province_officer, title="Bầu thư ký")
    voting.update_motion(
        motion, by=province_officer, title="Bầu thư ký hội nghị", method=VoteMethod.BALLOT
    )
    assert Motion.objects.get(pk=motion.pk).method == VoteMethod.BALLOT
    voting.delete_motion(motion, by=province_officer)
    assert not Motion.objects.filter(pk=motion.pk).exists()


def test_a_kind_without_votes_takes_no_motion(tree, commune_officer):
    meeting = make_meeting(tree.commune, code=KindCode.COMMUNE_DIALOGUE, participants=3)
    with pytest.raises(ValidationError):
        voting.add_motion(meeting, by=commune_officer, title="Biểu quyết")
    assert not Motion.objects.exists()


def test_an_empty_title_is_refused_with_a_message_on_the_field(tree, province_officer):
    meeting = in_progress(tree.office)
    with pytest.raises(ValidationError) as exc:
        voting.add_motion(meeting, by=province_officer, title="   ")
    assert "title" in exc.value.message_dict
    assert not Motion.objects.exists()


def test_hands_counts_cannot_add_up_to_more_than_those_present(tree, province_officer):
    # Given 9 of 12 present
    meeting = in_progress(tree.office)
    present(meeting, 9)
    motion = _open_hands(meeting, province_officer)
    # When the counts add up to 10, Then refused on the field, nothing saved
    with pytest.raises(ValidationError) as exc:
        voting.record_hands(motion, by=province_officer, yes=6, no=3, abstain=1)
    assert "yes" in exc.value.message_dict
    motion.refresh_from_db()
    assert (motion.yes, motion.no, motion.abstain) == (0, 0, 0)
    # and 9 in all is accepted
    voting.record_hands(motion, by=province_officer, yes=6, no=2, abstain=1)
    motion.refresh_from_db()
    assert (motion.yes, motion.no, motion.abstain) == (6, 2, 1)


def test_negative_counts_are_refused(tree, province_officer):
    meeting = in_progress(tree.office)
    present(meeting, 9)
    motion = _open_hands(meeting, province_officer)
    with pytest.raises(ValidationError) as exc:
        voting.record_hands(motion, by=province_officer, yes=-1, no=0, abstain=0)
    assert "yes" in exc.value.message_dict


def test_closing_without_quorum_is_refused_and_nothing_is_frozen(tree, province_officer):
    # Given 7 of 12 present: two thirds is 8
    meeting = in_progress(tree.office)
    present(meeting, 7)
    motion = _open_hands(meeting, province_officer)
    voting.record_hands(motion, by=province_officer, yes=7, no=0, abstain=0)
    # When the vote is closed, Then it is refused with the figures
    with pytest.raises(ValidationError) as exc:
        voting.close_motion(motion, by=province_officer)
    assert exc.value.code == "no_quorum"
    assert "8" in exc.value.messages[0]
    motion.refresh_from_db()
    assert motion.status == VoteStatus.OPEN
    assert motion.adopted is None and motion.present_at_close is None


def test_exactly_two_thirds_present_is_a_quorum(tree, province_officer):
    meeting = in_progress(tree.office)
    present(meeting, 8)
    motion = _open_hands(meeting, province_officer)
    voting.record_hands(motion, by=province_officer, yes=5, no=3, abstain=0)
    motion = voting.close_motion(motion, by=province_officer)
    assert motion.status == VoteStatus.CLOSED
    assert (motion.present_at_close, motion.convened_at_close) == (8, 12)


def test_exactly_half_of_those_present_is_not_adopted(tree, province_officer):
    # Given the officials' conference counts the majority against those present (10)
    meeting = in_progress(tree.office)
    present(meeting, 10)
    motion = _open_hands(meeting, province_officer)
    voting.record_hands(motion, by=province_officer, yes=5, no=5, abstain=0)
    assert voting.close_motion(motion, by=province_officer).adopted is False


def test_one_more_than_half_of_those_present_is_adopted(tree, province_officer):
    meeting = in_progress(tree.office)
    present(meeting, 10)
    motion = _open_hands(meeting, province_officer)
    voting.record_hands(motion, by=province_officer, yes=6, no=2, abstain=2)
    motion = voting.close_motion(motion, by=province_officer)
    assert motion.adopted is True
    assert (motion.yes, motion.no, motion.abstain) == (6, 2, 2)


def test_a_community_counts_the_majority_against_all_households_convened(tree, commune_officer):
    # Given a community conference of 20 households with 14 present (more than half)
    meeting = in_progress(tree.village, code=KindCode.COMMUNITY_CONFERENCE, participants=20)
    present(meeting, 14)
    motion = _open_hands(meeting, commune_officer, title="Thông qua hương ước")
    # When 10 agree: more than half of those present (14) but exactly half of all 20
    voting.record_hands(motion, by=commune_officer, yes=10, no=4, abstain=0)
    motion = voting.close_motion(motion, by=commune_officer)
    # Then not adopted: the base is all households (art. 21)
    assert motion.adopted is False
    assert motion.convened_at_close == 20


def test_a_community_adopts_with_one_more_than_half_of_all_households(tree, commune_officer):
    meeting = in_progress(tree.village, code=KindCode.COMMUNITY_CONFERENCE, participants=20)
    present(meeting, 14)
    motion = _open_hands(meeting, commune_officer, title="Thông qua hương ước")
    voting.record_hands(motion, by=commune_officer, yes=11, no=3, abstain=0)
    assert voting.close_motion(motion, by=commune_officer).adopted is True


def test_a_community_meeting_of_exactly_half_the_households_has_no_quorum(tree, commune_officer):
    meeting = in_progress(tree.village, code=KindCode.COMMUNITY_CONFERENCE, participants=20)
    present(meeting, 10)
    motion = _open_hands(meeting, commune_officer)
    with pytest.raises(ValidationError):
        voting.close_motion(motion, by=commune_officer)


def test_counts_that_no_longer_fit_after_people_left_block_the_close(tree, province_officer):
    from coso.meetings.models import Participant

    meeting = in_progress(tree.office)
    present(meeting, 10)
    motion = _open_hands(meeting, province_officer)
    voting.record_hands(motion, by=province_officer, yes=10, no=0, abstain=0)
    # one person's check-in is taken back: 9 present, 10 counted
    leaving = meeting.participants.filter(checked_in_at__isnull=False).first()
    Participant.objects.filter(pk=leaving.pk).update(checked_in_at=None)
    with pytest.raises(ValidationError):
        voting.close_motion(motion, by=province_officer)
    assert Motion.objects.get(pk=motion.pk).status == VoteStatus.OPEN


def test_a_closed_vote_cannot_be_closed_or_counted_again(tree, province_officer):
    meeting = in_progress(tree.office)
    present(meeting, 10)
    motion = _open_hands(meeting, province_officer)
    voting.record_hands(motion, by=province_officer, yes=8, no=2, abstain=0)
    voting.close_motion(motion, by=province_officer)
    with pytest.raises(ValidationError):
        voting.close_motion(motion, by=province_officer)
    with pytest.raises(ValidationError):
        voting.record_hands(motion, by=province_officer, yes=1, no=0, abstain=0)
    assert Motion.objects.get(pk=motion.pk).yes == 8


def test_the_meetings_secretary_runs_the_votes(tree, province_officer, secretary):
    meeting = in_progress(tree.office)
    seat_secretary(meeting, secretary)
    present(meeting, 10)
    motion = voting.add_motion(meeting, by=secretary, title="Thông qua nghị quyết")
    voting.open_motion(motion, by=secretary)
    voting.record_hands(motion, by=secretary, yes=9, no=1, abstain=0)
    assert voting.close_motion(motion, by=secretary).adopted is True


def test_someone_without_a_role_cannot_run_the_votes(tree, province_officer, employee):
    meeting = in_progress(tree.office)
    with pytest.raises(PermissionDenied):
        voting.add_motion(meeting, by=employee, title="Thông qua")
    motion = voting.add_motion(meeting, by=province_officer, title="Thông qua")
    with pytest.raises(PermissionDenied):
        voting.open_motion(motion, by=employee)


def test_opening_and_closing_are_audited_with_the_actor(tree, province_officer):
    from coso.core.models import AuditEntry

    meeting = in_progress(tree.office)
    present(meeting, 10)
    motion = _open_hands(meeting, province_officer)
    voting.record_hands(motion, by=province_officer, yes=8, no=2, abstain=0)
    voting.close_motion(motion, by=province_officer)
    entries = AuditEntry.objects.filter(content_type__model="motion", object_pk=str(motion.pk))
    assert entries.count() >= 4
    assert set(entries.values_list("actor", flat=True)) == {province_officer.pk}


def test_a_show_of_hands_is_not_closed_before_its_counts_are_recorded(tree, province_officer):
    meeting = in_progress(tree.office)
    present(meeting, 10)
    motion = _open_hands(meeting, province_officer)
    with pytest.raises(ValidationError) as exc:
        voting.close_motion(motion, by=province_officer)
    assert exc.value.code == "no_counts"
    assert Motion.objects.get(pk=motion.pk).status == VoteStatus.OPEN
