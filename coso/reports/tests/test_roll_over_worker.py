"""The worker renews yearly report requirements once a year and runs every periodic job."""

import datetime as dt
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from coso.core.dates import today
from coso.reports import actions
from coso.reports.models import PeriodKind, ReportRequirement
from coso.reports.tasks import roll_over_requirements, send_report_reminders

ROLL_OVER = "coso.reports.tasks.roll_over_requirements"
# db_worker closes the connection between polls: these tests cannot run in a test transaction.
real_transactions = pytest.mark.django_db(transaction=True)


@pytest.fixture
def last_years_review(tree, province_officer, api_form) -> ReportRequirement:
    year = today().year - 1
    return actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title=f"Tổng kết năm {year}",
        form=api_form,
        period=actions.get_period(PeriodKind.YEAR, year),
        deadline=dt.date(year, 12, 10),
        receiving_office="Ban Dân vận Tỉnh ủy",
        repeats_yearly=True,
    )


def waiting(path: str):
    return DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.READY)


def test_worker_once_creates_this_years_requirement_once(tree, last_years_review):
    # given a yearly review required last year
    year = today().year

    # when the worker runs once, then again
    out = StringIO()
    call_command("worker", "--once", stdout=out)
    call_command("worker", "--once", stdout=StringIO())

    # then this year's copy exists once, with the same units, a year on, and nothing queued
    renewed = ReportRequirement.objects.get(previous=last_years_review)
    assert ReportRequirement.objects.count() == 2
    assert renewed.title == f"Tổng kết năm {year}"
    assert renewed.period.code == str(year)
    assert renewed.deadline == dt.date(year, 12, 10)
    assert renewed.repeats_yearly
    assert set(renewed.submissions.values_list("unit_id", flat=True)) == set(
        last_years_review.submissions.values_list("unit_id", flat=True)
    )
    assert f"{ROLL_OVER}: created=1" in out.getvalue()
    assert "coso.reports.tasks.send_report_reminders: due_soon=" in out.getvalue()
    assert not DBTaskResult.objects.exists()


def test_a_requirement_that_does_not_repeat_is_not_renewed(tree, province_officer, api_form):
    year = today().year - 1
    actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title=f"Báo cáo chuyên đề năm {year}",
        form=api_form,
        period=actions.get_period(PeriodKind.YEAR, year),
        deadline=dt.date(year, 12, 10),
        receiving_office="Ban Dân vận Tỉnh ủy",
    )

    result = roll_over_requirements.call(reschedule=False)

    assert result == {"created": 0}
    assert ReportRequirement.objects.count() == 1


def test_each_report_task_reschedules_itself_once_only(tree, last_years_review):
    roll_over_requirements.call()
    roll_over_requirements.call()
    send_report_reminders.call()
    send_report_reminders.call()

    assert waiting(ROLL_OVER).count() == 1
    assert waiting("coso.reports.tasks.send_report_reminders").count() == 1
    assert ReportRequirement.objects.count() == 2


@real_transactions
def test_the_worker_schedules_and_runs_each_periodic_task_once(tree, last_years_review, settings):
    settings.COSO_REMINDER_INTERVAL_SECONDS = 600

    # when the worker starts twice
    call_command("worker", "--batch", stdout=StringIO())
    call_command("worker", "--batch", stdout=StringIO())

    # then each periodic task ran once and has exactly one next run waiting
    for path in settings.COSO_PERIODIC_TASKS:
        assert waiting(path).count() == 1, path
        assert (
            DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.SUCCESSFUL).count()
            == 1
        ), path
    done = DBTaskResult.objects.get(task_path=ROLL_OVER, status=TaskResultStatus.SUCCESSFUL)
    assert done.return_value == {"created": 1}
    assert ReportRequirement.objects.filter(previous=last_years_review).count() == 1


def test_the_setting_names_every_periodic_job():
    assert settings.COSO_PERIODIC_TASKS == [
        "coso.plans.tasks.send_reminders",
        "coso.reports.tasks.send_report_reminders",
        ROLL_OVER,
        "coso.inspections.tasks.send_reminders",
        "coso.feedback.tasks.send_feedback_reminders",
        "coso.oversight.tasks.send_reminders",
        "coso.meetings.tasks.send_reminders",
        "coso.meetings.obligation_tasks.send_obligation_reminders",
        "coso.propaganda.tasks.send_reminders",
    ]
