"""Benchmark of feedback search and of the statistics roll-up on 1,000,000 items.

    DATABASE_URL=sqlite:////tmp/coso-bench-feedback-search.sqlite3 \\
        .venv/bin/python -m bench.feedback_search --fresh --items 1000000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coso_bench_feedback_search \\
        .venv/bin/python -m bench.feedback_search --fresh --drop --items 1000000

Builds a tree of a few hundred units (centre → 34 provinces → communes) and N feedback items
with realistic Vietnamese subjects, contents and answers over three years, bulk inserted with
the search index removed; then builds the index with migration 0002's own function (as
`migrate` would on existing data). Measures, in-process, what the search page asks of the
database — the first page of 25 ranked results and the total — for a set of typical queries
as three users (the root's administrator, a province officer, a commune officer), and the same
questions answered by the plain `LIKE` scan (`scan_feedback`); then the statistics roll-up of
the root by province against one `LIKE 'path%'` count per child. Prints Markdown.

The database must be a throw-away one whose name contains "bench" (bench.run's rules).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time

from bench.run import _database_url, drop_database, prepare_database, step

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coso.settings")

PROVINCES = 34
COMMUNES_PER_PROVINCE = 8
BATCH = 10_000
PAGE = 25

QUERIES = [
    "duong ngap nuoc",
    "rac thai",
    "den chieu sang",
    "lan chiem via he",
    "boi thuong giai phong mat bang",
    "tieng on",
    "cap giay chung nhan quyen su dung dat",
    "nuoc sach",
    "hoc phi",
    "cau treo xuong cap",
    "Đường ngập nước",
]

TOPICS = [
    # (weight, field code, subjects, sentences)
    (
        14,
        "transport-infrastructure",
        ["Đường liên thôn bị ngập nước", "Đường ngập nước sau mưa lớn", "Mặt đường xuống cấp"],
        [
            "Mỗi khi mưa lớn, đoạn đường này ngập sâu, xe máy không đi được.",
            "Cống thoát nước bị tắc nên nước không rút được.",
            "Đường bê tông nứt vỡ, nhiều ổ gà gây nguy hiểm cho người đi đường.",
            "Cầu treo qua suối đã xuống cấp, học sinh đi lại rất nguy hiểm.",
        ],
    ),
    (
        12,
        "environment",
        ["Rác thải không được thu gom", "Ô nhiễm mùi hôi từ bãi rác", "Xả nước thải ra kênh"],
        [
            "Rác thải sinh hoạt để tràn ra lề đường nhiều ngày không có người thu gom.",
            "Cơ sở chăn nuôi xả nước thải chưa qua xử lý ra kênh tưới tiêu.",
            "Mùi hôi bốc lên nồng nặc, ảnh hưởng sức khỏe của các hộ dân xung quanh.",
        ],
    ),
    (
        8,
        "security-order",
        ["Tiếng ồn từ quán karaoke", "Lấn chiếm vỉa hè để kinh doanh", "Đèn chiếu sáng bị hỏng"],
        [
            "Quán karaoke hoạt động quá 23 giờ, gây tiếng ồn mất trật tự khu dân cư.",
            "Nhiều hộ kinh doanh lấn chiếm vỉa hè, người đi bộ phải đi xuống lòng đường.",
            "Đèn chiếu sáng công cộng trên tuyến đường hỏng đã lâu, ban đêm rất tối.",
        ],
    ),
    (
        10,
        "land",
        [
            "Chậm cấp giấy chứng nhận quyền sử dụng đất",
            "Bồi thường giải phóng mặt bằng chưa thỏa đáng",
            "Tranh chấp ranh giới đất",
        ],
        [
            "Gia đình tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất đã quá hạn.",
            "Mức bồi thường khi giải phóng mặt bằng thấp hơn giá thị trường.",
            "Hộ bên cạnh xây tường rào lấn sang đất của gia đình tôi.",
        ],
    ),
    (
        6,
        "social-policy",
        ["Chưa nhận trợ cấp người cao tuổi", "Xét hộ nghèo chưa công khai"],
        [
            "Mẹ tôi đủ 80 tuổi nhưng chưa được nhận trợ cấp xã hội hằng tháng.",
            "Danh sách hộ nghèo, hộ cận nghèo không được niêm yết công khai tại nhà văn hóa.",
        ],
    ),
    (
        5,
        "education",
        ["Thu học phí và các khoản ngoài quy định", "Trường học thiếu phòng học"],
        [
            "Nhà trường thu thêm nhiều khoản ngoài học phí mà không giải thích rõ.",
            "Phòng học xuống cấp, mùa mưa bị dột, học sinh phải học nhờ.",
        ],
    ),
    (
        5,
        "health",
        ["Trạm y tế thiếu thuốc", "Cấp nước sạch không đủ"],
        [
            "Trạm y tế xã thường xuyên thiếu thuốc bảo hiểm y tế.",
            "Nhiều hộ chưa có nước sạch, phải dùng nước giếng nhiễm phèn.",
        ],
    ),
    (
        6,
        "administrative-procedures",
        ["Thủ tục hành chính rườm rà", "Cán bộ một cửa hẹn nhiều lần"],
        [
            "Khi làm thủ tục chứng thực, cán bộ yêu cầu nộp thêm giấy tờ không có trong quy định.",
            "Tôi phải đi lại nhiều lần mà hồ sơ vẫn chưa được giải quyết.",
        ],
    ),
]
COMMON = [
    "Đề nghị chính quyền sớm kiểm tra, xử lý dứt điểm.",
    "Người dân đã phản ánh nhiều lần nhưng chưa được giải quyết.",
    "Kính mong các cấp quan tâm xem xét.",
    "Sự việc kéo dài từ đầu năm đến nay.",
]
PLACES = ["thôn Đông", "thôn Tây", "xóm Chùa", "xóm Mới", "tổ dân phố 3", "khu phố 5", "ấp Bắc"]
ANSWERS = [
    "Ủy ban nhân dân xã đã kiểm tra thực tế và giao công chức địa chính xử lý.",
    "Xã đã bố trí kinh phí sửa chữa, dự kiến hoàn thành trong tháng tới.",
    "Nội dung phản ánh đã được chuyển đến đơn vị có thẩm quyền giải quyết theo quy định.",
    "Đã tổ chức đối thoại với các hộ dân và thống nhất phương án xử lý.",
]
STATUSES = ["received"] * 8 + ["in_progress"] * 12 + ["answered"] * 35 + ["closed"] * 43
STATUSES += ["merged"] * 2


def tracking_code(number: int) -> str:
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    digits = ""
    for _ in range(8):
        number, rest = divmod(number, len(alphabet))
        digits = alphabet[rest] + digits
    return "PA-" + digits


def build(items: int, seed: int = 11) -> dict:
    """Units, users with roles and `items` feedback rows; returns what the measures need."""
    from django.db import connection, transaction
    from django.utils import timezone

    from coso.core.dates import today
    from coso.core.text import fold
    from coso.feedback.models import Feedback, FeedbackField, FeedbackKind
    from coso.units.models import Role, RoleAssignment, Unit, User

    rng = random.Random(seed)
    # The tree: centre, provinces, communes.
    units: list[Unit] = []
    root = Unit(pk=1, path=step(1), depth=1, numchild=PROVINCES, name="Ban Chỉ đạo bench")
    root.kind = "party_body"
    units.append(root)
    communes: list[Unit] = []
    pk = 1
    for p in range(1, PROVINCES + 1):
        pk += 1
        province = Unit(
            pk=pk,
            path=root.path + step(p),
            depth=2,
            numchild=COMMUNES_PER_PROVINCE,
            name=f"Tỉnh số {p}",
            kind="province",
        )
        units.append(province)
        for c in range(1, COMMUNES_PER_PROVINCE + 1):
            pk += 1
            commune = Unit(
                pk=pk,
                path=province.path + step(c),
                depth=3,
                numchild=0,
                name=f"Xã {c} tỉnh {p}",
                kind="commune",
            )
            units.append(commune)
            communes.append(commune)
    for unit in units:
        unit.search_name = fold(unit.name)
    with transaction.atomic():
        Unit.objects.bulk_create(units)

    kinds = {k.code: k.pk for k in FeedbackKind.objects.all()}
    fields = {f.code: f.pk for f in FeedbackField.objects.all()}
    kind_codes = ["reflection"] * 70 + ["recommendation"] * 20 + ["complaint"] * 7
    kind_codes += ["denunciation"] * 3
    topic_weights = [t[0] for t in TOPICS]
    folded: dict[str, str] = {}

    def f(text: str) -> str:
        if text not in folded:
            folded[text] = fold(text)
        return folded[text]

    end = today()
    start = dt.date(end.year - 2, 1, 1)
    span = (end - start).days
    columns = [fld for fld in Feedback._meta.concrete_fields if fld.column != "id"]
    names = [fld.column for fld in columns]
    defaults = {fld.column: fld.get_default() for fld in columns}
    dated = {
        fld.column: fld
        for fld in columns
        if fld.get_internal_type() in ("DateField", "DateTimeField")
    }

    def rows():
        for n in range(1, items + 1):
            unit = communes[rng.randrange(len(communes))]
            _, field_code, subjects, sentences = rng.choices(TOPICS, weights=topic_weights)[0]
            title = rng.choice(subjects)
            place = rng.choice(PLACES)
            body = rng.sample(sentences, k=min(2, len(sentences))) + rng.sample(COMMON, k=2)
            content = f"Tại {place}, " + " ".join(body)
            received = start + dt.timedelta(days=rng.randrange(span + 1))
            due = received + dt.timedelta(days=14)
            status = rng.choice(STATUSES)
            if received > end - dt.timedelta(days=10) and status in ("answered", "closed"):
                status = "in_progress"
            answer = answered_on = days = in_time = None
            if status in ("answered", "closed"):
                answer = rng.choice(ANSWERS)
                answered_on = min(end, received + dt.timedelta(days=rng.randint(1, 20)))
                days = (answered_on - received).days
                in_time = answered_on <= due
            code = tracking_code(n)
            stamp = timezone.make_aware(dt.datetime.combine(received, dt.time(9)))
            text = " ".join(
                part
                for part in (
                    code.lower(),
                    f(title),
                    f(f"Tại {place},"),
                    " ".join(f(s) for s in body),
                    f(place),
                    f(answer) if answer else "",
                )
                if part
            )
            values = dict(defaults)
            values.update(
                created_at=stamp,
                updated_at=stamp,
                unit_id=unit.pk,
                unit_path=unit.path,
                received_by_id=unit.pk,
                tracking_code=code,
                kind_id=kinds[rng.choice(kind_codes)],
                field_id=fields.get(field_code) if rng.random() < 0.9 else None,
                source=rng.choice(["portal", "portal", "account", "phone", "reception"]),
                title=title,
                content=content,
                location=place,
                sender_name="Người gửi bench",
                status=status,
                received_on=received,
                due_on=due,
                answer=answer or "",
                answered_on=answered_on,
                answered_at=stamp if answer else None,
                days_to_answer=days,
                answered_in_time=in_time,
                reopened_count=1 if status != "received" and rng.random() < 0.05 else 0,
                closed_at=stamp if status == "closed" else None,
                search_text=text,
            )
            yield [
                dated[name].get_db_prep_save(values[name], connection)
                if name in dated and values[name] is not None
                else values[name]
                for name in names
            ]

    started = time.perf_counter()
    quoted = ", ".join(connection.ops.quote_name(n) for n in names)
    if connection.vendor == "postgresql":
        with transaction.atomic(), connection.cursor() as cursor:
            raw = cursor.cursor  # psycopg's own cursor: COPY
            with raw.copy(f"COPY feedback_feedback ({quoted}) FROM STDIN") as copy:
                for row in rows():
                    copy.write_row(row)
    else:
        sql = f"INSERT INTO feedback_feedback ({quoted}) VALUES ({', '.join(['%s'] * len(names))})"
        batch: list = []
        with transaction.atomic(), connection.cursor() as cursor:
            for row in rows():
                batch.append(row)
                if len(batch) >= BATCH:
                    cursor.executemany(sql, batch)
                    batch = []
            if batch:
                cursor.executemany(sql, batch)
    loaded = time.perf_counter() - started

    admin = User.objects.create_user(username="bench-root", password=None)
    province_officer = User.objects.create_user(username="bench-province", password=None)
    commune_officer = User.objects.create_user(username="bench-commune", password=None)
    RoleAssignment.objects.bulk_create(
        [
            RoleAssignment(user=admin, unit=root, role=Role.ADMIN),
            RoleAssignment(user=province_officer, unit=units[1], role=Role.STEERING_OFFICER),
            RoleAssignment(user=commune_officer, unit=units[2], role=Role.UNIT_OFFICER),
        ]
    )
    if connection.vendor == "postgresql":
        from django.core.management.color import no_style

        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), [Unit, Feedback]):
                cursor.execute(sql)
    return {"loaded": loaded}


def build_index() -> float:
    """Migration 0002's forward function on the loaded table, then ANALYZE."""
    from importlib import import_module

    from django.db import connection

    migration = import_module("coso.feedback.migrations.0002_search_index")
    started = time.perf_counter()
    with connection.schema_editor() as editor:
        migration.install(None, editor)
    took = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return took


