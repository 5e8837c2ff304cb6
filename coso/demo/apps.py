from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data (`coso load_demo`): built through every other app's actions, so it comes last."""

    name = "coso.demo"
    label = "demo"
    verbose_name = _("Demo data")
