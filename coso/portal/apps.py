"""The public pages of every unit, readable without signing in."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "coso.portal"
    label = "portal"
    verbose_name = _("Public portal")
