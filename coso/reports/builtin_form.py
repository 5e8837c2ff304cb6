"""The report form coso ships: "Báo cáo kết quả thực hiện dân chủ ở cơ sở", as plain data.

Installed by migration 0002. The labels are Vietnamese data, not interface text: they are what
a unit fills in and what the aggregate tables print. Codes are stable ASCII slugs because
aggregation across units and trends across periods match indicators by code: never rename one.

The content follows what a grassroots democracy review reports under Law 10/2022/QH15 (public
disclosure, people discuss and decide, people inspect; democracy in agencies and enterprises)
and the steering work around it (propaganda, steering committees, plans, follow-up).
"""

from __future__ import annotations

from typing import Any

CODE = "dan-chu-co-so"
NAME = "Báo cáo kết quả thực hiện dân chủ ở cơ sở"
DESCRIPTION = (
    "Biểu mẫu dùng chung cho báo cáo sơ kết 6 tháng và tổng kết năm về kết quả thực hiện "
    "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15. Số liệu tính trong kỳ báo cáo."
)

SELF_ASSESSMENT_CHOICES = ["Tốt", "Khá", "Trung bình", "Yếu"]


def _i(
    code: str,
    label: str,
    kind: str = "integer",
    *,
    required: bool = False,
    is_key: bool = False,
    help: str = "",
    choices: list[str] | None = None,
) -> dict[str, Any]:
    return {
        "code": code,
        "label": label,
        "kind": kind,
        "required": required,
        "is_key": is_key,
        "help": help,
        "choices": choices or [],
    }


SECTIONS: list[dict[str, Any]] = [
    {
        "title": "I. Công tác tuyên truyền, phổ biến",
        "indicators": [
            _i(
                "propaganda-sessions",
                "Số cuộc tuyên truyền, phổ biến pháp luật về thực hiện dân chủ ở cơ sở",
                required=True,
                is_key=True,
                help="Hội nghị, buổi sinh hoạt, lớp tập huấn; không tính tin, bài trên loa, báo.",
            ),
            _i(
                "propaganda-participants",
                "Số lượt người tham gia",
                is_key=True,
                help="Tổng số lượt người dự các cuộc tuyên truyền, phổ biến nêu trên.",
            ),
        ],
    },
    {
        "title": "II. Công tác lãnh đạo, chỉ đạo",
        "indicators": [
            _i(
                "steering-committees",
                "Số Ban Chỉ đạo thực hiện dân chủ ở cơ sở được thành lập, kiện toàn",
                help="Tính cả Ban Chỉ đạo của đơn vị và của các đơn vị trực thuộc.",
            ),
            _i("steering-meetings", "Số cuộc họp của Ban Chỉ đạo"),
            _i(
                "plans-issued",
                "Số đơn vị cấp dưới đã ban hành kế hoạch thực hiện",
            ),
            _i(
                "democracy-regulation-issued",
                "Đơn vị đã ban hành Quy chế thực hiện dân chủ",
                "boolean",
                required=True,
            ),
        ],
    },
    {
        "title": "III. Thực hiện dân chủ trong cơ quan, đơn vị",
        "indicators": [
            _i(
                "conferences-held",
                "Số hội nghị cán bộ, công chức, viên chức và hội nghị người lao động đã tổ chức",
                is_key=True,
            ),
            _i(
                "dialogues-held",
                "Số cuộc đối thoại đã tổ chức",
                is_key=True,
                help="Đối thoại của người đứng đầu với Nhân dân, với cán bộ, công chức, "
                "viên chức, người lao động.",
            ),
            _i("dialogue-issues", "Số vấn đề được nêu tại các cuộc đối thoại"),
        ],
    },
    {
        "title": "IV. Tiếp công dân, giải quyết phản ánh, kiến nghị, khiếu nại, tố cáo",
        "indicators": [
            _i("citizen-receptions", "Số buổi tiếp công dân"),
            _i("feedback-received", "Số phản ánh, kiến nghị tiếp nhận", is_key=True),
            _i("feedback-resolved", "Số phản ánh, kiến nghị đã giải quyết", is_key=True),
            _i("feedback-overdue", "Số phản ánh, kiến nghị quá hạn chưa giải quyết"),
            _i(
                "feedback-on-time-rate",
                "Tỷ lệ phản ánh, kiến nghị được giải quyết đúng hạn (%)",
                "percent",
            ),
            _i("complaints-received", "Số đơn khiếu nại tiếp nhận"),
            _i("complaints-settled", "Số đơn khiếu nại đã giải quyết"),
            _i("denunciations-received", "Số đơn tố cáo tiếp nhận"),
            _i("denunciations-settled", "Số đơn tố cáo đã giải quyết"),
        ],
    },
    {
        "title": "V. Công khai, Nhân dân bàn và quyết định, Nhân dân kiểm tra, giám sát",
        "indicators": [
            _i(
                "disclosures",
                "Số nội dung đã công khai",
                is_key=True,
                help="Các nội dung chính quyền cơ sở công khai theo Điều 11 Luật số 10/2022/QH15.",
            ),
            _i(
                "community-decisions",
                "Số nội dung Nhân dân bàn và quyết định",
                help="Theo Điều 15 Luật số 10/2022/QH15.",
            ),
            _i("inspection-boards-active", "Số Ban Thanh tra nhân dân hoạt động"),
            _i(
                "inspection-board-recommendations",
                "Số kiến nghị của Ban Thanh tra nhân dân",
            ),
            _i(
                "inspection-board-recommendations-accepted",
                "Số kiến nghị của Ban Thanh tra nhân dân được tiếp thu, giải quyết",
            ),
        ],
    },
    {
        "title": "VI. Kiểm tra, giám sát việc thực hiện",
        "indicators": [
            _i("inspections", "Số cuộc kiểm tra, giám sát đã thực hiện"),
            _i("violations-found", "Số vi phạm được phát hiện"),
            _i("violations-corrected", "Số vi phạm đã được khắc phục"),
        ],
    },
    {
        "title": "VII. Mô hình, điển hình và tự đánh giá",
        "indicators": [
            _i(
                "models-recognised",
                "Số mô hình, điển hình tiên tiến được công nhận",
                is_key=True,
            ),
            _i(
                "self-assessment",
                "Tự đánh giá kết quả thực hiện dân chủ ở cơ sở",
                "choice",
                required=True,
                choices=SELF_ASSESSMENT_CHOICES,
            ),
        ],
    },
    {
        "title": "VIII. Đánh giá chung",
        "indicators": [
            _i(
                "results",
                "Kết quả đạt được",
                "narrative",
                required=True,
                help="Những kết quả nổi bật trong kỳ báo cáo.",
            ),
            _i(
                "shortcomings",
                "Hạn chế, tồn tại và nguyên nhân",
                "narrative",
                help="Nêu rõ nguyên nhân khách quan, chủ quan.",
            ),
            _i("lessons", "Bài học kinh nghiệm", "narrative"),
        ],
    },
    {
        "title": "IX. Phương hướng, nhiệm vụ kỳ tới",
        "indicators": [
            _i(
                "next-tasks",
                "Phương hướng, nhiệm vụ trọng tâm kỳ tới",
                "narrative",
                required=True,
            ),
            _i("proposals", "Đề xuất, kiến nghị", "narrative"),
        ],
    },
]

