"""Reminders of commitments, due soon and overdue, to the responsible unit's officers (or the
meeting's unit's when it has none), once each; and the dashboard panel of overdue commitments."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template.loader import render_to_string

from coso.core.models import Notification
from coso.core.periodic import run_once
from coso.meetings import followup
from coso.meetings.dashboard import dashboard_panel
from coso.meetings.models import Commitment, KindCode, MeetingStatus
from coso.meetings.reminders import DUE_SOON_DAYS, send_commitment_reminders
from coso.meetings.tasks import send_reminders
from coso.meetings.tests.conftest import make_meeting

DAY = dt.date(2026, 5, 4)


@pytest.fixture
def dialogue(tree, commune_officer):
    return make_meeting(
        tree.commune,
        code=KindCode.COMMUNE_DIALOGUE,
        by=commune_officer,
        status=MeetingStatus.HELD,
        starts_in=dt.timedelta(days=-30),
        title="Hội nghị đối thoại năm 2026",
    )


def _commitment(meeting, unit, due_on, text="Sửa đường thôn Đông") -> Commitment:
    return Commitment.objects.create(meeting=meeting, text=text, owner_unit=unit, due_on=due_on)


def _messages(user) -> list[str]:
    return list(Notification.objects.filter(recipient=user).values_list("message", flat=True))


def test_nothing_is_said_while_the_deadline_is_far(dialogue, tree, commune_officer):
    _commitment(dialogue, tree.commune, DAY + dt.timedelta(days=DUE_SOON_DAYS + 1))
    assert send_commitment_reminders(DAY) == 0


def test_due_soon_then_overdue_each_once_to_the_units_officers(
    dialogue, tree, commune_officer, other_commune_officer, province_officer
):
    commitment = _commitment(dialogue, tree.commune, DAY + dt.timedelta(days=DUE_SOON_DAYS))

    assert send_commitment_reminders(DAY) == 1
    (message,) = _messages(commune_officer)
    assert "đến hạn ngày" in message and "Sửa đường thôn Đông" in message
    assert "Hội nghị đối thoại năm 2026" in message
    assert send_commitment_reminders(DAY) == 0
    assert _messages(other_commune_officer) == [] and _messages(province_officer) == []

    late = commitment.due_on + dt.timedelta(days=1)
    assert send_commitment_reminders(late) == 1
    assert any("đã quá hạn" in m for m in _messages(commune_officer))
    note = Notification.objects.filter(recipient=commune_officer).last()
    assert note.url == f"/hoi-nghi/cam-ket/{commitment.pk}/"
    assert send_commitment_reminders(late + dt.timedelta(days=5)) == 0


def test_a_new_deadline_is_announced_again_and_done_ones_are_not(dialogue, tree, commune_officer):
    commitment = _commitment(dialogue, tree.commune, DAY - dt.timedelta(days=1))
    assert send_commitment_reminders(DAY) == 1
    commitment.due_on = DAY - dt.timedelta(days=1) + dt.timedelta(days=3)
    commitment.save()
    assert send_commitment_reminders(DAY) == 1
    followup.complete_commitment(commitment, by=commune_officer, result="Đã sửa xong.")
    assert send_commitment_reminders(DAY + dt.timedelta(days=30)) == 0


def test_a_unit_without_officers_is_followed_by_the_meetings_unit(dialogue, tree, commune_officer):
    _commitment(dialogue, tree.village, DAY)
    assert send_commitment_reminders(DAY) == 1
    assert len(_messages(commune_officer)) == 1


def test_the_periodic_task_runs_the_reminders(dialogue, tree, commune_officer):
    _commitment(dialogue, tree.commune, dt.date(2000, 1, 1))
    result = run_once(send_reminders)
    assert result["reminders"] == 1


def test_the_dashboard_shows_overdue_commitments_of_the_subtree(
    dialogue, tree, django_assert_num_queries
):
    late = _commitment(dialogue, tree.village, DAY - dt.timedelta(days=2), text="Việc trễ")
    _commitment(dialogue, tree.commune, DAY + dt.timedelta(days=2), text="Chưa đến hạn")

    with django_assert_num_queries(2):
        panel = dashboard_panel(tree.commune, on=DAY)

    assert panel["count"] == 1 and panel["items"] == [late]
    assert dashboard_panel(tree.province, on=DAY)["count"] == 1
    assert dashboard_panel(tree.other_commune, on=DAY)["count"] == 0
    html = render_to_string("meetings/dashboard_panel.html", {"panel": panel})
    assert "Việc trễ" in html and f"unit={tree.commune.pk}" in html and "state=overdue" in html
