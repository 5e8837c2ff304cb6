"""The kinds of meeting and their rules, with citations (editable in the admin)."""

from django.db import migrations

from coso.meetings.rules import KIND_DEFAULTS


def add(apps, schema_editor):
    MeetingKind = apps.get_model("meetings", "MeetingKind")
    for code, values in KIND_DEFAULTS.items():
        MeetingKind.objects.get_or_create(
            code=str(code),
            defaults={key: str(v) if hasattr(v, "label") else v for key, v in values.items()},
        )


def remove(apps, schema_editor):
    apps.get_model("meetings", "MeetingKind").objects.filter(
        code__in=[str(code) for code in KIND_DEFAULTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("meetings", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]
