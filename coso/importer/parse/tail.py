"""The end of a document: recipients (Nơi nhận) and the signer's title and name."""

from __future__ import annotations

import re

from ..extraction import Signer
from .lines import Line, is_upper

_RECIPIENTS = re.compile(r"^(?:-\s*)?Nơi nhận\s*:?\s*(.*)$", re.I)
_BULLET = re.compile(r"^[-+•–—*]\s*")
_SIGN_PREFIX = re.compile(r"^(?:KT|TM|TL|Q|T/M|K/T|T/L)\.?\s", re.I)
_NOTE = re.compile(r"^\(?\s*(?:đã ký|ký|ký tên|ký, ghi rõ|đóng dấu|chữ ký)", re.I)
_NAME = re.compile(r"^(?:[A-ZĐÀ-Ỹ][a-zđà-ỹ]*\s+){1,5}[A-ZĐÀ-Ỹ][a-zđà-ỹ]*$")
_FOOTER = re.compile(r"^(?:Trên đây|Yêu cầu|Đề nghị)", re.I)


def start_of_tail(lines: list[Line]) -> int:
    for line in reversed(lines):
        if _RECIPIENTS.match(line.text):
            return line.index
    return len(lines)


def extract(lines: list[Line]) -> tuple[list[str], Signer, int]:
    """Recipients, the signer and the index of the first tail line."""
    tail = start_of_tail(lines)
    recipients: list[str] = []
    rest_from = tail
    if tail < len(lines):
        inline = _RECIPIENTS.match(lines[tail].text).group(1).strip()
        if inline:
            recipients += [
                p.strip(" ,;.")
                for p in re.split(r"\s*(?:^|;|\s)[-+•]\s+", inline)
                if p.strip(" ,;.-")
            ]
        rest_from = tail + 1
        for line in lines[tail + 1 :]:
            if _BULLET.match(line.text):
                recipients.append(_BULLET.sub("", line.text).strip().rstrip(",;.").strip())
                rest_from = line.index + 1
            else:
                break
    # the signer: upper-case title lines and a name, after the recipients (or at the end)
    region = lines[rest_from:] if tail < len(lines) else lines[-12:]
    if tail < len(lines):
        # a signature block may also sit just before "Nơi nhận" in two-column extractions
        before = [
            ln for ln in lines[max(0, tail - 6) : tail] if is_upper(ln.text) or _NAME.match(ln.text)
        ]
        if before and not any(is_upper(ln.text) for ln in region):
            region = before + list(region)
    signer = Signer()
    title: list[str] = []
    first = last = None
    for line in region:
        text = line.text.strip()
        if not text or _NOTE.match(text) or _FOOTER.match(text):
            continue
        if (
            is_upper(text)
            or _SIGN_PREFIX.match(text)
            or (title and text.lower().startswith("kiêm"))
        ):
            if signer.name:
                continue
            title.append(text)
            first = first or line
            last = line
        elif _NAME.match(text) and (title or tail < len(lines)):
            if not signer.name:
                signer.name = text
                first = first or line
            last = line
    signer.title = " ".join(title)
    if first is not None:
        signer.start, signer.end = first.start, last.end
    if not signer.title and not signer.name:
        signer = Signer()
    return recipients, signer, tail
