"""People's oversight boards: the People's Inspection Board and community investment supervision boards."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "coso.oversight"
    label = "oversight"
    verbose_name = _("People's oversight boards")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
