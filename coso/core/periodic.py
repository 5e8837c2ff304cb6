"""Periodic background jobs on the task queue, without a separate scheduler process.

A periodic task runs, then enqueues its own next run; `coso worker` enqueues each task named
in settings.COSO_PERIODIC_TASKS when it starts. Only one pending run of a task may exist,
however many workers start or finish at once. Core knows the tasks by dotted path only, so it
never imports the apps that define them.

A periodic task takes one argument, `reschedule: bool = True`, and runs its job inside
``with rescheduled(the_task, enabled=reschedule):``; `coso worker --once` calls it with
`reschedule=False`, so a cron run leaves nothing in the queue.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import TaskResultStatus
from django_tasks.base import Task
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# Any constant: serialises schedulers on PostgreSQL (SQLite already serialises writers).
_SCHEDULE_LOCK = 0x636F736F  # "coso"


def periodic_tasks() -> list[Task]:
    """The tasks named in settings.COSO_PERIODIC_TASKS, imported by dotted path."""
    tasks = []
    for path in settings.COSO_PERIODIC_TASKS:
        task = import_string(path)
        if not isinstance(task, Task):
            raise TypeError(f"{path} is not a task (decorate it with django_tasks.task)")
        tasks.append(task)
    return tasks


def schedule(task: Task, *, run_after: dt.datetime | None = None) -> bool:
    """Enqueue `task` unless a run of it is already waiting; True when one was enqueued."""
    if not isinstance(task.get_backend(), DatabaseBackend):
        logger.warning("Periodic tasks are scheduled only with the database task backend.")
        return False
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SCHEDULE_LOCK])
        waiting = DBTaskResult.objects.filter(
            task_path=task.module_path,
            backend_name=task.backend,
            status=TaskResultStatus.READY,
        )
        if waiting.exists():
            return False
        (task.using(run_after=run_after) if run_after else task).enqueue()
    return True


def next_run() -> dt.datetime:
    return timezone.now() + dt.timedelta(seconds=settings.COSO_REMINDER_INTERVAL_SECONDS)


@contextmanager
def rescheduled(task: Task, *, enabled: bool = True) -> Iterator[None]:
    """Schedule the next run of `task` when the block ends, even when it failed, or the job
    would stop for good. `enabled=False` (``coso worker --once``) runs without scheduling."""
    try:
        yield
    finally:
        if enabled:
            schedule(task, run_after=next_run())


def run_once(task: Task) -> Any:
    """Run a periodic task now, in this process, without scheduling its next run."""
    return task.call(reschedule=False)
