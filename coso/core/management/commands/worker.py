"""`coso worker`: the background worker (periodic jobs, e-mail), or one run of each with --once."""

from __future__ import annotations

import signal
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from coso.core.periodic import periodic_tasks, run_once, schedule


class Command(BaseCommand):
    help = (
        "Run the background worker: schedule the periodic jobs (settings.COSO_PERIODIC_TASKS: "
        "reminders, yearly roll-over), then process the task queue. With --once, run each "
        "periodic job now and exit (for cron)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Run each periodic job now, then exit."
        )
        parser.add_argument(
            "--batch",
            action="store_true",
            help="Process the tasks that are due, then exit.",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=5.0,
            help="Seconds to wait between polls of an empty queue (default: %(default)s).",
        )
        parser.add_argument(
            "--queue-name", default="default", help="Queues to process, comma-separated, or '*'."
        )
        parser.add_argument(
            "--reload", action="store_true", help="Restart on code changes (development)."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        tasks = periodic_tasks()
        if options["once"]:
            for task in tasks:
                self.stdout.write(f"{task.module_path}: {_summary(run_once(task))}")
            return
        for task in tasks:
            if schedule(task):
                self.stdout.write(f"Scheduled {task.module_path}.")
        worker_options: dict[str, Any] = {
            "queue_name": options["queue_name"],
            "interval": options["interval"],
            "batch": options["batch"],
            "reload": options["reload"] and not options["batch"],
            "verbosity": options["verbosity"],
            "stdout": self.stdout,
            "stderr": self.stderr,
        }
        if options["batch"]:
            worker_options["startup_delay"] = False
        # db_worker installs its own signal handlers; put ours back when it returns.
        saved = {
            sig: signal.getsignal(sig)
            for sig in (signal.SIGINT, signal.SIGTERM, getattr(signal, "SIGQUIT", None))
            if sig is not None
        }
        try:
            call_command("db_worker", **worker_options)
        finally:
            for sig, handler in saved.items():
                signal.signal(sig, handler)


def _summary(result: Any) -> str:
    if isinstance(result, dict):
        return ", ".join(f"{key}={value}" for key, value in result.items())
    return str(result)
