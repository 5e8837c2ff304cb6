"""An unanswered recommendation past its expected date reminds the board and its unit, once."""

from __future__ import annotations

import datetime as dt

from coso.core.models import Notification
from coso.oversight import actions
from coso.oversight.reminders import send_oversight_reminders


def test_overdue_recommendation_reminds_members_and_officers_once(
    world, board_member, commune_officer, other_commune_officer
):
    due = world.recommendation.answer_due_on

    assert send_oversight_reminders(due) == 0  # due today: not overdue yet

    created = send_oversight_reminders(due + dt.timedelta(days=1))
    again = send_oversight_reminders(due + dt.timedelta(days=2))

    told = set(Notification.objects.values_list("recipient__username", flat=True))
    assert created == 2 and again == 0
    assert told == {board_member.username, commune_officer.username}
    message = Notification.objects.first().message
    assert "chưa trả lời kiến nghị" in message
    assert other_commune_officer.username not in told


def test_an_answered_recommendation_reminds_nobody(world, commune_officer):
    actions.record_answer(
        world.recommendation,
        by=commune_officer,
        answer="UBND xã tiếp thu.",
        answered_on=world.recommendation.sent_on,
    )

    later = world.recommendation.answer_due_on + dt.timedelta(days=10)
    assert send_oversight_reminders(later) == 0
