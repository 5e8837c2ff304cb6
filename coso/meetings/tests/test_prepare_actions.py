"""Preparing a meeting through the actions: the meeting, the notice period at its edges,
the agenda, participants and their roles, questions; every refusal a clear message with
nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from conftest import make_user
from coso.core.dates import format_date, today
from coso.core.models import AuditEntry, CalendarDay, Notification
from coso.meetings import actions
from coso.meetings.models import (
    KindCode,
    Meeting,
    MeetingStatus,
    Participant,
    ParticipantRole,
    Question,
    QuestionStatus,
)
from coso.units.models import Unit

from .conftest import kind, make_meeting, seat


def at(day: dt.date, hour: int = 8) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def in_days(days: int, hour: int = 8) -> dt.datetime:
    return at(today() + dt.timedelta(days=days), hour)


def message_of(exc: pytest.ExceptionInfo) -> str:
    return " ".join(exc.value.messages)


# --- Creating and changing a meeting ----------------------------------------------------------


def test_an_officer_creates_a_meeting_with_the_kind_and_year_as_title(tree, province_officer):
    meeting = actions.create_meeting(
        by=province_officer,
        unit=tree.office,
        kind=kind(KindCode.OFFICIALS_CONFERENCE),
        starts_at=in_days(20),
        venue="Hội trường tầng 2",
    )
    assert meeting.status == MeetingStatus.DRAFT
    assert meeting.title.startswith("Hội nghị cán bộ, công chức, viên chức")
    assert meeting.created_by == province_officer
    entry = AuditEntry.objects.filter(content_type__model="meeting").latest("timestamp")
    assert entry.actor == province_officer
    assert entry.unit_path == tree.office.path


def test_a_conference_held_in_the_first_months_serves_the_year_before(db):
    conference = kind(KindCode.OFFICIALS_CONFERENCE)
    assert actions.default_year(conference, at(dt.date(2026, 3, 20))) == 2025
    assert actions.default_year(conference, at(dt.date(2026, 4, 2))) == 2026
    assert actions.default_year(kind(KindCode.COMMUNE_DIALOGUE), at(dt.date(2026, 3, 2))) == 2026


def test_a_meeting_dated_before_its_notice_can_be_given_is_refused_with_the_latest_day(
    tree, province_officer
):
    with pytest.raises(ValidationError) as exc:
        actions.create_meeting(
            by=province_officer,
            unit=tree.office,
            kind=kind(KindCode.OFFICIALS_CONFERENCE),
            starts_at=in_days(6),
        )
    assert "starts_at" in exc.value.message_dict
    assert format_date(today() - dt.timedelta(days=1)) in message_of(exc)
    assert format_date(today() + dt.timedelta(days=7)) in message_of(exc)
    assert not Meeting.objects.exists()


def test_a_meeting_exactly_the_notice_period_ahead_is_accepted(tree, province_officer):
    meeting = actions.create_meeting(
        by=province_officer,
        unit=tree.office,
        kind=kind(KindCode.OFFICIALS_CONFERENCE),
        starts_at=in_days(7),
    )
    assert actions.latest_notice_day(meeting.kind, today() + dt.timedelta(days=7)) == today()


def test_working_day_notice_skips_weekends_and_holidays(db):
    dialogue = kind(KindCode.DIALOGUE_ON_REQUEST)
    dialogue.notice_days = 3
    monday = dt.date(2030, 6, 17)
    # Friday and Monday count, Thursday too: the notice is due on Wednesday 12 June.
    assert actions.latest_notice_day(dialogue, monday) == dt.date(2030, 6, 12)
    CalendarDay.objects.create(date=dt.date(2030, 6, 13), name="Ngày nghỉ bù")
    assert actions.latest_notice_day(dialogue, monday) == dt.date(2030, 6, 11)
    assert actions.earliest_start_day(dialogue, dt.date(2030, 6, 11)) == monday


def test_a_kind_the_unit_does_not_hold_is_refused(tree, commune_officer):
    with pytest.raises(ValidationError) as exc:
        actions.create_meeting(
            by=commune_officer,
            unit=tree.commune,
            kind=kind(KindCode.WORKERS_CONFERENCE),
            starts_at=in_days(20),
        )
    assert "kind" in exc.value.message_dict
    assert not Meeting.objects.exists()


def test_an_officer_of_another_commune_cannot_create_a_meeting(tree, other_commune_officer):
    with pytest.raises(PermissionDenied):
        actions.create_meeting(
            by=other_commune_officer,
            unit=tree.commune,
            kind=kind(KindCode.COMMUNE_DIALOGUE),
            starts_at=in_days(20),
        )


def test_delegates_only_from_the_staff_the_kind_names(tree, province_officer):
    fields = {
        "by": province_officer,
        "unit": tree.office,
        "kind": kind(KindCode.OFFICIALS_CONFERENCE),
        "starts_at": in_days(20),
        "uses_delegates": True,
    }
    with pytest.raises(ValidationError) as exc:
        actions.create_meeting(**fields)
    assert "uses_delegates" in exc.value.message_dict
    assert "85" in message_of(exc)
    Unit.objects.filter(pk=tree.office.pk).update(staff_count=100)
    tree.office.refresh_from_db()
    meeting = actions.create_meeting(**fields)
    assert meeting.uses_delegates


def test_ends_before_it_starts_is_refused(tree, province_officer):
    with pytest.raises(ValidationError) as exc:
        actions.create_meeting(
            by=province_officer,
            unit=tree.office,
            kind=kind(KindCode.OFFICIALS_CONFERENCE),
            starts_at=in_days(20, 14),
            ends_at=in_days(20, 8),
        )
    assert "ends_at" in exc.value.message_dict


def test_moving_a_noticed_meeting_tells_participants(
    tree, office_meeting, province_officer, employee
):
    seat(office_meeting, employee)
    actions.publish_notice(office_meeting, by=province_officer)
    actions.update_meeting(office_meeting, by=province_officer, starts_at=in_days(21))
    messages = list(Notification.objects.filter(recipient=employee).values_list("key", flat=True))
    assert any(k.startswith("meeting-notice:") for k in messages)
    assert any(k.startswith("meeting-changed:") for k in messages)
    office_meeting.refresh_from_db()
    assert timezone.localdate(office_meeting.starts_at) == today() + dt.timedelta(days=21)


def test_a_noticed_meeting_cannot_be_moved_inside_the_notice_period(
    office_meeting, province_officer
):
    actions.publish_notice(office_meeting, by=province_officer)
    before = Meeting.objects.get(pk=office_meeting.pk).starts_at
    with pytest.raises(ValidationError) as exc:
        actions.update_meeting(office_meeting, by=province_officer, starts_at=in_days(3))
    assert "starts_at" in exc.value.message_dict
    assert Meeting.objects.get(pk=office_meeting.pk).starts_at == before


def test_cancelling_needs_a_reason_and_tells_those_noticed(
    office_meeting, province_officer, employee
):
    seat(office_meeting, employee)
    actions.publish_notice(office_meeting, by=province_officer)
    with pytest.raises(ValidationError):
        actions.cancel_meeting(office_meeting, by=province_officer, reason="  ")
    assert Meeting.objects.get(pk=office_meeting.pk).status == MeetingStatus.NOTICED
    actions.cancel_meeting(office_meeting, by=province_officer, reason="Trùng lịch họp tỉnh")
    assert office_meeting.status == MeetingStatus.CANCELLED
    assert Notification.objects.filter(recipient=employee, key__startswith="meeting-cancelled:")
    with pytest.raises(ValidationError):
        actions.cancel_meeting(office_meeting, by=province_officer, reason="Lần nữa")


# --- The notice ---------------------------------------------------------------------------------


def test_publishing_the_notice_tells_participants_with_an_account_once(
    office_meeting, province_officer, employee, secretary
):
    seat(office_meeting, employee)
    seat(office_meeting, secretary, role=ParticipantRole.SECRETARY)
    actions.publish_notice(office_meeting, by=province_officer)
    assert office_meeting.status == MeetingStatus.NOTICED
    assert office_meeting.noticed_at is not None
    assert office_meeting.title in office_meeting.notice_text
    assert Notification.objects.filter(key__startswith="meeting-notice:").count() == 2
    with pytest.raises(ValidationError):
        actions.publish_notice(office_meeting, by=province_officer)
    assert Notification.objects.filter(key__startswith="meeting-notice:").count() == 2


def test_the_notice_is_refused_once_its_latest_day_has_passed(tree, province_officer):
    meeting = make_meeting(tree.office, starts_in=dt.timedelta(days=6), participants=3)
    with pytest.raises(ValidationError) as exc:
        actions.publish_notice(meeting, by=province_officer)
    assert format_date(today() - dt.timedelta(days=1)) in message_of(exc)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.DRAFT
    assert meeting.noticed_at is None
    assert not Notification.objects.exists()


def test_a_kind_without_notice_period_can_be_noticed_the_day_before(tree, commune_officer):
    meeting = make_meeting(
        tree.commune, code=KindCode.CITIZEN_RECEPTION, starts_in=dt.timedelta(days=1)
    )
    actions.publish_notice(meeting, by=commune_officer, notice_text="Lịch tiếp công dân")
    assert meeting.notice_text == "Lịch tiếp công dân"


def test_someone_invited_after_the_notice_is_told_too(office_meeting, province_officer, employee):
    actions.publish_notice(office_meeting, by=province_officer)
    actions.add_participant(office_meeting, by=province_officer, user=employee)
    assert Notification.objects.filter(recipient=employee, key__startswith="meeting-notice:")


# --- Agenda and files -------------------------------------------------------------------------


def test_agenda_items_are_added_in_order_and_moved(office_meeting, province_officer):
    first = actions.add_agenda_item(office_meeting, by=province_officer, title="Báo cáo năm")
    second = actions.add_agenda_item(
        office_meeting, by=province_officer, title="Quy chế chi tiêu nội bộ", minutes=30
    )
    assert [i.title for i in office_meeting.agenda.all()] == [first.title, second.title]
    actions.move_agenda_item(second, by=province_officer, up=True)
    assert [i.pk for i in office_meeting.agenda.all()] == [second.pk, first.pk]
    actions.update_agenda_item(first, by=province_officer, presenter="Chánh Văn phòng")
    first.refresh_from_db()
    assert first.presenter == "Chánh Văn phòng"
    actions.delete_agenda_item(first, by=province_officer)
    assert office_meeting.agenda.count() == 1


@pytest.mark.parametrize("minutes", [0, 2000])
def test_an_agenda_item_needs_a_title_and_a_sane_duration(
    office_meeting, province_officer, minutes
):
    with pytest.raises(ValidationError) as exc:
        actions.add_agenda_item(office_meeting, by=province_officer, title="X", minutes=minutes)
    assert "minutes" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        actions.add_agenda_item(office_meeting, by=province_officer, title="   ")
    assert "title" in exc.value.message_dict
    assert not office_meeting.agenda.exists()


def test_a_mislabelled_file_is_refused(office_meeting, province_officer):
    fake = SimpleUploadedFile("bao-cao.pdf", b"not a pdf at all")
    with pytest.raises(ValidationError) as exc:
        actions.add_file(office_meeting, by=province_officer, title="", upload=fake)
    assert "upload" in exc.value.message_dict
    assert not office_meeting.files.exists()


def test_a_file_takes_its_name_when_no_title(office_meeting, province_officer):
    upload = SimpleUploadedFile("du-thao-nghi-quyet.pdf", b"%PDF-1.4 test")
    item = actions.add_file(office_meeting, by=province_officer, title="", upload=upload)
    assert item.title == "du-thao-nghi-quyet.pdf"
    actions.delete_file(item, by=province_officer)
    assert not office_meeting.files.exists()


# --- Participants -------------------------------------------------------------------------------


def test_staff_with_accounts_are_invited_once_even_when_asked_twice(
    tree, province_officer, employee, secretary
):
    outsider = make_user("ngoai", "Người Ngoài", tree.commune)
    meeting = make_meeting(tree.office)
    added = actions.add_staff(meeting, by=province_officer)
    assert {p.user for p in added} == {employee, secretary}
    assert outsider not in {p.user for p in added}
    assert actions.add_staff(meeting, by=province_officer) == []
    assert actions.add_staff(meeting, by=province_officer, users=[employee]) == []
    assert meeting.participants.count() == 2
    with pytest.raises(ValidationError) as exc:
        actions.add_staff(meeting, by=province_officer, users=[outsider])
    assert "users" in exc.value.message_dict


def test_staff_of_a_department_are_staff_of_the_agency(tree, province_officer):
    clerk = make_user("vanthu", "Văn Thư", tree.department)
    meeting = make_meeting(tree.office)
    added = actions.add_staff(meeting, by=province_officer, users=[clerk])
    assert [p.user for p in added] == [clerk]


def test_a_person_with_an_account_is_invited_only_once(office_meeting, province_officer, employee):
    actions.add_participant(office_meeting, by=province_officer, user=employee)
    with pytest.raises(ValidationError) as exc:
        actions.add_participant(office_meeting, by=province_officer, user=employee)
    assert "user" in exc.value.message_dict
    assert office_meeting.participants.filter(user=employee).count() == 1


def test_guests_are_invited_but_not_convened(office_meeting, province_officer):
    guest = actions.add_participant(
        office_meeting,
        by=province_officer,
        full_name="Đại diện Công đoàn tỉnh",
        role=ParticipantRole.GUEST,
    )
    assert not guest.is_convened
    chair = actions.set_participant_role(guest, by=province_officer, role=ParticipantRole.CHAIR)
    assert chair.is_convened


def test_a_participant_needs_a_name(office_meeting, province_officer):
    with pytest.raises(ValidationError) as exc:
        actions.add_participant(office_meeting, by=province_officer, full_name=" ")
    assert "full_name" in exc.value.message_dict


def test_delegates_are_elected_by_a_sub_unit_of_a_meeting_that_convenes_delegates(
    tree, province_officer
):
    meeting = make_meeting(tree.office)
    with pytest.raises(ValidationError) as exc:
        actions.add_participant(
            meeting, by=province_officer, full_name="Đại biểu A", delegate_of=tree.department
        )
    assert "role" in exc.value.message_dict
    Meeting.objects.filter(pk=meeting.pk).update(uses_delegates=True)
    meeting.refresh_from_db()
    delegate = actions.add_participant(
        meeting, by=province_officer, full_name="Đại biểu A", delegate_of=tree.department
    )
    assert delegate.role == ParticipantRole.DELEGATE
    with pytest.raises(ValidationError) as exc:
        actions.add_participant(
            meeting, by=province_officer, full_name="Đại biểu B", delegate_of=tree.commune
        )
    assert "delegate_of" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        actions.add_participant(
            meeting, by=province_officer, full_name="Đại biểu C", role=ParticipantRole.DELEGATE
        )
    assert "delegate_of" in exc.value.message_dict
    assert meeting.participants.count() == 1


def test_the_list_closes_when_the_meeting_opens_but_roles_may_still_be_given(
    tree, province_officer
):
    meeting = make_meeting(tree.office, status=MeetingStatus.IN_PROGRESS, participants=3)
    with pytest.raises(ValidationError):
        actions.add_participant(meeting, by=province_officer, full_name="Người đến muộn")
    person = meeting.participants.first()
    actions.set_participant_role(person, by=province_officer, role=ParticipantRole.SECRETARY)
    with pytest.raises(ValidationError) as exc:
        actions.set_participant_role(person, by=province_officer, role=ParticipantRole.GUEST)
    assert "role" in exc.value.message_dict
    with pytest.raises(ValidationError):
        actions.remove_participant(person, by=province_officer)
    assert Participant.objects.get(pk=person.pk).role == ParticipantRole.SECRETARY


# --- Questions --------------------------------------------------------------------------------


def test_a_participant_sends_a_question_ahead_once(office_meeting, employee):
    seat(office_meeting, employee)
    question = actions.send_question(office_meeting, by=employee, text="Khi nào tăng lương?")
    assert not question.raised_at_meeting
    assert question.asker_name == employee.display_name
    with pytest.raises(ValidationError) as exc:
        actions.send_question(office_meeting, by=employee, text="khi nao tang luong?")
    assert "text" in exc.value.message_dict
    assert Question.objects.count() == 1


def test_someone_not_invited_cannot_send_a_question(office_meeting, committee_member):
    with pytest.raises(PermissionDenied):
        actions.send_question(office_meeting, by=committee_member, text="Câu hỏi")


def test_questions_raised_at_the_meeting_are_recorded_and_answered(
    tree, province_officer, secretary
):
    meeting = make_meeting(tree.office, status=MeetingStatus.NOTICED)
    seat(meeting, secretary, role=ParticipantRole.SECRETARY)
    with pytest.raises(ValidationError):
        actions.record_question(meeting, by=secretary, text="Hỏi", asker_name="Ông A")
    Meeting.objects.filter(pk=meeting.pk).update(status=MeetingStatus.IN_PROGRESS)
    meeting.refresh_from_db()
    question = actions.record_question(
        meeting, by=secretary, text="Chế độ phụ cấp?", asker_name="Ông A"
    )
    assert question.raised_at_meeting
    with pytest.raises(ValidationError) as exc:
        actions.answer_question(question, by=secretary, answer="")
    assert "answer" in exc.value.message_dict
    answered = actions.answer_question(question, by=province_officer, answer="Từ quý II.")
    assert answered.status == QuestionStatus.ANSWERED


def test_a_question_followed_as_feedback_is_not_answered_here(tree, province_officer):
    meeting = make_meeting(tree.office, status=MeetingStatus.HELD)
    question = Question.objects.create(
        meeting=meeting, text="Hỏi", asker_name="Bà B", status=QuestionStatus.FORWARDED
    )
    with pytest.raises(ValidationError) as exc:
        actions.answer_question(question, by=province_officer, answer="Đã trả lời")
    assert "answer" in exc.value.message_dict
