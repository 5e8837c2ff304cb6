"""Background tasks of the reports app, run periodically by `coso worker`."""

from __future__ import annotations

from django_tasks import task

from coso.core.dates import today
from coso.core.periodic import rescheduled

from . import actions, reminders


@task()
def send_report_reminders(reschedule: bool = True) -> dict[str, int]:
    """Remind units whose reports are due soon or overdue, then schedule the next run."""
    with rescheduled(send_report_reminders, enabled=reschedule):
        return reminders.send_report_reminders(today()).as_dict()


@task()
def roll_over_requirements(reschedule: bool = True) -> dict[str, int]:
    """Create this year's copy of every yearly requirement (once), then schedule the next run."""
    with rescheduled(roll_over_requirements, enabled=reschedule):
        created = actions.roll_over_yearly_requirements(today())
        return {"created": len(created)}
