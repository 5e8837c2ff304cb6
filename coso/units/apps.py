from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "coso.units"
    label = "units"
    verbose_name = _("Units and people")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
