"""Import a plan from its document: text, DOCX or PDF to a proposed structured plan."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImporterConfig(AppConfig):
    name = "coso.importer"
    label = "importer"
    verbose_name = _("Plan import")
