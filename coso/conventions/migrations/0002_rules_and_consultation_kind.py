"""The numbers of Decree 61/2023/NĐ-CP with their citations (editable in the admin), and the
kind of consultation under which a convention's draft is put out for comment."""

from django.db import migrations

from coso.conventions.models import RULE_DEFAULTS

KIND_CODE = "village-convention"
KIND_NAME = "Dự thảo hương ước, quy ước của cộng đồng dân cư"
KIND_CITATION = "Nghị định số 61/2023/NĐ-CP; Luật số 10/2022/QH15, Điều 15 khoản 3"


def add(apps, schema_editor):
    ConventionRule = apps.get_model("conventions", "ConventionRule")
    for code, (name, value, citation) in RULE_DEFAULTS.items():
        ConventionRule.objects.get_or_create(
            code=code, defaults={"name": name, "value": value, "citation": citation}
        )
    ConsultationKind = apps.get_model("consultations", "ConsultationKind")
    ConsultationKind.objects.get_or_create(
        code=KIND_CODE, defaults={"name": KIND_NAME, "citation": KIND_CITATION, "order": 10}
    )


def remove(apps, schema_editor):
    apps.get_model("conventions", "ConventionRule").objects.filter(
        code__in=list(RULE_DEFAULTS)
    ).delete()
    apps.get_model("consultations", "ConsultationKind").objects.filter(
        code=KIND_CODE, consultations__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("conventions", "0001_initial"),
        ("consultations", "0002_consultation_kinds"),
    ]
    operations = [migrations.RunPython(add, remove)]
