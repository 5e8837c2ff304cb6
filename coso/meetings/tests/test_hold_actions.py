"""Holding a meeting through its actions: open, check in (list, code, QR), undo, end."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from coso.core.models import AuditEntry
from coso.meetings import hold
from coso.meetings.models import (
    CheckinMethod,
    Election,
    KindCode,
    MeetingStatus,
    Motion,
    Participant,
    ParticipantRole,
    VoteStatus,
)

from .conftest import add_people, make_meeting, seat


def on_the_day() -> dt.timedelta:
    """From now to noon today (local time): a meeting held today, whatever the hour of the run."""
    noon = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time(12)))
    return noon - timezone.now()


def meeting_today(unit, *, status=MeetingStatus.NOTICED, participants=12, **fields):
    return make_meeting(
        unit, status=status, starts_in=on_the_day(), participants=participants, **fields
    )


def open_today(unit, **fields):
    return meeting_today(unit, status=MeetingStatus.IN_PROGRESS, **fields)


# --- Opening ------------------------------------------------------------------------------------


def test_an_officer_opens_a_noticed_meeting_on_its_day(tree, province_officer):
    meeting = meeting_today(tree.office)

    opened = hold.open_meeting(meeting, by=province_officer)

    opened.refresh_from_db()
    assert opened.status == MeetingStatus.IN_PROGRESS
    assert opened.opened_at is not None
    entry = AuditEntry.objects.filter(object_pk=str(meeting.pk)).latest("timestamp")
    assert entry.actor == province_officer


def test_the_secretary_opens_the_meeting(tree, secretary):
    meeting = meeting_today(tree.office)
    seat(meeting, secretary, role=ParticipantRole.SECRETARY)

    hold.open_meeting(meeting, by=secretary)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.IN_PROGRESS


def test_a_draft_that_needs_a_notice_is_not_opened(tree, province_officer):
    meeting = meeting_today(tree.office, status=MeetingStatus.DRAFT)

    with pytest.raises(ValidationError) as refused:
        hold.open_meeting(meeting, by=province_officer)

    assert "Công bố thông báo" in refused.value.messages[0]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DRAFT


def test_a_citizen_reception_day_opens_from_its_draft(tree, commune_officer):
    meeting = meeting_today(
        tree.commune, status=MeetingStatus.DRAFT, code=KindCode.CITIZEN_RECEPTION
    )

    hold.open_meeting(meeting, by=commune_officer)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.IN_PROGRESS


def test_a_meeting_is_not_opened_before_its_day(tree, province_officer):
    meeting = make_meeting(tree.office, status=MeetingStatus.NOTICED, participants=3)

    with pytest.raises(ValidationError) as refused:
        hold.open_meeting(meeting, by=province_officer)

    assert hold.meeting_day(meeting).strftime("%d/%m/%Y") in refused.value.messages[0]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.NOTICED


def test_a_meeting_with_nobody_convened_is_not_opened(tree, province_officer):
    meeting = meeting_today(tree.office, participants=0)

    with pytest.raises(ValidationError) as refused:
        hold.open_meeting(meeting, by=province_officer)

    assert "người được triệu tập" in refused.value.messages[0]


def test_an_open_meeting_is_not_opened_again(tree, province_officer):
    meeting = open_today(tree.office)

    with pytest.raises(ValidationError):
        hold.open_meeting(meeting, by=province_officer)


def test_a_member_of_staff_may_not_open_the_meeting(tree, employee):
    meeting = meeting_today(tree.office)

    with pytest.raises(PermissionDenied):
        hold.open_meeting(meeting, by=employee)


# --- Ending ---------------------------------------------------------------------------------------


def test_ending_the_meeting_makes_it_held(tree, province_officer):
    meeting = open_today(tree.office)

    hold.end_meeting(meeting, by=province_officer)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD
    assert meeting.ended_at is not None


def test_the_meeting_does_not_end_while_a_motion_is_being_voted(tree, province_officer):
    meeting = open_today(tree.office)
    Motion.objects.create(meeting=meeting, title="Quy chế chi tiêu nội bộ", status=VoteStatus.OPEN)

    with pytest.raises(ValidationError) as refused:
        hold.end_meeting(meeting, by=province_officer)

    assert "Quy chế chi tiêu nội bộ" in refused.value.messages[0]
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.IN_PROGRESS


def test_the_meeting_does_not_end_while_an_election_is_open(tree, province_officer):
    meeting = open_today(tree.office)
    Election.objects.create(
        meeting=meeting, title="Bầu Ban Thanh tra nhân dân", seats=3, status=VoteStatus.OPEN
    )

    with pytest.raises(ValidationError):
        hold.end_meeting(meeting, by=province_officer)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.IN_PROGRESS


def test_a_closed_vote_does_not_hold_the_end_back(tree, province_officer):
    meeting = open_today(tree.office)
    Motion.objects.create(meeting=meeting, title="Kế hoạch năm", status=VoteStatus.CLOSED)
    Motion.objects.create(meeting=meeting, title="Chưa biểu quyết", status=VoteStatus.DRAFT)

    hold.end_meeting(meeting, by=province_officer)

    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.HELD


def test_a_meeting_not_open_cannot_end(tree, province_officer):
    meeting = meeting_today(tree.office)

    with pytest.raises(ValidationError):
        hold.end_meeting(meeting, by=province_officer)


# --- Check-in from the list -------------------------------------------------------------------------


def test_the_secretary_checks_a_participant_in_from_the_list(tree, secretary):
    meeting = open_today(tree.office)
    seat(meeting, secretary, role=ParticipantRole.SECRETARY)
    person = meeting.participants.get(full_name="Trần Thị Bình")

    hold.check_in(person, by=secretary)

    person.refresh_from_db()
    assert person.is_present
    assert person.checkin_method == CheckinMethod.LIST
    assert person.checked_in_by == secretary
    entry = AuditEntry.objects.filter(object_pk=str(person.pk)).latest("timestamp")
    assert entry.actor == secretary


def test_people_are_checked_in_at_the_door_before_the_chair_opens(tree, province_officer):
    meeting = meeting_today(tree.office)
    person = meeting.participants.first()

    hold.check_in(person, by=province_officer)

    person.refresh_from_db()
    assert person.is_present


def test_check_in_does_not_open_days_before_the_meeting(tree, province_officer):
    meeting = make_meeting(tree.office, status=MeetingStatus.NOTICED, participants=3)
    person = meeting.participants.first()

    with pytest.raises(ValidationError) as refused:
        hold.check_in(person, by=province_officer)

    assert "ngày họp" in refused.value.messages[0]
    person.refresh_from_db()
    assert not person.is_present


def test_checking_in_twice_is_refused_with_the_first_time(tree, province_officer):
    meeting = open_today(tree.office)
    person = meeting.participants.first()
    hold.check_in(person, by=province_officer)
    first = Participant.objects.get(pk=person.pk).checked_in_at

    with pytest.raises(ValidationError) as refused:
        hold.check_in(person, by=province_officer)

    assert person.full_name in refused.value.messages[0]
    assert timezone.localtime(first).strftime("%H:%M") in refused.value.messages[0]
    assert Participant.objects.get(pk=person.pk).checked_in_at == first


def test_nobody_is_checked_in_after_the_meeting_ended(tree, province_officer):
    meeting = make_meeting(tree.office, status=MeetingStatus.HELD, participants=3)
    person = meeting.participants.first()

    with pytest.raises(ValidationError) as refused:
        hold.check_in(person, by=province_officer)

    assert refused.value.messages == ["Hội nghị đã kết thúc: không thể thay đổi điểm danh."]
    person.refresh_from_db()
    assert not person.is_present


def test_nobody_is_checked_in_at_a_cancelled_meeting(tree, province_officer):
    meeting = make_meeting(tree.office, status=MeetingStatus.CANCELLED, participants=3)

    with pytest.raises(ValidationError):
        hold.check_in(meeting.participants.first(), by=province_officer)


def test_a_participant_may_not_check_others_in(tree, employee):
    meeting = open_today(tree.office)
    seat(meeting, employee)

    with pytest.raises(PermissionDenied):
        hold.check_in(meeting.participants.first(), by=employee)


def test_an_officer_of_another_unit_may_not_check_people_in(tree, commune_officer):
    meeting = open_today(tree.office)

    with pytest.raises(PermissionDenied):
        hold.check_in(meeting.participants.first(), by=commune_officer)


# --- Check-in by personal code ---------------------------------------------------------------------


def test_the_code_is_found_however_it_is_typed(tree, province_officer):
    meeting = open_today(tree.office)
    person = meeting.participants.get(full_name="Lê Văn Cường")
    typed = f" {person.code[:4].lower()}-{person.code[4:]} "

    checked = hold.check_in_by_code(meeting, by=province_officer, code=typed)

    assert checked.pk == person.pk
    person.refresh_from_db()
    assert person.is_present
    assert person.checkin_method == CheckinMethod.CODE


def test_an_unknown_code_is_refused_on_the_code_field(tree, province_officer):
    meeting = open_today(tree.office)

    with pytest.raises(ValidationError) as refused:
        hold.check_in_by_code(meeting, by=province_officer, code="ZZZZ2222")

    assert "ZZZZ2222" in refused.value.message_dict["code"][0]
    assert not meeting.participants.filter(checked_in_at__isnull=False).exists()


def test_the_code_of_someone_invited_to_another_meeting_is_refused(tree, province_officer):
    meeting = open_today(tree.office)
    other = open_today(tree.office, title="Hội nghị khác")
    stranger = other.participants.first()

    with pytest.raises(ValidationError) as refused:
        hold.check_in_by_code(meeting, by=province_officer, code=stranger.code)

    assert "code" in refused.value.message_dict
    stranger.refresh_from_db()
    assert not stranger.is_present
    assert not meeting.participants.filter(checked_in_at__isnull=False).exists()


def test_an_empty_or_overlong_code_is_refused(tree, province_officer):
    meeting = open_today(tree.office)

    with pytest.raises(ValidationError) as empty:
        hold.check_in_by_code(meeting, by=province_officer, code="  ")
    with pytest.raises(ValidationError) as long:
        hold.check_in_by_code(meeting, by=province_officer, code="A" * 30)

    assert empty.value.message_dict["code"] == ["Nhập mã cá nhân của người tham dự."]
    assert "12" in long.value.message_dict["code"][0]


def test_a_code_already_used_says_when_on_the_code_field(tree, province_officer):
    meeting = open_today(tree.office)
    person = meeting.participants.first()
    hold.check_in_by_code(meeting, by=province_officer, code=person.code)

    with pytest.raises(ValidationError) as refused:
        hold.check_in_by_code(meeting, by=province_officer, code=person.code)

    assert person.full_name in refused.value.message_dict["code"][0]


# --- Check-in with the meeting's QR code -------------------------------------------------------------


def test_an_invited_participant_checks_in_with_the_qr_code(tree, employee):
    meeting = open_today(tree.office)
    mine = seat(meeting, employee)

    checked = hold.check_in_by_qr(hold.meeting_for_token(meeting.checkin_token), by=employee)

    assert checked.pk == mine.pk
    mine.refresh_from_db()
    assert mine.checkin_method == CheckinMethod.QR
    assert mine.checked_in_by == employee


def test_someone_not_invited_is_told_and_nothing_changes(tree, citizen):
    meeting = open_today(tree.office)

    with pytest.raises(ValidationError) as refused:
        hold.check_in_by_qr(meeting, by=citizen)

    assert refused.value.code == "not_invited"
    assert "không có tên trong danh sách" in refused.value.messages[0]
    assert not meeting.participants.filter(checked_in_at__isnull=False).exists()


def test_the_qr_code_of_another_meeting_checks_nobody_in(tree, employee):
    mine = open_today(tree.office)
    my_seat = seat(mine, employee)
    other = open_today(tree.office, title="Đối thoại với người lao động")

    with pytest.raises(ValidationError) as refused:
        hold.check_in_by_qr(other, by=employee)

    assert refused.value.code == "not_invited"
    my_seat.refresh_from_db()
    assert not my_seat.is_present
    assert not other.participants.filter(checked_in_at__isnull=False).exists()


def test_a_second_scan_changes_nothing(tree, employee):
    meeting = open_today(tree.office)
    mine = seat(meeting, employee)
    hold.check_in_by_qr(meeting, by=employee)
    first = Participant.objects.get(pk=mine.pk).checked_in_at

    with pytest.raises(ValidationError) as refused:
        hold.check_in_by_qr(meeting, by=employee)

    assert refused.value.code == "already_checked_in"
    assert Participant.objects.get(pk=mine.pk).checked_in_at == first


def test_the_qr_code_does_not_work_after_the_meeting(tree, employee):
    meeting = make_meeting(tree.office, status=MeetingStatus.HELD)
    mine = seat(meeting, employee)

    with pytest.raises(ValidationError):
        hold.check_in_by_qr(meeting, by=employee)

    mine.refresh_from_db()
    assert not mine.is_present


def test_a_token_that_is_no_meetings_finds_nothing(tree):
    make_meeting(tree.office)

    assert hold.meeting_for_token("khong-co-that") is None
    assert hold.meeting_for_token("") is None
    assert hold.meeting_for_token("x" * 500) is None


# --- Undo -----------------------------------------------------------------------------------------


def test_a_check_in_made_by_mistake_is_taken_back(tree, province_officer):
    meeting = open_today(tree.office)
    person = meeting.participants.first()
    hold.check_in(person, by=province_officer)

    hold.undo_check_in(person, by=province_officer)

    person.refresh_from_db()
    assert not person.is_present
    assert person.checkin_method == ""
    assert person.checked_in_by is None


def test_undoing_someone_not_checked_in_is_refused(tree, province_officer):
    meeting = open_today(tree.office)

    with pytest.raises(ValidationError) as refused:
        hold.undo_check_in(meeting.participants.first(), by=province_officer)

    assert refused.value.code == "not_checked_in"


def test_attendance_cannot_be_undone_after_the_meeting(tree, province_officer):
    meeting = open_today(tree.office)
    person = meeting.participants.first()
    hold.check_in(person, by=province_officer)
    hold.end_meeting(meeting, by=province_officer)

    with pytest.raises(ValidationError):
        hold.undo_check_in(person, by=province_officer)

    person.refresh_from_db()
    assert person.is_present


def test_guests_are_checked_in_too(tree, province_officer):
    meeting = open_today(tree.office)
    (guest,) = add_people(meeting, 1, convened=False)

    hold.check_in(guest, by=province_officer)

    guest.refresh_from_db()
    assert guest.is_present


def test_nobody_is_checked_in_before_the_notice_is_out(tree, province_officer):
    meeting = meeting_today(tree.office, status=MeetingStatus.DRAFT)
    person = meeting.participants.first()

    with pytest.raises(ValidationError) as refused:
        hold.check_in(person, by=province_officer)

    assert refused.value.code == "not_noticed"
    assert not hold.checkin_is_open(meeting)
    person.refresh_from_db()
    assert not person.is_present
