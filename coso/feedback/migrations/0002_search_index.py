"""Full-text search index on feedback (filled in by the search work)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]
    operations: list = []
