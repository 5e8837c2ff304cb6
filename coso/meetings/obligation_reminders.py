"""Reminders (đôn đốc) of the meetings a unit must hold: `remind_days_before` the deadline of a
kind (the officials' conference for 2025 by 31/3/2026: from 1/3/2026; citizen reception: a week
before the end of each month), the unit's officers are told when not enough is held or planned.

Run by the background worker (coso.meetings.obligation_tasks.send_obligation_reminders), never
by a page. Each reminder's key names the unit, the kind and the period, so running again (or
two workers at once) tells nobody twice.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from coso.core.dates import format_date
from coso.core.notifications import Reminder, notify
from coso.units.models import Role, Unit, role_holders_by_unit

from .models import Frequency, MeetingKind
from .obligations import Period, due_kinds, meeting_counts, obligation

# Who answers for a unit's meetings: its own officers.
OFFICER_ROLES = (Role.UNIT_OFFICER, Role.STEERING_OFFICER)


def periods_to_remind(kind: MeetingKind, on: dt.date) -> list[tuple[int, Period]]:
    """(year, period) of `kind` that have begun and whose deadline falls within the next
    `remind_days_before` days."""
    if kind.remind_days_before <= 0:
        return []
    window_end = on + dt.timedelta(days=kind.remind_days_before)
    found = []
    # A yearly deadline may lie in the next year (or later): look at the years it may serve.
    years = range(on.year - 3, on.year + 1) if kind.frequency == Frequency.YEARLY else [on.year]
    for year in years:
        for period in obligation(0, kind, year, {}, on).periods:
            if period.starts_on <= on <= period.deadline <= window_end:
                found.append((year, period))
    return found


def obligation_reminders(on: dt.date) -> Iterator[Reminder]:
    """One reminder per officer, unit, kind and period not yet covered by a meeting held or
    planned. Queries: the kinds, the units that may owe them, one count per year concerned and
    the officers."""
    due = [
        (kind, year, period) for kind in due_kinds() for year, period in periods_to_remind(kind, on)
    ]
    if not due:
        return
    kinds = {kind.pk: kind for kind, _year, _period in due}
    unit_kinds = {k for kind in kinds.values() for k in kind.unit_kind_list}
    units = list(
        Unit.objects.active()
        .filter(kind__in=unit_kinds)
        .only("id", "name", "kind", "staff_count", "closed_on", "path")
        .order_by("path")
    )
    years = sorted({year for _kind, year, _period in due})
    counts = {
        year: meeting_counts(Q(unit__closed_on__isnull=True), list(kinds.values()), year)
        for year in years
    }
    pending: list[tuple[Unit, MeetingKind, int, Period]] = []
    for kind, year, period in due:
        for unit in units:
            if not kind.applies_to(unit):
                continue
            item = obligation(unit.pk, kind, year, counts[year], on)
            covered = next(p for p in item.periods if p.key == period.key)
            if not covered.is_covered:
                pending.append((unit, kind, year, covered))
    officers = role_holders_by_unit({unit.pk for unit, *_rest in pending}, OFFICER_ROLES)
    base = reverse("meetings:obligations")
    for unit, kind, year, period in pending:
        if kind.frequency == Frequency.MONTHLY:
            message = _(
                "%(unit)s has held or planned %(done)s of the %(required)s %(kind)s required "
                "in %(month)s; the month ends %(deadline)s."
            ) % {
                "unit": unit.name,
                "done": period.held + period.planned,
                "required": period.required,
                "kind": kind.name,
                "month": f"{period.month:02d}/{year}",
                "deadline": format_date(period.deadline),
            }
        else:
            message = _(
                "%(unit)s has not yet held or planned the %(kind)s for %(year)s, due %(deadline)s."
            ) % {
                "unit": unit.name,
                "kind": kind.name,
                "year": year,
                "deadline": format_date(period.deadline),
            }
        url = f"{base}?{urlencode({'unit': unit.pk, 'year': year, 'kind': kind.pk})}"
        key = f"meeting-obligation:{kind.code}:{period.key}:{unit.pk}"
        for user_id in sorted(officers.get(unit.pk, ())):
            yield Reminder(user_id, key, message, url)


def send_obligation_reminders(on: dt.date) -> int:
    """Create today's reminders of meetings to hold; returns how many were new."""
    # Messages are stored, so they are written in the site's language, not a visitor's.
    with translation.override(settings.LANGUAGE_CODE):
        return notify(obligation_reminders(on))
