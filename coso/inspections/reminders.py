"""Reminders (đôn đốc) of inspections: self-inspection results due soon or late, and overdue
corrective actions.

Run by the background worker (coso.inspections.tasks.send_inspection_reminders_task), never by
a page. Each reminder has a stable key, so running again creates nothing twice: one reminder
when the deadline is near, one when it has passed, one when a corrective action is overdue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from coso.core.dates import format_date
from coso.core.notifications import Reminder, notify
from coso.units.models import Role, role_holders_by_unit

from .models import CampaignStatus, CorrectiveAction, SelfInspectionReport

# A self-inspection result is announced as due this many days before its deadline.
DUE_SOON_DAYS = 3
# Who answers for a unit's self-inspection and corrective actions: its own officers.
OFFICER_ROLES = (Role.UNIT_OFFICER, Role.STEERING_OFFICER)


def self_inspection_reminders(on: dt.date) -> Iterator[Reminder]:
    """Officers of units that have not sent their result: due within DUE_SOON_DAYS, or late."""
    pending = list(
        SelfInspectionReport.objects.filter(
            campaign__status=CampaignStatus.OPEN,
            submitted_on__isnull=True,
            unit__closed_on__isnull=True,
            campaign__deadline__lte=on + dt.timedelta(days=DUE_SOON_DAYS),
        )
        .order_by("pk")
        .values_list("pk", "unit_id", "unit__name", "campaign__title", "campaign__deadline")
    )
    officers = role_holders_by_unit((row[1] for row in pending), OFFICER_ROLES)
    for pk, unit_id, unit_name, title, deadline in pending:
        values = {"unit": unit_name, "title": title, "deadline": format_date(deadline)}
        if deadline < on:
            key = f"self-inspection-late:{pk}"
            message = (
                _("%(unit)s has not sent its self-inspection result “%(title)s”, due %(deadline)s.")
                % values
            )
        else:
            key = f"self-inspection-due:{pk}"
            message = (
                _("The self-inspection result “%(title)s” of %(unit)s is due %(deadline)s.")
                % values
            )
        url = reverse("inspections:self_report", args=[pk])
        for user_id in sorted(officers.get(unit_id, ())):
            yield Reminder(user_id, key, message, url)


def overdue_action_reminders(on: dt.date) -> Iterator[Reminder]:
    """The inspected unit's officers and the person responsible, once per overdue action."""
    overdue = list(
        CorrectiveAction.objects.overdue(on)
        .filter(unit__closed_on__isnull=True)
        .order_by("pk")
        .values_list("pk", "unit_id", "unit__name", "description", "deadline", "owner_id")
    )
    officers = role_holders_by_unit((row[1] for row in overdue), OFFICER_ROLES)
    for pk, unit_id, unit_name, description, deadline, owner_id in overdue:
        message = _(
            "The corrective action of %(unit)s “%(action)s” is overdue (due %(deadline)s)."
        ) % {"unit": unit_name, "action": description[:120], "deadline": format_date(deadline)}
        recipients = officers.get(unit_id, set()) | ({owner_id} if owner_id else set())
        url = reverse("inspections:action", args=[pk])
        for user_id in sorted(recipients):
            yield Reminder(user_id, f"corrective-action-overdue:{pk}", message, url)


def send_inspection_reminders(on: dt.date) -> int:
    """Create today's inspection reminders; returns how many were new."""
    # Messages are stored, so they are written in the site's language, not a visitor's.
    with translation.override(settings.LANGUAGE_CODE):
        created = notify(self_inspection_reminders(on))
        created += notify(overdue_action_reminders(on))
    return created
