"""The gold set itself: complete, consistent with its texts, and the scoring of `gold.py`."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from coso.importer import gold
from coso.importer.extraction import Extraction, TaskItem, Timing

BASE = [name for name in gold.names() if not gold.load(name).same_as]


def test_gold_set_has_eight_plans_of_different_kinds_and_the_variants():
    assert len(BASE) >= 8
    doc_types = {gold.load(name).expected.header.doc_type for name in BASE}
    assert {"Chương trình", "Kế hoạch", "Hướng dẫn"} <= doc_types
    variants = {gold.load(name).same_as for name in gold.names()} - {""}
    assert len(variants) >= 3
    assert all(path.suffix in {".txt", ".json", ".md"} for path in gold.GOLD_DIR.iterdir())


@pytest.mark.parametrize("name", BASE)
def test_every_expected_element_is_in_the_text(name):
    doc = gold.load(name)
    text = gold.norm(doc.text)
    compact = "".join(doc.text.split()).upper()
    ex = doc.expected
    for task in ex.tasks:
        assert gold.norm_task_text(task.text) in text, task.text
        for unit in task.lead + task.coordinating + task.targets:
            assert gold.norm(unit) in text, unit
    for cited in ex.bases + ex.cited:
        if cited.number_symbol:
            assert gold.norm_number(cited.number_symbol) in compact, cited.number_symbol
        for value in (cited.issuer, cited.doc_type, cited.text):
            assert gold.norm(value) in text, value
    for section in ex.sections:
        assert gold.norm(f"{section.number}. {section.title}") in text, section.title
    for value in (ex.header.issuer, ex.header.parent_issuer, ex.header.title, ex.header.place):
        assert gold.norm(value) in text, value
    assert gold.norm_number(ex.header.number_symbol) in compact
    for recipient in ex.recipients:
        assert gold.norm(recipient) in text, recipient
    for duty in ex.reporting:
        assert gold.norm(duty.to_office) in text, duty.to_office
        assert gold.norm_frequency(duty.frequency) in {
            "6 thang",
            "nam",
            "quy",
            "thang",
            "dot xuat",
            "hoc ky",
            "",
        }
    assert gold.norm(ex.signer.title) in text and gold.norm(ex.signer.name) in text
    assert ex.header.issued_on and ex.signer.name and ex.recipients


@pytest.mark.parametrize("name", BASE)
def test_gold_dates_are_written_in_the_text(name):
    doc = gold.load(name)
    text = " ".join(doc.text.split())
    dates = [t.due_on for t in doc.expected.tasks if t.due_on]
    dates += [d.issued_on for d in doc.expected.bases + doc.expected.cited if d.issued_on]
    for day in dates:
        forms = {f"{day.day}/{day.month}/{day.year}", f"{day.day:02d}/{day.month:02d}/{day.year}"}
        forms |= {f"{day.day}/{day.month:02d}/{day.year}", f"{day.day:02d}/{day.month}/{day.year}"}
        assert any(form in text for form in forms), day


@pytest.mark.parametrize("name", gold.names())
def test_gold_compared_to_itself_is_perfect(name):
    doc = gold.load(name)
    scores = gold.compare(doc.expected, copy.deepcopy(doc.expected))
    assert {kind: s.f1 for kind, s in scores.items()} == {kind: 1.0 for kind in scores}
    assert gold.explain(doc.expected, doc.expected) == {}


def test_variants_share_their_base_expectation():
    pdf = gold.load("provincial-plan-2025-pdf")
    base = gold.load("provincial-plan-2025")
    assert pdf.text != base.text and pdf.expected.tasks == base.expected.tasks
    assert "\n\n2\n" in pdf.text and " ," in pdf.text
    assert "**" in gold.load("commune-plan-2025-md").text
    lost = gold.load("agency-plan-2025-noheader")
    assert lost.expected.header.number_symbol == "" and lost.expected.header.issued_on is None
    assert lost.expected.header.doc_type == "Kế hoạch"
    assert not lost.text.lstrip().startswith("UBND")


def _extraction(*tasks: TaskItem) -> Extraction:
    return Extraction(text="", tasks=list(tasks))


def test_tasks_match_by_folded_prefix_ignoring_markers_punctuation_and_case():
    want = _extraction(
        TaskItem(
            text="Kiểm tra việc thực hiện dân chủ ở cơ sở tại các tỉnh",
            timing=Timing.MONTH,
            month=8,
        )
    )
    got = _extraction(
        TaskItem(
            text="4. KIEM TRA viec thuc hien dan chu o co so tai cac tinh : Thai Nguyen",
            timing=Timing.MONTH,
            month=8,
        ),
        TaskItem(text="- Một việc khác"),
    )
    scores = gold.compare(got, want)
    assert (scores["tasks"].tp, scores["tasks"].fp, scores["tasks"].fn) == (1, 1, 0)
    assert scores["task_timing"].f1 == 1.0
    assert scores["tasks"].precision == 0.5 and scores["tasks"].recall == 1.0


def test_attributes_of_a_missed_task_count_as_missed():
    want = _extraction(
        TaskItem(text="Tổ chức hội nghị", lead=["Sở Nội vụ"], due_on=dt.date(2025, 3, 31)),
        TaskItem(text="Tập huấn", lead=["Sở Tư pháp"]),
    )
    got = _extraction(TaskItem(text="Tổ chức hội nghị", lead=["Sở nội vụ;"]))
    scores = gold.compare(got, want)
    assert (scores["task_lead"].tp, scores["task_lead"].fn) == (1, 1)
    assert scores["dates"].recall == 0.0
    missed, extra = gold.explain(got, want)["task_timing"]
    assert len(missed) == 1 and extra == []


def test_normalisers():
    assert gold.norm_number("27- NQ/TW") == "27-NQ/TW"
    assert gold.norm_number("59/2023/nđ-cp") == "59/2023/NĐ-CP"
    assert gold.norm_due("30/05/2024") == gold.norm_due("trước ngày 30/5") == "30/5"
    assert gold.norm_frequency("hằng quý") == "quy"
    assert gold.norm_frequency("6 tháng đầu năm") == "6 thang"
    assert gold.norm_recipient("- UBND tỉnh (b/c);") == gold.norm_recipient("UBND tinh")
    assert gold.norm_task_text("a) Ban hành") == gold.norm_task_text("Ban hành") == "ban hanh"


def test_long_text_is_twenty_pages():
    text = gold.long_text(20)
    assert len(text) >= 20 * gold.CHARS_PER_PAGE
    assert "TỈNH PHÚ THỌ" in text
