from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "coso.plans"
    label = "plans"
    verbose_name = _("Programs and plans")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
