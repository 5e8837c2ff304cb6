"""Forms of the convention pages. Rules live in the actions; forms parse and offer choices."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from coso.community.models import DecisionMethod
from coso.consultations.models import Channel
from coso.core.forms import DateField
from coso.units.models import Unit, UnitKind, User, path_within

from . import access
from .models import ConventionKind, ReviewConclusion

MONTHS = [(m, str(m)) for m in range(1, 13)]
DAYS = [(d, str(d)) for d in range(1, 32)]


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


def communities_for(user: User) -> QuerySet[Unit]:
    """Open residential communities the user manages (at most three levels down)."""
    condition = Q(pk__in=[])
    for path in access.manageable_paths(user):
        depth = len(path) // Unit.steplen
        condition |= path_within("path", path) & Q(depth__lte=depth + 3)
    return Unit.objects.filter(condition, kind=UnitKind.RESIDENTIAL).active().order_by("path")


class ConventionSettingsForm(forms.Form):
    title = forms.CharField(
        label=_("Name of the convention"),
        max_length=500,
        help_text=_("For example: Hương ước Thôn Đông"),
    )
    review_day = forms.TypedChoiceField(label=_("Yearly review: day"), coerce=int, choices=DAYS)
    review_month = forms.TypedChoiceField(
        label=_("Yearly review: month"), coerce=int, choices=MONTHS
    )


class ConventionCreateForm(ConventionSettingsForm):
    unit = UnitChoiceField(label=_("Residential community"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("Kind of convention"), choices=ConventionKind.choices)
    text = forms.CharField(
        label=_("Text of the draft"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Start each article on its own line with “Điều 1.”, “Điều 2.” …: people "
            "then comment article by article."
        ),
    )
    field_order = ["unit", "kind", "title", "text", "review_day", "review_month"]

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = communities_for(user)


class DraftForm(forms.Form):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 14}))
    changes = forms.CharField(
        label=_("What this version changes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CommentPeriodForm(forms.Form):
    opens_on = DateField(label=_("Comments open on"))
    closes_on = DateField(label=_("Comments close on"))
    channels = forms.MultipleChoiceField(
        label=_("Ways of collecting comments"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Channel.PORTAL, Channel.MEETING],
    )


class HouseholdsForm(forms.Form):
    method = forms.ChoiceField(label=_("How the households decide"), choices=())
    meeting_at = forms.DateTimeField(
        label=_("Meeting date and time"),
        required=False,
        input_formats=["%d/%m/%Y %H:%M", "%d/%m/%Y %H giờ %M", "%Y-%m-%dT%H:%M"],
        widget=forms.DateTimeInput(
            attrs={"placeholder": "dd/mm/yyyy hh:mm"}, format="%d/%m/%Y %H:%M"
        ),
        error_messages={"invalid": _("Enter the date and time as dd/mm/yyyy hh:mm.")},
    )
    meeting_place = forms.CharField(label=_("Meeting place"), max_length=255, required=False)

    def __init__(self, *args, methods: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["method"].choices = [(m, DecisionMethod(m).label) for m in methods]


class SubmitForm(forms.Form):
    submitted_on = DateField(label=_("Dossier sent to the commune on"))


class RecogniseForm(forms.Form):
    decided_on = DateField(label=_("Date of the commune's decision"))
    decision_number = forms.CharField(
        label=_("Number of the decision"), max_length=100, required=False
    )
    in_force_from = DateField(
        label=_("In force from"),
        required=False,
        help_text=_("Leave empty: in force from the day of the decision."),
    )


class RefuseForm(forms.Form):
    decided_on = DateField(label=_("Date of the commune's reply"))
    decision_number = forms.CharField(
        label=_("Number of the written reply"), max_length=100, required=False
    )
    reasons = forms.CharField(
        label=_("Reasons for not recognising"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _(
                "A refusal is given in writing with its reasons (Decree 61/2023/NĐ-CP): "
                "write the reasons."
            )
        },
    )


class ReviewForm(forms.Form):
    reviewed_on = DateField(label=_("Reviewed on"))
    conclusion = forms.ChoiceField(
        label=_("Conclusion"), choices=ReviewConclusion.choices, widget=forms.RadioSelect
    )
    notes = forms.CharField(
        label=_("Findings of the review"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class AmendmentForm(DraftForm):
    pass


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
