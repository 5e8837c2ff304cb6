"""The cascade seen from above: how subordinate units carry a plan's tasks, in one query."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Avg, Count, Q, QuerySet

from coso.units.models import User, path_within

from . import access
from .models import Plan, PlanStatus, Task, TaskStatus


@dataclass(frozen=True)
class Rollup:
    """Tasks carried down from one task by units under the plan's unit."""

    carried: int
    units: int
    done: int
    average_progress: int

    @property
    def done_percent(self) -> int:
        return round(self.done * 100 / self.carried) if self.carried else 0


def carried_tasks(
    tasks: Iterable[Task], *, unit_path: str, exclude_plan_id: int, user: User | None = None
) -> QuerySet[Task]:
    """Tasks that share a root with `tasks`, inside the subtree `unit_path`, outside their plan.

    A task carried at several levels counts at each level. Withdrawn plans no longer count.
    When `user` is given, only tasks they may read count, so a commune never learns figures
    of a sibling commune through its province's plan.
    """
    roots = {t.root_task_id or t.pk for t in tasks}
    qs = (
        Task.objects.filter(path_within("unit_path", unit_path), root_task_id__in=roots)
        .exclude(plan_id=exclude_plan_id)
        .exclude(plan__status=PlanStatus.WITHDRAWN)
    )
    if user is not None:
        qs = qs.filter(pk__in=access.visible_tasks(user).values("pk"))
    return qs


def rollups_for_plan(plan: Plan, tasks: Iterable[Task], *, user: User | None = None) -> dict:
    """Map each task id of `plan` to its Rollup; one grouped query for the whole plan."""
    tasks = list(tasks)
    if not tasks:
        return {}
    rows = (
        carried_tasks(tasks, unit_path=plan.unit_path, exclude_plan_id=plan.pk, user=user)
        .values("root_task_id")
        .annotate(
            carried=Count("id"),
            units=Count("unit", distinct=True),
            done=Count("id", filter=Q(status=TaskStatus.DONE)),
            average=Avg("progress"),
        )
        .order_by()
    )
    by_root = {
        row["root_task_id"]: Rollup(
            carried=row["carried"],
            units=row["units"],
            done=row["done"],
            average_progress=round(row["average"] or 0),
        )
        for row in rows
    }
    return {
        t.pk: by_root[t.root_task_id or t.pk] for t in tasks if (t.root_task_id or t.pk) in by_root
    }
