"""Background tasks of the meetings app's follow-up, run by `coso worker` (django-tasks)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from coso.core.dates import today
from coso.core.notifications import email_notifications
from coso.core.periodic import rescheduled, schedule

from .reminders import send_commitment_reminders


@task()
def send_reminders(reschedule: bool = True) -> dict[str, int]:
    """Send today's commitment reminders and e-mail them, then schedule the next run."""
    with rescheduled(send_reminders, enabled=reschedule):
        started = timezone.now()
        created = send_commitment_reminders(today())
        return {"reminders": created, "emails": email_notifications(since=started)}


def schedule_reminders(*, run_after: dt.datetime | None = None) -> bool:
    """Enqueue send_reminders unless a run is already waiting; True when one was enqueued."""
    return schedule(send_reminders, run_after=run_after)
