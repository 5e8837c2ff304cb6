"""Households of residential communities and the matters they decide: meetings, ballots, online votes."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "coso.community"
    label = "community"
    verbose_name = _("Community decisions")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
