"""Sections and items: Roman (I.), Arabic (1., 1.2.), lettered (a), a.) headings, bullets."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..extraction import Section
from .lines import Line, is_upper

_ROMAN = re.compile(r"^(?:(?:PHẦN|Phần)\s+)?([IVX]{1,5})\s*[.)/:-]\s*([A-ZĐÀ-Ỹ\d\"“].*)$")
_ARABIC = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)(?:[.)]\s*|\s+(?=\S))(\S.*)$")
_LETTER = re.compile(r"^([a-zđ])\s*[.)]\s*(\S.*)$")
_BULLET = re.compile(r"^([-+•–—*])\s*(\S.*)$")
_LABEL = re.compile(
    r"^(?:(?:Cơ quan|Đơn vị|Bộ phận)\s+(?:chủ trì|phối hợp|thực hiện|tham mưu)|Chủ trì|Phối hợp|"
    r"Thời gian(?:\s+(?:thực hiện|hoàn thành))?|Đối tượng|Kết quả|Sản phẩm|Kinh phí)\s*:",
    re.I,
)
_GROUP = re.compile(
    r"^((?:Quý|QUÝ|quý)\s+(?:IV|I{1,3}|[1-4])|(?:Tháng|THÁNG)\s+\d{1,2})(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?\s*:?$"
)
TAIL = re.compile(r"^(?:Nơi nhận|Trên đây là|KT\.|TM\.|TL\.)", re.I)


@dataclass
class Item:
    line: Line
    kind: str  # "roman", "arabic", "letter", "bullet", "para"
    number: str
    body: str  # the text after the marker
    level: int
    path: str = ""
    children: list[Item] = field(default_factory=list)
    paragraphs: list[Line] = field(default_factory=list)  # unmarked lines under it
    labels: list[Line] = field(default_factory=list)  # "Chủ trì: …", "Thời gian: …" lines


def classify(line: Line) -> tuple[str, str, str, int]:
    text = line.text
    match = _ROMAN.match(text)
    if match:
        return "roman", match.group(1), match.group(2), 1
    match = _ARABIC.match(text)
    if match and not re.match(r"^\d{1,2}[./]\d{1,2}[./]\d{2,4}", text):
        number = match.group(1)
        return "arabic", number, match.group(2), 2 + number.count(".")
    match = _LETTER.match(text)
    if match:
        return "letter", match.group(1), match.group(2), 10
    match = _BULLET.match(text)
    if match:
        return "bullet", "-", match.group(2), 20
    match = _GROUP.match(text)
    if match:
        return "group", match.group(1), text, 15  # "Tháng 01", "Quý II": a time group
    return "para", "", text, 99


def build(lines: list[Line], start: int, stop: int) -> list[Item]:
    """The items of lines[start:stop] as a tree (roots in order)."""
    roots: list[Item] = []
    stack: list[Item] = []
    for line in lines[start:stop]:
        if not line.text or "\t" in line.text:
            continue  # table rows are read by `table`
        kind, number, body, level = classify(line)
        if kind == "para" and stack and _LABEL.match(line.text):
            stack[-1].labels.append(line)  # "Đơn vị chủ trì: …" under its item
            continue
        if kind == "para":
            owner = _owner(stack)
            if owner is not None:
                owner.paragraphs.append(line)
            else:
                roots.append(Item(line, kind, number, body, level))
            continue
        item = Item(line, kind, number, body, level)
        while stack and stack[-1].level >= level:
            stack.pop()
        if stack:
            parent = stack[-1]
            item.path = f"{parent.path}.{number}" if parent.path else number
            parent.children.append(item)
        else:
            item.path = number
            roots.append(item)
        stack.append(item)
    return roots


def _owner(stack: list[Item]) -> Item | None:
    """The item an unmarked paragraph belongs to. Inside a Roman section: the innermost numbered
    or lettered item (a bullet's paragraph goes to the bullet's heading). Without one, a
    paragraph after a finished numbered sentence closes the list ("Các tỉnh … gửi báo cáo …")."""
    if not stack:
        return None
    in_roman = any(it.kind == "roman" for it in stack)
    for item in reversed(stack):
        if item.kind == "bullet":
            if item.body.rstrip().endswith((".", ";")):
                continue
            return item
        if in_roman or not item.body.rstrip().endswith((".", ";")):
            return item
    return None


def walk(items: list[Item]):
    for item in items:
        yield item
        yield from walk(item.children)


def is_heading(item: Item) -> bool:
    """A heading groups other items or paragraphs; a bullet never does."""
    if item.kind in ("roman", "group"):
        return True
    if item.kind == "bullet" or item.kind == "para":
        return False
    if item.children:
        return True
    body = item.body.rstrip()
    if item.paragraphs and len(body) <= 160 and not body.endswith(";"):
        return True
    return is_upper(body) or (len(body) <= 60 and not body.endswith((".", ";")) and item.paragraphs)


def sections(items: list[Item]) -> list[Section]:
    result: list[Section] = []
    for item in walk(items):
        if is_heading(item) and item.kind != "group":
            level = 1 if item.kind == "roman" else (2 if item.kind == "arabic" else 3)
            title = item.body.strip().rstrip(":.").strip()
            result.append(
                Section(
                    start=item.line.start,
                    end=item.line.end,
                    number=item.number,
                    title=title,
                    level=level,
                )
            )
    return result
