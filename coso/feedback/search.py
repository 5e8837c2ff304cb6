"""Full-text search over feedback: subject, content, place, answer and code, diacritics ignored.

Everything searchable is folded once into `Feedback.search_text` (never the sender, see the
models' doc); migration 0002 indexes it: a GIN-indexed `tsvector` on PostgreSQL, an FTS5 table
on SQLite, each ranking a match in the subject above one in the content. The query is folded
the same way, so "duong ngap nuoc" finds "Đường ngập nước". Every word must match.

`search_feedback` answers from the index; `scan_feedback` is the plain `LIKE` scan it replaces
(kept as the fallback for another database and as the benchmark's baseline, see
bench/feedback_search.py).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import import_module

from django.db import OperationalError, connection
from django.db.models import QuerySet
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from coso.core.text import fold
from coso.units.models import Unit, User, path_within

from .access import visible_feedback
from .models import Feedback

# A query longer than this is cut: nobody types more, and a 10,000-character query must not
# become a 2,000-word index lookup.
MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
# Weight of a match in the subject (the head) against one anywhere in the text, for bm25.
HEAD_WEIGHT = 5.0

_WORD = re.compile(r"[^\W_]+")


def query_words(query: str) -> list[str]:
    """The folded words of a query, each once, in order: "Đường  ngập, nước!" -> [duong, ngap,
    nuoc]."""
    words: list[str] = []
    for word in _WORD.findall(fold((query or "")[:MAX_QUERY_LENGTH])):
        if word not in words:
            words.append(word)
    return words[:MAX_WORDS]


def _scope(user: User, unit: Unit | None) -> QuerySet[Feedback]:
    items = visible_feedback(user)
    if unit is not None:
        items = items.filter(path_within("unit_path", unit.path))
    return items


# Ranking reads every match's text statistics: done for the newest matches only, so a query
# that matches a tenth of a million items costs what one matching a thousand does. Beyond
# them the page says "more than …" and asks for another word.
WINDOW = 1000


class SearchResults(Sequence):
    """Ranked matches: the best first among the `WINDOW` newest, fetched a page at a time.

    Works as a Paginator's object list (`count()`, slicing); `capped` tells the page that
    older matches were left out. Each item fetched carries `search_rank` (larger is better).
    """

    def __init__(self, ranked: list[tuple[int, float, object]], capped: bool, related=()):
        # Best rank first, then the most recently received, then the newest.
        ranked.sort(key=lambda row: (-row[1], _day_key(row[2]), -row[0]))
        self._ranked = ranked
        self.capped = capped
        self._related = related

    def count(self) -> int:
        return len(self._ranked)

    def __len__(self) -> int:
        return len(self._ranked)

    def __getitem__(self, index):
        rows = self._ranked[index] if isinstance(index, slice) else [self._ranked[index]]
        ranks = {pk: rank for pk, rank, _day in rows}
        found = Feedback.objects.select_related(*self._related).in_bulk(list(ranks))
        items = []
        for pk, rank in ranks.items():
            if pk in found:
                found[pk].search_rank = rank
                items.append(found[pk])
        return items if isinstance(index, slice) else items[0]


def _day_key(day) -> int:
    """Sort key putting later days first, whatever type the database returned."""
    text = str(day or "")
    return -int(text[:10].replace("-", "") or 0)


def search_feedback(
    user: User, query: str, *, unit: Unit | None = None, window: int = WINDOW
) -> SearchResults:
    """Feedback the user may read that contains every word of `query`, best match first.

    Ranked among the `window` newest matches (`results.capped` when there were more); slice
    it for a page, `count()` it for the total. `unit` narrows to a subtree. Two queries per
    page: the matches with their rank, then the page's rows.
    """
    words = query_words(query)
    related = ("unit", "kind")
    if not words:
        return SearchResults([], False, related)
    items = _scope(user, unit)
    vendor = connection.vendor
    if vendor == "postgresql":
        # plainto_tsquery parses the folded query with the same parser as the indexed text, so
        # "pa-7k3m9q2x" or "3.5" match as they were indexed; the words are ANDed.
        text = " ".join(fold(query[:MAX_QUERY_LENGTH]).split())
        matches = items.extra(
            select={
                "search_rank": "ts_rank(feedback_feedback.search_vector, "
                "plainto_tsquery('simple', %s))"
            },
            select_params=[text],
            where=["feedback_feedback.search_vector @@ plainto_tsquery('simple', %s)"],
            params=[text],
        )
        newest = "-id"
    elif vendor == "sqlite":
        # Each word quoted: FTS5 then reads it as a plain term, never as query syntax.
        match = " ".join(f'"{word}"' for word in words)
        matches = items.extra(
            # bm25 is lower for a better match: negated so that larger is better everywhere.
            select={
                "search_rank": f"-bm25(feedback_fts, {HEAD_WEIGHT}, 1.0)",
                "fts_rowid": "feedback_fts.rowid",
            },
            tables=["feedback_fts"],
            where=["feedback_fts.rowid = feedback_feedback.id", "feedback_fts MATCH %s"],
            params=[match],
        )
        # FTS5 walks its lists newest first and stops at the window: no sort of every match.
        newest = "-fts_rowid"
    else:
        scanned = scan_feedback(user, query, unit=unit)
        rows = list(scanned.values_list("id", "received_on")[: window + 1])
        return SearchResults(
            [(pk, 0.0, day) for pk, day in rows[:window]], len(rows) > window, related
        )
    window_rows = matches.order_by(newest).values_list("id", "search_rank", "received_on")[
        : window + 1
    ]
    rows = _sqlite_rows(window_rows) if vendor == "sqlite" else None
    if rows is None:
        rows = list(window_rows)
    return SearchResults(rows[:window], len(rows) > window, related)


SCOPE_INDEX = "feedback_search_scope"


def _sqlite_rows(window_rows: QuerySet) -> list | None:
    """The window's rows, the access check answered from the narrow index migration 0002
    made (SQLite's planner otherwise reads each matching wide row). None when the index is
    missing (a table rebuild dropped it before ensure_search_index ran): the caller then runs
    the same query without the hint."""
    sql, params = window_rows.query.sql_with_params()
    table = 'FROM "feedback_feedback"'
    if sql.count(table) != 1:
        return None
    sql = sql.replace(table, f"{table} INDEXED BY {SCOPE_INDEX}")
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [tuple(row) for row in cursor.fetchall()]
    except OperationalError:
        return None


def scan_feedback(user: User, query: str, *, unit: Unit | None = None) -> QuerySet[Feedback]:
    """The same question without the index: one `LIKE '%word%'` per word over `search_text`,
    newest first (no ranking). Reads every row of the user's scope."""
    words = query_words(query)
    if not words:
        return Feedback.objects.none()
    items = _scope(user, unit).select_related("unit", "kind")
    for word in words:
        items = items.filter(search_text__contains=word)
    return items.order_by("-received_on", "-id")


# --- Keeping the index ---------------------------------------------------------------------------


def _index_migration():
    return import_module("coso.feedback.migrations.0002_search_index")


def ensure_search_index(using_connection=None) -> bool:
    """Put back the SQLite triggers a table rebuild dropped, and refill the index they missed.

    Django alters a SQLite table by copying it into a new one, which drops its triggers: any
    later migration that does so to `feedback_feedback` leaves the index out of step. Meant to
    run after `migrate` (a post_migrate handler); returns whether it had to repair anything.
    """
    conn = using_connection or connection
    if conn.vendor != "sqlite":
        return False
    index = _index_migration()
    with conn.cursor() as cursor:
        names = ["feedback_fts", SCOPE_INDEX, *index.SQLITE_TRIGGERS]
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger', 'index') AND name IN "
            f"({', '.join(['%s'] * len(names))})",
            names,
        )
        present = {row[0] for row in cursor.fetchall()}
        if "feedback_fts" not in present:
            return False  # migration 0002 not applied (yet, or reversed)
        missing = [name for name in index.SQLITE_TRIGGERS if name not in present]
        if SCOPE_INDEX not in present:
            cursor.execute(index.SQLITE_SCOPE_INDEX)
        if not missing:
            return SCOPE_INDEX not in present
        for name in missing:
            cursor.execute(index.SQLITE_TRIGGERS[name])
        for sql in index.SQLITE_FILL:
            cursor.execute(sql)
    return True


