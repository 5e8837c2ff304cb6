"""Exemplary models and people, their assessment and recognition, and emulation campaigns."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecognitionConfig(AppConfig):
    name = "coso.recognition"
    label = "recognition"
    verbose_name = _("Models and recognition")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
