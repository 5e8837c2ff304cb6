"""The two checks every action starts with: may this person do it, and is the text acceptable."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _


def require(allowed: bool) -> None:
    """Refuse the action (403) unless the access policy allowed it."""
    if not allowed:
        raise PermissionDenied(_("You do not have permission to do this."))


def clean_text(value: str | None, field: str, *, required: bool = True, max_length: int) -> str:
    """The text stripped; a Vietnamese error on `field` when it is missing or too long."""
    value = (value or "").strip()
    if required and not value:
        raise ValidationError({field: _("This field is required.")})
    if len(value) > max_length:
        raise ValidationError(
            {
                field: _("At most %(max)s characters (this text has %(n)s).")
                % {"max": max_length, "n": len(value)}
            }
        )
    return value
