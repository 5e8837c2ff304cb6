"""The two small forms of the documents pages: one paper ballot entered by the counting board,
and what the officer adds to the minutes (the signers the register does not know)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Matter, VoteChoice
from .build import MinutesOptions, forms_for
from .common import (
    CHOICE_ABSTAIN,
    CHOICE_NO,
    CHOICE_YES,
    DEFAULT_RECORD_TYPE,
    RECORD_TYPES,
    MinutesForm,
)

# Long enough for a code typed with spaces or dashes, or scanned with a prefix; the action
# normalizes it.
CODE_INPUT_LIMIT = 60
NAME_LIMIT = 200
VENUE_LIMIT = 255
WITNESSES_LIMIT = 5

BALLOT_CHOICES = [
    (VoteChoice.YES.value, CHOICE_YES),
    (VoteChoice.NO.value, CHOICE_NO),
    (VoteChoice.ABSTAIN.value, CHOICE_ABSTAIN),
]
FORM_LABELS = {
    MinutesForm.MEETING: _("Meeting minutes (form 03)"),
    MinutesForm.MEETING_COUNT: _("Secret ballot count (form 02)"),
    MinutesForm.HOUSEHOLD_BALLOT: _("Household ballot count (form 04)"),
    MinutesForm.ONLINE: _("Online vote summary"),
}


class PaperBallotForm(forms.Form):
    code = forms.CharField(
        label=_("Ballot code"),
        max_length=CODE_INPUT_LIMIT,
        help_text=_("Type the code printed on the ballot, or scan its QR code into this box."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "autocorrect": "off",
                "spellcheck": "false",
                "autofocus": True,
                "enterkeyhint": "next",
            }
        ),
    )
    # The boxes as the paper prints them (Vietnamese by law), so the board matches word for word.
    choice = forms.ChoiceField(
        label=_("Choice marked on the ballot"),
        choices=BALLOT_CHOICES,
        widget=forms.RadioSelect,
    )


class MinutesOptionsForm(forms.Form):
    """Read from the query string of the download links: bad values fall back to the defaults,
    over-long ones are refused with a message, never a 500."""

    form = forms.ChoiceField(label=_("Document"), required=False)
    record_type = forms.ChoiceField(
        label=_("Recorded as"),
        required=False,
        choices=[(t, t.capitalize()) for t in RECORD_TYPES],
        initial=DEFAULT_RECORD_TYPE,
        help_text=_("Law 10/2022/QH15, art. 20: resolution, minutes, memorandum or agreement."),
    )
    chair = forms.CharField(label=_("Chair"), max_length=NAME_LIMIT, required=False)
    chair_role = forms.CharField(label=_("Chair's position"), max_length=NAME_LIMIT, required=False)
    secretary = forms.CharField(label=_("Secretary"), max_length=NAME_LIMIT, required=False)
    secretary_role = forms.CharField(
        label=_("Secretary's position"), max_length=NAME_LIMIT, required=False
    )
    venue = forms.CharField(label=_("Where it took place"), max_length=VENUE_LIMIT, required=False)
    witnesses = forms.CharField(
        label=_("Household representatives witnessing the count"),
        required=False,
        max_length=WITNESSES_LIMIT * (NAME_LIMIT + 1),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One name a line, at most five."),
    )

    def __init__(self, *args, matter: Matter, **kwargs):
        super().__init__(*args, **kwargs)
        self.matter = matter
        choices = forms_for(matter)
        self.fields["form"].choices = [(f.value, FORM_LABELS[f]) for f in choices]
        self.fields["form"].initial = choices[0].value
        self.fields["venue"].initial = matter.meeting_place
        if MinutesForm.MEETING not in choices:
            del self.fields["record_type"]
        if not any(f in (MinutesForm.MEETING_COUNT, MinutesForm.HOUSEHOLD_BALLOT) for f in choices):
            del self.fields["witnesses"]

    def options(self) -> MinutesOptions:
        data = self.cleaned_data
        witnesses = tuple(
            line.strip() for line in data.get("witnesses", "").splitlines() if line.strip()
        )[:WITNESSES_LIMIT]
        return MinutesOptions(
            form=MinutesForm(data["form"]) if data.get("form") else None,
            record_type=data.get("record_type") or DEFAULT_RECORD_TYPE,
            chair=data["chair"],
            chair_role=data["chair_role"],
            secretary=data["secretary"],
            secretary_role=data["secretary_role"],
            venue=data["venue"],
            witnesses=witnesses,
        )