def drop_index() -> None:
    from importlib import import_module

    from django.db import connection

    migration = import_module("coso.feedback.migrations.0002_search_index")
    with connection.schema_editor() as editor:
        migration.remove(None, editor)


def timed(fn, runs: int) -> list[float]:
    fn()  # warm-up
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(runs: int, like_runs: int) -> list[str]:
    from django.db import connection

    from coso.core.dates import today
    from coso.feedback import search, stats
    from coso.units.models import Unit, User

    users = {
        "root admin": User.objects.get(username="bench-root"),
        "province officer": User.objects.get(username="bench-province"),
        "commune officer": User.objects.get(username="bench-commune"),
    }

    def page(fn, user, query):
        def run():
            qs = fn(user, query)
            list(qs[:PAGE])
            return qs.count()

        return run

    lines = [
        "| Who | Query | Matches | Index p50 ms | Index p95 ms | LIKE p50 ms | LIKE p95 ms |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    all_index: list[float] = []
    all_like: list[float] = []
    per_user: dict[str, tuple[list[float], list[float]]] = {}
    for who, user in users.items():
        mine = per_user.setdefault(who, ([], []))
        for query in QUERIES:
            matches = search.search_feedback(user, query).count()
            like_count = search.scan_feedback(user, query).count()
            index = timed(page(search.search_feedback, user, query), runs)
            like = timed(page(search.scan_feedback, user, query), like_runs)
            all_index += index
            all_like += like
            mine[0].extend(index)
            mine[1].extend(like)
            note = "" if like_count == matches else f" (LIKE: {like_count})"
            lines.append(
                f"| {who} | `{query}` | {matches:,}{note} | {pct(index, 0.5):.1f} | "
                f"{pct(index, 0.95):.1f} | {pct(like, 0.5):.0f} | {pct(like, 0.95):.0f} |"
            )
    lines.append("")
    lines.append("| Who | Index p50 ms | Index p95 ms | LIKE p50 ms | LIKE p95 ms |")
    lines.append("| --- | ---: | ---: | ---: | ---: |")
    for who, (index, like) in per_user.items():
        lines.append(
            f"| {who} | {pct(index, 0.5):.1f} | {pct(index, 0.95):.1f} | "
            f"{pct(like, 0.5):.0f} | {pct(like, 0.95):.0f} |"
        )
    lines.append(
        f"| **all** | **{pct(all_index, 0.5):.1f}** | **{pct(all_index, 0.95):.1f}** | "
        f"{pct(all_like, 0.5):.0f} | {pct(all_like, 0.95):.0f} |"
    )

    # The roll-up of the root by province.
    root = Unit.objects.get(depth=1)
    year = today().year
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    start3 = dt.date(year - 2, 1, 1)

    def like_rollup(first):
        def run():
            from django.db.models import Count

            from coso.feedback.models import Feedback

            for child in Unit.objects.get_children(root):
                Feedback.objects.filter(
                    unit_path__startswith=child.path, received_on__gte=first, received_on__lte=end
                ).exclude(status="merged").aggregate(n=Count("pk"))

        return run

    lines += ["", "| Roll-up of the root | p50 ms | p95 ms |", "| --- | ---: | ---: |"]
    for label, fn, n in (
        (
            f"by province, {year} (`stats.rollup`, 1 query)",
            lambda: stats.rollup(root, start, end),
            runs,
        ),
        (
            f"by province, {year - 2}–{year} (`stats.rollup`, 1 query)",
            lambda: stats.rollup(root, start3, end),
            runs,
        ),
        (
            f"whole statistics page, {year} (`stats.statistics`, 5 queries)",
            lambda: stats.statistics(root, year),
            max(3, runs // 3),
        ),
        (f"baseline: one `LIKE 'path%'` count per province, {year}", like_rollup(start), like_runs),
        (
            f"baseline: one `LIKE 'path%'` count per province, {year - 2}–{year}",
            like_rollup(start3),
            like_runs,
        ),
    ):
        samples = timed(fn, n)
        lines.append(f"| {label} | {pct(samples, 0.5):.0f} | {pct(samples, 0.95):.0f} |")
    lines.append("")
    lines.append(f"Database: {connection.vendor}; {runs} runs per query (LIKE: {like_runs}).")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--like-runs", type=int, default=3)
    parser.add_argument("--fresh", action="store_true")
    parser.add_argument("--drop", action="store_true")
    parser.add_argument("--reuse", action="store_true", help="measure what a previous run left")
    parser.add_argument("--load-only", action="store_true", help="build, measure later (--reuse)")
    args = parser.parse_args()

    url = _database_url()
    prepare_database(url, fresh=args.fresh)
    import django

    django.setup()
    from django.core.management import call_command

    try:
        if not args.reuse:
            call_command("migrate", verbosity=0)
            drop_index()
            info = build(args.items)
            took = build_index()
            print(
                f"Loaded {args.items:,} items in {info['loaded']:.0f} s; index built in {took:.0f} s."
            )
        if not args.load_only:
            print("\n".join(measure(args.runs, args.like_runs)))
    finally:
        if args.drop:
            drop_database(url)


if __name__ == "__main__":
    sys.exit(main())
