"""Benchmark of the public feedback form: a burst of submissions over HTTP against a real server.

    DATABASE_URL=sqlite:////tmp/coso-bench-feedback.sqlite3 \\
        .venv/bin/python -m bench.feedback_burst --fresh
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coso_bench_feedback \\
        .venv/bin/python -m bench.feedback_burst --fresh --drop

Builds a commune, starts gunicorn (the production server, `deploy/gunicorn.conf.py`'s worker
model: processes × threads) on the database, and has C concurrent clients post N submissions
to the commune's public form (`/cong-khai/phan-anh/gui/<unit>/`) as a browser without an
account does: the four kinds in turn (complaints and denunciations with an address), one in ten
with a photo attached (multipart). Prints submissions per second and latency percentiles, then
checks that none was lost or doubled: exactly N items exist, each answered with a redirect to
its own confirmation, with N distinct tracking codes that are the ones the clients were given,
N "received" steps and the attached files.

All submissions come from one address (127.0.0.1), so the per-address limit is raised for the
run through the environment (COSO_FEEDBACK_SUBMIT_LIMIT, read by coso.settings), never turned
off in code: the run checks that the server really counts against the raised limit.

The database must be a throw-away one whose name contains "bench" (--fresh creates it,
--drop drops a PostgreSQL one at the end). On SQLite this is the production configuration: a
file in WAL mode, IMMEDIATE transactions and a 20 s busy timeout, so writers queue.
"""

from __future__ import annotations

import argparse
import http.client
import os
import secrets
import statistics
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from bench.run import _database_url, drop_database, prepare_database
from bench.votes import free_port, start_server

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coso.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-" + secrets.token_hex(24))
os.environ.setdefault("STATIC_ROOT", "/tmp/coso-bench-static")
os.environ.setdefault("MEDIA_ROOT", "/tmp/coso-bench-feedback-media")

ROOT = Path(__file__).resolve().parent.parent
KINDS = ("reflection", "recommendation", "complaint", "denunciation")
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
EVERY_NTH_WITH_FILE = 10


def build() -> tuple[int, dict[str, int]]:
    """A commune to write to; returns its id and the kinds' ids by code."""
    from coso.feedback.models import FeedbackKind
    from coso.units import actions as unit_actions
    from coso.units.models import Unit, UnitKind, User

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
    kinds = dict(FeedbackKind.objects.filter(code__in=KINDS).values_list("code", "pk"))
    if set(kinds) != set(KINDS):
        sys.exit(f"The seeded kinds are missing: found {sorted(kinds)}.")
    return commune.pk, kinds


def form_fields(n: int, kinds: dict[str, int], csrf: str) -> dict[str, str]:
    code = KINDS[n % len(KINDS)]
    return {
        "csrfmiddlewaretoken": csrf,
        "kind": str(kinds[code]),
        "title": f"Bench #{n:05d}: đường liên thôn ngập nước",
        "content": (
            f"Phản ánh số {n}: đoạn đường từ thôn ra chợ ngập nước mỗi khi mưa, xe máy không "
            "đi được, đề nghị xã khơi thông cống thoát nước."
        ),
        "location": "Đường liên thôn",
        "sender_name": f"Người gửi {n}",
        "sender_phone": f"09{n:08d}",
        "sender_address": f"Số {n} Thôn bench" if code in ("complaint", "denunciation") else "",
        "publish_consent": "on" if n % 2 else "",
        "website": "",
    }


