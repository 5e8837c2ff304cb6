"""The default kinds of feedback and fields, with their legal basis (filled in by the workflow work)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("feedback", "0002_search_index")]
    operations: list = []
