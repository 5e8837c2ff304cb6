"""Ship the core texts of the field (coso.library.core_texts) with their metadata."""

import datetime as dt

from django.db import migrations

from coso.core.text import fold
from coso.library.core_texts import CORE_TEXTS
from coso.library.models import search_key


def _day(value: str):
    return dt.datetime.strptime(value, "%d/%m/%Y").date() if value else None


def _key(value: str) -> str:
    return "".join(fold(value).split())


def load(apps, schema_editor):
    LegalText = apps.get_model("library", "LegalText")
    by_number = {}
    for number, kind, issuer, title, issued, effective, expires, status, _r, summary in CORE_TEXTS:
        text, _created = LegalText.objects.get_or_create(
            issuer_key=" ".join(fold(issuer).split()),
            number_key=_key(number),
            defaults={
                "number_symbol": number,
                "text_type": kind,
                "issuer": issuer,
                "title": title,
                "issued_on": _day(issued),
                "effective_on": _day(effective),
                "expires_on": _day(expires),
                "status": status,
                "summary": summary,
                "is_core": True,
                "search_text": search_key(f"{number} {_key(number)} {title} {issuer} {summary}")[
                    :1200
                ],
            },
        )
        by_number[number] = text
    for number, *_rest in CORE_TEXTS:
        replaced_by = _rest[-2]
        if replaced_by:
            text = by_number[number]
            text.replaced_by = by_number[replaced_by]
            text.save(update_fields=["replaced_by"])


def unload(apps, schema_editor):
    LegalText = apps.get_model("library", "LegalText")
    core = LegalText.objects.filter(is_core=True)
    core.update(replaced_by=None)
    core.delete()


class Migration(migrations.Migration):
    dependencies = [("library", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
