from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "coso.reports"
    label = "reports"
    verbose_name = _("Periodic reports")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
