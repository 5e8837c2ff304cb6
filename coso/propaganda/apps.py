"""Propaganda, dissemination and training: sessions that spread the texts, and training classes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PropagandaConfig(AppConfig):
    name = "coso.propaganda"
    label = "propaganda"
    verbose_name = _("Dissemination and training")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
