"""Who must be reminded (đôn đốc) about reports today: due within days, or overdue.

Run by the background worker (coso.reports.tasks.send_report_reminders, or `coso worker
--once`), never by a page. Each reminder has a stable key, so running again, or two workers at
once, creates nothing twice: one reminder before the deadline and one after it, per manager
and submission. The work is done in batches with a fixed number of queries per batch,
whatever the size of the tree.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coso.core.dates import format_date
from coso.core.notifications import Reminder, email_notifications, notify
from coso.units.models import Role, role_holders_by_unit

from .models import Period, Submission, SubmissionStatus

BATCH_SIZE = 500
# A report is "due soon" from this many days before its deadline.
DUE_SOON_DAYS = 3
# Who answers for a unit's report: the officers holding a role in that very unit.
REPORT_ROLES = (Role.UNIT_OFFICER, Role.STEERING_OFFICER, Role.ADMIN)

T = TypeVar("T")


@dataclass(frozen=True)
class ReportReminderSummary:
    due_soon: int
    overdue: int
    emails: int

    def as_dict(self) -> dict[str, int]:
        return {"due_soon": self.due_soon, "overdue": self.overdue, "emails": self.emails}


def _chunks(items: Iterable[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _submission_link() -> Callable[[int], str]:
    """The submission page, or the reports landing page while that page does not exist."""
    try:
        reverse("reports:submission", args=[1])
    except NoReverseMatch:
        fallback = reverse("reports:home")
        return lambda pk: fallback
    return lambda pk: reverse("reports:submission", args=[pk])


def _unsent(deadlines: dict[str, dt.date]) -> Iterator[list[tuple]]:
    """Expected submissions not yet sent whose requirement's deadline matches `deadlines`."""
    rows = (
        Submission.objects.filter(
            first_submitted_at__isnull=True,
            unit__closed_on__isnull=True,
            **{f"requirement__deadline__{lookup}": day for lookup, day in deadlines.items()},
        )
        .exclude(status__in=(SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED))
        .order_by("pk")
        .values_list(
            "pk",
            "unit_id",
            "unit__name",
            "requirement__title",
            "requirement__deadline",
            "requirement__period_id",
            "requirement__period__kind",
            "requirement__period__year",
            "requirement__period__number",
            "requirement__period__start",
            "requirement__period__end",
        )
    )
    return _chunks(rows.iterator(chunk_size=BATCH_SIZE))


def _reminders(
    rows: Iterator[list[tuple]], key: str, message: Callable[[dict[str, str]], str]
) -> Iterator[Reminder]:
    link = _submission_link()
    labels: dict[int, str] = {}
    for chunk in rows:
        managers = role_holders_by_unit((row[1] for row in chunk), REPORT_ROLES)
        for pk, unit_id, unit_name, title, deadline, period_id, *period in chunk:
            recipients = managers.get(unit_id)
            if not recipients:
                continue
            if period_id not in labels:
                kind, year, number, start, end = period
                labels[period_id] = Period(
                    kind=kind, year=year, number=number, start=start, end=end
                ).label
            text = message(
                {
                    "title": title,
                    "period": labels[period_id],
                    "unit": unit_name,
                    "deadline": format_date(deadline),
                }
            )
            url = link(pk)
            for user_id in sorted(recipients):
                yield Reminder(user_id, f"{key}:{pk}", text, url)


def due_soon_reminders(on: dt.date) -> Iterator[Reminder]:
    """Once per manager and submission, in the DUE_SOON_DAYS up to the deadline (included)."""
    rows = _unsent({"gte": on, "lte": on + dt.timedelta(days=DUE_SOON_DAYS)})
    return _reminders(
        rows,
        "report-due",
        lambda values: (
            _("The report “%(title)s” (period %(period)s) of %(unit)s is due by %(deadline)s.")
            % values
        ),
    )


def overdue_reminders(on: dt.date) -> Iterator[Reminder]:
    """Once per manager and submission, once the deadline has passed."""
    return _reminders(
        _unsent({"lt": on}),
        "report-overdue",
        lambda values: (
            _(
                "The report “%(title)s” (period %(period)s) of %(unit)s is overdue "
                "(due %(deadline)s)."
            )
            % values
        ),
    )


def send_report_reminders(on: dt.date) -> ReportReminderSummary:
    """Create today's report reminders and e-mail each person with an address one summary."""
    started = timezone.now()
    # Messages are stored, so they are written in the site's language, not a visitor's.
    with translation.override(settings.LANGUAGE_CODE):
        due_soon = notify(due_soon_reminders(on))
        overdue = notify(overdue_reminders(on))
    emails = email_notifications(since=started)
    return ReportReminderSummary(due_soon=due_soon, overdue=overdue, emails=emails)
