"""Forms of the disclosure pages. Rules live in the actions; forms only parse and offer choices."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.forms import DateField
from coso.core.uploads import ALLOWED_EXTENSIONS
from coso.units.access import MANAGERS, paths_for
from coso.units.models import Unit, User, path_within

from .actions import PHOTO_EXTENSIONS
from .models import DISCLOSING_KINDS, ChannelMethod, DisclosureCategory, DisclosureStatus

# Choice lists stop two levels below where the user's role starts, so a province page stays small.
CHOICE_DEPTH = 2
CHOICE_LIMIT = 300


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return "\u00a0\u00a0" * max(obj.depth - 1, 0) + obj.name


def disclosing_units(user: User) -> QuerySet[Unit]:
    """Open units of a disclosing kind the user manages, near the top of their subtrees."""
    condition = Q(pk__in=[])
    for path in paths_for(user, MANAGERS):
        depth = len(path) // Unit.steplen
        condition |= path_within("path", path) & Q(depth__lte=depth + CHOICE_DEPTH)
    return (
        Unit.objects.filter(condition)
        .active()
        .filter(kind__in=DISCLOSING_KINDS)
        .order_by("path")[:CHOICE_LIMIT]
    )


class UnitPickForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = disclosing_units(user)


def category_choices(kind: str) -> list[tuple[str, str]]:
    categories = DisclosureCategory.objects.filter(unit_kind=kind, active=True).order_by(
        "order", "id"
    )
    return [("", "—")] + [(c.code, c.name) for c in categories]


class DisclosureForm(forms.Form):
    category_code = forms.ChoiceField(label=_("Category"))
    title = forms.CharField(label=pgettext_lazy("disclosure", "Title"), max_length=500)
    body = forms.CharField(
        label=_("Content"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("The text people read; attach the full documents below."),
    )
    issued_on = DateField(
        label=_("Document date"),
        required=False,
        help_text=_("The date of the decision or document being disclosed."),
    )
    starts_on = DateField(label=_("Posted from"))
    ends_on = DateField(
        label=_("Posted until"),
        required=False,
        help_text=_("Leave empty when the posting has no planned end."),
    )
    link = forms.CharField(
        label=_("Link to the source"),
        max_length=500,
        required=False,
        help_text=_("Optional: the page where the original document is published."),
    )

    def __init__(self, *args, unit: Unit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category_code"].choices = category_choices(unit.kind)


class ChannelForm(forms.Form):
    method = forms.ChoiceField(label=_("Way of disclosure"), choices=ChannelMethod.choices)
    detail = forms.CharField(
        label=_("Where / how"),
        max_length=500,
        required=False,
        help_text=_("For example: notice board of the commune office; meeting of Thôn Đông."),
    )
    starts_on = DateField(label=_("From"), required=False)
    ends_on = DateField(
        label=_("Until"),
        required=False,
        help_text=_("For a loudspeaker broadcast: the first and the last day broadcast."),
    )
    photo = forms.FileField(
        label=_("Photo as proof"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(PHOTO_EXTENSIONS)}),
        help_text=_("A photo of the notice posted on the board (JPG or PNG)."),
    )


class FileForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )
    title = forms.CharField(
        label=pgettext_lazy("disclosure file", "Description"), max_length=255, required=False
    )


class CorrectionForm(forms.Form):
    correction_note = forms.CharField(
        label=_("What this version corrects"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to the public with the version history."),
    )
    title = forms.CharField(label=pgettext_lazy("disclosure", "Title"), max_length=500)
    body = forms.CharField(
        label=_("Content"), required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    issued_on = DateField(label=_("Document date"), required=False)
    starts_on = DateField(label=_("Posted from"))
    ends_on = DateField(label=_("Posted until"), required=False)
    link = forms.CharField(label=_("Link to the source"), max_length=500, required=False)
    keep_files = forms.BooleanField(
        label=_("Keep the files of the earlier version"), required=False, initial=True
    )
    keep_channels = forms.BooleanField(
        label=_("Keep the ways of disclosure recorded on the earlier version"),
        required=False,
        initial=False,
    )
    file = forms.FileField(label=_("Add a corrected file"), required=False)


class EndEarlyForm(forms.Form):
    ended_on = DateField(label=_("Posting ended on"))
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


STATUS_FILTER_CHOICES = [("", _("Current and ended")), *DisclosureStatus.choices]


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=DisclosureCategory.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTER_CHOICES, required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, kinds: list[str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        categories = DisclosureCategory.objects.filter(active=True)
        if kinds is not None:
            categories = categories.filter(unit_kind__in=kinds)
        self.fields["category"].queryset = categories.order_by("unit_kind", "order", "id")
        if kinds is None or len(kinds) > 1:
            self.fields["category"].label_from_instance = lambda c: (
                f"{c.name} ({c.get_unit_kind_display()})"
            )


class PublicFilterForm(forms.Form):
    category = forms.ModelChoiceField(
        label=_("Category"),
        queryset=DisclosureCategory.objects.none(),
        required=False,
        empty_label=_("All"),
    )
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)

    def __init__(self, *args, unit: Unit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = DisclosureCategory.objects.filter(
            unit_kind=unit.kind
        ).order_by("order", "id")
