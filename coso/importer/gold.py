"""The gold set of the importer: plans written for the tests, each with its extraction written by
hand, and the comparison of a parser's `Extraction` to it, per element type.

    from coso.importer import gold
    scores, per_document = gold.evaluate(parse)      # parse(text) -> Extraction
    print(gold.table(scores))

The documents live in `coso/importer/tests/gold/<name>.txt`, the expectations in
`<name>.expected.json` (see `tests/gold/README.md` for the conventions). A variant (the same
plan with PDF artefacts, Markdown or a lost header) says `"same_as": "<name>"` and may replace
top-level keys with `"override": {...}`.

Element types and how they are matched (counts are summed over the documents: micro-average):

- header: the non-empty header fields, as (field, folded value); dates exact.
- documents: the distinct numbers and symbols of bases and cited documents (spaces dropped,
  upper case); documents without a number are not scored.
- document_details: (number, field, value) for the type, date and issuer of each numbered
  document.
- bases: (number, relation) for the documents in `bases`.
- dates: every date: the header's, each numbered document's, each task's `due_on`.
- sections: (level, number, folded title prefix); bullets (level 4) are not scored.
- tasks: a gold task matches the first unmatched extracted task whose folded text (numbering
  and bullet markers dropped, punctuation ignored) starts with the gold's text prefix.
- task_timing, task_lead, task_coordinating, task_targets: attributes of the gold tasks
  (all of them, so a missed task is missed here too) against those of the extracted tasks
  matched to them (unmatched extracted tasks are not counted twice).
- reporting: (frequency, due days) of each duty; reporting_office adds the folded office.
- recipients: each recipient, folded, a trailing "(b/c)"-like note dropped.
- signer: (title, folded title) and (name, folded name).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections import Counter
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coso.core.text import fold
from coso.importer.extraction import (
    CitedDocument,
    Extraction,
    Header,
    Relation,
    ReportingDuty,
    Section,
    Signer,
    TaskItem,
    Timing,
)

GOLD_DIR = Path(__file__).resolve().parent / "tests" / "gold"
CHARS_PER_PAGE = 3000  # an A4 page of an administrative document, about

ELEMENT_TYPES = (
    "header",
    "documents",
    "document_details",
    "bases",
    "dates",
    "sections",
    "tasks",
    "task_timing",
    "task_lead",
    "task_coordinating",
    "task_targets",
    "reporting",
    "reporting_office",
    "recipients",
    "signer",
)

_NON_WORD = re.compile(r"[^0-9a-z/]+")
_MARKER = re.compile(r"^\s*(?:[0-9]+(?:\.[0-9]+)*\s*[.)]|[a-zđ]\s*\)|[IVXLC]+\s*\.|[-+•*–—])\s*")
_TRAILING_NOTE = re.compile(r"\s*\([^()]*\)\s*[,;.]?\s*$")
_DUE = re.compile(r"(\d{1,2})(?:\s*/\s*(\d{1,2}))?")


# ---------------------------------------------------------------- normalisation


def norm(text: str) -> str:
    """Folded, punctuation as spaces, collapsed: "Sở Tư pháp;" -> "so tu phap"."""
    return " ".join(_NON_WORD.sub(" ", fold(text)).split())


def norm_number(number_symbol: str) -> str:
    """ "27- NQ/TW" -> "27-NQ/TW"; dashes unified, spaces dropped, upper case."""
    text = (number_symbol or "").replace("–", "-").replace("—", "-")
    return "".join(text.split()).upper()


def norm_task_text(text: str) -> str:
    return norm(_MARKER.sub("", text or "", count=1))


def norm_recipient(text: str) -> str:
    text = (text or "").strip().lstrip("-–+• ").strip()
    return norm(_TRAILING_NOTE.sub("", text))


def norm_due(text: str) -> str:
    """ "30/05/2024" -> "30/5"; "trước ngày 25" -> "25"."""
    match = _DUE.search(text or "")
    if not match:
        return norm(text)
    day, month = int(match.group(1)), match.group(2)
    return f"{day}/{int(month)}" if month else str(day)


def norm_frequency(text: str) -> str:
    folded = norm(text)
    for key in ("6 thang", "hoc ky", "quy", "dot xuat", "nam", "thang"):
        if key in folded:
            return key
    return folded


# ---------------------------------------------------------------- loading


@dataclass
class GoldDocument:
    name: str
    text: str
    expected: Extraction
    same_as: str = ""  # the plan this one is a variant of


def names() -> list[str]:
    return sorted(p.name.removesuffix(".expected.json") for p in GOLD_DIR.glob("*.expected.json"))


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _raw(name: str) -> dict:
    data = json.loads((GOLD_DIR / f"{name}.expected.json").read_text(encoding="utf-8"))
    if data.get("same_as"):
        base = _raw(data["same_as"])
        base.update(data.get("override", {}))
        base["same_as"] = data["same_as"]
        return base
    return data


def extraction_from_json(data: dict, text: str = "") -> Extraction:
    """The hand-written expectation as an `Extraction` (offsets left at -1)."""
    h = data.get("header") or {}
    header = Header(
        issuer=h.get("issuer", ""),
        parent_issuer=h.get("parent_issuer", ""),
        doc_type=h.get("doc_type", ""),
        number_symbol=h.get("number_symbol", ""),
        place=h.get("place", ""),
        issued_on=_date(h.get("issued_on")),
        title=h.get("title", ""),
    )
    bases, cited = [], []
    for d in data.get("documents", []):
        doc = CitedDocument(
            text=d.get("text", ""),
            relation=Relation(d.get("relation", "cited")),
            doc_type=d.get("doc_type", ""),
            number_symbol=d.get("number_symbol", ""),
            issued_on=_date(d.get("issued_on")),
            issuer=d.get("issuer", ""),
        )
        (cited if doc.relation == Relation.CITED else bases).append(doc)
    sections = [
        Section(number=s["number"], title=s.get("title", ""), level=s.get("level", 1))
        for s in data.get("sections", [])
    ]
    tasks = [
        TaskItem(
            text=t["text"],
            section=t.get("section", ""),
            timing=Timing(t.get("timing", "")),
            quarter=t.get("quarter"),
            month=t.get("month"),
            due_on=_date(t.get("due_on")),
            lead=list(t.get("lead", [])),
            coordinating=list(t.get("coordinating", [])),
            targets=list(t.get("targets", [])),
        )
        for t in data.get("tasks", [])
    ]
    reporting = [
        ReportingDuty(
            text=r.get("text", ""),
            report=r.get("report", ""),
            frequency=r.get("frequency", ""),
            due=list(r.get("due", [])),
            to_office=r.get("to_office", ""),
        )
        for r in data.get("reporting", [])
    ]
    s = data.get("signer") or {}
    return Extraction(
        text=text,
        header=header,
        bases=bases,
        cited=cited,
        sections=sections,
        tasks=tasks,
        reporting=reporting,
        recipients=list(data.get("recipients", [])),
        signer=Signer(title=s.get("title", ""), name=s.get("name", "")),
    )


def load(name: str) -> GoldDocument:
    data = _raw(name)
    text = (GOLD_DIR / f"{name}.txt").read_text(encoding="utf-8")
    return GoldDocument(name, text, extraction_from_json(data, text), data.get("same_as", ""))


def load_all() -> list[GoldDocument]:
    return [load(name) for name in names()]


# ---------------------------------------------------------------- scoring


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


def _score(got: Iterable[Hashable], want: Iterable[Hashable]) -> Score:
    g, w = Counter(list(got)), Counter(list(want))
    tp = sum((g & w).values())
    return Score(tp, sum(g.values()) - tp, sum(w.values()) - tp)


def _header_items(h: Header) -> set:
    items = {
        (name, norm(getattr(h, name)))
        for name in ("issuer", "parent_issuer", "doc_type", "place", "title")
        if norm(getattr(h, name))
    }
    if h.number_symbol:
        items.add(("number_symbol", norm_number(h.number_symbol)))
    if h.issued_on:
        items.add(("issued_on", h.issued_on))
    return items


def _numbered(ex: Extraction) -> dict[str, CitedDocument]:
    """Distinct numbered documents, the first mention of each (bases before cited)."""
    out: dict[str, CitedDocument] = {}
    for doc in [*ex.bases, *ex.cited]:
        key = norm_number(doc.number_symbol)
        if key and key not in out:
            out[key] = doc
    return out


def _details(docs: dict[str, CitedDocument]) -> set:
    items = set()
    for key, doc in docs.items():
        if doc.doc_type:
            items.add((key, "doc_type", norm(doc.doc_type)))
        if doc.issued_on:
            items.add((key, "issued_on", doc.issued_on))
        if doc.issuer:
            items.add((key, "issuer", norm(doc.issuer)))
    return items


def _dates(ex: Extraction, docs: dict[str, CitedDocument]) -> list:
    out = [("header", ex.header.issued_on)] if ex.header.issued_on else []
    out += [("document", d.issued_on) for d in docs.values() if d.issued_on]
    out += [("task", t.due_on) for t in ex.tasks if t.due_on]
    return out


def match_tasks(got: list[TaskItem], want: list[TaskItem]) -> dict[int, int]:
    """Gold task index -> extracted task index, by folded text prefix, first unmatched wins."""
    got_texts = [norm_task_text(t.text) for t in got]
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for i, task in enumerate(want):
        prefix = norm_task_text(task.text)
        for j, text in enumerate(got_texts):
            if j not in used and prefix and text.startswith(prefix):
                pairs[i] = j
                used.add(j)
                break
    return pairs


def _timing(t: TaskItem) -> tuple | None:
    if not (t.timing or t.quarter or t.month or t.due_on):
        return None
    return (str(t.timing), t.quarter, t.month, t.due_on)


def _units(values: list[str]) -> list[str]:
    return [norm(v) for v in values if norm(v)]


def _reporting(duties: list[ReportingDuty], office: bool) -> list:
    out = []
    for d in duties:
        key: tuple = (norm_frequency(d.frequency), frozenset(norm_due(x) for x in d.due))
        out.append((*key, norm(d.to_office)) if office else key)
    return out


def _signer(s: Signer) -> set:
    return {(k, norm(getattr(s, k))) for k in ("title", "name") if norm(getattr(s, k))}


def elements(got: Extraction, want: Extraction) -> dict[str, tuple[list, list]]:
    """Per element type, the comparable items of the extraction and of the gold one."""
    got_docs, want_docs = _numbered(got), _numbered(want)
    pairs = match_tasks(got.tasks, want.tasks)
    matched = {j: i for i, j in pairs.items()}
    want_prefixes = [norm_task_text(t.text) for t in want.tasks]
    out: dict[str, tuple[list, list]] = {
        "header": (
            sorted(_header_items(got.header), key=str),
            sorted(_header_items(want.header), key=str),
        ),
        "documents": (list(got_docs), list(want_docs)),
        "document_details": (
            sorted(_details(got_docs), key=str),
            sorted(_details(want_docs), key=str),
        ),
        "bases": (
            [(norm_number(d.number_symbol), str(d.relation)) for d in got.bases if d.number_symbol],
            [
                (norm_number(d.number_symbol), str(d.relation))
                for d in want.bases
                if d.number_symbol
            ],
        ),
        "dates": (_dates(got, got_docs), _dates(want, want_docs)),
        "sections": (
            [(s.level, s.number.strip(), norm(s.title)[:40]) for s in got.sections if s.level < 4],
            [(s.level, s.number.strip(), norm(s.title)[:40]) for s in want.sections if s.level < 4],
        ),
        "tasks": (
            [
                want_prefixes[matched[j]] if j in matched else norm_task_text(t.text)[:60]
                for j, t in enumerate(got.tasks)
            ],
            want_prefixes,
        ),
    }
    for kind in ("timing", "lead", "coordinating", "targets"):
        got_items, want_items = [], []
        for i, task in enumerate(want.tasks):
            other = got.tasks[pairs[i]] if i in pairs else None
            if kind == "timing":
                w = [_timing(task)] if _timing(task) else []
                g = [_timing(other)] if other is not None and _timing(other) else []
            else:
                w = _units(getattr(task, kind))
                g = _units(getattr(other, kind)) if other is not None else []
            want_items += [(want_prefixes[i][:30], x) for x in w]
            got_items += [(want_prefixes[i][:30], x) for x in g]
        out[f"task_{kind}"] = (got_items, want_items)
    out["reporting"] = (_reporting(got.reporting, False), _reporting(want.reporting, False))
    out["reporting_office"] = (_reporting(got.reporting, True), _reporting(want.reporting, True))
    out["recipients"] = (
        [norm_recipient(r) for r in got.recipients if norm_recipient(r)],
        [norm_recipient(r) for r in want.recipients if norm_recipient(r)],
    )
    out["signer"] = (sorted(_signer(got.signer)), sorted(_signer(want.signer)))
    return out


def compare(got: Extraction, want: Extraction) -> dict[str, Score]:
    """Scores per element type of an extraction against the gold one."""
    return {kind: _score(g, w) for kind, (g, w) in elements(got, want).items()}


def explain(got: Extraction, want: Extraction) -> dict[str, tuple[list, list]]:
    """Per element type with a difference: (missed gold items, extra extracted items)."""
    out = {}
    for kind, (g, w) in elements(got, want).items():
        gc, wc = Counter(g), Counter(w)
        missed, extra = list((wc - gc).elements()), list((gc - wc).elements())
        if missed or extra:
            out[kind] = (missed, extra)
    return out


@dataclass
class Evaluation:
    totals: dict[str, Score]
    per_document: dict[str, dict[str, Score]] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)


def evaluate(
    parse: Callable[[str], Extraction], documents: list[GoldDocument] | None = None
) -> Evaluation:
    """Parse every gold document and sum the scores per element type."""
    result = Evaluation({kind: Score() for kind in ELEMENT_TYPES})
    for doc in documents if documents is not None else load_all():
        started = time.perf_counter()
        got = parse(doc.text)
        result.seconds[doc.name] = time.perf_counter() - started
        scores = compare(got, doc.expected)
        result.per_document[doc.name] = scores
        for kind, score in scores.items():
            result.totals[kind].add(score)
    return result


def table(scores: dict[str, Score]) -> str:
    """A Markdown table: element type, counts, precision, recall, F1."""
    lines = [
        "| element | gold | found | matched | precision | recall | F1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind in ELEMENT_TYPES:
        s = scores[kind]
        lines.append(
            f"| {kind} | {s.tp + s.fn} | {s.tp + s.fp} | {s.tp} | {s.precision:.2f} "
            f"| {s.recall:.2f} | {s.f1:.2f} |"
        )
    return "\n".join(lines)


def long_text(pages: int = 20, documents: list[GoldDocument] | None = None) -> str:
    """The gold texts concatenated (repeated as needed) to about `pages` A4 pages."""
    texts = [d.text for d in (documents or load_all()) if not d.same_as] or [""]
    out: list[str] = []
    size, i = 0, 0
    while size < pages * CHARS_PER_PAGE and texts[0]:
        out.append(texts[i % len(texts)])
        size += len(out[-1])
        i += 1
    return "\n\n".join(out)


def get_parser() -> Callable[[str], Extraction] | None:
    """`coso.importer.parse.parse` when the parser is there, else None."""
    try:
        from coso.importer.parse import parse
    except ImportError:
        return None
    return parse
