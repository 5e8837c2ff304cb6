"""Information disclosed to the people: categories the law requires, versions, postings, compliance."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DisclosureConfig(AppConfig):
    name = "coso.disclosure"
    label = "disclosure"
    verbose_name = _("Disclosure of information")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
