"""Errors that actions raise; views and the API turn them into clear Vietnamese messages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class InvalidTransition(ValidationError):
    """A status change that the workflow does not allow."""

    def __init__(self, current: str, target: str) -> None:
        super().__init__(
            _("Cannot change status from “%(current)s” to “%(target)s”.")
            % {"current": current, "target": target},
            code="invalid_transition",
        )
