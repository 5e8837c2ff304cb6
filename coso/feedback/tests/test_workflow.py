"""Every status change of a feedback item, and the ones the workflow refuses."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from coso.core.dates import today
from coso.core.models import Notification
from coso.feedback import actions
from coso.feedback.models import EventKind, Feedback, Status
from coso.feedback.tests.conftest import field, kind, make_feedback, received_days_ago
from coso.units import actions as unit_actions


def test_received_items_wait_for_the_unit(reflection, tree):
    assert reflection.status == Status.RECEIVED
    assert reflection.unit == tree.commune
    assert [e.kind for e in reflection.events.all()] == [EventKind.RECEIVED]


def test_assigning_a_handler_starts_the_handling_and_tells_the_handler(
    reflection, commune_officer, second_officer
):
    item = actions.assign(reflection, by=commune_officer, handler=second_officer)

    assert item.status == Status.IN_PROGRESS
    assert item.handler == second_officer
    assert item.assigned_by == commune_officer
    assert Notification.objects.filter(recipient=second_officer).count() == 1


def test_a_handler_needs_a_role_in_the_unit(reflection, commune_officer, other_commune_officer):
    with pytest.raises(ValidationError) as exc:
        actions.assign(reflection, by=commune_officer, handler=other_commune_officer)

    assert "không có vai trò" in exc.value.message_dict["handler"][0]
    reflection.refresh_from_db()
    assert reflection.status == Status.RECEIVED


def test_classifying_as_a_complaint_moves_the_deadline_to_the_law_on_complaints(
    tree, commune_officer
):
    item = make_feedback(tree.commune, by=commune_officer, received_on=dt.date(2026, 2, 13))
    assert item.due_on == dt.date(2026, 3, 6)

    item = actions.classify(item, by=commune_officer, kind=kind("complaint"), field=field("land"))

    assert item.kind.code == "complaint"
    assert item.field.code == "land"
    assert item.due_on == dt.date(2026, 3, 15)
    event = item.events.get(kind=EventKind.CLASSIFIED)
    assert event.is_public
    assert "Luật Khiếu nại 2011" in event.text


def test_changing_only_the_field_keeps_the_deadline_and_the_sender_is_not_told(
    reflection, commune_officer
):
    due = reflection.due_on
    item = actions.classify(
        reflection, by=commune_officer, kind=reflection.kind, field=field("environment")
    )

    assert item.due_on == due
    assert not item.events.get(kind=EventKind.CLASSIFIED).is_public


def test_a_denunciation_cannot_lose_its_protection(denunciation, commune_officer):
    with pytest.raises(ValidationError) as exc:
        actions.classify(denunciation, by=commune_officer, kind=kind("reflection"), field=None)

    assert "kind" in exc.value.message_dict
    denunciation.refresh_from_db()
    assert denunciation.kind.code == "denunciation"


def test_transfer_sends_the_item_with_a_reason_the_sender_reads(
    reflection, commune_officer, commune_and_office_officer
):
    office, office_officer = commune_and_office_officer
    actions.assign(reflection, by=commune_officer, handler=commune_officer)
    received_days_ago(reflection, 8)

    item = actions.transfer(
        reflection, by=commune_officer, to_unit=office, reason="Thuộc thẩm quyền của tỉnh."
    )

    assert item.unit == office
    assert item.unit_path == office.path
    assert item.received_by.name == "Xã Thanh Miện"
    assert item.status == Status.RECEIVED
    assert item.handler is None
    # The clock restarts at the receiving unit from the day of the transfer.
    assert item.due_on == actions.due_date(item.kind, today())
    event = item.events.get(kind=EventKind.TRANSFERRED)
    assert event.is_public and event.text == "Thuộc thẩm quyền của tỉnh."
    assert Notification.objects.filter(recipient=office_officer).count() == 1


@pytest.fixture
def commune_and_office_officer(root_admin, tree):
    from conftest import make_user
    from coso.units.models import Role

    user = make_user("vanphong", "Đinh Văn Phòng", tree.office)
    unit_actions.assign_role(by=root_admin, user=user, unit=tree.office, role=Role.UNIT_OFFICER)
    return tree.office, user


def test_a_closed_unit_receives_no_transfer(reflection, commune_officer, tree, root_admin):
    unit_actions.close_unit(tree.other_commune, by=root_admin, closed_on=today(), reason="Sáp nhập")
    tree.other_commune.refresh_from_db()

    with pytest.raises(ValidationError) as exc:
        actions.transfer(
            reflection, by=commune_officer, to_unit=tree.other_commune, reason="Không đúng nơi."
        )

    assert "đã giải thể" in exc.value.message_dict["to_unit"][0] or "đóng" in str(exc.value)
    reflection.refresh_from_db()
    assert reflection.unit == tree.commune
    assert not reflection.events.filter(kind=EventKind.TRANSFERRED).exists()


def test_a_transfer_needs_a_reason(reflection, commune_officer, tree):
    with pytest.raises(ValidationError) as exc:
        actions.transfer(reflection, by=commune_officer, to_unit=tree.office, reason="  ")

    assert "reason" in exc.value.message_dict


def test_merging_a_duplicate_points_it_to_the_main_item(tree, commune_officer):
    main = make_feedback(tree.commune)
    duplicate = make_feedback(tree.commune, title="Đường ngập nước ở Thôn Đông")

    item = actions.merge(duplicate, by=commune_officer, into=main)

    assert item.status == Status.MERGED
    assert item.merged_into == main
    assert item.events.get(kind=EventKind.MERGED).is_public
    assert main.events.filter(kind=EventKind.MERGED, is_public=False).exists()


def test_merging_is_refused_across_units_and_into_itself(tree, commune_officer, province_officer):
    main = make_feedback(tree.other_commune)
    duplicate = make_feedback(tree.commune)

    with pytest.raises(ValidationError) as exc:
        actions.merge(duplicate, by=province_officer, into=main)
    assert "into" in exc.value.message_dict
    with pytest.raises(ValidationError):
        actions.merge(duplicate, by=commune_officer, into=duplicate)
    duplicate.refresh_from_db()
    assert duplicate.status == Status.RECEIVED


def test_notes_stay_internal(reflection, commune_officer):
    event = actions.add_note(reflection, by=commune_officer, text="Đã gọi điện cho trưởng thôn.")

    assert not event.is_public
    assert event.kind == EventKind.NOTE


def test_an_answer_in_time_counts_working_days(tree, commune_officer):
    item = make_feedback(tree.commune, by=commune_officer)
    received_days_ago(item, 7)
    upload = SimpleUploadedFile("tra-loi.pdf", b"%PDF-1.4 tra loi", "application/pdf")

    item = actions.answer(
        item, by=commune_officer, text="Xã đã khơi thông cống thoát nước.", files=[upload]
    )

    assert item.status == Status.ANSWERED
    assert item.answered_on == today()
    assert item.answered_in_time is True
    assert item.days_to_answer == actions.days_between(item.kind, item.received_on, today())
    assert item.handler == commune_officer
    assert item.files.get().with_answer
    assert "khoi thong" in item.search_text
    assert item.events.get(kind=EventKind.ANSWERED).is_public


def test_a_late_answer_is_recorded_as_late(tree, commune_officer):
    item = make_feedback(tree.commune, by=commune_officer, kind_code="complaint")
    received_days_ago(item, 40)

    item = actions.answer(item, by=commune_officer, text="Giữ nguyên quyết định thu hồi đất.")

    assert item.answered_in_time is False
    assert item.days_to_answer == 40


def test_answered_items_cannot_be_answered_twice(reflection, commune_officer):
    actions.answer(reflection, by=commune_officer, text="Trả lời lần một.")

    with pytest.raises(ValidationError) as exc:
        actions.answer(reflection, by=commune_officer, text="Trả lời lần hai.")

    assert "text" in exc.value.message_dict
    reflection.refresh_from_db()
    assert reflection.answer == "Trả lời lần một."


def test_publishing_needs_the_senders_consent(tree, commune_officer):
    without = make_feedback(tree.commune)
    actions.answer(without, by=commune_officer, text="Đã xử lý.")
    with pytest.raises(ValidationError):
        actions.publish_answer(without, by=commune_officer)

    consenting = make_feedback(tree.commune, publish_consent=True)
    with pytest.raises(ValidationError):  # not answered yet
        actions.publish_answer(consenting, by=commune_officer)
    actions.answer(consenting, by=commune_officer, text="Đã xử lý.")
    item = actions.publish_answer(consenting, by=commune_officer)

    assert item.answer_published_at is not None
    item = actions.unpublish_answer(item, by=commune_officer)
    assert item.answer_published_at is None


def test_closing_an_answered_item_and_nothing_after(reflection, commune_officer, tree):
    with pytest.raises(ValidationError):  # not answered yet
        actions.close(reflection, by=commune_officer)
    actions.answer(reflection, by=commune_officer, text="Đã xử lý.")

    item = actions.close(reflection, by=commune_officer, reason="Người gửi không phản hồi.")

    assert item.status == Status.CLOSED
    assert item.closed_at is not None
    for step in (
        lambda: actions.answer(item, by=commune_officer, text="Trả lời thêm."),
        lambda: actions.assign(item, by=commune_officer, handler=commune_officer),
        lambda: actions.transfer(item, by=commune_officer, to_unit=tree.province, reason="x"),
        lambda: actions.classify(item, by=commune_officer, kind=kind("complaint"), field=None),
        lambda: actions.close(item, by=commune_officer),
    ):
        with pytest.raises(ValidationError):
            step()
    assert Feedback.objects.get(pk=item.pk).status == Status.CLOSED


def test_a_merged_item_is_not_answered(tree, commune_officer):
    main = make_feedback(tree.commune)
    duplicate = make_feedback(tree.commune)
    actions.merge(duplicate, by=commune_officer, into=main)

    with pytest.raises(ValidationError) as exc:
        actions.answer(duplicate, by=commune_officer, text="Trả lời.")

    assert "gộp" in exc.value.message_dict["text"][0]


def test_people_without_a_role_over_the_unit_are_refused(
    reflection, other_commune_officer, committee_member, citizen, employee
):
    for person in (other_commune_officer, committee_member, citizen, employee):
        with pytest.raises(PermissionDenied):
            actions.answer(reflection, by=person, text="Không được phép.")
        with pytest.raises(PermissionDenied):
            actions.assign(reflection, by=person, handler=person)
    reflection.refresh_from_db()
    assert reflection.status == Status.RECEIVED


def test_a_staff_handler_answers_what_they_were_given(tree, province_officer, employee):
    item = make_feedback(tree.office)
    actions.assign(item, by=province_officer, handler=employee)

    item = actions.answer(item, by=employee, text="Văn phòng đã bố trí lại giờ tiếp dân.")

    assert item.answered_by == employee
    with pytest.raises(PermissionDenied):  # the handler answers; the officers transfer
        actions.transfer(item, by=employee, to_unit=tree.commune, reason="x")
