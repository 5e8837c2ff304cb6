"""Feedback from citizens and workers (phản ánh, kiến nghị, khiếu nại, tố cáo) handled to a conclusion."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "coso.feedback"
    label = "feedback"
    verbose_name = _("Feedback")

    def ready(self) -> None:
        from . import audit  # noqa: F401  (registers models with the audit log)
