"""Benchmark of the report roll-ups (completeness and indicator totals) on a country-sized tree.

    DATABASE_URL=sqlite:////tmp/coso-bench-reports.sqlite3 .venv/bin/python -m bench.reports \\
        --fresh --units 100000

Builds the tree of bench/run.py (centre → 34 provinces → communes → residential communities,
and a party bloc per province with agencies, departments and enterprises), a 20-indicator
form, two half-year periods and, for each, one requirement issued by the root to every unit
below it (all levels), then one submission per unit with 20 values: most submitted or
accepted (some late), some returned, drafts and not started. Measures, for the root and for
one province, `completeness_by_child` and `totals_by_child` (median of several runs after a
warm-up, SQL queries counted) and the same figures computed by a straightforward loop over
the children in Python, in the same run; then the two pages through Django's test client.

The database must be a throw-away one whose name contains "bench" (--fresh creates it,
--drop drops a PostgreSQL one at the end).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from decimal import Decimal

from bench.run import STEPLEN, _database_url, batched, drop_database, prepare_database, tree_spec
from bench.run import walk as walk_spec

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coso.settings")

INDICATORS = 20
YEAR = 2024


def build(units: int, seed: int = 11) -> dict[str, int]:
    """Insert the tree, the form, two requirements and their submissions and values."""
    from django.db import connection, transaction
    from django.utils import timezone

    from coso.core.text import fold
    from coso.reports.models import (
        FormSection,
        Indicator,
        IndicatorKind,
        Period,
        PeriodKind,
        ReportForm,
        ReportRequirement,
        Submission,
        SubmissionValue,
        TargetMode,
    )
    from coso.units.models import Unit, User

    rng = random.Random(seed)
    root = tree_spec(units)
    nodes = list(walk_spec(root))
    with transaction.atomic():
        for batch in batched(
            Unit(
                pk=pk,
                path=node.path,
                depth=len(node.path) // STEPLEN,
                numchild=len(node.children),
                name=node.name,
                kind=node.kind,
                search_name=fold(node.name),
            )
            for pk, node in enumerate(nodes, start=1)
        ):
            Unit.objects.bulk_create(batch)

    admin = User.objects.create_superuser(username="bench-admin", password="x", email="")
    form = ReportForm.objects.create(code="bench", name="Báo cáo sơ kết (thử tải)")
    section = FormSection.objects.create(form=form, title="Số liệu")
    kinds = [IndicatorKind.INTEGER] * 17 + [
        IndicatorKind.DECIMAL,
        IndicatorKind.PERCENT,
        IndicatorKind.BOOLEAN,
    ]
    indicators = [
        Indicator.objects.create(
            form=form,
            section=section,
            code=f"chi-tieu-{i + 1}",
            label=f"Chỉ tiêu {i + 1}",
            kind=kind,
            order=i,
            is_key=i == 0,
        )
        for i, kind in enumerate(kinds)
    ]
    root_unit = Unit.objects.get(depth=1)
    requirements = []
    for number in (1, 2):
        start, end, code = Period.bounds(PeriodKind.HALF_YEAR, YEAR, number)
        period = Period.objects.create(
            kind=PeriodKind.HALF_YEAR, year=YEAR, number=number, start=start, end=end, code=code
        )
        requirements.append(
            ReportRequirement.objects.create(
                unit=root_unit,
                title=f"Sơ kết 6 tháng {number}/{YEAR}",
                form=form,
                period=period,
                deadline=end + dt.timedelta(days=15) if number == 1 else end,
                receiving_office="Ban Dân vận Trung ương",
                target_mode=TargetMode.ALL,
                levels_down=10,
                created_by=admin,
            )
        )

    # First half-year: 70 % submitted on time and 10 % late (a third of them accepted), 5 %
    # returned after a first submission, 5 % drafts, 10 % not started, at every level.
    # Second half-year, as it looks while the reports come in: the leaves as above, but only
    # 20 % of the units with units below them have sent their own summary report yet, so the
    # totals must reach down to the leaves on most branches.
    tz = timezone.get_default_timezone()

    def submission_rows() -> Iterator[Submission]:
        pk = 0
        for index, requirement in enumerate(requirements):
            cutoff = dt.datetime.combine(requirement.deadline, dt.time(17), tz)
            for unit_pk, node in enumerate(nodes, start=1):
                if unit_pk == 1:
                    continue
                pk += 1
                roll = rng.random()
                if index == 1 and node.children:
                    # one in five has sent its summary; the others a draft or nothing yet
                    roll = roll * 0.8 if rng.random() < 0.2 else 0.85 + 0.15 * rng.random()
                first = None
                if roll < 0.70:
                    first = cutoff - dt.timedelta(days=rng.randrange(1, 20))
                elif roll < 0.85:
                    first = cutoff + dt.timedelta(days=rng.randrange(1, 20))
                if roll < 0.80:
                    status = "accepted" if rng.random() < 0.33 else "submitted"
                elif roll < 0.85:
                    status = "returned"
                elif roll < 0.90:
                    status = "draft"
                else:
                    status = "not_started"
                yield Submission(
                    pk=pk,
                    requirement_id=requirement.pk,
                    unit_id=unit_pk,
                    unit_path=node.path,
                    status=status,
                    version=1 if first else 0,
                    first_submitted_at=first,
                    submitted_at=first,
                )

    statuses: list[tuple[int, str]] = []
    with transaction.atomic():
        for batch in batched(submission_rows()):
            Submission.objects.bulk_create(batch)
            statuses.extend((s.pk, s.status) for s in batch)

    def value_rows() -> Iterator[SubmissionValue]:
        for submission_pk, status in statuses:
            if status == "not_started":
                continue
            for indicator in indicators:
                if indicator.kind == IndicatorKind.BOOLEAN:
                    number = Decimal(rng.random() < 0.7)
                elif indicator.kind == IndicatorKind.PERCENT:
                    number = Decimal(rng.randrange(30, 101))
                elif indicator.kind == IndicatorKind.DECIMAL:
                    number = Decimal(rng.randrange(0, 10000)) / 100
                else:
                    number = Decimal(rng.randrange(0, 50))
                yield SubmissionValue(
                    submission_id=submission_pk, indicator_id=indicator.pk, number=number
                )

    with transaction.atomic():
        for batch in batched(value_rows(), 10000):
            SubmissionValue.objects.bulk_create(batch)

    if connection.vendor == "postgresql":
        from django.core.management.color import no_style

        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Unit, Submission]):
                cursor.execute(sql)
    # Bulk inserts skip the actions: compute which reports already include which, as
    # submitting through the actions does.
    from coso.reports.shadows import refresh_shadow_depths

    for requirement_id, path in ReportRequirement.objects.values_list("pk", "unit_path"):
        refresh_shadow_depths(requirement_id, path)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return find_ids()


def find_ids() -> dict[str, int]:
    from coso.reports.models import ReportRequirement
    from coso.units.models import Unit, User

    first, second = ReportRequirement.objects.order_by("period__number", "pk")[:2]
    return {
        "admin": User.objects.get(username="bench-admin").pk,
        "root": Unit.objects.get(depth=1).pk,
        "province": Unit.objects.filter(depth=2).order_by("path").first().pk,
        "requirement": first.pk,
        "requirement2": second.pk,
    }


# --- The straightforward way, to compare with ------------------------------------------------


def loop_completeness(requirement, unit) -> dict[str, tuple[int, int, int, int]]:
    """For each child: fetch its subtree's submissions and count in Python."""
    from coso.reports.models import Submission
    from coso.reports.queries import deadline_cutoff
    from coso.units.models import Unit, path_within

    cutoff = deadline_cutoff(requirement.deadline)
    result = {}
    for child in Unit.objects.filter(path_within("path", unit.path), depth=unit.depth + 1):
        required = on_time = late = 0
        for first, closed in Submission.objects.filter(
            path_within("unit_path", child.path), requirement=requirement
        ).values_list("first_submitted_at", "unit__closed_on"):
            if first is None and closed is not None:
                continue
            required += 1
            if first is not None:
                on_time += first < cutoff
                late += first >= cutoff
        result[child.path] = (required, on_time, late, required - on_time - late)
    return result


