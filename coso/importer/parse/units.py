"""Lead, coordinating and target units named in a task."""

from __future__ import annotations

import re

ORG = (
    r"(?:Sở|Ban|Bộ|UBND|Ủy ban|Uỷ ban|Văn phòng|Thanh tra|Phòng|Công an|Đài|Báo|Hội|Đoàn|Liên đoàn|"
    r"MTTQ|Mặt trận|Trung tâm|Công ty|Tổng công ty|Trường|Đảng ủy|Đảng uỷ|Đảng bộ|Chi bộ|HĐND|Hội đồng|"
    r"Cục|Tổng cục|Viện|Học viện|Tỉnh ủy|Tỉnh uỷ|Huyện ủy|Thành ủy|BCĐ|ĐUK|Cơ quan|Tòa án|Tổ|Công đoàn|"
    r"Bí thư|Chủ tịch|Giám đốc|Trưởng|Phó|Bộ phận|Chánh|Kế toán|Thường trực|Các|các|Đội|Ủy viên|Thành viên|"
    r"Đ/c|Đồng chí|Trạm|Phân xưởng|Xí nghiệp|Chi nhánh|Tổ dân phố|Thôn|Ấp|Khu phố|Xã|Phường)"
)
_SPLIT = re.compile(r"(?:,|;|(?<!HĐND)\s+và)\s+(?=" + ORG + r"\b)")
ORG_CAP = ORG.replace("|Các|các|", "|")
ORG_SUBJECT = ORG.replace("|Các|các|", "|Các|")
_LEAD_LABEL = re.compile(
    r"(?:(?:cơ quan|đơn vị|bộ phận)\s+(?:chủ trì|thực hiện|tham mưu|phụ trách)|chủ trì|phụ trách|"
    r"người thực hiện|người phụ trách)\s*:\s*",
    re.I,
)
_COORD_LABEL = re.compile(r"(?:(?:cơ quan|đơn vị|bộ phận)\s+)?phối hợp\s*:\s*", re.I)
_TARGET_LABEL = re.compile(r"(?:đối tượng|địa bàn|đơn vị được kiểm tra)\s*:\s*", re.I)
_ANY_LABEL = re.compile(
    r"[,;.]?\s*(?:(?:cơ quan|đơn vị|bộ phận)\s+)?(?:chủ trì|phối hợp|thực hiện|thời gian(?: thực hiện| hoàn thành)?|"
    r"phụ trách|đối tượng)\s*:",
    re.I,
)
_VALUE_END = re.compile(r"[;.](?:\s|$)|\(|$")
VERBS = (
    r"tổ chức|thực hiện|triển khai|tuyên truyền|tham mưu|xây dựng|kiểm tra|giám sát|theo dõi|hướng dẫn|"
    r"đánh giá|tăng cường|rà soát|báo cáo|tổng hợp|biên soạn|phát hành|ban hành|chỉ đạo|giải quyết|để|nhằm|"
    r"trong|về|cho|đến|tại|vận động|phổ biến|quán triệt|đôn đốc|sơ kết|tổng kết|nắm|tiếp nhận|"
    r"lựa chọn|biểu dương|khen thưởng|công khai|niêm yết|đối thoại|tập huấn|bồi dưỡng|thường xuyên|"
    r"hoàn thành|trước|vào|khi|theo"
)
_INLINE_LEAD = re.compile(
    r"(?:^|[.;:(]\s*|\bGiao\s+)((?:" + ORG + r")\b[^.;:()]{0,80}?)\s+chủ trì(?=[,\s.;)]|$)"
)
VERBS += (
    r"|cập nhật|chuẩn bị|xây dựng|giải đáp|tiếp công dân|thông báo|gửi|lấy ý kiến|họp|bầu|"
    r"giám sát|phát động|in|đăng|tiếp thu|góp ý"
)
_INLINE_COORD = re.compile(
    r"[Pp]hối hợp với\s+(.+?)(?<!Hội đồng)(?=\s+(?:" + VERBS + r")\b|[.;:(]|$)"
)
_SUBJECT = re.compile(
    r"(?:^|[.;]\s+)((?!Ban hành|Tổ chức|Hội nghị|Phối hợp|Các văn bản)(?:"
    + ORG_SUBJECT
    + r"|Công chức|Cán bộ|Đồng chí|Trưởng)\b[^.;:,()]{0,60}?)\s+(?:chủ trì|thực hiện(?=[.;]|$)|"
    r"(?=(?:xây dựng|giám sát|theo dõi|niêm yết|kiểm tra|tổ chức|đối thoại|tham mưu|hướng dẫn)\b))"
)
_GIAO = re.compile(r"\bGiao\s+((?:" + ORG + r")\b.+?)(?=\s+(?:" + VERBS + r")\b|[.;:(]|$)")
_TARGET_AT = re.compile(
    r"(?:\btại\s+([^:;.]{0,40}?)|\bcác\s+[^\s:;.,]+(?:\s[^\s:;.,]+)?)\s*:\s*([^;.]+?)(?=\s+(?:vào|trong|trước|thời gian|năm)\b|[;.(]|$)"
)
_TARGET_INSPECT = re.compile(
    r"(?:^(?:Kiểm tra|Giám sát|Khảo sát)\b[^;.]*?\btại\s+((?:" + ORG + r")\b[^;.]+?)|"
    r"\btại\s+((?:" + ORG_CAP + r")\b[^;.,]+?,\s*[^;.]+?))"
    r"(?=\s+(?:vào|trong|trước|thời gian|năm)\b|[;.(]|$)"
)
_PLACE = r"(?:ấp|thôn|bản|tổ dân phố|khu phố|khu dân cư)\s+[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ]*)*"
_NAMED = r"[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+[A-ZĐÀ-Ỹ0-9][\wÀ-ỹ]*)*"
_KIND_LIST = re.compile(
    r"\bcác\s+(?:tỉnh|thành phố|phường|xã|huyện|sở|thôn|ấp|tổ dân phố)\s+("
    + _NAMED
    + r"(?:,\s*"
    + _NAMED
    + r")+(?:\s+và\s+"
    + _NAMED
    + r")?)"
)
_PLACES = re.compile(_PLACE + r"(?:(?:,\s*|\s+và\s+)" + _PLACE + r")+")
_SUBJECT_COORD = re.compile(
    r"(?:^|[.;]\s+)((?:" + ORG + r")\b[^.;:,()]{0,60}?)\s+phối hợp(?!\s+với)\b"
)


