"""`coso worker`: schedules the periodic reminders once, runs them, and --once sends them now."""

import datetime as dt
import socket
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from coso.core.models import Notification
from coso.plans import actions
from coso.plans.models import Timing
from coso.plans.tasks import schedule_reminders, send_reminders

REMINDERS = "coso.plans.tasks.send_reminders"
# db_worker closes the connection between polls, as a real worker does: those tests cannot run
# inside a test transaction.
real_transactions = pytest.mark.django_db(transaction=True)


@pytest.fixture
def overdue_task(tree, province_officer):
    # a 2024 first-quarter task: overdue whatever today is
    plan = actions.create_plan(
        by=province_officer, unit=tree.province, title="KH 2024", issued_on=dt.date(2024, 1, 24)
    )
    task = actions.add_task(
        plan, by=province_officer, title="Tuyên truyền Luật", timing=Timing.QUARTER, quarter=1
    )
    actions.issue_plan(plan, by=province_officer)
    return task


def waiting():
    return DBTaskResult.objects.filter(task_path=REMINDERS, status=TaskResultStatus.READY)


def test_worker_once_sends_todays_reminders_and_exits(overdue_task, province_officer):
    out = StringIO()

    call_command("worker", "--once", stdout=out)

    assert Notification.objects.filter(recipient=province_officer).count() == 1
    assert [m.to for m in mail.outbox] == [["tinh@example.org"]]
    assert "overdue_tasks=1" in out.getvalue()
    assert not DBTaskResult.objects.exists()  # nothing queued by --once


@real_transactions
def test_worker_schedules_runs_and_reschedules_the_reminders(
    overdue_task, province_officer, settings
):
    settings.COSO_REMINDER_INTERVAL_SECONDS = 600
    before = timezone.now()

    call_command("worker", "--batch", stdout=StringIO())

    assert Notification.objects.filter(recipient=province_officer).count() == 1
    done = DBTaskResult.objects.get(task_path=REMINDERS, status=TaskResultStatus.SUCCESSFUL)
    assert done.return_value == {"overdue_tasks": 1, "missing_plans": 0, "emails": 1}
    next_run = waiting().get()
    assert next_run.run_after >= before + dt.timedelta(seconds=600)


@real_transactions
def test_starting_the_worker_again_does_not_add_a_second_schedule(overdue_task):
    call_command("worker", "--batch", stdout=StringIO())
    call_command("worker", "--batch", stdout=StringIO())

    assert waiting().count() == 1
    assert DBTaskResult.objects.filter(task_path=REMINDERS).count() == 2


def test_the_task_reschedules_itself_once_only(overdue_task):
    send_reminders.call()
    send_reminders.call()

    assert waiting().count() == 1


def test_schedule_reminders_enqueues_only_when_none_is_waiting(db):
    assert schedule_reminders() is True
    assert schedule_reminders() is False
    assert schedule_reminders(run_after=timezone.now()) is False

    assert waiting().count() == 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_failed_run_still_schedules_the_next_and_emails_later(
    overdue_task, province_officer, settings
):
    # given the mail server cannot be reached
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2

    # when the task runs, it fails but the next run is scheduled and the reminder is kept
    with pytest.raises(OSError):
        send_reminders.call()
    assert waiting().count() == 1
    note = Notification.objects.get(recipient=province_officer)
    assert note.emailed_at is None

    # then once the mail server is back, the next run e-mails it
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    send_reminders.call()
    assert [m.to for m in mail.outbox] == [["tinh@example.org"]]
