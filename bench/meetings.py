"""Benchmark of conferences and dialogues (coso.meetings): check-in and secret ballot bursts over
HTTP, the obligations roll-up on a country-shaped tree, and the minutes.

    DATABASE_URL=sqlite:////tmp/coso-bench-meetings.sqlite3 .venv/bin/python -m bench.meetings \\
        --fresh
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coso_bench_meetings \\
        .venv/bin/python -m bench.meetings --fresh --drop

The background is bulk inserted through the ORM (the actions would take hours): a tree of about
10,000 units (bench.run's `tree_spec`: 34 provinces, communes with residential communities, a
party bloc with agencies, departments and enterprises), with staff counts on agencies and
enterprises, and about 30,000 meetings of every kind over last year and this year (held,
closed, planned, cancelled; citizen reception twice a month), without audit entries.

The state under test goes through the real actions: a residential community's conference
(`create_meeting`, `add_staff` for 300 households' representatives, one made secretary,
`open_meeting`), then over HTTP against gunicorn (`bench.votes.start_server`):
1. the secretary's session ticks the 300 on the check-in page (`meetings:hold_check_in`, htmx)
   from C clients, plus second taps that must be refused; checks 300 present, each once, and
   the quorum fragment saying 300/300;
2. a secret-ballot motion (`add_motion`, `open_motion`): every participant posts a ballot
   (`meetings:motion_ballot`, sessions made with the session engine, as bench.votes), then a
   second one that must answer 409; checks ballots, choices, counts per choice as sent, and
   that `close_motion` counts the same;
3. `obligations.subtree_rollup` for the root and a province, in-process, and the page
   `meetings:obligations` for a root officer over HTTP;
4. after 9 more motions, an election of 9 seats among 15 candidates and commitments (actions),
   `documents.render` of the minutes and the resolution, DOCX and PDF.
The first requests of each burst are sent by one client alone: latency under load over latency
alone is the figure to compare on a shared machine.

The database must be a throw-away one whose name contains "bench" (--fresh creates it,
--drop drops a PostgreSQL one at the end). On SQLite this is the production configuration: a
file in WAL mode, IMMEDIATE transactions and a 20 s busy timeout, so writers queue.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import io
import os
import random
import re
import secrets
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

from bench.run import _database_url, batched, drop_database, prepare_database, tree_spec, walk
from bench.votes import free_port, start_server

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coso.settings")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "bench-" + secrets.token_hex(24))
os.environ.setdefault("STATIC_ROOT", "/tmp/coso-bench-static")
os.environ.setdefault("MEDIA_ROOT", "/tmp/coso-bench-meetings-media")

ROOT = Path(__file__).resolve().parent.parent
ALONE = 10  # requests sent by one client before each burst
CHOICES = ("yes", "no", "abstain")
ELECTION_VOTES = (290, 285, 280, 270, 260, 250, 230, 200, 180, 120, 60, 40, 30, 20, 10)
BURST_HEADER = (
    "| Database | Burst | Requests (alone + burst) | Requests/s | p50 alone (ms) | p50 (ms) "
    "| p95 (ms) | p95 / alone | Checks |\n|---|---|---:|---:|---:|---:|---:|---:|---|"
)
ROLLUP_HEADER = (
    "| Roll-up | Obligations | p50 (ms) | p95 (ms) | SQL queries |\n|---|---:|---:|---:|---:|"
)
DOCUMENT_HEADER = (
    "| Document | Format | p50 (ms) | p95 (ms) | SQL queries | Bytes | PDF pages |\n"
    "|---|---|---:|---:|---:|---:|---:|"
)


def load() -> str:
    return "/".join(f"{n:.1f}" for n in os.getloadavg())


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[max(int(len(ordered) * q + 0.5) - 1, 0)]


def ms(values: list[float]) -> tuple[float, float]:
    return statistics.median(values) * 1000, pct(values, 0.95) * 1000


# --- Background: the tree and two years of meetings ----------------------------------------------


def build_background(units: int, year: int, seed: int = 11) -> dict[str, int]:
    """Bulk insert the tree and the meetings; returns the ids the benchmark opens."""
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.utils import timezone

    from coso.core.text import fold
    from coso.meetings.models import KindCode, Meeting, MeetingKind, MeetingStatus
    from coso.units.models import Unit

    rng = random.Random(seed)
    spec = tree_spec(units)
    kinds = {k.code: k for k in MeetingKind.objects.all()}
    tz = timezone.get_current_timezone()
    now = timezone.now()

    def unit_rows():
        for pk, node in enumerate(walk(spec), start=1):
            staff = None
            if node.kind == "agency":
                staff = rng.randint(15, 400)
            elif node.kind == "enterprise":
                staff = rng.choice((5, 8, 12, 30, 80, 150, 600))
            node.pk = pk  # type: ignore[attr-defined]
            yield Unit(
                pk=pk,
                path=node.path,
                depth=len(node.path) // 4,
                numchild=len(node.children),
                name=node.name,
                kind=node.kind,
                search_name=fold(node.name),
                staff_count=staff,
            )

    with transaction.atomic():
        for batch in batched(unit_rows()):
            Unit.objects.bulk_create(batch)

    def moment(y: int, month: int) -> dt.datetime:
        day = rng.randint(1, 28)
        return dt.datetime(y, month, day, rng.choice((8, 14)), 0, tzinfo=tz)

    def meeting(node, code: str, serves: int, starts: dt.datetime, p_held: float) -> Meeting:
        past = starts < now
        roll = rng.random()
        if roll < 0.03:
            status = MeetingStatus.CANCELLED
        elif past:
            status = MeetingStatus.CLOSED if roll < p_held * 0.7 else MeetingStatus.HELD
        else:
            status = MeetingStatus.NOTICED if roll < 0.6 else MeetingStatus.DRAFT
        kind = kinds[code]
        title = f"{kind.name} {serves} – {node.name}"
        return Meeting(
            unit_id=node.pk,
            unit_path=node.path,
            kind=kind,
            title=title,
            year=serves,
            starts_at=starts,
            venue="Hội trường",
            status=status,
            search_text=fold(f"{title} Hội trường {node.name}")[:900],
        )

    def meeting_rows():
        for node in walk(spec):
            for y in (year - 1, year):
                last_month = 12 if y < now.year else now.month
                if node.kind == "agency" and rng.random() < 0.85:
                    starts = moment(y, rng.randint(1, 12))
                    yield meeting(node, KindCode.OFFICIALS_CONFERENCE, y, starts, 0.9)
                elif node.kind == "enterprise" and rng.random() < 0.8:
                    yield meeting(node, KindCode.WORKERS_CONFERENCE, y, moment(y, 3), 0.9)
                    yield meeting(node, KindCode.WORKPLACE_DIALOGUE, y, moment(y, 9), 0.9)
                elif node.kind == "commune":
                    if rng.random() < 0.85:
                        starts = moment(y, rng.randint(6, 12))
                        yield meeting(node, KindCode.COMMUNE_DIALOGUE, y, starts, 0.9)
                    if rng.random() < 0.05:
                        starts = moment(y, rng.randint(1, last_month))
                        yield meeting(node, KindCode.DIALOGUE_ON_REQUEST, y, starts, 1)
                    for month in range(1, 13):
                        for _ in range(2):
                            if rng.random() < (0.8 if month <= last_month else 0.3):
                                starts = moment(y, month)
                                yield meeting(node, KindCode.CITIZEN_RECEPTION, y, starts, 1)
                elif node.kind == "residential" and rng.random() < 0.8:
                    starts = moment(y, rng.randint(1, 12))
                    yield meeting(node, KindCode.COMMUNITY_CONFERENCE, y, starts, 0.95)

    with transaction.atomic():
        for batch in batched(meeting_rows(), 2000):
            Meeting.objects.bulk_create(batch)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Unit]):
                cursor.execute(sql)
    province = spec.children[0]
    commune = next(n for n in province.children if n.kind == "commune")
    pks = (spec, province, commune, commune.children[0])
    return dict(zip(("root", "province", "commune", "village"), (n.pk for n in pks), strict=True))


# --- The meeting under test, through the actions -------------------------------------------------


def session_for(user) -> str:
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def build_meeting(ids: dict[str, int], people: int) -> dict:
    """The community's conference, in progress, with `people` convened participants."""
    from django.utils import timezone

    from coso.meetings import actions, hold
    from coso.meetings.models import KindCode, MeetingKind, ParticipantRole
    from coso.units import actions as unit_actions
    from coso.units.models import Role, Unit, User

    admin = User.objects.create_superuser(username="bench-admin", password=None, email="")
    officer = User.objects.create_user(username="bench-officer", password=None)
    unit_actions.assign_role(
        by=admin, user=officer, unit=Unit.objects.get(pk=ids["commune"]), role=Role.UNIT_OFFICER
    )
    chief = User.objects.create_user(username="bench-root-officer", password=None)
    unit_actions.assign_role(
        by=admin, user=chief, unit=Unit.objects.get(pk=ids["root"]), role=Role.STEERING_OFFICER
    )
    village = Unit.objects.get(pk=ids["village"])
    names = [(f"bench-ho-{n}", f"Chủ hộ số {n:03d}") for n in range(people)]
    User.objects.bulk_create([User(username=u, full_name=f, home_unit=village) for u, f in names])
    meeting = actions.create_meeting(
        by=officer,
        unit=village,
        kind=MeetingKind.objects.get(code=KindCode.COMMUNITY_CONFERENCE),
        starts_at=timezone.now(),
        title="Hội nghị cộng đồng dân cư (bench)",
        venue="Nhà văn hóa thôn",
    )
    for title in ("Báo cáo kết quả năm", "Bầu Ban Thanh tra nhân dân", "Quy ước của thôn"):
        actions.add_agenda_item(meeting, by=officer, title=title, presenter="Trưởng thôn")
    participants = actions.add_staff(meeting, by=officer)
    secretary = actions.set_participant_role(
        participants[0], by=officer, role=ParticipantRole.SECRETARY
    )
    hold.open_meeting(meeting, by=officer)
    sessions = {p.pk: session_for(p.user) for p in participants}
    return {
        "meeting": meeting,
        "officer": officer,
        "participants": [p.pk for p in participants],
        "users": {p.pk: p.user for p in participants},
        "sessions": sessions,
        "secretary": sessions[secretary.pk],
        "chief": session_for(chief),
    }


