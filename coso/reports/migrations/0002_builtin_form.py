"""Install the report form coso ships (see coso/reports/builtin_form.py)."""

from django.db import migrations

from coso.reports import builtin_form


def install(apps, schema_editor) -> None:
    builtin_form.install(
        apps.get_model("reports", "ReportForm"),
        apps.get_model("reports", "FormSection"),
        apps.get_model("reports", "Indicator"),
        apps.get_model("reports", "ValidationRule"),
    )


def uninstall(apps, schema_editor) -> None:
    builtin_form.uninstall(apps.get_model("reports", "ReportForm"))


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall)]
