"""The follow-up actions: discussion and conclusions, commitments from added to done or
dropped, questions followed as feedback once, and the minutes published to the participants.
Every refusal is a Vietnamese message with nothing saved; every change names who made it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from conftest import make_user
from coso.core.dates import today
from coso.core.models import AuditEntry, Notification
from coso.feedback.models import Feedback, FeedbackKind, Source
from coso.meetings import followup
from coso.meetings.models import (
    Commitment,
    CommitmentStatus,
    KindCode,
    MeetingStatus,
    Question,
    QuestionStatus,
)
from coso.meetings.tests.conftest import make_meeting, seat
from coso.meetings.tests.test_followup_world import held_meeting


@pytest.fixture
def world(tree, province_officer, secretary):
    return held_meeting(tree, by=province_officer, secretary=secretary)


def _entries(model, pk):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_pk=str(pk)
    ).order_by("timestamp", "pk")


def _message(exc: pytest.ExceptionInfo, field: str | None = None) -> str:
    error = exc.value
    if field is not None:
        return " ".join(error.message_dict[field])
    return " ".join(error.messages)


# --- Discussion and conclusions ---------------------------------------------------------------


def test_the_secretary_records_discussion_and_conclusions_while_the_meeting_runs(
    tree, province_officer, secretary
):
    world = held_meeting(
        tree, by=province_officer, secretary=secretary, status=MeetingStatus.IN_PROGRESS
    )

    followup.record_outcome(
        world.meeting, by=secretary, discussion="  Ý kiến mới.  ", conclusions="Kết luận mới."
    )

    world.meeting.refresh_from_db()
    assert (
        world.meeting.discussion == "Ý kiến mới." and world.meeting.conclusions == "Kết luận mới."
    )
    entry = _entries(type(world.meeting), world.meeting.pk).last()
    assert entry.actor == secretary and "conclusions" in entry.changes_dict


def test_discussion_cannot_change_before_the_meeting_or_after_the_minutes(
    tree, province_officer, world
):
    draft = make_meeting(tree.office, by=province_officer)
    with pytest.raises(ValidationError) as refused:
        followup.record_outcome(draft, by=province_officer, discussion="x", conclusions="")
    assert "chưa bắt đầu" in _message(refused)

    world.meeting.status = MeetingStatus.CLOSED
    world.meeting.save()
    with pytest.raises(ValidationError) as refused:
        followup.record_outcome(world.meeting, by=province_officer, discussion="", conclusions="")
    assert "đã được công bố" in _message(refused)


def test_a_participant_without_a_role_may_not_write_the_minutes(world, employee):
    seat(world.meeting, employee)
    with pytest.raises(PermissionDenied):
        followup.record_outcome(world.meeting, by=employee, discussion="x", conclusions="y")


# --- Commitments -------------------------------------------------------------------------------


def test_a_commitment_goes_from_added_to_done_by_the_responsible_unit(
    world, tree, secretary, root_admin
):
    from coso.units import actions as unit_actions
    from coso.units.models import Role

    head = make_user("truongphong", "Trưởng Phòng", tree.department)
    unit_actions.assign_role(by=root_admin, user=head, unit=tree.department, role=Role.UNIT_OFFICER)
    due = today() + dt.timedelta(days=20)

    commitment = followup.add_commitment(
        world.meeting,
        by=secretary,
        text="Nâng cấp phần mềm một cửa",
        owner_unit=tree.department,
        owner_name="Anh Tuấn",
        due_on=due,
    )
    assert commitment.unit_path == tree.office.path and commitment.status == CommitmentStatus.OPEN

    done = followup.complete_commitment(commitment, by=head, result="Đã nâng cấp xong.")

    assert (done.status, done.done_on, done.result) == ("done", today(), "Đã nâng cấp xong.")
    entries = list(_entries(Commitment, commitment.pk))
    assert [e.actor for e in entries] == [secretary, head]
    with pytest.raises(ValidationError) as twice:
        followup.complete_commitment(commitment, by=head, result="Lần nữa.")
    assert "đã kết thúc" in _message(twice)


@pytest.mark.parametrize(
    ("field", "changes", "message"),
    [
        ("text", {"text": "   "}, "bắt buộc"),
        ("due_on", {"due_on": None}, "thời hạn"),
        ("due_on", {"due_on": dt.date(2020, 1, 1)}, "trước ngày hội nghị"),
        ("owner_unit", {"owner_unit": None}, "đơn vị chịu trách nhiệm"),
        ("owner_name", {"owner_name": "x" * 201}, "200"),
    ],
)
def test_a_bad_commitment_is_refused_with_a_vietnamese_message_and_nothing_saved(
    world, tree, province_officer, field, changes, message
):
    values = {
        "text": "Việc cần làm",
        "owner_unit": tree.department,
        "owner_name": "",
        "due_on": today() + dt.timedelta(days=3),
        **changes,
    }
    before = Commitment.objects.count()

    with pytest.raises(ValidationError) as refused:
        followup.add_commitment(world.meeting, by=province_officer, **values)

    assert message in _message(refused, field)
    assert Commitment.objects.count() == before


def test_a_commitment_belongs_to_the_meetings_unit_or_one_below(world, tree, province_officer):
    with pytest.raises(ValidationError) as refused:
        followup.add_commitment(
            world.meeting,
            by=province_officer,
            text="Việc của xã",
            owner_unit=tree.commune,
            due_on=today() + dt.timedelta(days=3),
        )
    assert "Văn phòng UBND tỉnh" in _message(refused, "owner_unit")


def test_editing_keeps_the_wording_once_the_minutes_are_published(world, tree, province_officer):
    c = world.commitment
    later = c.due_on + dt.timedelta(days=10)
    followup.update_commitment(
        c, by=province_officer, text="Bố trí thêm chỗ để xe", owner_unit=tree.office, due_on=later
    )
    world.meeting.status = MeetingStatus.CLOSED
    world.meeting.save()
    c.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        followup.update_commitment(
            c, by=province_officer, text="Khác đi", owner_unit=tree.office, due_on=later
        )
    assert "công bố" in _message(refused, "text")
    moved = followup.update_commitment(
        c, by=province_officer, text=c.text, owner_unit=tree.department, due_on=later
    )
    assert moved.owner_unit == tree.department and moved.due_on == later


def test_dropping_a_commitment_needs_a_reason_and_an_officer(world, province_officer, secretary):
    with pytest.raises(PermissionDenied):
        followup.drop_commitment(world.commitment, by=secretary, reason="Không còn cần thiết")
    with pytest.raises(ValidationError) as refused:
        followup.drop_commitment(world.commitment, by=province_officer, reason=" ")
    assert "bắt buộc" in _message(refused, "reason")

    dropped = followup.drop_commitment(
        world.commitment, by=province_officer, reason="Không còn cần thiết"
    )
    assert dropped.status == CommitmentStatus.DROPPED and dropped.result == "Không còn cần thiết"


def test_done_cannot_be_dated_in_the_future_or_before_the_meeting(world, province_officer):
    for day, words in (
        (today() + dt.timedelta(days=1), "tương lai"),
        (dt.date(2020, 1, 1), "trước"),
    ):
        with pytest.raises(ValidationError) as refused:
            followup.complete_commitment(
                world.commitment, by=province_officer, result="Xong", done_on=day
            )
        assert words in _message(refused, "done_on")
    world.commitment.refresh_from_db()
    assert world.commitment.status == CommitmentStatus.OPEN


# --- Questions become feedback items --------------------------------------------------------------


def test_questions_raised_or_left_unanswered_become_feedback_items_once(
    world, tree, province_officer
):
    created = followup.forward_questions(world.meeting, by=province_officer)

    assert {f.meeting_question.pk for f in created} == {world.raised.pk, world.ahead.pk}
    item = Feedback.objects.get(meeting_question=world.raised)
    assert item.source == Source.CONFERENCE and item.unit == tree.office
    assert item.kind.code == "recommendation" and item.sender_name == "Lê Văn Cường"
    assert item.title == "Đề nghị bố trí thêm chỗ để xe cho cán bộ."
    assert "Hội nghị cán bộ, công chức, viên chức năm 2025" in item.content
    world.raised.refresh_from_db()
    assert world.raised.status == QuestionStatus.FORWARDED
    world.answered.refresh_from_db()
    assert world.answered.feedback is None  # answered at the meeting: nothing more to follow

    assert followup.forward_questions(world.meeting, by=province_officer) == []
    with pytest.raises(ValidationError) as twice:
        followup.forward_question(world.raised, by=province_officer)
    assert "đã được theo dõi" in _message(twice)
    assert Feedback.objects.count() == 2


def test_a_dialogue_question_is_a_dialogue_feedback_item_of_the_chosen_kind(tree, commune_officer):
    meeting = make_meeting(
        tree.commune,
        code=KindCode.COMMUNE_DIALOGUE,
        by=commune_officer,
        status=MeetingStatus.HELD,
        starts_in=dt.timedelta(days=-1),
    )
    question = Question.objects.create(
        meeting=meeting,
        asker_name="Bà Năm",
        text="Đường thôn Đông ngập nước.",
        raised_at_meeting=True,
    )
    reflection = FeedbackKind.objects.get(code="reflection")

    feedback = followup.forward_question(question, by=commune_officer, kind=reflection)

    assert feedback.source == Source.DIALOGUE and feedback.kind == reflection
    assert feedback.received_on == timezone.localdate() - dt.timedelta(days=1)
    assert _entries(Question, question.pk).last().actor == commune_officer


def test_questions_are_not_forwarded_before_the_meeting_or_by_the_secretary(
    tree, province_officer, secretary, world
):
    with pytest.raises(PermissionDenied):
        followup.forward_question(world.raised, by=secretary)
    draft = make_meeting(tree.office, by=province_officer)
    question = Question.objects.create(meeting=draft, text="Câu hỏi gửi trước hội nghị.")
    with pytest.raises(ValidationError) as refused:
        followup.forward_question(question, by=province_officer)
    assert "đã bắt đầu" in _message(refused)
    assert not Feedback.objects.exists()


# --- The minutes -------------------------------------------------------------------------------


def test_publishing_the_minutes_closes_the_meeting_and_tells_participants_once(
    world, province_officer, secretary, employee
):
    seat(world.meeting, employee)

    followup.publish_minutes(world.meeting, by=province_officer)

    world.meeting.refresh_from_db()
    assert world.meeting.status == MeetingStatus.CLOSED and world.meeting.minutes_published_at
    told = Notification.objects.filter(key=f"meeting-minutes:{world.meeting.pk}")
    assert {n.recipient for n in told} == {secretary, employee}
    assert "đã được công bố" in told.first().message
    with pytest.raises(ValidationError) as twice:
        followup.publish_minutes(world.meeting, by=province_officer)
    assert "đã được công bố" in _message(twice)
    assert told.count() == 2


def test_the_minutes_wait_until_the_meeting_has_ended(tree, province_officer, secretary):
    world = held_meeting(
        tree, by=province_officer, secretary=secretary, status=MeetingStatus.IN_PROGRESS
    )
    with pytest.raises(ValidationError) as refused:
        followup.publish_minutes(world.meeting, by=province_officer)
    assert "kết thúc" in _message(refused)
    with pytest.raises(PermissionDenied):
        followup.publish_minutes(world.meeting, by=secretary)
    world.meeting.refresh_from_db()
    assert world.meeting.minutes_published_at is None
