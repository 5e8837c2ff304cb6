"""`coso worker`: the background worker (reminders, e-mail), or one reminder run with --once."""

from __future__ import annotations

import signal
from argparse import ArgumentParser
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand

from coso.core.dates import today
from coso.plans.reminders import send_due_reminders
from coso.plans.tasks import schedule_reminders


class Command(BaseCommand):
    help = (
        "Run the background worker: schedule the periodic reminders, then process the task "
        "queue. With --once, send today's reminders now and exit (for cron)."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Send today's reminders now, then exit."
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
        if options["once"]:
            summary = send_due_reminders(today())
            self.stdout.write(
                f"overdue tasks: {summary.overdue_tasks}, missing plans: "
                f"{summary.missing_plans}, e-mails: {summary.emails}"
            )
            return
        if schedule_reminders():
            self.stdout.write("Reminders scheduled.")
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
