"""Reminders: units that have not sent their self-inspection result, due soon or late, and
overdue corrective actions; once each, to the unit's officers."""

from __future__ import annotations

import datetime as dt

from coso.core.models import Notification
from coso.core.periodic import run_once
from coso.inspections import actions
from coso.inspections.reminders import send_inspection_reminders
from coso.inspections.tasks import send_reminders

from .conftest import days


def _messages(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("message", flat=True))


def test_no_reminder_while_the_deadline_is_far(campaign, commune_officer):
    assert send_inspection_reminders(days(0)) == 0
    assert _messages(commune_officer) == []


def test_due_soon_then_late_reminders_go_to_units_that_have_not_reported(
    campaign, tree, commune_officer, other_commune_officer, province_officer
):
    actions.submit_self_inspection(
        campaign.reports.get(unit=tree.commune),
        by=commune_officer,
        result="Đã tự kiểm tra.",
        assessment="good",
    )
    due_soon = campaign.deadline - dt.timedelta(days=3)

    assert send_inspection_reminders(due_soon) == 1
    (message,) = _messages(other_commune_officer)
    assert "đến hạn ngày" in message and "Phường Quy Nhơn" in message
    assert _messages(commune_officer) == []
    assert _messages(province_officer) == []

    # again on the same day: nothing new; the day after the deadline: late
    assert send_inspection_reminders(due_soon) == 0
    assert send_inspection_reminders(campaign.deadline + dt.timedelta(days=1)) == 1
    assert any("chưa gửi kết quả tự kiểm tra" in m for m in _messages(other_commune_officer))


def test_an_overdue_corrective_action_reminds_the_inspected_unit_once(world, commune_officer):
    assert send_inspection_reminders(days(0)) == 1
    (message,) = _messages(commune_officer)
    assert "đã quá hạn" in message and "Xã Thanh Miện" in message
    assert send_inspection_reminders(days(1)) == 0
    note = Notification.objects.get(recipient=commune_officer)
    assert note.url == f"/kiem-tra/khac-phuc/{world.overdue.pk}/"


def test_the_periodic_task_runs_the_reminders(world, commune_officer):
    result = run_once(send_reminders)

    assert result["reminders"] == 1
    assert Notification.objects.filter(recipient=commune_officer).count() == 1
