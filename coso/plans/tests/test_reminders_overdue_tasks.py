"""Overdue tasks remind the officers of the task's unit and its lead person, once."""

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_user
from coso.core.models import Notification
from coso.plans import actions
from coso.plans.models import TaskStatus, Timing
from coso.plans.reminders import send_due_reminders
from coso.units import actions as unit_actions
from coso.units.models import Role

AFTER_Q1 = dt.date(2024, 4, 10)


@pytest.fixture
def lead(db, tree):
    return make_user("chutri", "Ngô Văn Chủ Trì", tree.office, email="chutri@example.org")


@pytest.fixture
def officer_without_email(root_admin, tree):
    user = make_user("tinh2", "Đặng Văn Không Thư", tree.province)
    unit_actions.assign_role(by=root_admin, user=user, unit=tree.province, role=Role.UNIT_OFFICER)
    return user


@pytest.fixture
def plan(tree, province_officer):
    return actions.create_plan(
        by=province_officer,
        unit=tree.province,
        title="Kế hoạch thực hiện dân chủ ở cơ sở năm 2024",
        number="04-KH/BCĐ",
        issued_on=dt.date(2024, 1, 24),
    )


def add_q1_task(plan, by, title="Tuyên truyền Luật", **fields):
    return actions.add_task(plan, by=by, title=title, timing=Timing.QUARTER, quarter=1, **fields)


def test_overdue_task_reminds_each_responsible_officer_once_and_emails_those_with_an_address(
    tree, plan, province_officer, officer_without_email, lead, admin, commune_officer
):
    # given an issued plan whose first-quarter task was not done by 31/03/2024
    task = add_q1_task(plan, province_officer, lead_person=lead)
    actions.issue_plan(plan, by=province_officer)

    # when the worker runs in April
    summary = send_due_reminders(AFTER_Q1)

    # then the province's officers and the lead person are reminded, nobody else
    notes = Notification.objects.filter(key=f"task-overdue:{task.pk}")
    assert {n.recipient for n in notes} == {province_officer, officer_without_email, lead}
    assert summary.overdue_tasks == 3
    note = notes.get(recipient=province_officer)
    assert "Tuyên truyền Luật" in note.message
    assert "04-KH/BCĐ" in note.message
    assert "31/03/2024" in note.message
    assert note.url == reverse("plans:task", args=[task.pk])
    # and one e-mail goes to each recipient with an address, none to the one without
    assert sorted(m.to[0] for m in mail.outbox) == ["chutri@example.org", "tinh@example.org"]
    assert "Tuyên truyền Luật" in mail.outbox[0].body
    assert summary.emails == 2
    assert notes.get(recipient=officer_without_email).emailed_at is None
    assert notes.get(recipient=province_officer).emailed_at is not None


def test_one_email_per_person_sums_up_all_their_new_reminders(tree, plan, province_officer):
    add_q1_task(plan, province_officer, title="Tuyên truyền Luật")
    add_q1_task(plan, province_officer, title="Kiện toàn Ban Chỉ đạo")
    actions.issue_plan(plan, by=province_officer)

    send_due_reminders(AFTER_Q1)

    assert Notification.objects.filter(recipient=province_officer).count() == 2
    assert len(mail.outbox) == 1
    assert "Tuyên truyền Luật" in mail.outbox[0].body
    assert "Kiện toàn Ban Chỉ đạo" in mail.outbox[0].body


def test_done_cancelled_and_not_yet_due_tasks_remind_nobody(tree, plan, province_officer):
    done = add_q1_task(plan, province_officer, title="Đã xong")
    cancelled = add_q1_task(plan, province_officer, title="Đã hủy")
    actions.add_task(plan, by=province_officer, title="Quý II", timing=Timing.QUARTER, quarter=2)
    actions.add_task(plan, by=province_officer, title="Thường xuyên", timing=Timing.ONGOING)
    actions.issue_plan(plan, by=province_officer)
    actions.change_task_status(done, by=province_officer, status=TaskStatus.DONE)
    actions.change_task_status(cancelled, by=province_officer, status=TaskStatus.CANCELLED)

    summary = send_due_reminders(AFTER_Q1)

    assert summary.overdue_tasks == 0
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_task_due_today_is_not_yet_overdue(tree, plan, province_officer):
    add_q1_task(plan, province_officer)
    actions.issue_plan(plan, by=province_officer)

    send_due_reminders(dt.date(2024, 3, 31))

    assert not Notification.objects.exists()


def test_tasks_of_a_draft_plan_remind_nobody(tree, plan, province_officer):
    add_q1_task(plan, province_officer)

    send_due_reminders(AFTER_Q1)

    assert not Notification.objects.exists()


def test_running_twice_creates_and_sends_nothing_new(tree, plan, province_officer, lead):
    add_q1_task(plan, province_officer, lead_person=lead)
    actions.issue_plan(plan, by=province_officer)
    send_due_reminders(AFTER_Q1)
    first = list(Notification.objects.values_list("pk", "emailed_at"))

    summary = send_due_reminders(AFTER_Q1)

    assert summary.as_dict() == {"overdue_tasks": 0, "missing_plans": 0, "emails": 0}
    assert list(Notification.objects.values_list("pk", "emailed_at")) == first
    assert len(mail.outbox) == 2


def test_officer_of_the_commune_is_not_reminded_of_the_province_task(
    tree, plan, province_officer, commune_officer, other_commune_officer
):
    add_q1_task(plan, province_officer)
    actions.issue_plan(plan, by=province_officer)

    send_due_reminders(AFTER_Q1)

    assert not Notification.objects.filter(
        recipient__in=[commune_officer, other_commune_officer]
    ).exists()


def test_query_count_does_not_grow_with_the_number_of_overdue_tasks(
    tree, plan, province_officer, commune_officer, lead
):
    add_q1_task(plan, province_officer, lead_person=lead)
    actions.issue_plan(plan, by=province_officer)
    with CaptureQueriesContext(connection) as few:
        send_due_reminders(AFTER_Q1)
    commune_plan = actions.create_plan(
        by=commune_officer, unit=tree.commune, title="KH xã", issued_on=dt.date(2024, 1, 30)
    )
    for n in range(25):
        add_q1_task(commune_plan, commune_officer, title=f"Việc {n}", lead_person=lead)
    actions.issue_plan(commune_plan, by=commune_officer)
    Notification.objects.all().delete()

    with CaptureQueriesContext(connection) as many:
        summary = send_due_reminders(AFTER_Q1)

    assert summary.overdue_tasks == 2 + 25 * 2
    assert len(many.captured_queries) == len(few.captured_queries)
