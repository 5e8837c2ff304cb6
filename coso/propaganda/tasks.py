"""Background tasks of propaganda, run by `coso worker` (django-tasks, database queue). Add
"coso.propaganda.tasks.send_reminders" to settings.COSO_PERIODIC_TASKS."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from coso.core.dates import today
from coso.core.notifications import email_notifications
from coso.core.periodic import rescheduled

from .reminders import send_order_reminders


@task()
def send_reminders(reschedule: bool = True) -> dict[str, int]:
    """Remind units of the texts they were asked to disseminate, then schedule the next run."""
    with rescheduled(send_reminders, enabled=reschedule):
        started = timezone.now()
        created = send_order_reminders(today())
        return {"reminders": created, "emails": email_notifications(since=started)}