def rebuild_search_index(using_connection=None) -> None:
    """Refill the whole index from `search_text` (after a bulk load without triggers)."""
    conn = using_connection or connection
    index = _index_migration()
    with conn.cursor() as cursor:
        if conn.vendor == "sqlite":
            for sql in index.SQLITE_FILL:
                cursor.execute(sql)
        elif conn.vendor == "postgresql":
            cursor.execute("UPDATE feedback_feedback SET search_text = search_text")


# --- Snippets ------------------------------------------------------------------------------------

_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """`text` folded character by character (as coso.core.text.fold, without collapsing
    spaces), with the index in `text` of each folded character: matches found in the folded
    text are then marked on the original, diacritics and all."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for piece in unicodedata.normalize("NFD", ch.translate(_EXTRA)):
            if unicodedata.combining(piece):
                continue
            for low in piece.lower():
                out.append(low)
                where.append(i)
    return "".join(out), where


def _spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    """Where whole `words` occur in `text`, as (start, end) indexes of the original text."""
    if not text or not words:
        return []
    folded, where = _folded_with_map(text)
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(w) for w in words) + r")(?![^\W_])")
    return [(where[m.start()], where[m.end() - 1] + 1) for m in pattern.finditer(folded)]


def _marked(text: str, spans: list[tuple[int, int]], start: int, end: int) -> str:
    html: list[str] = []
    at = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        html.append(escape(text[at:s]))
        html.append(f"<mark>{escape(text[s:e])}</mark>")
        at = e
    html.append(escape(text[at:end]))
    return "".join(html)


def highlight(text: str, words: list[str]) -> SafeString:
    """The whole `text`, escaped, with the matched words in <mark>."""
    text = text or ""
    return mark_safe(_marked(text, _spans(text, words), 0, len(text)))  # noqa: S308 (escaped)


def snippet(text: str, words: list[str], *, width: int = 180) -> SafeString:
    """About `width` characters of `text` around the first match, escaped, matches in <mark>;
    the beginning of the text when nothing matches."""
    text = " ".join((text or "").split())
    spans = _spans(text, words)
    if len(text) <= width:
        start, end = 0, len(text)
    else:
        centre = spans[0][0] if spans else 0
        start = max(0, min(centre - width // 3, len(text) - width))
        end = min(len(text), start + width)
        # Cut between words, not inside one.
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < centre else start
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start else end
    html = _marked(text, spans, start, end)
    if start > 0:
        html = "… " + html
    if end < len(text):
        html += " …"
    return mark_safe(html)  # noqa: S308 (every piece escaped in _marked)


@dataclass(frozen=True)
class Hit:
    """One feedback result as the search page shows it: never who sent it."""

    feedback: Feedback
    title: SafeString
    snippet: SafeString


def hits(items: list[Feedback], query: str) -> list[Hit]:
    """Results ready for the page: the subject and a passage with the query's words marked.

    The passage comes from the content, else the answer, where the words are: the only texts
    searched besides the place and the code. Sender fields are never read here.
    """
    words = query_words(query)
    out = []
    for item in items:
        source = item.content
        if item.answer and not _spans(item.content, words) and _spans(item.answer, words):
            source = item.answer
        out.append(Hit(item, highlight(item.title, words), snippet(source, words)))
    return out
