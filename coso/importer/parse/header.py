"""The header block: issuing body (and its parent), number and symbol, place and date, document
type and title."""

from __future__ import annotations

import re

from ..extraction import Header
from . import dates
from .citations import NUMBER, clean_number
from .lines import Line, is_upper

DOC_TYPE_WORDS = [
    "CHƯƠNG TRÌNH", "KẾ HOẠCH", "BÁO CÁO", "HƯỚNG DẪN", "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "CHỈ THỊ",
    "KẾT LUẬN", "THÔNG BÁO", "QUY CHẾ", "QUY ĐỊNH", "CÔNG VĂN", "ĐỀ ÁN", "TỜ TRÌNH", "THÔNG TRI",
]  # fmt: skip
_DOC_TYPE = re.compile(r"^(" + "|".join(DOC_TYPE_WORDS) + r")\b\s*:?\s*(.*)$")
_NATIONAL = re.compile(
    r"CỘNG H[ÒO]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|ĐẢNG C[ỘÔ]NG SẢN VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc",
    re.I,
)
_NUMBER_LINE = re.compile(r"\bSố\s*:?\s*(?=\d)")
_PLACE_DATE = re.compile(
    r"(?:^|\s)([A-ZĐÀ-Ỹ][^,\d]{1,40}),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
)
_BODY = re.compile(
    r"^(?:TỈNH ỦY|THÀNH ỦY|THÀNH UỶ|TỈNH UỶ|HUYỆN ỦY|HUYỆN UỶ|ĐẢNG ỦY|ĐẢNG UỶ|ĐẢNG BỘ|CHI BỘ|BAN\b|"
    r"ỦY BAN|UỶ BAN|UBND|HĐND|HỘI ĐỒNG|SỞ\b|VĂN PHÒNG|PHÒNG\b|CÔNG TY|TỔNG CÔNG TY|TẬP ĐOÀN|TRƯỜNG\b|"
    r"BỆNH VIỆN|CÔNG ĐOÀN|MẶT TRẬN|ĐOÀN\b|BỘ\b|CỤC\b|TỔNG CỤC|TRUNG TÂM|HỘI\b|BCĐ|ĐUK|VIỆN\b|"
    r"THANH TRA|CÔNG AN|BỘ CHỈ HUY|LIÊN ĐOÀN|KHỐI)"
)
_BODY_START = re.compile(r"^(?:Căn cứ|Thực hiện|Kính gửi|I[.)]|1[.)])", re.I)
_TITLE_STOP = re.compile(r"^(?:Căn cứ|Thực hiện|Kính gửi|[IVX]+[.)]|\d+[.)]|[-+•])", re.I)


def parse(lines: list[Line]) -> tuple[Header, int, list[str]]:
    """The header, the index of the first body line, warnings."""
    header = Header()
    warnings: list[str] = []
    limit = min(len(lines), 40)
    type_index = -1
    for line in lines[:limit]:
        match = _DOC_TYPE.match(line.text)
        if match and (is_upper(match.group(1)) and (not match.group(2) or not is_upper(line.text))):
            type_index = line.index
            break
        if match and is_upper(line.text) and len(line.text) < 40:
            type_index = line.index
            break
    # everything before the document type (or before the body when there is none) is header
    end_header = type_index
    if end_header < 0:
        end_header = next(
            (ln.index for ln in lines[:limit] if _BODY_START.match(ln.text) or len(ln.text) > 160),
            0,
        )
    bodies: list[list[str]] = []
    first, last = -1, -1
    for line in lines[:end_header]:
        text = _NATIONAL.sub(" ", line.text).strip()
        number_match = _NUMBER_LINE.search(text)
        used = False
        if number_match:
            number = NUMBER.match(text, number_match.end())
            if number:
                header.number_symbol = clean_number(number.group(0))
                text = (text[: number_match.start()] + " " + text[number.end() :]).strip()
                used = True
        place_match = _PLACE_DATE.search(text)
        if place_match:
            header.place = place_match.group(1).strip()
            header.issued_on = dates.make(*place_match.group(2, 3, 4))
            text = text[: place_match.start()].strip()
            used = True
        text = text.strip(" *-–")
        if text and is_upper(text):
            if _BODY.match(text) or not bodies:
                bodies.append([text])
            else:
                bodies[-1].append(text)
            used = True
        if used:
            first = line.index if first < 0 else first
            last = line.index
    if bodies:
        header.issuer = " ".join(bodies[-1])
        if len(bodies) > 1:
            header.parent_issuer = " ".join(bodies[-2])
    body_index = end_header
    if type_index >= 0:
        type_line = lines[type_index]
        match = _DOC_TYPE.match(type_line.text)
        header.doc_type = match.group(1).capitalize()
        first = type_index if first < 0 else first
        last = type_index
        title_parts = [match.group(2).strip()] if match.group(2).strip() else []
        body_index = type_index + 1
        for line in lines[type_index + 1 : type_index + 4]:
            if title_parts and (_TITLE_STOP.match(line.text) or len(line.text) > 200):
                break
            if not title_parts and len(line.text) > 250:
                break
            title_parts.append(line.text)
            last = line.index
            body_index = line.index + 1
            if (
                not is_upper(line.text)
                and title_parts
                and line.text[:1].isupper()
                and len(title_parts) > 1
            ):
                break
        header.title = " ".join(title_parts).strip()
    if first >= 0:
        header.start = lines[first].start
        header.end = lines[last].end
    if not header.number_symbol and not header.issuer and header.issued_on is None:
        warnings.append(
            "Không tìm thấy phần đầu văn bản (cơ quan ban hành, số ký hiệu, ngày ban hành): "
            "hãy nhập các thông tin này."
        )
    return header, body_index, warnings
