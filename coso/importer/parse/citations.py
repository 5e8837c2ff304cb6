"""Legal texts and documents a plan names: "Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính
phủ", "Chỉ thị số 30-CT/TW", "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15", and the
"Căn cứ …" / "Thực hiện …" bases of the preamble."""

from __future__ import annotations

import re

from ..extraction import CitedDocument, Relation
from . import dates

DOC_TYPES = [
    "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị định", "Nghị quyết", "Chỉ thị", "Quyết định",
    "Quy định", "Kết luận", "Kế hoạch", "Chương trình", "Thông tư liên tịch", "Thông tư", "Công văn",
    "Hướng dẫn", "Thông báo", "Quy chế", "Báo cáo", "Đề án", "Điều lệ", "Công điện",
]  # fmt: skip
_TYPE = re.compile(r"\b(" + "|".join(DOC_TYPES) + r")\b", re.I)
_CANON = {t.lower(): t for t in DOC_TYPES}
_SYM = r"[A-ZĐ][0-9A-Za-zĐđ]*"
# 59/2023/NĐ-CP, 72-CTr/BCĐTW, 27- NQ/TW, 10/2022/QH15, 11-QĐi/TW, 44/UBND-NC
NUMBER = re.compile(
    r"(?<![\w/])(\d{1,5})(?:\s*/\s*(\d{4}))?\s*[-/]\s*(" + _SYM + r"(?:\s?[-/]\s?" + _SYM + r")*)"
)
_SO_BEFORE = re.compile(r"\bsố\s*:?\s*$", re.I)
_DATE_AFTER = re.compile(
    r"^\s*,?\s*(?:ban hành\s+)?ngày\s*:?\s*(?:(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})|(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4}))",
    re.I,
)
_ISSUER_AFTER = re.compile(r"^\s*,?\s*của\s+([^,;:.()“”\"\n]{2,120})", re.I)
_ISSUER_STOP = re.compile(
    r"\s+(?:về|quy định|ban hành|hướng dẫn|triển khai|tiếp tục|và(?=\s+(?-i:[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]|"
    + "|".join(DOC_TYPES)
    + r"))|khóa|khoá|đến|trong|tại|"
    r"gắn|theo|nhằm|để|trình|năm|ngày)\b.*$",
    re.I,
)
# Codes in the symbol that tell the type when the text does not say it.
_BY_CODE = {
    "NĐ": "Nghị định", "NQ": "Nghị quyết", "CT": "Chỉ thị", "QĐ": "Quyết định", "QĐi": "Quy định",
    "KL": "Kết luận", "KH": "Kế hoạch", "CTr": "Chương trình", "HD": "Hướng dẫn", "TT": "Thông tư",
    "TB": "Thông báo", "BC": "Báo cáo", "QH": "Luật", "ĐA": "Đề án", "QC": "Quy chế",
}  # fmt: skip


def clean_number(raw: str) -> str:
    return re.sub(r"\s+", "", raw)


def _type_from_symbol(number: str) -> str:
    parts = re.split(r"[-/]", number)
    for part in parts[1:]:
        code = re.sub(r"\d+$", "", part)
        if code in _BY_CODE:
            return _BY_CODE[code]
    return "Công văn" if len(parts) >= 3 and "UBND" in parts else ""


def find(text: str, start: int = 0, end: int | None = None) -> list[CitedDocument]:
    """Every numbered document named in text[start:end], in order (duplicates kept)."""
    end = len(text) if end is None else end
    found: list[CitedDocument] = []
    for match in NUMBER.finditer(text, start, end):
        number = clean_number(match.group(0))
        if not re.search(r"[A-Za-zĐđ]", number.split("/", 2)[-1]):
            continue
        before = text[max(start, match.start() - 90) : match.start()]
        # the clause before the number: back to the last separator
        cut = max(before.rfind(c) for c in ";.()“”\n")
        clause = before[cut + 1 :]
        doc_type, cite_start = "", match.start()
        types = list(_TYPE.finditer(clause))
        has_so = bool(_SO_BEFORE.search(clause))
        if types and (has_so or clause[types[-1].end() :].strip() == ""):
            last = types[-1]
            doc_type = _CANON.get(last.group(1).lower(), last.group(1))
            cite_start = match.start() - len(clause) + last.start()
        elif (
            not has_so
            and not re.search(r"\b(?:số|Số)\s*$", before)
            and not _type_from_symbol(number)
        ):
            continue  # a bare number whose symbol names no document type
        if not doc_type:
            doc_type = _type_from_symbol(number)
        cite_end = match.end()
        issued_on = None
        rest = text[cite_end : min(end, cite_end + 200)]
        date_match = _DATE_AFTER.match(rest)
        if date_match:
            issued_on = dates.from_match(date_match)
            cite_end += date_match.end()
            rest = text[cite_end : min(end, cite_end + 200)]
        issuer = ""
        issuer_match = _ISSUER_AFTER.match(rest)
        if issuer_match:
            issuer = _ISSUER_STOP.sub("", issuer_match.group(1)).strip()
            if issuer:
                cite_end += issuer_match.start(1) + len(issuer)
            if issued_on is None:  # "của Chính phủ ngày 14/8/2023"
                after = _DATE_AFTER.match(text[cite_end : min(end, cite_end + 80)])
                if after:
                    issued_on = dates.from_match(after)
                    cite_end += after.end()
        found.append(
            CitedDocument(
                start=cite_start,
                end=cite_end,
                text=text[cite_start:cite_end],
                doc_type=doc_type,
                number_symbol=number,
                issued_on=issued_on,
                issuer=issuer,
            )
        )
    return found


_BASIS_START = re.compile(
    r"(?:^(?:[-+•]\s*)?|;\s*|\.\s+)(căn cứ|thực hiện)\b\s*(?::\s*)?", re.I | re.M
)


def bases(text: str, start: int, end: int) -> list[CitedDocument]:
    """The documents of a preamble paragraph (text[start:end]) that begins "Căn cứ" or "Thực
    hiện": each takes the relation of the last keyword before it ("Căn cứ …; thực hiện …")."""
    keys = list(_BASIS_START.finditer(text, start, end))
    if not keys:
        return []
    numbered = find(text, start, end)
    result: list[CitedDocument] = []
    for i, key in enumerate(keys):
        relation = Relation.BASED_ON if key.group(1).lower() == "căn cứ" else Relation.IMPLEMENTS
        seg_end = keys[i + 1].start() if i + 1 < len(keys) else end
        inside = [d for d in numbered if key.end() <= d.start < seg_end]
        for doc in inside:
            doc.relation = relation
        result.extend(inside)
        if not inside:
            # an unnumbered basis: "Căn cứ Quy chế làm việc của Ban Chỉ đạo Trung ương …"
            clause = text[key.end() : seg_end]
            type_match = _TYPE.match(clause)
            if not type_match:
                continue
            stop = re.search(r"[,;(]|\s+(?:thực hiện|về|và)\s", clause)
            phrase = clause[: stop.start()] if stop else clause
            phrase = phrase.strip().rstrip(".:")
            result.append(
                CitedDocument(
                    start=key.end(),
                    end=key.end() + len(phrase),
                    text=phrase,
                    relation=relation,
                    doc_type=_CANON.get(type_match.group(1).lower(), type_match.group(1)),
                )
            )
    return result
