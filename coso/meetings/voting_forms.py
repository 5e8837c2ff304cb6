"""Forms of motions and elections (the checks of the law are in voting.py)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.oversight.models import BoardKind
from coso.units.models import Unit, UnitKind

from .models import Candidate, Choice, Election, VoteMethod

BOARD_CHOICES = [
    ("", _("No board (another election)")),
    (BoardKind.AGENCY.value, BoardKind.AGENCY.label),
    (BoardKind.COMMUNE.value, BoardKind.COMMUNE.label),
]


def _count_field(label) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=0,
        max_value=1_000_000,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
    )


class MotionForm(forms.Form):
    title = forms.CharField(label=_("Motion"), max_length=300)
    text = forms.CharField(
        label=_("Text put to the vote"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    method = forms.ChoiceField(
        label=_("How it is voted"), choices=VoteMethod.choices, initial=VoteMethod.HANDS
    )


class HandsForm(forms.Form):
    yes = _count_field(pgettext_lazy("meetings", "Agree"))
    no = _count_field(pgettext_lazy("meetings", "Disagree"))
    abstain = _count_field(pgettext_lazy("meetings", "No opinion"))


class MotionBallotForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your vote"),
        choices=Choice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose agree, disagree or no opinion.")},
    )


class ElectionForm(forms.Form):
    title = forms.CharField(label=_("Election"), max_length=300)
    seats = forms.IntegerField(label=_("Seats to fill"), min_value=1, max_value=100, initial=1)
    board_kind = forms.ChoiceField(label=_("Board elected"), choices=BOARD_CHOICES, required=False)
    method = forms.ChoiceField(
        label=_("How it is voted"), choices=VoteMethod.choices, initial=VoteMethod.BALLOT
    )


class CandidateForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    job_title = forms.CharField(label=_("Position or job"), max_length=200, required=False)
    community = forms.ModelChoiceField(
        label=_("Residential community"), queryset=Unit.objects.none(), required=False
    )
    is_unit_leader = forms.BooleanField(
        label=_("Is the head, a deputy head or the chief accountant of the unit"), required=False
    )
    is_commune_official = forms.BooleanField(
        label=_("Is an official or civil servant of the commune"), required=False
    )

    def __init__(self, *args, election: Election, commune: Unit | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if commune is None:
            del self.fields["community"]
        else:
            self.fields["community"].queryset = Unit.objects.filter(
                path__startswith=commune.path, kind=UnitKind.RESIDENTIAL, closed_on__isnull=True
            ).order_by("path")


class ElectionBallotForm(forms.Form):
    candidates = forms.MultipleChoiceField(
        label=_("Candidates you elect"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, candidates: list[Candidate], seats: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["candidates"]
        field.choices = [(str(c.pk), c.full_name) for c in candidates]
        field.help_text = _("Mark at most %(seats)s.") % {"seats": seats}


class ElectionCountsForm(forms.Form):
    ballots_cast = _count_field(_("Ballots cast"))
    ballots_invalid = _count_field(_("Invalid ballots"))

    def __init__(self, *args, candidates: list[Candidate], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = candidates
        for candidate in candidates:
            field = _count_field(candidate.full_name)
            field.initial = candidate.votes
            self.fields[f"votes_{candidate.pk}"] = field

    def votes(self) -> dict[int, int]:
        return {c.pk: self.cleaned_data[f"votes_{c.pk}"] for c in self.candidates}
