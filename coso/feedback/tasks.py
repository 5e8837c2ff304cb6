"""Background tasks of the feedback app, run periodically by `coso worker`."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from coso.core.dates import today
from coso.core.notifications import email_notifications
from coso.core.periodic import rescheduled

from . import reminders


@task()
def send_feedback_reminders(reschedule: bool = True) -> dict[str, int]:
    """Remind handlers of answers due soon or overdue, e-mail them, then schedule the next run."""
    with rescheduled(send_feedback_reminders, enabled=reschedule):
        started = timezone.now()
        created = reminders.send_feedback_reminders(today())
        return {"reminders": created, "emails": email_notifications(since=started)}
