"""Reminders (đôn đốc) of dissemination orders: a unit that has not yet recorded a session for
an ordered text, a week before the date and once the date has passed.

Run by the background worker (coso.propaganda.tasks.send_reminders), never by a page. Stable
keys per order, unit and stage: a worker that runs twice tells a person once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.urls import reverse
from django.utils.translation import gettext as _

from coso.core.dates import format_date
from coso.core.notifications import Reminder, notify
from coso.units.models import Role, role_holders_by_unit

from .coverage import coverage_rows
from .models import Order

OFFICER_ROLES = (Role.UNIT_OFFICER, Role.STEERING_OFFICER)
DAYS_BEFORE = 7


def order_reminders(on: dt.date) -> Iterator[Reminder]:
    orders = Order.objects.filter(
        cancelled_on__isnull=True, due_on__lte=on + dt.timedelta(days=DAYS_BEFORE)
    ).select_related("text", "unit")
    url = reverse("propaganda:pending")
    for order in orders.order_by("pk"):
        stage = "due" if on <= order.due_on else "overdue"
        if stage == "overdue" and on > order.due_on + dt.timedelta(days=30):
            continue  # a month late: the upper level follows it up on the coverage page
        missing = [u.pk for u in coverage_rows(order).filter(covered=False).only("pk")]
        if not missing:
            continue
        officers = role_holders_by_unit(missing, OFFICER_ROLES)
        values = {
            "text": str(order.text),
            "unit": order.unit.name,
            "due": format_date(order.due_on),
        }
        if stage == "due":
            message = _("%(unit)s asks your unit to disseminate %(text)s by %(due)s.") % values
        else:
            message = (
                _(
                    "Your unit has not yet recorded a session disseminating %(text)s, asked by "
                    "%(unit)s by %(due)s."
                )
                % values
            )
        for unit_id in missing:
            for user_id in sorted(officers[unit_id]):
                yield Reminder(
                    user_id, f"propaganda-order-{stage}:{order.pk}:{unit_id}", message, url
                )


def send_order_reminders(on: dt.date) -> int:
    """Create today's reminders; answers how many were new."""
    return notify(order_reminders(on))