# --- HTTP --------------------------------------------------------------------------------------


class Http:
    def __init__(self, port: int) -> None:
        from django.conf import settings

        self.port = port
        self.csrf = secrets.token_hex(16)
        self.session_cookie = settings.SESSION_COOKIE_NAME
        self.csrf_cookie = settings.CSRF_COOKIE_NAME

    def request(self, method: str, path: str, session: str, fields=None, htmx=False):
        """(status, headers, body, seconds)."""
        headers = {"Cookie": f"{self.session_cookie}={session}; {self.csrf_cookie}={self.csrf}"}
        body = None
        if fields is not None:
            body = urlencode(fields | {"csrfmiddlewaretoken": self.csrf})
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if htmx:
            headers["HX-Request"] = "true"
        began = time.perf_counter()
        client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            client.request(method, path, body=body, headers=headers)
            response = client.getresponse()
            content = response.read()
            seconds = time.perf_counter() - began
            return response.status, dict(response.getheaders()), content, seconds
        finally:
            client.close()

    def burst(self, calls: list, clients: int) -> tuple[list, list, float]:
        """The first ALONE calls one by one, the rest from `clients` concurrent clients;
        returns (answers alone, answers in the burst, burst seconds)."""
        alone = [call() for call in calls[:ALONE]]
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=clients) as pool:
            answers = list(pool.map(lambda call: call(), calls[ALONE:]))
        return alone, answers, time.perf_counter() - began


