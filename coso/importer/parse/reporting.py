"""Reporting duties: what report, how often, by which dates, to which office."""

from __future__ import annotations

import re

from ..extraction import ReportingDuty
from .lines import Line

_REPORT = re.compile(r"(?<!đề cương )(?<!mẫu )(?<!thông tin )báo cáo(?! số)", re.I)
# What starts one duty inside a sentence, with its frequency.
_MARKER = re.compile(
    r"(?P<s>sơ kết(?:\s+6 tháng)?)|(?P<t>tổng kết(?:\s+năm)?)|(?P<h>tổng hợp,?\s+báo cáo)"
    r"|(?P<six>(?<!sơ kết )6 tháng)|(?P<y>(?:cả|và|báo cáo)\s+năm\b(?!\s*\d))"
    r"|(?P<q>hằng quý|hàng quý|báo cáo quý)|(?P<m>hằng tháng|hàng tháng|báo cáo tháng)"
    r"|(?P<k>học kỳ(?:\s+[IV]+)?)|(?P<d>(?<!hoặc )đột xuất)",
    re.I,
)
_FREQUENCY = {"s": "6 tháng", "six": "6 tháng", "t": "năm", "y": "năm", "q": "quý", "m": "tháng",
              "d": "đột xuất", "h": "", "k": "học kỳ"}  # fmt: skip
_DUE = re.compile(
    r"(?:trước|chậm nhất|hạn)\s+(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*\d{4})?(?![\d/])",
    re.I,
)
_MORE_DUE = re.compile(
    r"^\s*(?:,|và|;)\s*(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*\d{4})?(?![\d/])"
)
_PERIODIC = re.compile(r"định kỳ|hằng|hàng (?:tháng|quý|năm)|một lần|tổng hợp,?\s+báo cáo", re.I)
_DUTY_HINT = re.compile(
    r"định kỳ|sơ kết|tổng kết|trước ngày|hằng|hàng (?:tháng|quý|năm)|đột xuất|\bvề\s", re.I
)
_OFFICE_STOP = r"(?=\s*[(,;.:]|\s+(?:và|để|trước|theo|qua|trong|chậm|định kỳ|khi|\d)|$)"
_TO_OFFICE = re.compile(
    r"(?:(?:báo cáo|gửi)[^.;()]{0,140}?\s(?:về|lên)|gửi(?: về)?|nộp về)\s+([A-ZĐÀ-Ỹ][^.;,():]{1,80}?)"
    + _OFFICE_STOP
)
_TO_DIRECT = re.compile(
    r"báo cáo\s+((?:UBND|Ủy ban|Uỷ ban|Ban|Sở|Bộ|Văn phòng|Thường trực|Đảng ủy|HĐND|Tỉnh ủy|"
    r"Huyện ủy|Chi bộ|Trưởng|Tổng Giám đốc|Giám đốc|Chủ tịch|Bí thư)\b[^.;,():]{0,80}?)"
    + _OFFICE_STOP
)


def _office(text: str) -> str:
    match = _TO_OFFICE.search(text) or _TO_DIRECT.search(text)
    return match.group(1).strip() if match else ""


def _dues(text: str) -> list[str]:
    due: list[str] = []
    for match in _DUE.finditer(text):
        due.append(f"{int(match.group(1))}/{int(match.group(2))}")
        rest = text[match.end() :]
        more = _MORE_DUE.match(rest)
        while more:
            due.append(f"{int(more.group(1))}/{int(more.group(2))}")
            rest = rest[more.end() :]
            more = _MORE_DUE.match(rest)
    return due


def extract(lines: list[Line], in_tasks: set[int]) -> list[ReportingDuty]:
    """Duties from every body line; inside task items a duty needs a date or a period."""
    found: list[tuple[int, ReportingDuty, bool]] = []  # (line, duty, generic)
    for line in lines:
        if not _REPORT.search(line.text):
            continue
        for sentence in re.finditer(r"[^.]+(?:\.|$)", line.text):
            chunk = sentence.group(0)
            if not _REPORT.search(chunk):
                continue
            markers = list(_MARKER.finditer(chunk))
            if line.index in in_tasks:
                if not (_DUE.search(chunk) or _PERIODIC.search(chunk)):
                    continue
            elif not (markers or _DUTY_HINT.search(chunk) or _TO_DIRECT.search(chunk)):
                continue
            base = line.start + sentence.start()
            if not markers:
                duty = ReportingDuty(
                    start=base, end=base + len(chunk), text=chunk.strip(), report="báo cáo",
                    due=_dues(chunk), to_office=_office(chunk),
                )  # fmt: skip
                found.append((line.index, duty, not duty.due))
                continue
            segments: list[ReportingDuty] = []
            for i, marker in enumerate(markers):
                start = 0 if i == 0 else marker.start()
                end = markers[i + 1].start() if i + 1 < len(markers) else len(chunk)
                seg = chunk[start:end]
                kind = marker.lastgroup
                if segments and _FREQUENCY[kind] == segments[-1].frequency and kind != "h":
                    prev = segments[-1]  # "Báo cáo quý: … hằng quý": one duty
                    prev.end = base + end
                    prev.due += _dues(seg)
                    prev.to_office = prev.to_office or _office(seg)
                    continue
                segments.append(
                    ReportingDuty(
                        start=base + start, end=base + end, text=seg.strip(),
                        report=marker.group(0).lower(), frequency=_FREQUENCY[kind],
                        due=_dues(seg), to_office=_office(seg),
                    )
                )  # fmt: skip
            # "tổng hợp báo cáo X 6 tháng … và năm …": the aggregate is the intro of its periods
            if (
                len(segments) > 1
                and segments[0].report.startswith("tổng hợp")
                and not segments[0].due
            ):
                intro = segments.pop(0)
                for seg in segments:
                    seg.to_office = seg.to_office or intro.to_office
            whole = _office(chunk)
            for seg in segments:
                seg.to_office = seg.to_office or whole
                found.append((line.index, seg, False))
    # "Báo cáo gửi về X (qua Y)." after duties that named no office: X is their office
    duties: list[ReportingDuty] = []
    for index, duty, generic in found:
        waiting = [d for i, d, _ in found if not d.to_office and 0 < index - i <= 3]
        if generic and duty.to_office and waiting:
            for d in waiting:
                d.to_office = duty.to_office
            continue
        duties.append(duty)
    return duties
