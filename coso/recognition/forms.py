"""Forms of campaigns and nominations. They only shape input; the actions decide what is allowed."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coso.core.forms import DateField
from coso.units.models import Unit, UnitKind, path_within

from .models import (
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Campaign,
    CampaignStatus,
    Criterion,
    Field,
    NominationStatus,
    RecognitionForm,
    SubjectKind,
)


def _units_under(paths: list[str]):
    condition = None
    for path in paths:
        q = path_within("path", path)
        condition = q if condition is None else condition | q
    if condition is None:
        return Unit.objects.none()
    return Unit.objects.filter(condition, closed_on__isnull=True).order_by("path")


class CampaignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    title = forms.CharField(label=_("Name of the campaign"), max_length=TITLE_MAX_LENGTH)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    starts_on = DateField(label=_("Period from"))
    ends_on = DateField(label=_("Period to"))
    nomination_deadline = DateField(label=_("Nomination deadline"))
    target_kinds = forms.MultipleChoiceField(
        label=_("Unit kinds asked to nominate"),
        choices=UnitKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every unit below."),
    )
    criteria = forms.CharField(
        label=_("Criteria"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "One criterion a line, its maximum points after a vertical bar: “Sáng tạo | 30”."
        ),
    )

    def __init__(self, *args, paths: list[str], unit: Unit | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units_under(paths)
        if unit is not None:
            self.fields["unit"].initial = unit.pk

    def clean_criteria(self) -> list[tuple[str, int]]:
        parsed = []
        for number, line in enumerate(self.cleaned_data["criteria"].splitlines(), start=1):
            if not line.strip():
                continue
            name, bar, points = line.rpartition("|")
            if not bar or not points.strip().isdigit():
                raise ValidationError(
                    _("Line %(n)s: write the criterion, a vertical bar, then its maximum points.")
                    % {"n": number}
                )
            parsed.append((name.strip(), int(points.strip())))
        return parsed


class NominationForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Nominating unit"), queryset=Unit.objects.none())
    campaign = forms.ModelChoiceField(
        label=_("Emulation campaign"),
        queryset=Campaign.objects.none(),
        required=False,
        empty_label=_("(none: a nomination on its own)"),
    )
    title = forms.CharField(label=_("Name of the model"), max_length=TITLE_MAX_LENGTH)
    field = forms.ChoiceField(label=_("Field"), choices=Field.choices)
    subject_kind = forms.ChoiceField(label=_("Person or collective"), choices=SubjectKind.choices)
    subject_name = forms.CharField(
        label=_("Person or collective recognised"), max_length=TITLE_MAX_LENGTH
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=TEXT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    results = forms.CharField(
        label=_("Results"), max_length=TEXT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )

    def __init__(self, *args, paths: list[str], campaigns, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = _units_under(paths)
        self.fields["campaign"].queryset = campaigns.filter(status=CampaignStatus.OPEN)


class EvidenceForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the document"), max_length=TITLE_MAX_LENGTH, required=False
    )
    file = forms.FileField(label=_("File"))
    is_public = forms.BooleanField(label=_("Public once recognised"), required=False)


class ScoreForm(forms.Form):
    def __init__(self, *args, criteria: list[Criterion], initial_points: dict, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for criterion in criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.IntegerField(
                label=f"{criterion.name} (0–{criterion.max_points})",
                min_value=0,
                max_value=criterion.max_points,
                initial=initial_points.get(criterion.pk),
            )

    def points(self) -> dict[int, int]:
        return {
            int(name.removeprefix("criterion_")): value for name, value in self.cleaned_data.items()
        }


class DecisionForm(forms.Form):
    recognised = forms.TypedChoiceField(
        label=_("Decision"),
        choices=[("1", _("Recognise")), ("0", _("Do not recognise"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    recognition_form = forms.ChoiceField(
        label=_("Form of recognition"),
        choices=[("", "—"), *RecognitionForm.choices],
        required=False,
    )
    decision_number = forms.CharField(label=_("Decision number"), max_length=100, required=False)
    decision_date = DateField(label=_("Decision date"), required=False)
    reasons = forms.CharField(
        label=_("Reasons"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when not recognised."),
    )


class NominationFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "—"), *NominationStatus.choices]
    )


class CampaignFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "—"), *CampaignStatus.choices]
    )


class PublicSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    field = forms.ChoiceField(label=_("Field"), required=False, choices=[("", "—"), *Field.choices])
