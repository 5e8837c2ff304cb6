"""The rules of composition of each kind of board and the deadlines, with their citations
(editable in the admin)."""

from django.db import migrations

from coso.oversight.models import COMPOSITION_DEFAULTS, RULE_DEFAULTS


def add(apps, schema_editor):
    CompositionRule = apps.get_model("oversight", "CompositionRule")
    for kind, values in COMPOSITION_DEFAULTS.items():
        CompositionRule.objects.get_or_create(kind=str(kind), defaults=values)
    OversightRule = apps.get_model("oversight", "OversightRule")
    for code, (name, value, citation) in RULE_DEFAULTS.items():
        OversightRule.objects.get_or_create(
            code=code, defaults={"name": name, "value": value, "citation": citation}
        )


def remove(apps, schema_editor):
    apps.get_model("oversight", "CompositionRule").objects.filter(
        kind__in=[str(k) for k in COMPOSITION_DEFAULTS]
    ).delete()
    apps.get_model("oversight", "OversightRule").objects.filter(
        code__in=list(RULE_DEFAULTS)
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("oversight", "0001_initial")]
    operations = [migrations.RunPython(add, remove)]