def burst_row(name: str, alone: list, answers: list, elapsed: float, checks: dict) -> str:
    from django.db import connection

    a50, _ = ms([a[-1] for a in alone])
    p50, p95 = ms([a[-1] for a in answers])
    rate = len(answers) / elapsed
    return (
        f"| {connection.vendor} | {name} | {len(alone)} + {len(answers)} | {rate:.0f} "
        f"| {a50:.0f} | {p50:.0f} | {p95:.0f} | {p95 / a50:.1f}× "
        f"| {'ok' if all(checks.values()) else 'FAILED'} |"
    )


def check_in_burst(http: Http, state: dict, clients: int, duplicates: int) -> tuple[str, dict]:
    from django.urls import reverse

    from coso.meetings.models import Participant

    meeting = state["meeting"]
    order = list(state["participants"])
    random.Random(3).shuffle(order)
    taps = order[:ALONE] + order[ALONE:] + order[ALONE : ALONE + duplicates]

    def tap(pk: int):
        path = reverse("meetings:hold_check_in", args=[pk])
        return (pk, *http.request("POST", path, state["secretary"], {}, htmx=True))

    calls = [lambda pk=pk: tap(pk) for pk in taps]
    alone, answers, elapsed = http.burst(calls, clients)
    everything = alone + answers
    ticked = [a[0] for a in everything if a[1] == 200 and "HX-Trigger" in a[2]]
    refused = [a for a in everything if a[1] == 200 and "HX-Trigger" not in a[2]]
    quorum = http.request(
        "GET", reverse("meetings:hold_quorum", args=[meeting.pk]), state["secretary"]
    )
    figures = dict(re.findall(rb'data-(present|convened)="(\d+)"', quorum[2]))
    everyone = str(len(order)).encode()
    present = Participant.objects.filter(meeting=meeting, checked_in_at__isnull=False).count()
    checks = {
        "every answer 200": all(a[1] == 200 for a in everything),
        "each ticked once": sorted(ticked) == sorted(order),
        "second taps refused": len(refused) == duplicates,
        "present in the database": present == len(order),
        "quorum fragment": quorum[0] == 200
        and figures == {b"present": everyone, b"convened": everyone},
    }
    return burst_row("check-in (secretary, htmx)", alone, answers, elapsed, checks), checks