_CELL_SPLIT = re.compile(
    r";\s*|,\s+(?=(?:"
    + ORG
    + r")\b|(?!(?:ban|ngành|đoàn thể|xã|phường|thị trấn|đơn vị|địa phương)\b)"
    r"[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]+\s+[a-zđàáảãạăắằẳẵặâấầẩẫậèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]+)"
)


def split_cell(value: str) -> list[str]:
    """The units of a table cell: "Đoàn trường, giáo viên chủ nhiệm" is two."""
    parts = [p.strip(" ,;.:") for p in _CELL_SPLIT.split(value)]
    return [q for p in parts if p for q in split_units(p)]


def split_units(value: str) -> list[str]:
    parts = [p.strip(" ,;.:") for p in _SPLIT.split(value)]
    return [p for p in parts if p]


def _value(text: str, pos: int) -> str:
    end = _VALUE_END.search(text, pos).start()
    label = _ANY_LABEL.search(text, pos, end)
    if label:
        end = label.start()
    return text[pos:end]


def extract(text: str) -> tuple[list[str], list[str], list[str]]:
    lead: list[str] = []
    coordinating: list[str] = []
    targets: list[str] = []
    for match in _LEAD_LABEL.finditer(text):
        lead += split_units(_value(text, match.end()))
    for match in _COORD_LABEL.finditer(text):
        coordinating += split_units(_value(text, match.end()))
    for match in _TARGET_LABEL.finditer(text):
        targets += split_units(_value(text, match.end()))
    if not lead:
        match = _INLINE_LEAD.search(text)
        if match:
            lead = split_units(match.group(1))
        else:
            match = _GIAO.search(text) or _SUBJECT.search(text)
            if match:
                lead = split_units(match.group(1))
    if not coordinating:
        for match in _INLINE_COORD.finditer(text):
            coordinating += split_units(match.group(1))
        for match in _SUBJECT_COORD.finditer(text):
            coordinating += split_units(match.group(1))
    if not targets:
        match = _TARGET_AT.search(text) or _KIND_LIST.search(text)
        if match:
            targets = [
                p.strip(" ,.")
                for p in re.split(r",\s*|\s+và\s+", match.group(match.re.groups))
                if p.strip(" ,.")
            ]
        else:
            match = _TARGET_INSPECT.search(text)
            if match:
                targets = split_units(match.group(1) or match.group(2))
            else:
                match = _PLACES.search(text)
                if match:
                    targets = [p for p in re.split(r",\s*|\s+và\s+", match.group(0)) if p]
    return _unique(lead), _unique(coordinating), _unique(targets)


def _unique(values: list[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value not in seen:
            seen.append(value)
    return seen
