"""Background tasks of the plans app, run by `coso worker` (django-tasks, database queue)."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from coso.core.dates import today

from .reminders import send_due_reminders

logger = logging.getLogger(__name__)

# Any constant: serialises schedulers on PostgreSQL (SQLite already serialises writers).
_SCHEDULE_LOCK = 0x636F736F  # "coso"


@task()
def send_reminders() -> dict[str, int]:
    """Send today's reminders, then schedule the next run, so the worker runs it periodically."""
    try:
        return send_due_reminders(today()).as_dict()
    finally:
        # Even when this run failed, the next one must be scheduled, or reminders stop.
        schedule_reminders(
            run_after=timezone.now() + dt.timedelta(seconds=settings.COSO_REMINDER_INTERVAL_SECONDS)
        )


def schedule_reminders(*, run_after: dt.datetime | None = None) -> bool:
    """Enqueue send_reminders unless a run is already waiting; True when one was enqueued.

    Only one pending instance may exist, however many workers start or finish at once.
    """
    if not isinstance(send_reminders.get_backend(), DatabaseBackend):
        logger.warning("Reminders are scheduled only with the database task backend.")
        return False
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SCHEDULE_LOCK])
        waiting = DBTaskResult.objects.filter(
            task_path=send_reminders.module_path,
            backend_name=send_reminders.backend,
            status=TaskResultStatus.READY,
        )
        if waiting.exists():
            return False
        task_ = send_reminders.using(run_after=run_after) if run_after else send_reminders
        task_.enqueue()
    return True
