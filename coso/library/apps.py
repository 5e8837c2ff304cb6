"""The legal library: the laws, decrees, circulars and party documents the plans cite."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibraryConfig(AppConfig):
    name = "coso.library"
    label = "library"
    verbose_name = _("Legal library")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
