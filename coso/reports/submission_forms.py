"""Forms of the submission pages: the report's values, an attachment, a reason for returning.

The values form is built from the report form's indicators. Its fields stay text as typed:
coso.reports.values.parse_value (called by actions.save_draft) is the one place that decides
what a valid figure is, so every error of a save appears at once, under its indicator.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import number_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from coso.core.forms import DateInput

from .models import Indicator, IndicatorKind, SubmissionValue
from .values import parse_value

PREFIX = "v_"


def field_name(code: str) -> str:
    """The form field of an indicator: prefixed so no code can clash with `revision`."""
    return f"{PREFIX}{code}"


def _number_input(number: Decimal) -> str:
    # Written back as an officer types it: no grouping, a comma as the decimal mark.
    return format(number.normalize(), "f").replace(".", ",")


def input_value(indicator: Indicator, value: SubmissionValue | None) -> str:
    """A saved value as the text its field shows when the form opens."""
    if value is None:
        return ""
    if indicator.kind == IndicatorKind.BOOLEAN:
        return "" if value.number is None else ("1" if value.number else "0")
    if value.number is not None:
        return _number_input(value.number)
    if value.date is not None:
        return value.date.strftime("%d/%m/%Y")
    return value.text


def display_number(number: Decimal, kind: str) -> str:
    shown = number_format(number.normalize(), use_l10n=True, force_grouping=True)
    return f"{shown} %" if kind == IndicatorKind.PERCENT else shown


def display_value(indicator: Indicator | None, value: SubmissionValue | None) -> str:
    """A saved value for reading: thousand separators, dd/mm/yyyy, Có/Không."""
    if value is None:
        return ""
    kind = indicator.kind if indicator is not None else ""
    if kind == IndicatorKind.BOOLEAN and value.number is not None:
        return gettext("Yes") if value.number else gettext("No")
    if value.number is not None:
        return display_number(value.number, kind)
    if value.date is not None:
        return value.date.strftime("%d/%m/%Y")
    return value.text


def display_frozen(indicator: Indicator | None, raw: str) -> str:
    """A value of a submitted version (stored as text) for reading."""
    if indicator is None or raw == "":
        return raw
    try:
        parsed = parse_value(indicator, raw)
    except ValidationError:
        return raw  # the form changed since: show what was sent
    if indicator.kind == IndicatorKind.BOOLEAN and parsed.number is not None:
        return gettext("Yes") if parsed.number else gettext("No")
    if parsed.number is not None:
        return display_number(parsed.number, indicator.kind)
    if isinstance(parsed.date, dt.date):
        return parsed.date.strftime("%d/%m/%Y")
    return parsed.text


def _field_for(indicator: Indicator) -> forms.Field:
    common = {"label": indicator.label, "help_text": indicator.help_text, "required": False}
    kind = indicator.kind
    if kind in (IndicatorKind.INTEGER, IndicatorKind.DECIMAL, IndicatorKind.PERCENT):
        attrs = {"inputmode": "decimal", "autocomplete": "off"}
        return forms.CharField(widget=forms.TextInput(attrs=attrs), strip=True, **common)
    if kind == IndicatorKind.BOOLEAN:
        return forms.ChoiceField(
            choices=[("1", _("Yes")), ("0", _("No"))], widget=forms.RadioSelect, **common
        )
    if kind == IndicatorKind.CHOICE:
        options = [("", "—"), *((str(c), str(c)) for c in indicator.choices)]
        # Any posted text goes on to the action, which answers in Vietnamese if it is not listed.
        return forms.CharField(widget=forms.Select(choices=options), **common)
    if kind == IndicatorKind.DATE:
        return forms.CharField(widget=DateInput(), **common)
    if kind == IndicatorKind.NARRATIVE:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 6}), strip=False, **common)
    return forms.CharField(**common)


class SubmissionValuesForm(forms.Form):
    """One field per indicator, plus the revision the form was opened at."""

    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    def __init__(self, *args, indicators: list[Indicator], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        self.codes = {field_name(i.code): i.code for i in indicators}
        for indicator in indicators:
            self.fields[field_name(indicator.code)] = _field_for(indicator)

    def raw_values(self) -> dict[str, str]:
        """{indicator code: text as typed} for actions.save_draft."""
        return {code: self.cleaned_data.get(name) or "" for name, code in self.codes.items()}


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        error_messages={"required": _("Choose a file to attach.")},
    )


class ReturnForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for returning"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": _("Say what must be corrected.")},
    )