def multipart(fields: dict[str, str], filename: str, content: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    parts.append(
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
            f'filename="{filename}"\r\nContent-Type: image/png\r\n\r\n'
        ).encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def run(args: argparse.Namespace) -> None:
    import django

    # Every submission comes from 127.0.0.1: raise the per-address limit to the burst's size,
    # for this run only.
    os.environ["COSO_FEEDBACK_SUBMIT_LIMIT"] = str(args.submissions)
    url = _database_url()
    prepare_database(url, fresh=args.fresh)
    django.setup()
    from django.conf import settings
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection, connections

    if getattr(settings, "COSO_FEEDBACK_SUBMIT_LIMIT", None) != args.submissions:
        sys.exit(
            "coso.settings does not read COSO_FEEDBACK_SUBMIT_LIMIT from the environment; "
            "add COSO_FEEDBACK_SUBMIT_LIMIT = env_int('COSO_FEEDBACK_SUBMIT_LIMIT', 10)."
        )
    call_command("migrate", verbosity=0)
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)
    cache.clear()
    unit_id, kinds = build()
    connections.close_all()

    port = free_port()
    server = start_server(port, args.workers, args.threads)
    path = f"/cong-khai/phan-anh/gui/{unit_id}/"
    csrf = secrets.token_hex(16)

    def submit(n: int, **changes: str) -> tuple[int, int, str, float]:
        fields = form_fields(n, kinds, csrf) | changes
        if n % EVERY_NTH_WITH_FILE == 0:
            body, content_type = multipart(fields, f"anh-{n}.png", PNG)
        else:
            body, content_type = urlencode(fields).encode(), "application/x-www-form-urlencoded"
        began = time.perf_counter()
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        try:
            client.request(
                "POST",
                path,
                body=body,
                headers={
                    "Content-Type": content_type,
                    "Cookie": f"{settings.CSRF_COOKIE_NAME}={csrf}",
                    "Referer": f"http://127.0.0.1:{port}{path}",
                },
            )
            response = client.getresponse()
            response.read()
            location = response.getheader("Location", "")
            return n, response.status, location, time.perf_counter() - began
        finally:
            client.close()

    from coso.feedback.public_views import WINDOW_SECONDS as window
    from coso.feedback.public_views import submit_rate

    try:
        first_window = int(time.time() // window)
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=args.clients) as pool:
            answers = list(pool.map(submit, range(args.submissions)))
        elapsed = time.perf_counter() - began
        # The limit is counted, not switched off: what the cache counted for this address,
        # then posts without content (refused by the form, so nothing is stored were they let
        # through) until the server answers 429.
        counted = cache.get(submit_rate()._key("127.0.0.1", time.time())) or 0
        extra = 0
        after = 0
        while extra <= args.submissions and after != 429:
            after = submit(args.submissions + extra, content="")[1]
            extra += 1
        same_window = int(time.time() // window) == first_window
    finally:
        server.terminate()
        server.wait(timeout=30)

    from coso.feedback.models import EventKind, Feedback, FeedbackEvent, FeedbackFile

    statuses: dict[int, int] = {}
    for _, status, _, _ in answers:
        statuses[status] = statuses.get(status, 0) + 1
    given = [
        location.rstrip("/").split("/")[-2] for _, status, location, _ in answers if status == 302
    ]
    stored_codes = list(Feedback.objects.values_list("tracking_code", flat=True))
    stored_titles = set(Feedback.objects.values_list("title", flat=True))
    expected_titles = {form_fields(n, kinds, "")["title"] for n in range(args.submissions)}
    expected_files = len(range(0, args.submissions, EVERY_NTH_WITH_FILE))
    stored = len(stored_codes)
    checks = {
        "every answer a redirect": statuses == {302: args.submissions},
        "items stored": stored == args.submissions,
        "distinct codes": len(set(stored_codes)) == stored,
        "codes given = codes stored": set(given) <= set(stored_codes)
        and len(set(given)) == args.submissions,
        "every title once": expected_titles <= stored_titles,
        "received steps": FeedbackEvent.objects.filter(kind=EventKind.RECEIVED).count() == stored,
        "files": FeedbackFile.objects.count() == expected_files,
        # Unless the rate limit's fixed window turned over during the burst.
        "limit still counted": after == 429 or (not same_window and after == 200),
    }
    ok = all(checks.values())
    latencies = sorted(latency for *_, latency in answers)
    vendor = connection.vendor
    print()
    print(
        "| Database | Submissions | Clients | gunicorn | Time (s) | Submissions/s "
        "| p50 (ms) | p95 (ms) | max (ms) | Items stored | Distinct codes | Checks |"
    )
    print("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---|")
    print(
        f"| {vendor} | {args.submissions} | {args.clients} | {args.workers}×{args.threads} "
        f"| {elapsed:.2f} | {args.submissions / elapsed:.0f} "
        f"| {statistics.median(latencies) * 1000:.0f} "
        f"| {latencies[int(len(latencies) * 0.95) - 1] * 1000:.0f} "
        f"| {latencies[-1] * 1000:.0f} | {stored} | {len(set(stored_codes))} "
        f"| {'ok' if ok else 'FAILED'} |"
    )
    print(
        f"statuses: {statuses}; the rate-limit counter held {counted} of {args.submissions} "
        f"posts; refused with {after} after {extra} more posts"
    )
    for name, passed in checks.items():
        if not passed:
            print(f"FAILED: {name}")
    if args.drop:
        drop_database(url)
    if not ok:
        sys.exit("a submission was lost, doubled or answered with an error")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=50, help="concurrent HTTP clients")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn process")
    parser.add_argument("--fresh", action="store_true", help="start from an empty database")
    parser.add_argument("--drop", action="store_true", help="drop the PostgreSQL database")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
