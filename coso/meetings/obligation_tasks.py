"""Background task of the meetings a unit must hold, run by `coso worker` (django-tasks,
database queue). Add "coso.meetings.obligation_tasks.send_obligation_reminders" to
settings.COSO_PERIODIC_TASKS."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django_tasks import task

from coso.core.dates import today
from coso.core.notifications import email_notifications
from coso.core.periodic import rescheduled, schedule

from .obligation_reminders import send_obligation_reminders as create_reminders


@task()
def send_obligation_reminders(reschedule: bool = True) -> dict[str, int]:
    """Remind units of the meetings they must hold and e-mail it, then schedule the next run."""
    with rescheduled(send_obligation_reminders, enabled=reschedule):
        started = timezone.now()
        created = create_reminders(today())
        return {"reminders": created, "emails": email_notifications(since=started)}


def schedule_obligation_reminders(*, run_after: dt.datetime | None = None) -> bool:
    """Enqueue the task unless a run is already waiting; True when one was enqueued."""
    return schedule(send_obligation_reminders, run_after=run_after)
