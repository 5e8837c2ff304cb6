"""Reminders: the handler before the due date, the handler and their superior once overdue,
the unit's officers when nobody handles it; each person told once."""

import datetime as dt

from coso.core.dates import today
from coso.core.models import Notification
from coso.core.periodic import run_once
from coso.feedback import actions
from coso.feedback.models import Feedback
from coso.feedback.reminders import send_feedback_reminders
from coso.feedback.tasks import send_feedback_reminders as reminder_task
from coso.feedback.tests.conftest import make_feedback


def _due_in(item: Feedback, days: int) -> Feedback:
    Feedback.objects.filter(pk=item.pk).update(due_on=today() + dt.timedelta(days=days))
    item.refresh_from_db()
    return item


def _told(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("key", flat=True))


def test_nobody_is_reminded_long_before_the_deadline(tree, commune_officer):
    make_feedback(tree.commune)

    assert send_feedback_reminders(today()) == 0


def test_the_handler_is_reminded_before_the_due_date_once(tree, commune_officer, second_officer):
    # A complaint: reminded 5 calendar days before.
    item = make_feedback(tree.commune, kind_code="complaint")
    actions.assign(item, by=commune_officer, handler=second_officer)
    Notification.objects.all().delete()  # the assignment's own notice
    _due_in(item, 5)

    assert send_feedback_reminders(today()) == 1
    assert send_feedback_reminders(today()) == 0
    assert send_feedback_reminders(today() + dt.timedelta(days=1)) == 0
    assert _told(second_officer) == [f"feedback-due:{item.pk}:{item.due_on:%Y%m%d}"]
    assert _told(commune_officer) == []


def test_the_units_officers_are_reminded_when_nobody_handles_it(
    tree, commune_officer, second_officer
):
    _due_in(make_feedback(tree.commune, kind_code="complaint"), 2)

    send_feedback_reminders(today())

    assert len(_told(commune_officer)) == 1
    assert len(_told(second_officer)) == 1


def test_a_village_without_officers_reminds_the_communes(tree, commune_officer):
    _due_in(make_feedback(tree.village, kind_code="complaint"), 1)

    send_feedback_reminders(today())

    assert len(_told(commune_officer)) == 1


def test_overdue_reminds_the_handler_and_whoever_assigned_it(
    tree, commune_officer, second_officer, province_officer
):
    item = make_feedback(tree.commune)
    actions.assign(item, by=commune_officer, handler=second_officer)
    Notification.objects.all().delete()
    _due_in(item, -1)

    assert send_feedback_reminders(today()) == 2
    assert send_feedback_reminders(today() + dt.timedelta(days=3)) == 0
    key = f"feedback-overdue:{item.pk}:{item.due_on:%Y%m%d}"
    assert _told(second_officer) == [key]
    assert _told(commune_officer) == [key]
    assert _told(province_officer) == []


def test_answered_items_remind_nobody(tree, commune_officer):
    item = make_feedback(tree.commune)
    actions.answer(item, by=commune_officer, text="Đã xử lý xong.")
    _due_in(item, -3)

    assert send_feedback_reminders(today()) == 0


def test_working_day_kinds_are_reminded_in_working_days(tree, commune_officer):
    # A reflection due two working days after a Friday (the next Tuesday) is reminded on
    # Friday, not on the Sunday before.
    friday = dt.date(2026, 11, 6)
    item = make_feedback(tree.commune, received_on=dt.date(2026, 10, 20))
    Feedback.objects.filter(pk=item.pk).update(due_on=dt.date(2026, 11, 10))

    assert send_feedback_reminders(friday - dt.timedelta(days=1)) == 0
    assert send_feedback_reminders(friday) == 1


def test_the_periodic_task_runs_the_reminders(tree, commune_officer):
    _due_in(make_feedback(tree.commune), -2)

    result = run_once(reminder_task)

    assert result["reminders"] == 1
