"""Inspections by steering committees: plans, findings, conclusions, corrective actions, self-inspections."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InspectionsConfig(AppConfig):
    name = "coso.inspections"
    label = "inspections"
    verbose_name = _("Inspections")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
