"""Tasks laid out as a table (an appendix "TT | Nội dung | Chủ trì | Phối hợp | Thời gian"), one
row per line with cells separated by tabs (DOCX tables and pasted tables read that way)."""

from __future__ import annotations

import re

from ..extraction import TaskItem
from . import timing, units
from .lines import Line

_TEXT = re.compile(r"nội dung|nhiệm vụ|công việc|hoạt động", re.I)
_LEAD = re.compile(r"chủ trì|thực hiện|phụ trách|người thực hiện", re.I)
_COORD = re.compile(r"phối hợp", re.I)
_TIME = re.compile(r"thời gian|thời hạn|tiến độ", re.I)
_TARGET = re.compile(r"đối tượng|địa bàn|đơn vị được", re.I)


def extract(lines: list[Line], year: int | None) -> list[TaskItem]:
    tasks: list[TaskItem] = []
    columns: dict[str, int] | None = None
    width = 0
    for line in lines:
        if "\t" not in line.text:
            columns = None
            continue
        cells = line.text.split("\t")
        if columns is None:
            found: dict[str, int] = {}
            for i, cell in enumerate(cells):
                for key, pattern in (("coord", _COORD), ("lead", _LEAD), ("time", _TIME),
                                     ("target", _TARGET), ("text", _TEXT)):  # fmt: skip
                    if key not in found and pattern.search(cell):
                        found[key] = i
                        break
            if "text" in found and ("lead" in found or "time" in found):
                columns, width = found, len(cells)
            continue
        if len(cells) != width:
            continue
        text = cells[columns["text"]].strip()
        if not text:
            continue
        start = line.start + line.text.index(text)
        value = {key: cells[i].strip() for key, i in columns.items()}

        def cell(key: str, value: dict[str, str] = value) -> str:
            return value.get(key, "")

        kind, quarter, month, due_on = timing.find(cell("time"), year)
        if kind == timing.Timing.NONE and cell("time"):
            kind, quarter, month, due_on = timing.find("thời gian: " + cell("time"), year)
        tasks.append(
            TaskItem(
                start=start,
                end=line.end,
                text=text,
                section="",
                timing=kind,
                quarter=quarter,
                month=month,
                due_on=due_on,
                lead=units.split_cell(cell("lead")),
                coordinating=units.split_cell(cell("coord")),
                targets=units.split_cell(cell("target")),
            )
        )
    return tasks
