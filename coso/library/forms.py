"""Forms of the library pages. Rules live in the actions; forms parse and offer choices."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.forms import DateField

from .models import LegalText, TextStatus, TextType


class FilterForm(forms.Form):
    q = forms.CharField(
        label=pgettext_lazy("library", "Search"),
        required=False,
        max_length=100,
        help_text=_("Words or a number, e.g. 59/2023"),
    )
    text_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All"))] + TextType.choices
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + TextStatus.choices
    )
    issuer = forms.CharField(label=_("Issued by"), required=False, max_length=100)
    year = forms.IntegerField(
        label=_("Year issued"), required=False, min_value=1945, max_value=2100
    )


class TextForm(forms.Form):
    number_symbol = forms.CharField(
        label=_("Number and symbol"),
        max_length=100,
        help_text=_("As printed on the text, e.g. 59/2023/NĐ-CP or 30-CT/TW."),
    )
    text_type = forms.ChoiceField(label=_("Type"), choices=TextType.choices)
    issuer = forms.CharField(label=_("Issued by"), max_length=200)
    title = forms.CharField(
        label=pgettext_lazy("library", "Title"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    issued_on = DateField(label=_("Issued on"), required=False)
    effective_on = DateField(label=_("Effective from"), required=False)
    expires_on = DateField(label=_("Expires on"), required=False)
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    url = forms.URLField(
        label=_("Official link"), required=False, max_length=500, assume_scheme="https"
    )
    file = forms.FileField(label=_("File"), required=False)


class TextChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: LegalText) -> str:
        return f"{obj.number_symbol} — {obj.title[:80]}"


class ReplaceForm(forms.Form):
    replacement = TextChoiceField(label=_("Replaced by"), queryset=LegalText.objects.none())
    on = DateField(
        label=_("From"),
        required=False,
        help_text=_("Leave empty: the replacing text's effective date."),
    )

    def __init__(self, *args, text: LegalText, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["replacement"].queryset = LegalText.objects.exclude(pk=text.pk).order_by(
            "number_symbol"
        )


class AmendForm(forms.Form):
    amending = TextChoiceField(label=_("Amended by"), queryset=LegalText.objects.none())

    def __init__(self, *args, text: LegalText, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["amending"].queryset = LegalText.objects.exclude(pk=text.pk).order_by(
            "number_symbol"
        )


class ExpireForm(forms.Form):
    on = DateField(label=_("Expires on"))
