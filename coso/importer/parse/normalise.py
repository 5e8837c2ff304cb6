"""Repair the text of a plan before parsing: PDF extraction artefacts (lines broken mid-sentence,
blank lines between every line, page numbers, running headers, spaces before punctuation),
Markdown markers, stray spaces. The result has one logical paragraph (or header line) per line,
no blank lines; every offset in an `Extraction` refers to it."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_MD_BOLD = re.compile(r"\*\*|__")
_MD_EM = re.compile(r"(?<![\w*])[*_](?=\S)([^*_\n]+?)(?<=\S)[*_](?![\w*])")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_MD_STAR_BULLET = re.compile(r"^\s*[*•●▪◦]\s+")
_DECORATION = re.compile(r"^[\s*_=~\-–—.·]{1,40}$")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:[-–]\s*)?(?:Trang\s+)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–])?\s*$", re.I
)
_SPACES = re.compile(r"[ \u00a0\u2000-\u200b\u202f\u3000]+")
_TABS = re.compile(r"\s*\t[\s\t]*")  # table cells (DOCX tables, pasted tables) keep one tab
_SPACE_BEFORE_PUNCT = re.compile(r" +([,;:.!?)\]…])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[]) +")
# A line that starts a new element: a numbered or lettered item, a bullet, a labelled block.
MARKER = re.compile(
    r"^(?:(?:PHẦN|Phần|MỤC|Mục)\s+[IVXLC\d]+|[IVXLC]{1,6}[.)/]\s*[A-ZĐÀ-Ỹ]|\d{1,2}(?:\.\d{1,2})*[.)]|\d{1,2}\.\d{1,2}(?:\.\d{1,2})*\s"
    r"|[a-zđ][.)]\s|[-+•–—*]\s?)"
)
_HARD_START = re.compile(
    r"^(?:Nơi nhận|Căn cứ|Trên đây|KT\.|TM\.|TL\.|Q\.|T/M|Số\s*:|Số\s+\d|Kính gửi)", re.I
)
_HARD_PREV = re.compile(r"^(?:Nơi nhận|KT\.|TM\.|TL\.|Q\.|T/M|Số\s*:|Số\s+\d|Kính gửi)", re.I)
_END_PUNCT = ".:;!?"


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 5 and all(c.isupper() for c in letters)


def _clean_line(line: str) -> str:
    line = _MD_HEADING.sub("", line)
    line = _MD_QUOTE.sub("", line)
    line = _MD_STAR_BULLET.sub("- ", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_BOLD.sub("", line)
    line = _MD_EM.sub(r"\1", line)
    line = _MD_ESCAPE.sub(r"\1", line)
    line = _TABS.sub("\t", _SPACES.sub(" ", line)).strip()
    line = _SPACE_BEFORE_PUNCT.sub(r"\1", line)
    line = _SPACE_AFTER_OPEN.sub(r"\1", line)
    return line


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\ufeff", "")
    raw = [_clean_line(line) for line in text.split("\n")]
    # Running headers and footers: the same short line repeated on many pages.
    counts = Counter(line for line in raw if line)
    repeated = {
        line
        for line, n in counts.items()
        if not MARKER.match(line)
        and not line.startswith("Lưu")
        and (
            (n >= 3 and len(line) >= 8)
            # twice is enough for a long running header ("Kế hoạch … - UBND tỉnh Phú Thọ")
            or (n == 2 and len(line) >= 30 and line[-1] not in ".:;," and not _is_upper(line))
        )
    }
    lines: list[tuple[str, bool]] = []  # (line, blank line before it)
    blank = False
    for line in raw:
        if not line or line in repeated or _PAGE_NUMBER.match(line):
            blank = blank or not line
            continue
        if _DECORATION.match(line):
            blank = True
            continue
        lines.append((line, blank))
        blank = False
    if not lines:
        return ""
    # A PDF that put a blank line between every line: blank lines carry no meaning.
    blank_mode = sum(1 for _, b in lines[1:] if b) > 0.5 * max(1, len(lines) - 1)
    lengths = sorted(len(line) for line, _ in lines)
    width = lengths[int(0.9 * (len(lengths) - 1))]
    long_line = max(40, int(0.75 * width))
    out: list[str] = []
    last = ""  # the last physical line: a short one ends its paragraph
    for line, blank_before in lines:
        if out and _continues(out[-1], last, line, blank_before and not blank_mode, long_line):
            prev = out[-1]
            if (
                prev.endswith("-")
                and not prev.endswith(" -")
                and len(prev) > 1
                and prev[-2].isalnum()
            ):
                out[-1] = prev + line  # "44/UBND-" + "NC"
            else:
                out[-1] = prev + " " + line
        else:
            out.append(line)
        last = line
    return "\n".join(_SPACE_BEFORE_PUNCT.sub(r"\1", line) for line in out)


def _continues(prev: str, last: str, line: str, blank_before: bool, long_line: int) -> bool:
    """Whether `line` continues the paragraph `prev` (a line broken by the PDF or the editor)."""
    if prev[-1] in _END_PUNCT or prev.endswith("./."):
        return False
    if MARKER.match(line) or _HARD_START.match(line) or _HARD_PREV.match(prev):
        return False
    if "\t" in line or "\t" in prev:
        return False  # table rows
    if _is_upper(prev) or _is_upper(line):
        return False
    first = line[0]
    if first.islower() or first in ",;)”":
        return True
    if blank_before:
        return False
    if prev.endswith(("-", ",", "“", "(")):
        return True
    if MARKER.match(last) and not first.islower():
        return len(last) >= 0.95 * long_line / 0.75  # a numbered title is rarely a full line
    return len(last) >= long_line
