"""Reminders (đôn đốc) of the meetings' commitments: due soon, and overdue.

Run by the background worker (coso.meetings.tasks.send_reminders), never by a page. Each
reminder has a stable key holding the deadline, so running again creates nothing twice, and a
commitment whose deadline moves is announced again for the new one.
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

from .models import Commitment, CommitmentStatus

# A commitment is announced as due this many days before its deadline.
DUE_SOON_DAYS = 7
# Who answers for a commitment: the officers of the responsible unit.
OFFICER_ROLES = (Role.UNIT_OFFICER, Role.STEERING_OFFICER)


def commitment_reminders(on: dt.date) -> Iterator[Reminder]:
    """Officers of the responsible unit (or, when it has none, of the meeting's unit), once
    when the deadline is near and once when it has passed."""
    pending = list(
        Commitment.objects.filter(
            status=CommitmentStatus.OPEN,
            owner_unit__closed_on__isnull=True,
            due_on__lte=on + dt.timedelta(days=DUE_SOON_DAYS),
        )
        .order_by("pk")
        .values_list(
            "pk",
            "owner_unit_id",
            "owner_unit__name",
            "text",
            "due_on",
            "meeting__title",
            "meeting__unit_id",
        )
    )
    officers = role_holders_by_unit(
        {row[1] for row in pending} | {row[6] for row in pending}, OFFICER_ROLES
    )
    for pk, unit_id, unit_name, text, due_on, meeting, meeting_unit_id in pending:
        values = {
            "unit": unit_name,
            "commitment": text[:120],
            "meeting": meeting,
            "deadline": format_date(due_on),
        }
        if due_on < on:
            key = f"meeting-commitment-overdue:{pk}:{due_on:%Y%m%d}"
            message = (
                _(
                    "The commitment of %(unit)s “%(commitment)s” (%(meeting)s) is overdue "
                    "(due %(deadline)s)."
                )
                % values
            )
        else:
            key = f"meeting-commitment-due:{pk}:{due_on:%Y%m%d}"
            message = (
                _("The commitment of %(unit)s “%(commitment)s” (%(meeting)s) is due %(deadline)s.")
                % values
            )
        url = reverse("meetings:commitment", args=[pk])
        # A unit without officers of its own (a department) is followed by the meeting's unit.
        recipients = officers.get(unit_id) or officers.get(meeting_unit_id, set())
        for user_id in sorted(recipients):
            yield Reminder(user_id, key, message, url)


def send_commitment_reminders(on: dt.date) -> int:
    """Create today's commitment reminders; returns how many were new."""
    # Messages are stored, so they are written in the site's language, not a visitor's.
    with translation.override(settings.LANGUAGE_CODE):
        return notify(commitment_reminders(on))
