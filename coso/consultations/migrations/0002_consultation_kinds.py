"""The nine kinds of drafts people of a commune comment on before the authority decides
(Law 10/2022/QH15, art. 25). The wording is a summary and the clause numbers are to be checked
against the official text ("cần đối chiếu"): administrators reword, reorder, retire or add
kinds in the admin; the citation stays beside each one."""

from django.db import migrations

LAW = "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15, Điều 25, khoản"
KINDS = [
    (
        "socio-economic-plan",
        "Dự thảo quy hoạch, kế hoạch phát triển kinh tế - xã hội; phương án chuyển dịch cơ cấu "
        "kinh tế, cơ cấu sản xuất của cấp xã",
        1,
    ),
    (
        "land-use-plan",
        "Dự thảo kế hoạch sử dụng đất; phương án quản lý, sử dụng quỹ đất công ích của cấp xã",
        2,
    ),
    (
        "large-project",
        "Chủ trương, dự án, công trình đầu tư trên địa bàn có ảnh hưởng lớn đến môi trường, "
        "sinh kế, đời sống của Nhân dân",
        3,
    ),
    (
        "administrative-unit",
        "Đề án thành lập, nhập, chia, giải thể, điều chỉnh địa giới, đặt tên, đổi tên đơn vị "
        "hành chính cấp xã",
        4,
    ),
    (
        "residential-community",
        "Đề án thành lập, nhập, chia, giải thể, đặt tên, đổi tên thôn, tổ dân phố",
        5,
    ),
    (
        "compensation-resettlement",
        "Chủ trương, phương án thu hồi đất, bồi thường, hỗ trợ, tái định cư trên địa bàn",
        6,
    ),
    (
        "commune-decision",
        "Dự thảo nghị quyết, quyết định của chính quyền cấp xã liên quan trực tiếp đến quyền, "
        "nghĩa vụ của Nhân dân",
        7,
    ),
    (
        "public-works-plan",
        "Kế hoạch triển khai chương trình, dự án, công trình công cộng được đầu tư trên địa bàn",
        8,
    ),
    (
        "other",
        "Nội dung khác theo quy định của pháp luật, theo yêu cầu của cơ quan có thẩm quyền hoặc "
        "chính quyền cấp xã thấy cần thiết",
        9,
    ),
]


def add_kinds(apps, schema_editor):
    ConsultationKind = apps.get_model("consultations", "ConsultationKind")
    for code, name, clause in KINDS:
        ConsultationKind.objects.get_or_create(
            code=code,
            defaults={"name": name, "citation": f"{LAW} {clause} (cần đối chiếu)", "order": clause},
        )


def remove_kinds(apps, schema_editor):
    ConsultationKind = apps.get_model("consultations", "ConsultationKind")
    ConsultationKind.objects.filter(
        code__in=[code for code, _name, _clause in KINDS], consultations__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("consultations", "0001_initial")]
    operations = [migrations.RunPython(add_kinds, remove_kinds)]
