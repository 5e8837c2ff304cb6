"""Reminders (đôn đốc) of the oversight boards: a recommendation the authority has not answered
by its expected date.

Run by the background worker (coso.oversight.tasks.send_reminders), never by a page. One
reminder per recommendation once it is overdue (a stable key), to the board members who have an
account and to the officers of the board's unit, who follow it up with the authority.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from coso.core.dates import format_date
from coso.core.notifications import Reminder, notify
from coso.units.models import Role, role_holders_by_unit

from .models import BoardMember, Recommendation

OFFICER_ROLES = (Role.UNIT_OFFICER, Role.STEERING_OFFICER)


def overdue_recommendation_reminders(on: dt.date) -> Iterator[Reminder]:
    overdue = list(
        Recommendation.objects.overdue(on)
        .order_by("pk")
        .values_list(
            "pk",
            "activity_id",
            "activity__board_id",
            "activity__board__unit_id",
            "activity__board__name",
            "addressed_to",
            "answer_due_on",
        )
    )
    if not overdue:
        return
    members: dict[int, set[int]] = defaultdict(set)
    for board_id, user_id in BoardMember.objects.filter(
        board_id__in={row[2] for row in overdue}, user__isnull=False, user__is_active=True
    ).values_list("board_id", "user_id"):
        members[board_id].add(user_id)
    officers = role_holders_by_unit({row[3] for row in overdue}, OFFICER_ROLES)
    for pk, activity_id, board_id, unit_id, board, addressed_to, due in overdue:
        message = _(
            "%(authority)s has not answered the recommendation of %(board)s, expected by %(due)s."
        ) % {"authority": addressed_to, "board": board, "due": format_date(due)}
        url = reverse("oversight:activity_detail", args=[activity_id])
        for user_id in sorted(members[board_id] | officers[unit_id]):
            yield Reminder(user_id, f"oversight-recommendation-overdue:{pk}", message, url)


def send_oversight_reminders(on: dt.date) -> int:
    """Create today's reminders; answers how many were new."""
    return notify(overdue_recommendation_reminders(on))
