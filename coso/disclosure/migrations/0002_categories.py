"""Install the categories of information each kind of unit must disclose (coso/disclosure/rules.py)."""

from django.db import migrations

from coso.disclosure import rules


def install(apps, schema_editor) -> None:
    rules.install(apps.get_model("disclosure", "DisclosureCategory"))


def uninstall(apps, schema_editor) -> None:
    rules.uninstall(apps.get_model("disclosure", "DisclosureCategory"))


class Migration(migrations.Migration):
    dependencies = [("disclosure", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
