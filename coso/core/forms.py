"""Form pieces every app shares: dd/mm/yyyy dates and turning action errors into field errors."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d"]


class DateInput(forms.DateInput):
    """A text box for dd/mm/yyyy: the browser's date picker would impose its own format."""

    def __init__(self, attrs: dict | None = None) -> None:
        base = {"placeholder": "dd/mm/yyyy", "inputmode": "numeric", "autocomplete": "off"}
        super().__init__(attrs={**base, **(attrs or {})}, format="%d/%m/%Y")


class DateField(forms.DateField):
    widget = DateInput
    default_error_messages = {"invalid": _("Enter a real date as dd/mm/yyyy.")}

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        super().__init__(**kwargs)


def apply_validation_error(form: forms.Form, exc: ValidationError) -> None:
    """Attach an action's ValidationError to the form: to its field when the form has it."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def flash_validation_error(request: HttpRequest, exc: ValidationError) -> None:
    """Show an action's refusal as page messages, where no form is left to carry it."""
    for message in exc.messages:
        messages.error(request, message)


# Django's own messages that its Vietnamese catalogue lacks; listed so ours translates them.
DJANGO_MESSAGES = (gettext_noop("Null characters are not allowed."),)