def loop_totals(requirement, unit) -> dict[str, dict[int, Decimal]]:
    """For each child: fetch its subtree's counted submissions, keep the highest on each
    branch in Python, then fetch and add up their values."""
    from coso.reports.models import COUNTED_STATUSES, Submission, SubmissionValue
    from coso.units.models import Unit, path_within

    result = {}
    for child in Unit.objects.filter(path_within("path", unit.path), depth=unit.depth + 1):
        counted = dict(
            Submission.objects.filter(
                path_within("unit_path", child.path),
                requirement=requirement,
                status__in=COUNTED_STATUSES,
            ).values_list("unit_path", "pk")
        )
        highest = [
            pk
            for path, pk in counted.items()
            if not any(path[:n] in counted for n in range(len(child.path), len(path), STEPLEN))
        ]
        sums: dict[int, Decimal] = defaultdict(Decimal)
        for start in range(0, len(highest), 900):
            for indicator, number in SubmissionValue.objects.filter(
                submission_id__in=highest[start : start + 900]
            ).values_list("indicator_id", "number"):
                if number is not None:
                    sums[indicator] += number
        result[child.path] = sums
    return result


# --- Measurement -------------------------------------------------------------------------------


def timed(call: Callable[[], object], repeat: int) -> tuple[float, int]:
    """Median time in ms over `repeat` calls after a warm-up, and the queries of one call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call()
    connection.queries_log.clear()  # a full log (the loop's thousands of queries) counts nothing
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        timings.append((time.perf_counter() - start) * 1000)
    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as queries:
        call()
    return statistics.median(timings), len(queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--loop-repeat", type=int, default=3)
    parser.add_argument("--fresh", action="store_true", help="start from an empty database")
    parser.add_argument("--drop", action="store_true", help="drop the PostgreSQL database after")
    parser.add_argument("--reuse", action="store_true", help="measure what a previous run left")
    parser.add_argument(
        "--jit-off",
        action="store_true",
        help="PostgreSQL: SET jit = off for the session (as a web application's database should)",
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

    from coso.reports import queries
    from coso.reports.models import ReportRequirement, Submission, SubmissionValue
    from coso.units.models import Unit

    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    if args.reuse:
        ids = find_ids()
    elif Unit.objects.exists():
        sys.exit("The database is not empty: use --fresh, or --reuse to measure it again.")
    else:
        ids = build(args.units)
    load_seconds = time.perf_counter() - started

    if args.jit_off and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET jit = off")
    requirements = {
        "S1 (most units below reported)": ReportRequirement.objects.select_related(
            "form", "unit"
        ).get(pk=ids["requirement"]),
        "S2 (leaves reported, few summaries)": ReportRequirement.objects.select_related(
            "form", "unit"
        ).get(pk=ids["requirement2"]),
    }
    print(
        f"\n{connection.vendor}: {Unit.objects.count():,} units, "
        f"{Submission.objects.count():,} submissions, {SubmissionValue.objects.count():,} values, "
        f"{'reused' if args.reuse else f'loaded in {load_seconds:.0f} s'}; "
        f"{'jit off; ' if args.jit_off and connection.vendor == 'postgresql' else ''}"
        f"median of {args.repeat} runs (the loop: {args.loop_repeat}) after a warm-up\n"
    )
    print(
        "| Half-year | Roll-up | Unit | Median ms | SQL queries | Loop ms | Loop queries "
        "| Loop / SQL |"
    )
    print("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for period, requirement in requirements.items():
        for label, key in (("root (centre)", "root"), ("province", "province")):
            unit = Unit.objects.get(pk=ids[key])
            checks = (
                (
                    "Completeness",
                    lambda u=unit, r=requirement: queries.completeness_by_child(r, u),
                    lambda u=unit, r=requirement: loop_completeness(r, u),
                ),
                (
                    "Indicator totals",
                    lambda u=unit, r=requirement: queries.totals_by_child(r, u),
                    lambda u=unit, r=requirement: loop_totals(r, u),
                ),
            )
            for name, fast, slow in checks:
                _check_same(name, fast(), slow())
                ms, n = timed(fast, args.repeat)
                loop_ms, loop_n = timed(slow, args.loop_repeat)
                print(
                    f"| {period} | {name} | {label} | {ms:.0f} | {n} | {loop_ms:.0f} | {loop_n} "
                    f"| {loop_ms / ms:.1f}× |"
                )
                sys.stdout.flush()

    print("\n| Roll-up | Unit | Median ms | SQL queries |")
    print("| --- | --- | ---: | ---: |")
    for label, key in (("root (centre)", "root"), ("province", "province")):
        unit = Unit.objects.get(pk=ids[key])
        ms, n = timed(lambda u=unit: queries.trend(u, "chi-tieu-1", kind="half"), args.repeat)
        print(f"| Trend of the key indicator, two half-years | {label} | {ms:.0f} | {n} |")

    client = Client()
    from coso.units.models import User

    client.force_login(User.objects.get(pk=ids["admin"]))
    print("\n| Half-year | Page | Unit | Median ms | SQL queries |")
    print("| --- | --- | --- | ---: | ---: |")
    for period, requirement in requirements.items():
        for label, key in (("root (centre)", "root"), ("province", "province")):
            for name, view in (
                ("Completeness", "reports:completeness"),
                ("Totals", "reports:totals"),
            ):
                page = f"{reverse(view, args=[requirement.pk])}?unit={ids[key]}"

                def get(page: str = page) -> None:
                    if client.get(page).status_code != 200:
                        sys.exit(f"{page} did not answer 200")

                ms, n = timed(get, args.repeat)
                print(f"| {period} | {name} page | {label} | {ms:.0f} | {n} |")
    for label, key in (("root (centre)", "root"), ("province", "province")):
        page = f"{reverse('dashboard:unit', args=[ids[key]])}"

        def get_dashboard(page: str = page) -> None:
            if client.get(page).status_code != 200:
                sys.exit(f"{page} did not answer 200")

        ms, n = timed(get_dashboard, args.repeat)
        print(f"| S2 (the latest) | Dashboard with the reports panel | {label} | {ms:.0f} | {n} |")
    sys.stdout.flush()
    if args.drop:
        drop_database(url)


def _check_same(name: str, table, loop: dict) -> None:
    """The fast and the straightforward ways must agree before they are compared."""
    for row in table.rows:
        expected = loop.get(row.unit.path)
        if name == "Completeness":
            got = (row.required, row.on_time, row.late, row.missing)
            if got != expected:
                sys.exit(f"{name} differs for {row.unit}: {got} != {expected}")
        else:
            ints = {i.pk: i.code for i in table.indicators if i.kind in ("integer", "decimal")}
            for pk, code in ints.items():
                if (row.values[code] or 0) != expected.get(pk, 0):
                    sys.exit(f"{name} differs for {row.unit} {code}: {row.values[code]}")


if __name__ == "__main__":
    main()
