"""Who must be reminded about feedback today (đôn đốc): answers due soon, and overdue ones.

- Due soon: `kind.remind_days_before` days (working days when the kind counts them) before
  the due date, the handler; when nobody handles it yet, the unit's officers.
- Overdue: the handler and their superior — whoever assigned it, else the unit's officers;
  when nobody handles it, the unit's officers.

Each reminder's key names the item and its due date, so a second run on the same day, or the
next day, tells nobody twice; a transfer (a new due date) starts a new round. Messages name the
item by its tracking code and subject, never by its sender. Run by the worker through
`coso.feedback.tasks.send_feedback_reminders`, never by a page.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from coso.core.dates import format_date
from coso.core.notifications import Reminder, notify
from coso.core.workdays import add_working_days
from coso.units.models import RoleAssignment, Unit

from .actions import OFFICER_ROLES
from .models import Feedback, FeedbackKind

BATCH_SIZE = 500


def _chunks(items: Iterable, size: int = BATCH_SIZE) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def officers_of_units(paths: Iterable[str]) -> dict[str, list[int]]:
    """For each unit path, the officers of that unit or of the nearest unit above with any."""
    paths = set(paths)
    ancestors = {p[:i] for p in paths for i in range(Unit.steplen, len(p) + 1, Unit.steplen)}
    by_path: dict[str, set[int]] = defaultdict(set)
    for user_id, path in RoleAssignment.objects.filter(
        unit__path__in=ancestors, role__in=OFFICER_ROLES, user__is_active=True
    ).values_list("user_id", "unit__path"):
        by_path[path].add(user_id)
    result: dict[str, list[int]] = {}
    for path in paths:
        result[path] = []
        for end in range(len(path), 0, -Unit.steplen):
            if by_path.get(path[:end]):
                result[path] = sorted(by_path[path[:end]])
                break
    return result


def _due_soon_condition(on: dt.date) -> Q:
    """Open items whose reminder day has come, per kind (its own days and way of counting)."""
    condition = Q(pk__in=[])
    for kind in FeedbackKind.objects.all():
        days = kind.remind_days_before
        last = add_working_days(on, days) if kind.working_days else on + dt.timedelta(days=days)
        condition |= Q(kind=kind, due_on__gte=on, due_on__lte=last)
    return condition


ROW = ("pk", "tracking_code", "title", "due_on", "unit_path", "handler_id", "assigned_by_id")


def _rows(queryset) -> Iterator[list[tuple]]:
    return _chunks(queryset.order_by("pk").values_list(*ROW).iterator(chunk_size=BATCH_SIZE))


def due_soon_reminders(on: dt.date) -> Iterator[Reminder]:
    items = Feedback.objects.open().filter(_due_soon_condition(on))
    for chunk in _rows(items):
        officers = officers_of_units(row[4] for row in chunk if row[5] is None)
        for pk, code, title, due_on, path, handler_id, _assigned_by in chunk:
            recipients = [handler_id] if handler_id else officers.get(path, [])
            message = _("%(code)s «%(title)s» must be answered by %(due)s.") % {
                "code": code,
                "title": title[:80],
                "due": format_date(due_on),
            }
            url = reverse("feedback:detail", args=[pk])
            for user_id in recipients:
                yield Reminder(user_id, f"feedback-due:{pk}:{due_on:%Y%m%d}", message, url)


def overdue_reminders(on: dt.date) -> Iterator[Reminder]:
    items = Feedback.objects.overdue(on)
    for chunk in _rows(items):
        officers = officers_of_units(row[4] for row in chunk if row[5] is None or row[6] is None)
        for pk, code, title, due_on, path, handler_id, assigned_by_id in chunk:
            if handler_id:
                superiors = [assigned_by_id] if assigned_by_id else officers.get(path, [])
                recipients = {handler_id, *superiors}
            else:
                recipients = set(officers.get(path, []))
            message = _("%(code)s «%(title)s» is overdue: it was due on %(due)s.") % {
                "code": code,
                "title": title[:80],
                "due": format_date(due_on),
            }
            url = reverse("feedback:detail", args=[pk])
            for user_id in sorted(recipients):
                yield Reminder(user_id, f"feedback-overdue:{pk}:{due_on:%Y%m%d}", message, url)


def send_feedback_reminders(on: dt.date) -> int:
    """Create today's feedback reminders; returns how many were new."""
    # Messages are stored, so they are written in the site's language, not a visitor's.
    with translation.override(settings.LANGUAGE_CODE):
        return notify(due_soon_reminders(on)) + notify(overdue_reminders(on))
