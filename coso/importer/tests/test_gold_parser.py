"""The parser against the gold set: F1 per element type, the variants (PDF artefacts, Markdown,
lost header, DOCX) and the parse time of a 20-page document.

The thresholds start at what the parser reached when they were set (measured with
`python -m bench.importer`, slightly rounded down); raise them as the parser improves. The
issue's target is 0.9 for tasks, dates and cited documents.
"""

from __future__ import annotations

import io
import time

import pytest

from coso.importer import gold

parse_module = pytest.importorskip("coso.importer.parse")
parse = parse_module.parse

THRESHOLDS = {  # measured 2026-11-24 08:39: all >= 0.99 except timing 0.95
    "header": 0.95,
    "documents": 0.95,
    "document_details": 0.95,
    "bases": 0.95,
    "dates": 0.95,
    "sections": 0.95,
    "tasks": 0.95,
    "task_timing": 0.9,
    "task_lead": 0.9,
    "task_coordinating": 0.9,
    "task_targets": 0.85,
    "reporting": 0.9,
    "reporting_office": 0.9,
    "recipients": 0.95,
    "signer": 0.95,
}
TARGET = {"tasks": 0.9, "dates": 0.9, "documents": 0.9}


@pytest.fixture(scope="module")
def evaluation() -> gold.Evaluation:
    return gold.evaluate(parse)


@pytest.mark.parametrize("kind", gold.ELEMENT_TYPES)
def test_f1_per_element_type_over_the_gold_set(evaluation, kind):
    score = evaluation.totals[kind]
    assert score.f1 >= THRESHOLDS[kind], (
        f"{kind}: P={score.precision:.2f} R={score.recall:.2f} F1={score.f1:.2f}\n"
        + gold.table(evaluation.totals)
    )


def test_the_issue_targets_are_met(evaluation):
    assert {k: round(evaluation.totals[k].f1, 2) >= v for k, v in TARGET.items()} == dict.fromkeys(
        TARGET, True
    )


@pytest.mark.parametrize(
    "variant", ["provincial-plan-2025-pdf", "commune-plan-2025-md", "agency-plan-2025-noheader"]
)
def test_a_variant_reads_about_as_well_as_its_base(evaluation, variant):
    base = gold.load(variant).same_as
    for kind in ("documents", "dates", "sections", "tasks", "task_timing", "recipients", "signer"):
        got, want = evaluation.per_document[variant][kind], evaluation.per_document[base][kind]
        assert got.f1 >= want.f1 - 0.1, (variant, kind, got.f1, want.f1)


def test_a_document_without_header_gives_no_invented_header(evaluation):
    header = evaluation.per_document["agency-plan-2025-noheader"]["header"]
    assert header.precision >= 0.9


def _docx(text: str) -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in text.split("\n"):
        paragraph = document.add_paragraph()
        if line.strip():
            run = paragraph.add_run(line)
            run.bold = line.isupper() or line[:4].rstrip(".").strip() in {"I", "II", "III"}
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_docx_built_from_a_gold_text_reads_like_the_text(evaluation):
    doc = gold.load("quarterly-plan-2025")
    text = parse_module.read_file("ke-hoach-2025.docx", _docx(doc.text))
    scores = gold.compare(parse(text), doc.expected)
    for kind in ("header", "documents", "dates", "sections", "tasks", "task_timing", "signer"):
        want = evaluation.per_document[doc.name][kind].f1
        assert scores[kind].f1 >= want - 0.05, (kind, scores[kind].f1, want)


def _docx_with_table(text: str) -> bytes:
    """Lines with tabs become the rows of a real table, in place."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
            rows.clear()

    for line in text.split("\n"):
        if "\t" in line:
            rows.append(line.split("\t"))
        else:
            flush()
            document.add_paragraph(line)
    flush()
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_docx_task_table_is_read_in_place_one_row_a_line():
    doc = gold.load("school-plan-table-2025")
    text = parse_module.read_file("ke-hoach-truong.docx", _docx_with_table(doc.text))
    assert text.index("PHỤ LỤC") < text.index("Ban Thanh tra nhân dân giám sát")
    row = next(line for line in text.split("\n") if "Ban Thanh tra nhân dân giám sát" in line)
    assert "Thường xuyên" in row and "Công đoàn trường" in row


def test_a_twenty_page_document_parses_in_well_under_a_second():
    text = gold.long_text(20)
    parse(text)
    started = time.perf_counter()
    result = parse(text)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5, f"{elapsed:.3f} s for {len(text)} characters"
    assert len(result.tasks) >= 60
