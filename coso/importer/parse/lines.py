"""The normalised text as lines with their offsets."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Line:
    index: int
    start: int
    end: int
    text: str


def split(text: str) -> list[Line]:
    result: list[Line] = []
    pos = 0
    for i, part in enumerate(text.split("\n")):
        result.append(Line(i, pos, pos + len(part), part))
        pos += len(part) + 1
    return result


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)
