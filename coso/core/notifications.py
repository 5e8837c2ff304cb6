"""In-app notifications and their e-mail copies, for every app that reminds people.

A notification is identified by (recipient, key): creating it again is a no-op, so a worker
that runs twice, or two workers at once, tell a person once. E-mail is sent by the worker
only, never inside a page request.
"""

from __future__ import annotations

import datetime as dt
import itertools
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage, get_connection
from django.db import connection as database
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Notification

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
# Any fixed number, the same for every worker: the advisory lock that orders e-mail claims.
_CLAIM_LOCK_KEY = 7_307_001
# A notification whose e-mail failed is retried by later runs for this long; older ones are
# not e-mailed, so a user who adds an address later is not flooded with stale reminders.
EMAIL_RETRY_WINDOW = dt.timedelta(days=1)


@dataclass(frozen=True)
class Reminder:
    """One notification to create, if the recipient does not already have its key."""

    recipient_id: int
    key: str
    message: str
    url: str = ""


def notify(reminders: Iterable[Reminder]) -> int:
    """Create the notifications that do not exist yet; returns how many were new.

    Counting before and after is exact for one run; when two runs overlap, each may count
    the other's rows, which only affects the summary, never the records.
    """
    total = 0
    batch: list[Notification] = []
    keys: list[str] = []

    def flush() -> int:
        if not batch:
            return 0
        before = Notification.objects.filter(key__in=keys).count()
        Notification.objects.bulk_create(batch, ignore_conflicts=True, batch_size=BATCH_SIZE)
        after = Notification.objects.filter(key__in=keys).count()
        batch.clear()
        keys.clear()
        return after - before

    for reminder in reminders:
        batch.append(
            Notification(
                recipient_id=reminder.recipient_id,
                key=reminder.key,
                message=reminder.message,
                url=reminder.url,
            )
        )
        keys.append(reminder.key)
        if len(batch) >= BATCH_SIZE:
            total += flush()
    total += flush()
    return total


def absolute_url(path: str) -> str:
    base = settings.COSO_BASE_URL.rstrip("/")
    return f"{base}{path}" if base and path.startswith("/") else path


def _claim_unsent(since: dt.datetime) -> dict[int, list[Notification]]:
    """Mark unsent, unread notifications of users with an address as e-mailed, and return them.

    Claiming first means two workers never e-mail the same notification, and claiming one
    run at a time means a person's notifications are never split between two e-mails: two
    concurrent scans that skip each other's locked rows would share them out. PostgreSQL
    takes a transaction-level advisory lock; SQLite's IMMEDIATE transactions already let one
    writer in at a time.
    """
    by_user: dict[int, list[Notification]] = defaultdict(list)
    with transaction.atomic():
        if database.vendor == "postgresql":
            with database.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CLAIM_LOCK_KEY])
        rows = list(
            Notification.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(
                emailed_at__isnull=True,
                read_at__isnull=True,
                created_at__gte=since,
                recipient__is_active=True,
            )
            .exclude(recipient__email="")
            .select_related("recipient")
            .order_by("recipient_id", "created_at", "pk")
        )
        if rows:
            Notification.objects.filter(pk__in=[n.pk for n in rows]).update(
                emailed_at=timezone.now()
            )
    for row in rows:
        by_user[row.recipient_id].append(row)
    return by_user


def _email_for(notifications: list[Notification]) -> EmailMessage:
    user = notifications[0].recipient
    count = len(notifications)
    subject = ngettext("coso: %(count)d new reminder", "coso: %(count)d new reminders", count) % {
        "count": count
    }
    lines = [_("Hello %(name)s,") % {"name": user}, ""]
    lines.append(_("You have new reminders in coso:"))
    lines.append("")
    for n in notifications:
        lines.append(f"- {n.message}")
        if n.url:
            lines.append(f"  {absolute_url(n.url)}")
    lines += ["", _("This message was sent automatically; please do not reply.")]
    return EmailMessage(subject=subject, body="\n".join(lines), to=[user.email])


def _release(notifications: Iterable[Notification]) -> None:
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(emailed_at=None)


def email_notifications(*, since: dt.datetime) -> int:
    """E-mail each user one summary of their new notifications; returns e-mails sent.

    Whatever could not be sent is released, so a later run retries it; when the mail server
    cannot be reached at all the error is raised, so the failed run shows in the task log.
    """
    by_user = _claim_unsent(since - EMAIL_RETRY_WINDOW)
    if not by_user:
        return 0
    connection = get_connection()
    try:
        connection.open()
    except Exception:
        _release(itertools.chain.from_iterable(by_user.values()))
        raise
    sent = 0
    try:
        with translation.override(settings.LANGUAGE_CODE):
            for notifications in by_user.values():
                message = _email_for(notifications)
                message.connection = connection
                try:
                    message.send()
                except Exception:  # errors vary by backend: retry later, never lose it
                    logger.exception("Could not e-mail reminders to %s", message.to)
                    _release(notifications)
                else:
                    sent += 1
    finally:
        connection.close()
    return sent


def mark_all_read(user: AbstractBaseUser) -> int:
    """The user has seen their reminders; returns how many were unread."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
