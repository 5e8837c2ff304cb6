"""Conferences and dialogues: officials' and workers' conferences, dialogues, citizen reception."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "coso.meetings"
    label = "meetings"
    verbose_name = _("Conferences and dialogues")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
