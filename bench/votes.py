"""Benchmark of online voting: households voting at once over HTTP against a real server.

    DATABASE_URL=sqlite:////tmp/coso-bench-votes.sqlite3 .venv/bin/python -m bench.votes --fresh
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coso_bench_votes \\
        .venv/bin/python -m bench.votes --fresh --drop

Builds one residential community with N households, each with a representative account and a
signed-in session, opens an online vote (Law 10/2022/QH15, art. 15, cl. 6), starts gunicorn
(the production server, `deploy/gunicorn.conf.py`'s worker model: processes × threads) on the
database, and has C concurrent clients post every household's vote to the voting page, as
the browser does (plus a few duplicate votes, which must answer 409). Prints votes per second
and latency percentiles, then checks that every vote was stored once and that the tally
counted at closing equals the votes stored.

The database must be a throw-away one whose name contains "bench" (--fresh creates it,
--drop drops a PostgreSQL one at the end). On SQLite this is the production configuration: a
file in WAL mode, IMMEDIATE transactions and a 20 s busy timeout, so writers queue.
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import socket
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from bench.run import _database_url, drop_database, prepare_database

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coso.settings")
# A production-like server: no debug toolbar of queries kept in memory.
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-" + secrets.token_hex(24))
# Without debug, static files come from the collected manifest: collected once, under /tmp.
os.environ.setdefault("STATIC_ROOT", "/tmp/coso-bench-static")

ROOT = Path(__file__).resolve().parent.parent
DUPLICATES = 20


def build(households: int) -> tuple[int, dict[int, str], dict[int, str]]:
    """The community, its households and their sessions; returns (matter id, sessions by user
    id, household choice by user id)."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from coso.community import actions
    from coso.community.models import DecisionMethod, Household, MatterKind
    from coso.core.text import fold
    from coso.units import actions as unit_actions
    from coso.units.models import Role, Unit, UnitKind, User

    if Unit.objects.filter(name="Ban Chỉ đạo bench").exists():
        sys.exit("The database already holds a benchmark: run with --fresh.")
    admin = User.objects.create_superuser(username="bench-admin", password=None, email="")
    root = unit_actions.create_unit(
        by=admin, parent=None, name="Ban Chỉ đạo bench", kind=UnitKind.PARTY_BODY
    )
    province = unit_actions.create_unit(
        by=admin, parent=root, name="Tỉnh bench", kind=UnitKind.PROVINCE
    )
    commune = unit_actions.create_unit(
        by=admin, parent=province, name="Xã bench", kind=UnitKind.COMMUNE
    )
    village = unit_actions.create_unit(
        by=admin, parent=commune, name="Thôn bench", kind=UnitKind.RESIDENTIAL
    )
    officer = User.objects.create_user(username="bench-officer", password=None)
    unit_actions.assign_role(by=admin, user=officer, unit=commune, role=Role.UNIT_OFFICER)
    users = User.objects.bulk_create(
        [
            User(username=f"bench-ho-{n}", full_name=f"Chủ hộ {n}", home_unit=village)
            for n in range(households)
        ],
        batch_size=1000,
    )
    Household.objects.bulk_create(
        [
            Household(
                unit=village,
                code=f"B{n:05d}",
                representative_name=user.full_name,
                representative_user=user,
                search_text=fold(f"B{n:05d} {user.full_name}"),
            )
            for n, user in enumerate(users)
        ],
        batch_size=1000,
    )
    matter = actions.open_matter(
        by=officer,
        unit=village,
        kind=MatterKind.OTHER,
        title="Bench: lắp đèn chiếu sáng",
        method=DecisionMethod.ONLINE,
    )
    sessions = {}
    for user in users:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions[user.pk] = store.session_key
    choices = {user.pk: "no" if n % 3 == 0 else "yes" for n, user in enumerate(users)}
    return matter.pk, sessions, choices


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int, workers: int, threads: int) -> subprocess.Popen:
    command = [
        str(Path(sys.executable).with_name("gunicorn")),
        "coso.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        "120",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=os.environ.copy())
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            client = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            client.request("GET", "/dang-nhap/")
            if client.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    sys.exit("gunicorn did not start")


def run(args: argparse.Namespace) -> None:
    import django

    url = _database_url()
    prepare_database(url, fresh=args.fresh)
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, connections

    call_command("migrate", verbosity=0)
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)
    started = time.monotonic()
    matter_id, sessions, choices = build(args.households)
    print(f"built {args.households} households in {time.monotonic() - started:.1f} s")
    connections.close_all()

    requests = list(choices.items())
    for user_id in list(choices)[:DUPLICATES]:
        requests.append((user_id, "yes" if choices[user_id] == "no" else "no"))
    secrets.SystemRandom().shuffle(requests)
    port = free_port()
    server = start_server(port, args.workers, args.threads)
    path = f"/bieu-quyet/{matter_id}/bo-phieu/"
    csrf = secrets.token_hex(16)

    def vote(request: tuple[int, str]) -> tuple[int, str, int, float]:
        user_id, choice = request
        began = time.perf_counter()
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            client.request(
                "POST",
                path,
                body=urlencode({"choice": choice, "csrfmiddlewaretoken": csrf}),
                headers={
                    "Content-Type": "application/x-www-form-urlencoded",
                    "Cookie": f"{settings.SESSION_COOKIE_NAME}={sessions[user_id]}; "
                    f"{settings.CSRF_COOKIE_NAME}={csrf}",
                },
            )
            response = client.getresponse()
            response.read()
            return user_id, choice, response.status, time.perf_counter() - began
        finally:
            client.close()

    try:
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            answers = list(pool.map(vote, requests))
        elapsed = time.perf_counter() - began
    finally:
        server.terminate()
        server.wait(timeout=30)

    from coso.community import actions
    from coso.community.models import Matter, Vote
    from coso.units.models import User

    statuses: dict[int, int] = {}
    for _, _, status, _ in answers:
        statuses[status] = statuses.get(status, 0) + 1
    accepted = {user_id: choice for user_id, choice, status, _ in answers if status == 302}
    stored = dict(
        Vote.objects.filter(matter_id=matter_id).values_list(
            "household__representative_user", "choice"
        )
    )
    matter = actions.close_voting(
        by=User.objects.get(username="bench-officer"), matter=Matter.objects.get(pk=matter_id)
    )
    yes = sum(1 for choice in stored.values() if choice == "yes")
    latencies = sorted(latency for *_, latency in answers)
    ok = (
        set(statuses) <= {302, 409}
        and len(accepted) == args.households
        and statuses.get(409, 0) == DUPLICATES
        and stored == accepted
        and matter.yes_count == yes
        and matter.tally().voted == args.households
    )
    vendor = connection.vendor
    print()
    print(
        "| Database | Households | Clients | gunicorn | Requests | Time (s) | Votes/s "
        "| p50 (ms) | p95 (ms) | max (ms) | Checks |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|")
    print(
        f"| {vendor} | {args.households} | {args.clients} | {args.workers}×{args.threads} "
        f"| {len(requests)} | {elapsed:.2f} | {args.households / elapsed:.0f} "
        f"| {statistics.median(latencies) * 1000:.0f} "
        f"| {latencies[int(len(latencies) * 0.95) - 1] * 1000:.0f} "
        f"| {latencies[-1] * 1000:.0f} | {'ok' if ok else 'FAILED'} |"
    )
    print(f"statuses: {statuses}")
    if args.drop:
        drop_database(url)
    if not ok:
        sys.exit("a vote was lost, counted twice or answered with an error")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--households", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=50, help="concurrent HTTP clients")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn process")
    parser.add_argument("--fresh", action="store_true", help="start from an empty database")
    parser.add_argument("--drop", action="store_true", help="drop the PostgreSQL database")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
