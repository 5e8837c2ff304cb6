"""Django forms of the form builder pages: what an officer types to build a report form.

The actions check the rules (codes, choices, rules between figures); these forms only shape the
input, so the API and the pages refuse the same things with the same messages.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from coso.core.forms import DateInput
from coso.units.models import Unit

from .models import (
    NUMERIC_KINDS,
    FormSection,
    Indicator,
    IndicatorKind,
    ReportForm,
    RuleOperator,
)
from .values import parse_value


class FormCreateForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Unit that owns the form"),
        queryset=Unit.objects.none(),
        required=False,
        empty_label=None,
        help_text=_("The form can be used by this unit and every unit below it."),
    )
    name = forms.CharField(label=_("Name of the form"), max_length=255)
    code = forms.CharField(
        label=_("Code"),
        max_length=50,
        help_text=_("Lower-case letters without accents, digits and hyphens, e.g. bao-cao-quy."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, units: QuerySet[Unit], allow_shared: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["unit"]
        field.queryset = units
        if allow_shared:
            field.empty_label = _("— coso (every unit) —")
        else:
            field.required = True


class FormCopyForm(FormCreateForm):
    """Copy a form (e.g. one already in use) to a unit, to change the copy."""


class FormEditForm(forms.Form):
    name = forms.CharField(label=_("Name of the form"), max_length=255)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class SectionForm(forms.Form):
    title = forms.CharField(
        label=_("Title of the section"),
        max_length=255,
        help_text=_("For example: IV. Reception of citizens and settlement of feedback."),
    )


class IndicatorForm(forms.Form):
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=FormSection.objects.none(), empty_label=None
    )
    label = forms.CharField(label=_("Label"), max_length=500)
    code = forms.CharField(
        label=_("Code"),
        max_length=60,
        help_text=_(
            "Lower-case letters without accents, digits and hyphens, e.g. feedback-received. "
            "Totals and trends match indicators of different forms by this code."
        ),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=IndicatorKind.choices)
    choices = forms.CharField(
        label=_("Possible answers"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For the “one choice” kind only: one answer per line."),
    )
    help_text = forms.CharField(label=_("Help for the person filling in"), required=False)
    required = forms.BooleanField(label=_("Must be filled in before submitting"), required=False)
    is_key = forms.BooleanField(
        label=_("Key indicator (shown in trends)"),
        required=False,
    )

    def __init__(self, *args, form: ReportForm, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = form.sections.all()

    def choice_lines(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


class RuleForm(forms.Form):
    left = forms.ModelChoiceField(
        label=_("Indicator"),
        queryset=Indicator.objects.none(),
        error_messages={
            "invalid_choice": _("A rule compares two figures: choose a number or a percentage.")
        },
    )
    operator = forms.ChoiceField(label=_("Must be"), choices=RuleOperator.choices)
    right = forms.ModelChoiceField(
        label=_("Compared with"),
        queryset=Indicator.objects.none(),
        error_messages={
            "invalid_choice": _("A rule compares two figures: choose a number or a percentage.")
        },
    )
    message = forms.CharField(
        label=_("Message shown when the rule is broken"),
        max_length=300,
        required=False,
        help_text=_("Leave empty for a message written from the two labels."),
    )

    def __init__(self, *args, form: ReportForm, **kwargs):
        super().__init__(*args, **kwargs)
        figures = form.indicators.filter(kind__in=NUMERIC_KINDS)
        self.fields["left"].queryset = figures
        self.fields["right"].queryset = figures


def _field_for(indicator: Indicator) -> forms.Field:
    """A form field that looks like what the unit will fill in."""
    common = {
        "label": indicator.label,
        "required": indicator.required,
        "help_text": indicator.help_text,
    }
    kind = indicator.kind
    if kind in NUMERIC_KINDS:
        attrs = {"inputmode": "numeric" if kind == IndicatorKind.INTEGER else "decimal"}
        return forms.CharField(widget=forms.TextInput(attrs=attrs), **common)
    if kind == IndicatorKind.BOOLEAN:
        choices = [("", "—"), ("1", _("Yes")), ("0", _("No"))]
        return forms.ChoiceField(choices=choices, **common)
    if kind == IndicatorKind.CHOICE:
        choices = [("", "—"), *[(c, c) for c in indicator.choices]]
        return forms.ChoiceField(choices=choices, **common)
    if kind == IndicatorKind.DATE:
        return forms.CharField(widget=DateInput(), **common)
    if kind == IndicatorKind.NARRATIVE:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 5}), **common)
    return forms.CharField(**common)


class PreviewForm(forms.Form):
    """The form as a unit will fill it; checking it saves nothing."""

    # The browser would stop at the first empty required box: let the server list everything.
    use_required_attribute = False

    def __init__(self, *args, indicators: list[Indicator], rules: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = indicators
        self.rules = rules
        for indicator in indicators:
            field = _field_for(indicator)
            field.indicator = indicator  # type: ignore[attr-defined]
            self.fields[indicator.code] = field

    def clean(self) -> dict:
        cleaned = super().clean()
        numbers = {}
        for indicator in self.indicators:
            raw = cleaned.get(indicator.code)
            try:
                parsed = parse_value(indicator, raw)
            except ValidationError as exc:
                self.add_error(indicator.code, exc.messages)
                continue
            numbers[indicator.code] = parsed.number
        for rule in self.rules:
            left, right = numbers.get(rule.left.code), numbers.get(rule.right.code)
            if left is None or right is None or rule.holds(left, right):
                continue
            message = rule.message or _("“%(left)s” must be %(op)s “%(right)s”.") % {
                "left": rule.left.label,
                "op": rule.get_operator_display(),
                "right": rule.right.label,
            }
            if rule.left.code not in self.errors:
                self.add_error(rule.left.code, message)
        return cleaned

    def fields_by_section(self) -> list[tuple[FormSection, list]]:
        grouped: dict[int, tuple[FormSection, list]] = {}
        for indicator in self.indicators:
            entry = grouped.setdefault(indicator.section_id, (indicator.section, []))
            entry[1].append(self[indicator.code])
        return list(grouped.values())