# (left, operator, right, message): checked whenever a unit saves or submits the report.
RULES: list[tuple[str, str, str, str]] = [
    (
        "feedback-resolved",
        "lte",
        "feedback-received",
        "Số phản ánh, kiến nghị đã giải quyết không được lớn hơn số tiếp nhận.",
    ),
    (
        "feedback-overdue",
        "lte",
        "feedback-received",
        "Số phản ánh, kiến nghị quá hạn chưa giải quyết không được lớn hơn số tiếp nhận.",
    ),
    (
        "complaints-settled",
        "lte",
        "complaints-received",
        "Số đơn khiếu nại đã giải quyết không được lớn hơn số đơn tiếp nhận.",
    ),
    (
        "denunciations-settled",
        "lte",
        "denunciations-received",
        "Số đơn tố cáo đã giải quyết không được lớn hơn số đơn tiếp nhận.",
    ),
    (
        "violations-corrected",
        "lte",
        "violations-found",
        "Số vi phạm đã khắc phục không được lớn hơn số vi phạm được phát hiện.",
    ),
    (
        "inspection-board-recommendations-accepted",
        "lte",
        "inspection-board-recommendations",
        "Số kiến nghị được tiếp thu, giải quyết không được lớn hơn số kiến nghị của "
        "Ban Thanh tra nhân dân.",
    ),
]


def install(report_form: Any, form_section: Any, indicator: Any, validation_rule: Any) -> None:
    """Create the built-in form with the given model classes (historical ones in a migration).

    Does nothing when a form with the code already exists, so running it twice is harmless.
    """
    if report_form.objects.filter(code=CODE).exists():
        return
    form = report_form.objects.create(
        code=CODE, name=NAME, description=DESCRIPTION, owner_unit=None, is_active=True
    )
    by_code: dict[str, Any] = {}
    for s_order, section_data in enumerate(SECTIONS, start=1):
        section = form_section.objects.create(form=form, title=section_data["title"], order=s_order)
        for i_order, data in enumerate(section_data["indicators"], start=1):
            by_code[data["code"]] = indicator.objects.create(
                form=form,
                section=section,
                code=data["code"],
                label=data["label"],
                help_text=data["help"],
                kind=data["kind"],
                choices=data["choices"],
                required=data["required"],
                is_key=data["is_key"],
                order=i_order,
            )
    for left, operator, right, message in RULES:
        validation_rule.objects.create(
            form=form,
            left=by_code[left],
            operator=operator,
            right=by_code[right],
            message=message,
        )


def uninstall(report_form: Any) -> None:
    """Remove the built-in form (sections, indicators and rules go with it)."""
    report_form.objects.filter(code=CODE, owner_unit__isnull=True).delete()