def ballot_burst(http: Http, state: dict, clients: int) -> tuple[str, dict, dict]:
    from django.urls import reverse

    from coso.meetings import voting
    from coso.meetings.models import MotionBallot, MotionChoice

    title = "Thông qua quy ước của thôn"
    motion = voting.add_motion(state["meeting"], by=state["officer"], title=title, method="ballot")
    voting.open_motion(motion, by=state["officer"])
    path = reverse("meetings:motion_ballot", args=[motion.pk])
    sent = {pk: CHOICES[n % 7 % 3] for n, pk in enumerate(state["participants"])}

    def vote(pk: int, choice: str):
        return (pk, *http.request("POST", path, state["sessions"][pk], {"choice": choice}))

    first = [lambda pk=pk: vote(pk, sent[pk]) for pk in sent]
    random.Random(5).shuffle(first)
    alone, answers, elapsed = http.burst(first, clients)
    again = [lambda pk=pk: vote(pk, "yes" if sent[pk] != "yes" else "no") for pk in sent]
    with ThreadPoolExecutor(max_workers=clients) as pool:
        second = list(pool.map(lambda call: call(), again))
    stored = MotionBallot.objects.filter(motion=motion)
    counted = {c: MotionChoice.objects.filter(motion=motion, choice=c).count() for c in CHOICES}
    expected = {c: sum(1 for v in sent.values() if v == c) for c in CHOICES}
    closed = voting.close_motion(motion, by=state["officer"])
    checks = {
        "first ballots 302": all(a[1] == 302 for a in alone + answers),
        "second ballots 409": all(a[1] == 409 for a in second),
        "ballots stored": stored.count() == len(sent),
        "no voter twice": stored.values("participant").distinct().count() == len(sent),
        "choices stored": sum(counted.values()) == len(sent),
        "counts as sent": counted == expected,
        "close_motion counts the same": [closed.yes, closed.no, closed.abstain]
        == [expected[c] for c in CHOICES],
    }
    row = burst_row("secret ballot (own session)", alone, answers, elapsed, checks)
    return row, checks, counted


