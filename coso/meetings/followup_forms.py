"""Forms of the follow-up pages: discussion and conclusions, commitments, questions as feedback."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.forms import DateField
from coso.feedback.models import FeedbackKind
from coso.units.models import Unit

from .followup import NAME_MAX_LENGTH, owner_units
from .models import TEXT_MAX_LENGTH, Meeting


def _text_area(label, *, required=True, rows=4, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=TEXT_MAX_LENGTH,
        strip=True,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


class OutcomeForm(forms.Form):
    discussion = _text_area(
        _("Discussion"),
        required=False,
        rows=8,
        help_text=_("The main opinions, one paragraph each, as the minutes will state them."),
    )
    conclusions = _text_area(_("Conclusions"), required=False, rows=6)


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class CommitmentForm(forms.Form):
    text = _text_area(_("Commitment"), rows=3)
    owner_unit = UnitChoiceField(
        label=pgettext_lazy("meetings", "Responsible unit"), queryset=Unit.objects.none()
    )
    owner_name = forms.CharField(
        label=_("Person responsible"), required=False, max_length=NAME_MAX_LENGTH
    )
    due_on = DateField(label=pgettext_lazy("meetings", "Deadline"))

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_unit"].queryset = owner_units(meeting).order_by("path")
        self.fields["owner_unit"].initial = meeting.unit_id


class DoneForm(forms.Form):
    result = _text_area(_("Result"), rows=3)
    done_on = DateField(label=_("Done on"), required=False, help_text=_("Empty: today."))


class DropForm(forms.Form):
    reason = _text_area(_("Reason"), rows=2)


class ForwardForm(forms.Form):
    kind = forms.ModelChoiceField(
        label=_("Kind of feedback"),
        queryset=FeedbackKind.objects.filter(is_active=True),
        required=False,
        empty_label=None,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        default = self.fields["kind"].queryset.filter(code="recommendation").first()
        if default is not None:
            self.fields["kind"].initial = default.pk


COMMITMENT_STATES = (
    ("", _("All")),
    ("open", pgettext_lazy("meetings", "In progress")),
    ("overdue", _("Overdue")),
    ("done", pgettext_lazy("meetings", "Done")),
    ("dropped", _("Dropped")),
)


class CommitmentFilterForm(forms.Form):
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    state = forms.ChoiceField(label=_("State"), required=False, choices=COMMITMENT_STATES)
