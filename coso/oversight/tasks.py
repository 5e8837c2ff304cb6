"""Background tasks of the oversight app, run by `coso worker` (django-tasks, database queue)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from coso.core.dates import today
from coso.core.notifications import email_notifications
from coso.core.periodic import rescheduled

from .reminders import send_oversight_reminders


@task()
def send_reminders(reschedule: bool = True) -> dict[str, int]:
    """Remind boards and their units of unanswered recommendations, then schedule the next run."""
    with rescheduled(send_reminders, enabled=reschedule):
        started = timezone.now()
        created = send_oversight_reminders(today())
        return {"reminders": created, "emails": email_notifications(since=started)}
