"""Who must be reminded (đôn đốc) today: overdue tasks, and units late with their own plan.

Run by the background worker (coso.plans.tasks.send_reminders, or `coso worker --once`),
never by a page. Each reminder has a stable key, so running again, or two workers at once,
creates nothing twice. The work is done in batches with a fixed number of queries per batch,
whatever the size of the tree.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coso.core.dates import format_date
from coso.core.notifications import Reminder, email_notifications, notify
from coso.units.models import (
    PLANNING_KINDS,
    Role,
    Unit,
    User,
    path_within,
    role_holders_by_unit,
)

from .models import Plan, PlanStatus, Task

BATCH_SIZE = 500
# Who answers for an overdue task: the officers of the task's own unit.
TASK_ROLES = (Role.UNIT_OFFICER, Role.STEERING_OFFICER, Role.ADMIN)
# Who must issue a unit's plan.
PLAN_ROLES = (Role.UNIT_OFFICER, Role.STEERING_OFFICER)

T = TypeVar("T")


@dataclass(frozen=True)
class ReminderSummary:
    overdue_tasks: int
    missing_plans: int
    emails: int

    def as_dict(self) -> dict[str, int]:
        return {
            "overdue_tasks": self.overdue_tasks,
            "missing_plans": self.missing_plans,
            "emails": self.emails,
        }


def _chunks(items: Iterable[T], size: int = BATCH_SIZE) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _link(names: tuple[str, ...]) -> Callable[[int], str]:
    """A URL maker for the first of `names` that exists, else the plan list."""
    for name in names:
        try:
            reverse(name, args=[1])
        except NoReverseMatch:
            continue
        return lambda pk, name=name: reverse(name, args=[pk])
    fallback = reverse("plans:list")
    return lambda pk: fallback


def _plan_label(number: str, title: str) -> str:
    return number or f"“{title}”"


def overdue_task_reminders(on: dt.date) -> Iterator[Reminder]:
    """One reminder per (responsible person, overdue task) of issued plans of open units."""
    task_url = _link(("plans:task",))
    tasks = (
        Task.objects.overdue(on)
        .filter(plan__status=PlanStatus.ISSUED, unit__closed_on__isnull=True)
        .order_by("pk")
        .values_list(
            "pk", "title", "deadline", "unit_id", "lead_person_id", "plan__number", "plan__title"
        )
    )
    for chunk in _chunks(tasks.iterator(chunk_size=BATCH_SIZE)):
        officers = role_holders_by_unit((row[3] for row in chunk), TASK_ROLES)
        leads = set(
            User.objects.filter(
                pk__in={row[4] for row in chunk if row[4]}, is_active=True
            ).values_list("pk", flat=True)
        )
        for pk, title, deadline, unit_id, lead_id, plan_number, plan_title in chunk:
            recipients = officers.get(unit_id, set()) | ({lead_id} & leads)
            message = _("The task “%(task)s” of plan %(plan)s is overdue (due %(deadline)s).") % {
                "task": title,
                "plan": _plan_label(plan_number, plan_title),
                "deadline": format_date(deadline),
            }
            url = task_url(pk)
            for user_id in sorted(recipients):
                yield Reminder(user_id, f"task-overdue:{pk}", message, url)


def missing_plan_reminders(on: dt.date) -> Iterator[Reminder]:
    """Remind the officers of each planning unit directly below an issued plan's unit that has
    no plan of its own (draft or issued, implementing that plan or for the same year) once the
    plan's subordinate_plans_due has passed."""
    plan_url = _link(("plans:detail", "plans:plan"))
    parents = (
        Plan.objects.issued()
        .filter(subordinate_plans_due__lt=on, unit__closed_on__isnull=True)
        .order_by("pk")
        .values_list(
            "pk", "unit_path", "year", "number", "title", "subordinate_plans_due", "unit__name"
        )
    )
    for chunk in _chunks(parents.iterator(chunk_size=BATCH_SIZE)):
        plans_by_path: dict[str, list[tuple]] = defaultdict(list)
        for row in chunk:
            plans_by_path[row[1]].append(row)
        # Direct children: one index range on (depth, path) per parent unit.
        children_q = Q(pk__in=[])
        for path in plans_by_path:
            children_q |= path_within("path", path) & Q(depth=len(path) // Unit.steplen + 1)
        children = list(
            Unit.objects.active()
            .filter(children_q, kind__in=PLANNING_KINDS)
            .order_by()
            .values_list("pk", "path", "name")
        )
        if not children:
            continue
        child_ids = [c[0] for c in children]
        plan_ids = [row[0] for row in chunk]
        years = {row[2] for row in chunk}
        have_parent: set[tuple[int, int]] = set()
        have_year: set[tuple[int, int]] = set()
        own_plans = (
            Plan.objects.filter(
                unit_id__in=child_ids, status__in=(PlanStatus.DRAFT, PlanStatus.ISSUED)
            )
            .filter(Q(parent_plan_id__in=plan_ids) | Q(year__in=years))
            .values_list("unit_id", "parent_plan_id", "year")
        )
        for unit_id, parent_id, year in own_plans:
            have_parent.add((unit_id, parent_id))
            have_year.add((unit_id, year))
        officers = role_holders_by_unit(child_ids, PLAN_ROLES)
        for unit_id, path, name in children:
            for pk, _path, year, number, title, due, parent_unit in plans_by_path[
                path[: -Unit.steplen]
            ]:
                if (unit_id, pk) in have_parent or (unit_id, year) in have_year:
                    continue
                message = _(
                    "%(unit)s has not yet issued its plan implementing plan %(plan)s of "
                    "%(parent_unit)s (due %(due)s)."
                ) % {
                    "unit": name,
                    "plan": _plan_label(number, title),
                    "parent_unit": parent_unit,
                    "due": format_date(due),
                }
                url = plan_url(pk)
                for user_id in sorted(officers.get(unit_id, ())):
                    yield Reminder(user_id, f"plan-missing:{pk}:{unit_id}", message, url)


def send_due_reminders(on: dt.date) -> ReminderSummary:
    """Create today's reminders and e-mail each person with an address one summary."""
    started = timezone.now()
    # Messages are stored, so they are written in the site's language, not a visitor's.
    with translation.override(settings.LANGUAGE_CODE):
        overdue = notify(overdue_task_reminders(on))
        missing = notify(missing_plan_reminders(on))
    emails = email_notifications(since=started)
    return ReminderSummary(overdue_tasks=overdue, missing_plans=missing, emails=emails)
