"""Task items: the leaf items of the task sections, with their time and units."""

from __future__ import annotations

import re

from ..extraction import TaskItem, Timing
from . import citations, timing, units
from .structure import Item, is_heading, walk

_TASK_SECTION = re.compile(
    r"NHIỆM VỤ|NỘI DUNG|CHƯƠNG TRÌNH|GIẢI PHÁP|CÔNG TÁC|HOẠT ĐỘNG|THỜI GIAN|LỊCH|TIẾN ĐỘ|PHƯƠNG HƯỚNG|"
    r"PHÂN CÔNG",
    re.I,
)
_NOT_TASKS = re.compile(
    r"MỤC ĐÍCH|YÊU CẦU|TỔ CHỨC THỰC HIỆN|KẾT QUẢ|ĐÁNH GIÁ|TÌNH HÌNH|HẠN CHẾ|NGUYÊN NHÂN", re.I
)
_GROUP_TIME = re.compile(r"^(?:(?:trong|vào)\s+)?(?:quý|tháng|6 tháng|năm)\b", re.I)


def is_task_section(title: str) -> bool:
    if re.search(r"BÁO CÁO", title, re.I) and not re.search(r"PHÂN CÔNG", title, re.I):
        return False  # "Nội dung báo cáo", "Chế độ báo cáo": reporting duties, not tasks
    return bool(_TASK_SECTION.search(title)) and not _NOT_TASKS.search(title)


_SUBJECT_START = re.compile(r"^(?:" + units.ORG + r"|Đồng chí)\b")
_REPORT_VERB = re.compile(
    r"(?<!đề cương )(?<!mẫu )(?<!kết quả )(?<!thông tin )(?:tổng hợp,?\s+)?(?:gửi\s+)?báo cáo\b"
)


def _is_report_item(body: str) -> bool:
    """An item whose subject's first act is to report ("Các đảng bộ … báo cáo sơ kết …") is a
    reporting duty, not a task."""
    if not _SUBJECT_START.match(body) or body.startswith(("Ban hành", "Tổ chức")):
        return False
    first = re.split(r"[;:]", body, maxsplit=1)[0]
    return bool(_REPORT_VERB.search(first))


def mask_citations(text: str) -> str:
    """Blank out the documents a task names, so their dates are not read as the task's time."""
    chars = list(text)
    for doc in citations.find(text):
        for i in range(doc.start, doc.end):
            chars[i] = " "
    return "".join(chars)


def _task(item: Item, text: str, section: str, year: int | None, inherited) -> TaskItem:
    masked = mask_citations(" ".join([item.body] + [ln.text for ln in item.labels]))
    kind, quarter, month, due_on = timing.find(masked, year)
    if inherited and inherited[0] == Timing.QUARTER and quarter is None:
        quarter = inherited[1]  # a task under "Quý II" keeps its quarter beside its date
    if inherited and inherited[0] == Timing.MONTH and month is None and kind != Timing.QUARTER:
        month = inherited[2]  # and one under "Tháng 6" its month
    if item.paragraphs:
        masked_all = mask_citations(
            " ".join(
                [item.body] + [p.text for p in item.paragraphs] + [ln.text for ln in item.labels]
            )
        )
        if kind == Timing.NONE:
            kind, quarter, month, due_on = timing.find(masked_all, year)
        masked = masked_all
    if kind == Timing.NONE and inherited:
        kind, quarter, month, due_on = inherited
    lead, coordinating, targets = units.extract(masked)
    end = max([item.line.end] + [ln.end for ln in item.paragraphs + item.labels])
    return TaskItem(
        start=item.line.start + (len(item.line.text) - len(item.body)),
        end=end,
        text=item.body.strip(),
        section=section,
        timing=kind,
        quarter=quarter,
        month=month,
        due_on=due_on,
        lead=lead,
        coordinating=coordinating,
        targets=targets,
    )


def extract(text: str, roots: list[Item], year: int | None) -> list[TaskItem]:
    has_roman = any(item.kind == "roman" for item in roots)
    tasks: list[TaskItem] = []

    def visit(items: list[Item], inherited) -> None:
        for item in items:
            if item.kind == "para":
                continue
            group_time = inherited
            if _GROUP_TIME.match(item.body) and (item.children or item.paragraphs):
                found = timing.find(item.body, year)
                if found[0] != Timing.NONE:
                    group_time = found
            if item.children:
                visit(item.children, group_time)
                continue
            if is_heading(item) and not item.paragraphs:
                continue
            if _is_report_item(item.body):
                continue
            if is_heading(item) and item.paragraphs:
                # "1. Công khai thông tin" followed by unnumbered paragraphs: each paragraph is a task
                paras = item.paragraphs
                for i, para in enumerate(paras):
                    sub = Item(para, "para", "", para.text, 99)
                    upto = paras[i + 1].index if i + 1 < len(paras) else 1 << 30
                    sub.labels = [ln for ln in item.labels if para.index < ln.index < upto]
                    tasks.append(_task(sub, text, item.path, year, group_time))
                continue
            tasks.append(
                _task(
                    item,
                    text,
                    item.path.rsplit(".", 1)[0] if "." in item.path else item.path,
                    year,
                    group_time,
                )
            )

    if has_roman:
        for root in roots:
            if root.kind == "roman" and is_task_section(root.body):
                if root.children:
                    visit(root.children, None)
                else:
                    for para in root.paragraphs:
                        tasks.append(
                            _task(
                                Item(para, "para", "", para.text, 99), text, root.number, year, None
                            )
                        )
    else:
        visit([r for r in roots if r.kind != "para"], None)
    for task in tasks:
        if not task.section:
            task.section = ""
    return tasks


__all__ = ["extract", "is_task_section", "walk"]
