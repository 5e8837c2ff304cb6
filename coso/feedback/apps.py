"""Feedback from citizens and workers (phản ánh, kiến nghị, khiếu nại, tố cáo) handled to a conclusion."""

from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "coso.feedback"
    label = "feedback"
    verbose_name = _("Feedback")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)

        # Infrastructure, not domain behaviour: SQLite drops a table's triggers when a later
        # migration rebuilds it, so the search index is checked after every `migrate`.
        post_migrate.connect(_repair_search_index, sender=self)


def _repair_search_index(sender, using: str = "default", **kwargs) -> None:
    from .search import ensure_search_index

    ensure_search_index(connections[using])
