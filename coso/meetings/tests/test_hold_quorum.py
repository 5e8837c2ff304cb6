"""The quorum as the secretary sees it while people check in: at its edges."""

from __future__ import annotations

from coso.meetings import hold
from coso.meetings.models import KindCode
from coso.meetings.quorum import attendance_of

from .conftest import add_people
from .test_hold_actions import open_today


def _check_in(meeting, count, by):
    for person in list(meeting.participants.filter(is_convened=True))[:count]:
        hold.check_in(person, by=by)


def test_exactly_two_thirds_present_makes_the_conference_valid(tree, province_officer):
    meeting = open_today(tree.office, participants=12)

    _check_in(meeting, 8, province_officer)

    attendance = attendance_of(meeting)
    assert (attendance.present, attendance.convened, attendance.needed) == (8, 12, 8)
    assert attendance.has_quorum
    assert attendance.missing == 0


def test_one_below_two_thirds_is_not_yet_valid(tree, province_officer):
    meeting = open_today(tree.office, participants=12)

    _check_in(meeting, 7, province_officer)

    attendance = attendance_of(meeting)
    assert not attendance.has_quorum
    assert attendance.missing == 1


def test_two_thirds_of_a_number_not_divisible_by_three_rounds_up(tree, province_officer):
    meeting = open_today(tree.office, participants=10)

    _check_in(meeting, 6, province_officer)
    below = attendance_of(meeting)
    one_more = meeting.participants.filter(checked_in_at__isnull=True).first()
    hold.check_in(one_more, by=province_officer)
    reached = attendance_of(meeting)

    assert below.needed == 7 and not below.has_quorum
    assert reached.present == 7 and reached.has_quorum


def test_guests_never_count_for_the_quorum(tree, province_officer):
    meeting = open_today(tree.office, participants=3)
    guests = add_people(meeting, 5, convened=False)

    for guest in guests:
        hold.check_in(guest, by=province_officer)

    attendance = attendance_of(meeting)
    assert (attendance.present, attendance.guests_present) == (0, 5)
    assert not attendance.has_quorum


def test_undoing_a_check_in_takes_the_quorum_back(tree, province_officer):
    meeting = open_today(tree.office, participants=3)
    _check_in(meeting, 2, province_officer)
    assert attendance_of(meeting).has_quorum

    hold.undo_check_in(
        meeting.participants.filter(checked_in_at__isnull=False).first(), by=province_officer
    )

    assert not attendance_of(meeting).has_quorum


def test_a_community_conference_needs_more_than_half_exactly_half_is_not_enough(
    tree, commune_officer
):
    meeting = open_today(tree.village, code=KindCode.COMMUNITY_CONFERENCE, participants=10)

    _check_in(meeting, 5, commune_officer)
    half = attendance_of(meeting)
    hold.check_in(
        meeting.participants.filter(checked_in_at__isnull=True).first(), by=commune_officer
    )
    more = attendance_of(meeting)

    assert not half.has_quorum and half.needed == 6
    assert more.has_quorum
