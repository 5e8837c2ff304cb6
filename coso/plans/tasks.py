"""Background tasks of the plans app, run by `coso worker` (django-tasks, database queue)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from coso.core.dates import today
from coso.core.periodic import rescheduled, schedule

from .reminders import send_due_reminders


@task()
def send_reminders(reschedule: bool = True) -> dict[str, int]:
    """Send today's reminders, then schedule the next run, so the worker runs it periodically."""
    with rescheduled(send_reminders, enabled=reschedule):
        return send_due_reminders(today()).as_dict()


def schedule_reminders(*, run_after: dt.datetime | None = None) -> bool:
    """Enqueue send_reminders unless a run is already waiting; True when one was enqueued."""
    return schedule(send_reminders, run_after=run_after)
