"""The law's defaults for each kind of meeting: the seed of migration 0002 and the fallback when
an administrator deleted a row. Rules marked "(cần đối chiếu)" were read in secondary sources and
are to be checked against the legal text; an administrator adjusts them in the admin."""

from __future__ import annotations

from coso.units.models import UnitKind

from .models import Frequency, KindCode, MajorityBase, MeetingKind

LAW = "Luật số 10/2022/QH15"

KIND_DEFAULTS: dict[str, dict] = {
    KindCode.OFFICIALS_CONFERENCE: {
        "name": "Hội nghị cán bộ, công chức, viên chức",
        "unit_kinds": UnitKind.AGENCY,
        "min_staff": None,
        "frequency": Frequency.YEARLY,
        "times_per_period": 1,
        "due_months_after_year_end": 3,
        "remind_days_before": 30,
        "notice_days": 7,
        "notice_in_working_days": False,
        "quorum_numerator": 2,
        "quorum_denominator": 3,
        "quorum_strictly_more": False,
        "majority_base": MajorityBase.PRESENT,
        "delegates_from_staff": 100,
        "results_within_days": None,
        "has_votes": True,
        "citation": f"{LAW}, Điều 51: tổ chức mỗi năm một lần, trong thời hạn 03 tháng kể từ khi "
        "kết thúc năm công tác; đơn vị dưới 100 người triệu tập toàn thể, từ 100 người có thể "
        "triệu tập đại biểu; hội nghị hợp lệ khi có ít nhất hai phần ba số người được triệu tập "
        "tham dự; nghị quyết được thông qua khi quá nửa số người dự hội nghị tán thành (cần "
        "đối chiếu); thời hạn thông báo 07 ngày (cần đối chiếu).",
    },
    KindCode.WORKERS_CONFERENCE: {
        "name": "Hội nghị người lao động",
        "unit_kinds": UnitKind.ENTERPRISE,
        "min_staff": 10,
        "frequency": Frequency.YEARLY,
        "times_per_period": 1,
        "due_months_after_year_end": 3,
        "remind_days_before": 30,
        "notice_days": 7,
        "notice_in_working_days": False,
        "quorum_numerator": 2,
        "quorum_denominator": 3,
        "quorum_strictly_more": False,
        "majority_base": MajorityBase.PRESENT,
        "delegates_from_staff": 100,
        "results_within_days": None,
        "has_votes": True,
        "citation": f"{LAW}, Điều 67–69; Nghị định số 145/2020/NĐ-CP, Điều 46–48: tổ chức hằng "
        "năm trong thời hạn 03 tháng kể từ khi kết thúc năm tài chính; hợp lệ khi có ít nhất "
        "hai phần ba số người được triệu tập tham dự; người sử dụng lao động dưới 10 người "
        "lao động không bắt buộc (cần đối chiếu).",
    },
    KindCode.WORKPLACE_DIALOGUE: {
        "name": "Đối thoại định kỳ tại nơi làm việc",
        "unit_kinds": UnitKind.ENTERPRISE,
        "min_staff": 10,
        "frequency": Frequency.YEARLY,
        "times_per_period": 1,
        "due_months_after_year_end": None,
        "remind_days_before": 60,
        "notice_days": 0,
        "notice_in_working_days": False,
        "quorum_numerator": 0,
        "quorum_denominator": 1,
        "quorum_strictly_more": False,
        "majority_base": MajorityBase.PRESENT,
        "delegates_from_staff": None,
        "results_within_days": None,
        "has_votes": False,
        "citation": "Bộ luật Lao động 2019, Điều 63; Nghị định số 145/2020/NĐ-CP, Điều 37–41: "
        "đối thoại tại nơi làm việc ít nhất 01 lần một năm; người sử dụng lao động dưới 10 "
        "người lao động không bắt buộc.",
    },
    KindCode.DIALOGUE_ON_REQUEST: {
        "name": "Đối thoại khi có yêu cầu",
        "unit_kinds": f"{UnitKind.ENTERPRISE},{UnitKind.AGENCY},{UnitKind.COMMUNE}",
        "min_staff": None,
        "frequency": Frequency.ON_REQUEST,
        "times_per_period": 1,
        "due_months_after_year_end": None,
        "remind_days_before": 0,
        "notice_days": 0,
        "notice_in_working_days": True,
        "quorum_numerator": 0,
        "quorum_denominator": 1,
        "quorum_strictly_more": False,
        "majority_base": MajorityBase.PRESENT,
        "delegates_from_staff": None,
        "results_within_days": None,
        "has_votes": False,
        "citation": "Bộ luật Lao động 2019, Điều 63; Nghị định số 145/2020/NĐ-CP, Điều 40: đối "
        "thoại khi một bên có yêu cầu (cần đối chiếu); Luật Tổ chức chính quyền địa phương "
        "2025, Điều 43: khi có ít nhất 10% cử tri yêu cầu.",
    },
    KindCode.COMMUNE_DIALOGUE: {
        "name": "Hội nghị đối thoại của xã với Nhân dân",
        "unit_kinds": UnitKind.COMMUNE,
        "min_staff": None,
        "frequency": Frequency.YEARLY,
        "times_per_period": 1,
        "due_months_after_year_end": None,
        "remind_days_before": 60,
        "notice_days": 7,
        "notice_in_working_days": False,
        "quorum_numerator": 0,
        "quorum_denominator": 1,
        "quorum_strictly_more": False,
        "majority_base": MajorityBase.PRESENT,
        "delegates_from_staff": None,
        "results_within_days": 10,
        "has_votes": False,
        "citation": "Luật Tổ chức chính quyền địa phương 2025, Điều 43: ít nhất mỗi năm một lần "
        "hoặc khi có ít nhất 10% cử tri yêu cầu; thông báo ít nhất 07 ngày trước; công khai kết "
        "quả trong 10 ngày.",
    },
    KindCode.CITIZEN_RECEPTION: {
        "name": "Ngày tiếp công dân",
        "unit_kinds": UnitKind.COMMUNE,
        "min_staff": None,
        "frequency": Frequency.MONTHLY,
        "times_per_period": 2,
        "due_months_after_year_end": None,
        "remind_days_before": 7,
        "notice_days": 0,
        "notice_in_working_days": False,
        "quorum_numerator": 0,
        "quorum_denominator": 1,
        "quorum_strictly_more": False,
        "majority_base": MajorityBase.PRESENT,
        "delegates_from_staff": None,
        "results_within_days": None,
        "has_votes": False,
        "citation": "Quy định số 11-QĐi/TW ngày 18/02/2019: bí thư cấp ủy cấp xã tiếp dân ít "
        "nhất 02 ngày trong một tháng; Luật Tiếp công dân 2013, Điều 15: người đứng đầu cơ quan "
        "tiếp công dân định kỳ (cần đối chiếu).",
    },
    KindCode.COMMUNITY_CONFERENCE: {
        "name": "Hội nghị của cộng đồng dân cư",
        "unit_kinds": UnitKind.RESIDENTIAL,
        "min_staff": None,
        "frequency": Frequency.YEARLY,
        "times_per_period": 1,
        "due_months_after_year_end": None,
        "remind_days_before": 30,
        "notice_days": 0,
        "notice_in_working_days": False,
        "quorum_numerator": 1,
        "quorum_denominator": 2,
        "quorum_strictly_more": True,
        "majority_base": MajorityBase.CONVENED,
        "delegates_from_staff": None,
        "results_within_days": None,
        "has_votes": True,
        "citation": f"{LAW}, Điều 18, 21 (cần đối chiếu): hội nghị hợp lệ khi có trên 50% tổng "
        "số hộ gia đình tham dự; được thông qua khi trên 50% tổng số hộ gia đình tán thành.",
    },
}


def default_kind(code: str) -> MeetingKind:
    """An unsaved kind with the law's defaults."""
    return MeetingKind(code=code, **KIND_DEFAULTS[code])


def kind_for(code: str) -> MeetingKind:
    """The kind of `code`; the law's defaults when an administrator deleted the row."""
    found = MeetingKind.objects.filter(code=code).first()
    return found if found is not None else default_kind(code)
