"""Benchmark of the dashboards on a generated country-sized tree.

    DATABASE_URL=sqlite:////tmp/coso-bench.sqlite3 .venv/bin/python -m bench.run --fresh \\
        --units 100000 --tasks 1000000

Builds a tree (centre → 34 provinces → communes → residential communities, and a party bloc
per province with agencies, their departments and enterprises) and a year of plans and tasks
with bulk inserts, then measures server time (Django test client, warm-up then the median of
several requests) and SQL queries per page. Prints a Markdown table.

The database must be a throw-away one: its name must contain "bench". --fresh deletes the
SQLite file or (re)creates the PostgreSQL database first; --drop drops the PostgreSQL
database at the end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coso.settings")

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEPLEN = 4
BATCH = 5000
PROVINCES = 34
RESIDENTIAL_PER_COMMUNE = 15
DEPARTMENTS_PER_AGENCY = 3


def step(number: int) -> str:
    """Treebeard's path step for the `number`-th child (1-based), base 36 on 4 characters."""
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


# --- Database lifecycle ------------------------------------------------------------------------


def _database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if "bench" not in url.rsplit("/", 1)[-1]:
        sys.exit("DATABASE_URL must name a throw-away database whose name contains 'bench'.")
    return url


def _pg_admin(url: str, sql: str) -> None:
    import dj_database_url
    import psycopg

    cfg = dj_database_url.parse(url)
    with psycopg.connect(
        host=cfg["HOST"] or None,
        port=cfg["PORT"] or None,
        user=cfg["USER"] or None,
        password=cfg["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    ) as conn:
        conn.execute(sql)


def prepare_database(url: str, *, fresh: bool) -> None:
    if not fresh:
        return
    if url.startswith("sqlite"):
        path = url.split("sqlite:///", 1)[1]
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
    else:
        name = url.rsplit("/", 1)[-1]
        _pg_admin(url, f'DROP DATABASE IF EXISTS "{name}"')
        _pg_admin(url, f'CREATE DATABASE "{name}"')


def drop_database(url: str) -> None:
    from django.db import connections

    connections.close_all()
    if not url.startswith("sqlite"):
        name = url.rsplit("/", 1)[-1]
        _pg_admin(url, f'DROP DATABASE IF EXISTS "{name}"')


# --- Data --------------------------------------------------------------------------------------


@dataclass
class Spec:
    path: str
    name: str
    kind: str
    children: list[Spec]


def tree_spec(units: int) -> Spec:
    """The shape of the tree: about `units` units, a few levels, realistic proportions."""
    share = max((units - 1 - 2 * PROVINCES) // PROVINCES, 1)
    communes = max(1, round(share * 0.75 / (1 + RESIDENTIAL_PER_COMMUNE)))
    agencies = max(1, round(share * 0.20 / (1 + DEPARTMENTS_PER_AGENCY)))
    enterprises = max(
        1,
        share - communes * (1 + RESIDENTIAL_PER_COMMUNE) - agencies * (1 + DEPARTMENTS_PER_AGENCY),
    )

    def child(parent: Spec, name: str, kind: str) -> Spec:
        node = Spec(parent.path + step(len(parent.children) + 1), name, kind, [])
        parent.children.append(node)
        return node

    root = Spec(step(1), "Ban Chỉ đạo Trung ương", "party_body", [])
    for p in range(1, PROVINCES + 1):
        province = child(root, f"Tỉnh số {p}", "province")
        bloc = child(province, f"Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh {p}", "party_body")
        for a in range(1, agencies + 1):
            agency = child(bloc, f"Sở {a} tỉnh {p}", "agency")
            for d in range(1, DEPARTMENTS_PER_AGENCY + 1):
                child(agency, f"Phòng {d} Sở {a} tỉnh {p}", "department")
        for e in range(1, enterprises + 1):
            child(bloc, f"Công ty {e} tỉnh {p}", "enterprise")
        for c in range(1, communes + 1):
            commune = child(province, f"Xã {c} tỉnh {p}", "commune")
            for r in range(1, RESIDENTIAL_PER_COMMUNE + 1):
                child(commune, f"Thôn {r} xã {c} tỉnh {p}", "residential")
    return root


def walk(node: Spec) -> Iterator[Spec]:
    yield node
    for child in node.children:
        yield from walk(child)


def batched(items, size: int = BATCH) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def build(units: int, tasks: int, year: int, seed: int = 7) -> dict[str, int]:
    """Insert the tree, plans and tasks; returns the ids of the units the benchmark opens."""
    from django.db import connection, transaction

    from coso.core.dates import month_end, quarter_end
    from coso.core.text import fold
    from coso.plans.models import Plan, Task, TaskStatus, Timing
    from coso.units.models import (
        PLANNING_KINDS,
        CommitteeMember,
        FollowAssignment,
        FollowUpNote,
        SteeringCommittee,
        Unit,
        User,
    )

    rng = random.Random(seed)
    root = tree_spec(units)
    closed_on = dt.date(year, 7, 1)
    unit_ids: dict[str, int] = {}

    def unit_rows() -> Iterator[Unit]:
        for pk, node in enumerate(walk(root), start=1):
            unit_ids[node.path] = pk
            closed = node.kind == "commune" and rng.random() < 0.01
            yield Unit(
                pk=pk,
                path=node.path,
                depth=len(node.path) // STEPLEN,
                numchild=len(node.children),
                name=node.name,
                kind=node.kind,
                search_name=fold(node.name),
                closed_on=closed_on if closed else None,
            )

    with transaction.atomic():
        for batch in batched(unit_rows()):
            Unit.objects.bulk_create(batch)

    planning = [n for n in walk(root) if n.kind in PLANNING_KINDS]
    # Two years of plans: most units issued last year's, fewer this year's; a few drafts.
    plan_rows: list[Plan] = []
    plan_of: dict[tuple[str, int], int] = {}
    for node in planning:
        for plan_year, p_issued in ((year - 1, 0.95), (year, 0.8)):
            roll = rng.random()
            status = "issued" if roll < p_issued else ("draft" if roll < p_issued + 0.1 else None)
            if status is None:
                continue
            pk = len(plan_rows) + 1
            parent_path = node.path[:-STEPLEN]
            parent_plan = None
            while parent_path and parent_plan is None:
                parent_plan = plan_of.get((parent_path, plan_year))
                parent_path = parent_path[:-STEPLEN]
            plan_of[(node.path, plan_year)] = pk
            plan_rows.append(
                Plan(
                    pk=pk,
                    unit_id=unit_ids[node.path],
                    unit_path=node.path,
                    number=f"{pk}-KH/BCĐ",
                    issued_on=dt.date(plan_year, 1, 15) + dt.timedelta(days=rng.randrange(90)),
                    year=plan_year,
                    title=f"Kế hoạch thực hiện dân chủ ở cơ sở năm {plan_year}",
                    status=status,
                    parent_plan_id=parent_plan,
                    search_text=fold(f"{pk}-KH/BCĐ kế hoạch năm {plan_year}"),
                )
            )
    with transaction.atomic():
        for batch in batched(plan_rows):
            Plan.objects.bulk_create(batch)

    statuses = [
        s for s, w in zip(TaskStatus.values, (30, 35, 25, 5, 5), strict=True) for _ in range(w)
    ]
    timings = ["quarter"] * 50 + ["month"] * 20 + ["date"] * 15 + ["ongoing"] * 10 + ["ad_hoc"] * 5
    per_plan, extra = divmod(tasks, max(len(plan_rows), 1))
    carried_from: dict[int, list[tuple[int, int]]] = {}  # plan -> [(task id, root id)]

    def task_rows() -> Iterator[Task]:
        pk = 0
        for index, plan in enumerate(plan_rows):
            upper = carried_from.get(plan.parent_plan_id or 0, [])
            mine: list[tuple[int, int]] = []
            for order in range(1, per_plan + (index < extra) + 1):
                pk += 1
                timing = rng.choice(timings)
                quarter = month = due = deadline = None
                if timing == Timing.QUARTER:
                    quarter = rng.randint(1, 4)
                    deadline = quarter_end(plan.year, quarter)
                elif timing == Timing.MONTH:
                    month = rng.randint(1, 12)
                    deadline = month_end(plan.year, month)
                elif timing == Timing.DUE_DATE:
                    due = dt.date(plan.year, 4, 1) + dt.timedelta(days=rng.randrange(270))
                    deadline = due
                source, root_id = (None, pk)
                if order <= len(upper):  # carried down from the upper level's plan
                    source, root_id = upper[order - 1]
                status = rng.choice(statuses)
                mine.append((pk, root_id))
                yield Task(
                    pk=pk,
                    plan_id=plan.pk,
                    unit_id=plan.unit_id,
                    unit_path=plan.unit_path,
                    order=order,
                    title=f"Nhiệm vụ {order} của kế hoạch {plan.number}",
                    timing=timing,
                    quarter=quarter,
                    month=month,
                    due_date=due,
                    deadline=deadline,
                    status=status,
                    progress=100 if status == "done" else 0,
                    source_task_id=source,
                    root_task_id=root_id,
                    lead_unit_id=plan.unit_id,
                )
            carried_from[plan.pk] = mine[:5]

    with transaction.atomic():
        for batch in batched(task_rows()):
            Task.objects.bulk_create(batch)

    # Follow-up: the centre's committee members follow the provinces, with notes.
    User.objects.create_superuser(username="bench-admin", password="x", email="")
    with transaction.atomic():
        committee = SteeringCommittee.objects.create(unit_id=1, name="Ban Chỉ đạo Trung ương")
        members = [
            CommitteeMember.objects.create(
                committee=committee,
                user=User.objects.create_user(username=f"uyvien{i}", password="x"),
                position="head" if i == 0 else "member",
            )
            for i in range(5)
        ]
        for i, province in enumerate(root.children):
            follow = FollowAssignment.objects.create(
                member=members[i % 5], unit_id=unit_ids[province.path]
            )
            for month in (3, 9):
                FollowUpNote.objects.create(
                    assignment=follow,
                    unit_id=follow.unit_id,
                    visited_on=dt.date(year - 1, month, 10),
                    findings="Đã kiểm tra việc ban hành kế hoạch\nChi tiết",
                    author=members[i % 5].user,
                )

    if connection.vendor == "postgresql":
        from django.core.management.color import no_style

        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Unit, Plan, Task]):
                cursor.execute(sql)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    return find_ids()


def find_ids() -> dict[str, int]:
    """The units the benchmark opens: the root, its first province, a commune, a department."""
    from coso.units.models import Unit, User

    province = Unit.objects.filter(depth=2).order_by("path").first()
    below = Unit.objects.filter(path__startswith=province.path).order_by("path")
    return {
        "admin": User.objects.get(username="bench-admin").pk,
        "root": Unit.objects.get(depth=1).pk,
        "province": province.pk,
        "commune": below.filter(kind="commune", closed_on__isnull=True).first().pk,
        "deep": below.filter(kind="department").first().pk,
    }


# --- Measurement -------------------------------------------------------------------------------


def measure(client, url: str, repeat: int) -> tuple[float, float, int, int]:
    """Median and best server time in ms over `repeat` requests after a warm-up, and queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(2):
        client.get(url)
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            sys.exit(f"{url} answered {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings), min(timings), len(queries), len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=20000)
    parser.add_argument("--tasks", type=int, default=200000)
    parser.add_argument("--repeat", type=int, default=9)
    parser.add_argument("--fresh", action="store_true", help="start from an empty database")
    parser.add_argument("--drop", action="store_true", help="drop the PostgreSQL database after")
    parser.add_argument(
        "--reuse", action="store_true", help="measure the data a previous run left, build nothing"
    )
    args = parser.parse_args()

    url = _database_url()
    prepare_database(url, fresh=args.fresh)

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from coso.core.dates import today
    from coso.plans.models import Task
    from coso.units.models import Unit, User

    setup_test_environment()  # lets the test client's host in, e-mail to memory
    call_command("migrate", verbosity=0)
    year = today().year
    started = time.perf_counter()
    if args.reuse:
        ids = find_ids()
    elif Unit.objects.exists():
        sys.exit("The database is not empty: use --fresh, or --reuse to measure it again.")
    else:
        ids = build(args.units, args.tasks, year)
    load_seconds = time.perf_counter() - started

    client = Client()
    client.force_login(User.objects.get(pk=ids["admin"]))
    pages = [
        ("Dashboard, root (centre)", "dashboard:unit", ids["root"]),
        ("Dashboard, province", "dashboard:unit", ids["province"]),
        ("Dashboard, deep unit (department)", "dashboard:unit", ids["deep"]),
        ("Coverage, root (centre)", "dashboard:coverage", ids["root"]),
        ("Coverage, province", "dashboard:coverage", ids["province"]),
        ("Coverage, commune", "dashboard:coverage", ids["commune"]),
    ]
    units = Unit.objects.count()
    tasks = Task.objects.count()
    print(
        f"\n{connection.vendor}: {units:,} units, {tasks:,} tasks, "
        f"{'reused' if args.reuse else f'loaded in {load_seconds:.0f} s'}; "
        f"median of {args.repeat} requests after 2 warm-ups\n"
    )
    print("| Page | Median ms | Best ms | SQL queries | KB |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for label, name, pk in pages:
        page_url = f"{reverse(name, args=[pk])}?year={year}"
        median, best, queries, size = measure(client, page_url, args.repeat)
        print(f"| {label} | {median:.0f} | {best:.0f} | {queries} | {size // 1024} |")
    sys.stdout.flush()

    if args.drop:
        drop_database(url)


if __name__ == "__main__":
    main()