# --- Obligations -------------------------------------------------------------------------------


def time_calls(call, repeat: int) -> tuple[float, float, int]:
    """p50, p95 (ms) over `repeat` calls after a warm-up, and the queries of one call."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    call()
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        call()
        timings.append(time.perf_counter() - began)
    with CaptureQueriesContext(connection) as queries:
        call()
    p50, p95 = ms(timings)
    return p50, p95, len(queries)


def obligations(ids: dict[str, int], year: int, repeat: int, http: Http, chief: str) -> list[str]:
    from django.test import Client
    from django.urls import reverse

    from coso.core.dates import today
    from coso.meetings.obligations import subtree_rollup
    from coso.units.models import Unit, User

    root = Unit.objects.get(pk=ids["root"])
    province = Unit.objects.get(pk=ids["province"])
    rows = []
    rows_total = 0
    for label, unit, y in (
        ("root, this year", root, year),
        ("root, last year", root, year - 1),
        ("province, this year", province, year),
    ):
        result = subtree_rollup(unit, y, on=today())
        rows_total = rows_total or result.totals.units
        p50, p95, queries = time_calls(lambda u=unit, y=y: subtree_rollup(u, y, on=today()), repeat)
        rows.append(
            f"| `subtree_rollup`, {label} | {result.totals.units:,} | {p50:.0f} | {p95:.0f} "
            f"| {queries} |"
        )
    url = f"{reverse('meetings:obligations')}?unit={root.pk}&year={year}"
    client = Client()
    client.force_login(User.objects.get(username="bench-root-officer"))
    _, _, queries = time_calls(lambda: client.get(url), 1)
    answers = [http.request("GET", url, chief) for _ in range(repeat + 1)]
    if any(a[0] != 200 for a in answers):
        sys.exit(f"{url} answered {[a[0] for a in answers]}")
    body = answers[0][2]
    p50, p95 = ms([a[3] for a in answers[1:]])
    rows.append(
        f"| page `meetings:obligations`, root officer, over HTTP ({len(body) // 1024} KB) "
        f"| {rows_total:,} | {p50:.0f} | {p95:.0f} | {queries} |"
    )
    return rows


# --- Minutes -------------------------------------------------------------------------------------


def complete_meeting(state: dict) -> None:
    """Nine more motions by a show of hands, an election of 9 seats among 15 candidates,
    questions, commitments; the meeting ended and its minutes published."""
    from coso.meetings import actions, followup, hold, voting

    meeting, by = state["meeting"], state["officer"]
    n = len(state["participants"])
    for i in range(1, 10):
        motion = voting.add_motion(meeting, by=by, title=f"Nội dung số {i + 1}", method="hands")
        voting.open_motion(motion, by=by)
        voting.record_hands(motion, by=by, yes=n - 20 - i, no=10, abstain=10)
        voting.close_motion(motion, by=by)
    election = voting.add_election(meeting, by=by, title="Bầu Ban TTND", seats=9, method="hands")
    candidates = [
        voting.add_candidate(election, by=by, full_name=f"Ứng viên {c:02d}", job_title="Hội viên")
        for c in range(1, 16)
    ]
    voting.open_election(election, by=by)
    voting.record_election_counts(
        election,
        by=by,
        ballots_cast=n,
        ballots_invalid=3,
        votes={c.pk: v * (n - 3) // 300 for c, v in zip(candidates, ELECTION_VOTES, strict=True)},
    )
    voting.close_election(election, by=by)
    for q in range(5):
        question = actions.record_question(
            meeting, by=by, text=f"Đề nghị số {q + 1} về đường giao thông", asker_name=f"Hộ {q}"
        )
        actions.answer_question(question, by=by, answer="Thôn sẽ kiến nghị xã xem xét.")
    hold.end_meeting(meeting, by=by)
    text = "Các hộ thảo luận về quy ước.\n" * 10
    followup.record_outcome(meeting, by=by, discussion=text, conclusions=text[:100])
    due = dt.date.today() + dt.timedelta(days=30)
    for c in range(3):
        followup.add_commitment(
            meeting, by=by, text=f"Cam kết {c}", owner_unit=meeting.unit, due_on=due
        )
    followup.publish_minutes(meeting, by=by)


def minutes(state: dict, repeat: int) -> list[str]:
    import pypdf

    from coso.meetings import documents
    from coso.meetings.models import Meeting

    meeting = Meeting.objects.select_related("unit", "kind").get(pk=state["meeting"].pk)
    rows = []
    for document in documents.DOCUMENTS:
        for fmt in documents.FORMATS:
            content, _ = documents.render(meeting, document, fmt)
            p50, p95, queries = time_calls(
                lambda d=document, f=fmt: documents.render(meeting, d, f), repeat
            )
            pages = len(pypdf.PdfReader(io.BytesIO(content)).pages) if fmt == "pdf" else "–"
            rows.append(
                f"| {document} | {fmt} | {p50:.0f} | {p95:.0f} | {queries} | {len(content):,} "
                f"| {pages} |"
            )
    return rows


# --- Main ----------------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> None:
    import django

    url = _database_url()
    prepare_database(url, fresh=args.fresh)
    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection, connections
    from django.test.utils import setup_test_environment

    from coso.core.dates import today
    from coso.meetings.models import Meeting
    from coso.units.models import Unit

    call_command("migrate", verbosity=0)
    if Unit.objects.exists():
        sys.exit("The database already holds a benchmark: run with --fresh.")
    if not (Path(settings.STATIC_ROOT) / "staticfiles.json").exists():
        call_command("collectstatic", interactive=False, verbosity=0)
    year = today().year
    vendor = connection.vendor
    print(f"{vendor}: load average {load()} at the start")
    began = time.monotonic()
    ids = build_background(args.units, year)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"background: {Unit.objects.count():,} units, {Meeting.objects.count():,} meetings "
        f"in {time.monotonic() - began:.0f} s"
    )
    began = time.monotonic()
    state = build_meeting(ids, args.people)
    print(f"meeting with {args.people} participants built in {time.monotonic() - began:.0f} s")
    connections.close_all()

    port = free_port()
    server = start_server(port, args.workers, args.threads)
    http = Http(port)
    try:
        print(f"check-in burst (load {load()})")
        checkin_row, checkin_checks = check_in_burst(http, state, args.clients, args.duplicates)
        print(f"ballot burst (load {load()})")
        ballot_row, ballot_checks, counted = ballot_burst(http, state, args.clients)
        print(f"obligations (load {load()})")
        setup_test_environment()
        rollup_rows = obligations(ids, year, args.repeat, http, state["chief"])
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"minutes (load {load()})")
    complete_meeting(state)
    minutes_rows = minutes(state, args.repeat)

    checks = {**checkin_checks, **ballot_checks}
    print(f"\n{vendor}, gunicorn {args.workers}×{args.threads}, {args.clients} clients, ", end="")
    print(f"load average {load()} at the end\n\n{BURST_HEADER}\n{checkin_row}\n{ballot_row}")
    print(f"ballots counted: {counted}")
    print("".join(f"- {name}: {'ok' if ok else 'FAILED'}\n" for name, ok in checks.items()))
    print(ROLLUP_HEADER + "\n" + "\n".join(rollup_rows))
    print("\n" + DOCUMENT_HEADER + "\n" + "\n".join(minutes_rows), flush=True)
    if args.drop:
        drop_database(url)
    if not all(checks.values()):
        sys.exit("a check-in or a ballot was lost, counted twice or answered with an error")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=10000, help="units in the tree")
    parser.add_argument("--people", type=int, default=300, help="participants of the meeting")
    parser.add_argument("--clients", type=int, default=30, help="concurrent HTTP clients")
    parser.add_argument("--duplicates", type=int, default=20, help="second check-in taps")
    parser.add_argument("--repeat", type=int, default=9, help="timed calls of each roll-up")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn processes")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn process")
    parser.add_argument("--fresh", action="store_true", help="start from an empty database")
    parser.add_argument("--drop", action="store_true", help="drop the PostgreSQL database")
    run(parser.parse_args())


if __name__ == "__main__":
    main()
