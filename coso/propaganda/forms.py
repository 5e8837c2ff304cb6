"""Forms of the propaganda pages. Rules live in the actions; forms parse and offer choices."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.forms import DateField
from coso.library.models import LegalText
from coso.units.models import Unit, UnitKind, User

from . import access
from .models import AUDIENCE_FIELDS, SessionForm


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return "\u00a0\u00a0" * max(obj.depth - 1, 0) + obj.name


class TextChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: LegalText) -> str:
        return f"{obj.number_symbol} — {obj.title}"[:160]


class TextsChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: LegalText) -> str:
        return f"{obj.number_symbol} — {obj.title}"[:160]


def _texts_queryset():
    return LegalText.objects.order_by("-issued_on", "number_symbol")


class _UnitForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())

    def __init__(self, *args, user: User, unit: Unit | None = None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["unit"]
        elif unit is not None:
            self.fields["unit"].queryset = Unit.objects.filter(pk=unit.pk)
            self.fields["unit"].initial = unit.pk
            self.fields["unit"].widget = forms.HiddenInput()
        else:
            self.fields["unit"].queryset = access.recordable_units(user)


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    year = forms.IntegerField(
        label=pgettext_lazy("propaganda", "Year"), required=False, min_value=2000, max_value=2100
    )


class SessionEditForm(_UnitForm):
    title = forms.CharField(label=_("Title or content"), max_length=500)
    held_on = DateField(label=_("Held on"))
    form = forms.ChoiceField(label=pgettext_lazy("propaganda", "Form"), choices=SessionForm.choices)
    texts = TextsChoiceField(
        label=_("Texts disseminated"),
        queryset=LegalText.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    note = forms.CharField(
        label=pgettext_lazy("propaganda", "Note"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["texts"].queryset = _texts_queryset()
        for name, label in AUDIENCE_FIELDS:
            # No min_value: the action refuses a negative number with its own message.
            self.fields[name] = forms.IntegerField(
                label=label, required=False, initial=0, widget=forms.NumberInput(attrs={"min": 0})
            )


class ClassEditForm(_UnitForm):
    title = forms.CharField(label=pgettext_lazy("propaganda", "Title"), max_length=500)
    content = forms.CharField(
        label=_("Content"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    texts = TextsChoiceField(
        label=_("Texts taught"),
        queryset=LegalText.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    starts_on = DateField(label=pgettext_lazy("propaganda", "From"))
    ends_on = DateField(label=pgettext_lazy("propaganda", "To"), required=False)
    trainers = forms.CharField(label=_("Trainers"), max_length=500, required=False)
    expected_count = forms.IntegerField(label=_("Participants expected"), required=False, initial=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["texts"].queryset = _texts_queryset()


class AccountField(forms.CharField):
    """An account named by its user name (a list of every user would not fit a phone)."""

    default_error_messages = {"unknown": _("No account has this user name.")}

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        user = User.objects.filter(username=value.strip(), is_active=True).first()
        if user is None:
            raise forms.ValidationError(self.error_messages["unknown"], code="unknown")
        return user


class ParticipantForm(forms.Form):
    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        required=False,
        help_text=_("Or give the person's account below."),
    )
    user = AccountField(label=_("Account in coso (user name)"), max_length=150, required=False)
    position = forms.CharField(label=_("Position or unit"), max_length=200, required=False)
    attended = forms.BooleanField(label=pgettext_lazy("propaganda", "Attended"), required=False)


class OrderForm(_UnitForm):
    text = TextChoiceField(label=_("Text to disseminate"), queryset=LegalText.objects.none())
    due_on = DateField(label=_("Disseminate by"))
    unit_kinds = forms.MultipleChoiceField(
        label=_("Only units of these kinds"),
        choices=UnitKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty for every unit below."),
    )
    note = forms.CharField(
        label=_("Instructions"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].queryset = _texts_queryset()
        self.order_fields(["unit", "text", "due_on", "unit_kinds", "note"])
