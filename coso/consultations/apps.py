"""Drafts put to the people for comment, comments, and the published synthesis."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationsConfig(AppConfig):
    name = "coso.consultations"
    label = "consultations"
    verbose_name = _("Consultations")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
