"""Forms of the household register and community decisions. Rules live in the actions; forms
only parse the input and offer choices."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from coso.core.forms import DateField
from coso.units.models import Unit, User

from .models import DecisionMethod, DecisionRule, Household, Matter, MatterKind, VoteChoice

DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]


class DateTimeField(forms.DateTimeField):
    """dd/mm/yyyy hh:mm in a text box, like the dates of the other forms."""

    default_error_messages = {"invalid": _("Enter a date and time as dd/mm/yyyy hh:mm.")}

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("input_formats", DATETIME_INPUT_FORMATS)
        kwargs.setdefault(
            "widget",
            forms.DateTimeInput(
                format="%d/%m/%Y %H:%M",
                attrs={"placeholder": "dd/mm/yyyy hh:mm", "autocomplete": "off"},
            ),
        )
        super().__init__(**kwargs)


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.username})"


class UserMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj.display_name} ({obj.username})"


def people_of(unit: Unit) -> QuerySet[User]:
    """Accounts that may represent a household or count ballots in `unit`: people of the
    community and representatives of its households."""
    return (
        User.objects.filter(
            Q(home_unit=unit) | Q(represented_households__unit=unit), is_active=True
        )
        .distinct()
        .order_by("full_name", "username")
    )


class HouseholdForm(forms.ModelForm):
    representative_user = UserChoiceField(
        queryset=User.objects.none(),
        required=False,
        label=_("Representative's account (to vote online)"),
        help_text=_("A person of the community with a coso account."),
    )
    left_on = DateField(label=_("Left the community on"), required=False)

    class Meta:
        model = Household
        fields = [
            "code",
            "representative_name",
            "address",
            "members_count",
            "phone",
            "representative_user",
            "left_on",
        ]

    def __init__(self, *args, unit: Unit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["representative_user"].queryset = people_of(unit)
        self.fields["members_count"].widget.attrs.update({"inputmode": "numeric", "min": 1})

    def _post_clean(self) -> None:
        # Uniqueness and the other rules are the action's; the form only parses.
        pass


class HouseholdSearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    left = forms.BooleanField(label=_("Include households that left"), required=False)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Spreadsheet (.xlsx or .csv)"),
        help_text=_(
            "First row: Mã hộ, Người đại diện, Địa chỉ, Số nhân khẩu, Điện thoại. "
            "If any row is wrong, nothing is imported."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )


class MatterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of matter"), choices=MatterKind.choices)
    method = forms.ChoiceField(label=_("How the community decides"), choices=DecisionMethod.choices)
    title = forms.CharField(label=_("Matter to decide"), max_length=500)
    description = forms.CharField(
        label=_("Details"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    secret = forms.BooleanField(
        label=_("Secret ballot (who voted is kept, never how)"), required=False
    )
    meeting_at = DateTimeField(label=_("Meeting date and time"), required=False)
    meeting_place = forms.CharField(label=_("Meeting place"), max_length=255, required=False)
    voting_opens_at = DateTimeField(label=_("Voting opens"), required=False)
    voting_closes_at = DateTimeField(label=_("Voting closes"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        rules = {r.kind: r for r in DecisionRule.objects.all()}
        allowed = []
        for kind, label in MatterKind.choices:
            rule = rules.get(kind) or DecisionRule.for_kind(kind)
            methods = ", ".join(
                str(DecisionMethod(m).label).lower() for m in rule.allowed_methods()
            )
            allowed.append(f"{label}: {methods}")
        self.fields["method"].help_text = _("Allowed by the law: %(list)s.") % {
            "list": "; ".join(allowed)
        }


class AttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(
        queryset=Household.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Households represented at the meeting"),
    )

    def __init__(self, *args, households: QuerySet[Household], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = households
        self.fields["present"].label_from_instance = lambda h: f"{h.code} – {h.representative_name}"


class MeetingVotesForm(forms.Form):
    """One radio group per household present (named hh-<id>); empty means not yet voted."""

    def __init__(self, *args, households: list[Household], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("Not recorded")), *VoteChoice.choices]
        self.households = households
        for household in households:
            self.fields[f"hh-{household.pk}"] = forms.ChoiceField(
                label=f"{household.code} – {household.representative_name}",
                choices=choices,
                required=False,
                widget=forms.RadioSelect,
            )

    def votes(self) -> dict[int, str]:
        return {
            household.pk: self.cleaned_data[f"hh-{household.pk}"]
            for household in self.households
            if self.cleaned_data.get(f"hh-{household.pk}")
        }


class VoteForm(forms.Form):
    choice = forms.ChoiceField(
        label=_("Your household's choice"), choices=VoteChoice.choices, widget=forms.RadioSelect
    )


class SentForm(forms.Form):
    sent_on = DateField(label=_("Sent to the commune on"))


class CountingBoardForm(forms.Form):
    members = UserMultipleChoiceField(
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Members of the counting board"),
    )

    def __init__(self, *args, matter: Matter, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = people_of(matter.unit)
        self.fields["members"].help_text = _(
            "A secret ballot is counted by a board of %(min)s to %(max)s people (%(citation)s)."
        ) % {
            "min": matter.rule.counting_board_min,
            "max": matter.rule.counting_board_max,
            "citation": matter.rule.counting_board_citation,
        }
