"""Village conventions (hương ước, quy ước): drafting, approval, the commune's decision, reviews and versions."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConventionsConfig(AppConfig):
    name = "coso.conventions"
    label = "conventions"
    verbose_name = _("Village conventions")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
