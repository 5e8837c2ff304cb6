"""The default kinds of feedback with their deadlines and legal basis, and the fields (lĩnh vực)
feedback is classified under. Administrators adjust, retire or add them in the admin; each
citation stays beside its rule. Clauses marked "(cần đối chiếu)" were taken from secondary
sources and must be checked against the official text.

- Reflections and recommendations (phản ánh, kiến nghị): answered within 10 working days.
  Law on Citizen Reception 2013 (42/2013/QH13), art. 28; Decree 20/2008/NĐ-CP on reflections
  and recommendations about administrative regulations (cần đối chiếu).
- Complaints (khiếu nại): settled within 30 days of acceptance, calendar days, 45 for complex
  cases. Law on Complaints 2011 (02/2011/QH13), art. 28.
- Denunciations (tố cáo): settled within 30 days of acceptance, calendar days, extendable.
  Law on Denunciation 2018 (25/2018/QH14), art. 30; the denouncer's identity is kept secret
  (arts. 4, 8, 47-48).
"""

from django.db import migrations

KINDS = [
    {
        "code": "reflection",
        "name": "Phản ánh",
        "description": (
            "Ý kiến về vụ việc, hành vi, quy định hành chính hoặc vấn đề của đời sống mà người "
            "dân, người lao động thấy cần được cơ quan, đơn vị biết và xử lý."
        ),
        "deadline_days": 10,
        "working_days": True,
        "remind_days_before": 2,
        "identity_protected": False,
        "citation": (
            "Luật Tiếp công dân 2013 (42/2013/QH13), Điều 28; Nghị định 20/2008/NĐ-CP về tiếp "
            "nhận, xử lý phản ánh, kiến nghị về quy định hành chính (cần đối chiếu)"
        ),
        "order": 1,
    },
    {
        "code": "recommendation",
        "name": "Kiến nghị",
        "description": (
            "Đề xuất cơ quan, đơn vị xem xét, sửa đổi, bổ sung chính sách, quy định hoặc cách "
            "làm việc."
        ),
        "deadline_days": 10,
        "working_days": True,
        "remind_days_before": 2,
        "identity_protected": False,
        "citation": (
            "Luật Tiếp công dân 2013 (42/2013/QH13), Điều 28; Nghị định 20/2008/NĐ-CP về tiếp "
            "nhận, xử lý phản ánh, kiến nghị về quy định hành chính (cần đối chiếu)"
        ),
        "order": 2,
    },
    {
        "code": "complaint",
        "name": "Khiếu nại",
        "description": (
            "Đề nghị xem xét lại quyết định hành chính, hành vi hành chính hoặc quyết định kỷ "
            "luật khi có căn cứ cho rằng quyết định, hành vi đó trái pháp luật, xâm phạm quyền, "
            "lợi ích hợp pháp của mình. Thời hạn tính theo ngày, kể từ ngày thụ lý; vụ việc "
            "phức tạp không quá 45 ngày."
        ),
        "deadline_days": 30,
        "working_days": False,
        "remind_days_before": 5,
        "identity_protected": False,
        "citation": "Luật Khiếu nại 2011 (02/2011/QH13), Điều 28",
        "order": 3,
    },
    {
        "code": "denunciation",
        "name": "Tố cáo",
        "description": (
            "Báo cho cơ quan, tổ chức, cá nhân có thẩm quyền biết về hành vi vi phạm pháp luật "
            "gây thiệt hại hoặc đe dọa gây thiệt hại lợi ích của Nhà nước, quyền, lợi ích hợp "
            "pháp của cơ quan, tổ chức, cá nhân. Thời hạn tính theo ngày, kể từ ngày thụ lý; "
            "có thể gia hạn. Họ tên, địa chỉ, bút tích của người tố cáo được giữ bí mật."
        ),
        "deadline_days": 30,
        "working_days": False,
        "remind_days_before": 5,
        "identity_protected": True,
        "citation": (
            "Luật Tố cáo 2018 (25/2018/QH14), Điều 30; bảo vệ người tố cáo: Điều 8, Điều 47-48 "
            "(cần đối chiếu)"
        ),
        "order": 4,
    },
]

FIELDS = [
    ("land", "Đất đai"),
    ("environment", "Môi trường"),
    ("transport-infrastructure", "Giao thông - hạ tầng"),
    ("security-order", "An ninh trật tự"),
    ("social-policy", "Chính sách xã hội"),
    ("health", "Y tế"),
    ("education", "Giáo dục"),
    ("administrative-procedures", "Thủ tục hành chính"),
    ("finance-budget", "Tài chính - ngân sách"),
    ("labour-employment", "Lao động - việc làm"),
    ("other", "Khác"),
]


def add_rules(apps, schema_editor):
    FeedbackKind = apps.get_model("feedback", "FeedbackKind")
    FeedbackField = apps.get_model("feedback", "FeedbackField")
    for kind in KINDS:
        FeedbackKind.objects.get_or_create(
            code=kind["code"], defaults={k: v for k, v in kind.items() if k != "code"}
        )
    for order, (code, name) in enumerate(FIELDS, start=1):
        FeedbackField.objects.get_or_create(code=code, defaults={"name": name, "order": order})


def remove_rules(apps, schema_editor):
    FeedbackKind = apps.get_model("feedback", "FeedbackKind")
    FeedbackField = apps.get_model("feedback", "FeedbackField")
    FeedbackKind.objects.filter(code__in=[k["code"] for k in KINDS], items__isnull=True).delete()
    FeedbackField.objects.filter(
        code__in=[code for code, _name in FIELDS], items__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("feedback", "0002_search_index")]
    operations = [migrations.RunPython(add_rules, remove_rules)]
