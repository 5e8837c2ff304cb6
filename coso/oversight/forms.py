"""Forms of the oversight pages. Rules live in the actions; forms parse and offer choices."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from coso.core.forms import DateField
from coso.units.models import Unit, UnitKind, User, path_within

from . import access
from .composition import residential_communities
from .models import (
    BOARD_UNIT_KINDS,
    ActivityKind,
    Board,
    BoardKind,
    BoardStatus,
    ElectionMethod,
    PeriodKind,
    PlanItem,
    Position,
    RecommendationStatus,
)

BOARD_UNIT_KIND_VALUES = sorted({kind for kinds in BOARD_UNIT_KINDS.values() for kind in kinds})


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return "\u00a0\u00a0" * max(obj.depth - 1, 0) + obj.name


def creatable_units(user: User) -> QuerySet[Unit]:
    """Open communes, agencies and enterprises the user manages."""
    condition = Q(pk__in=[])
    for path in access.manageable_paths(user):
        condition |= path_within("path", path)
    return (
        Unit.objects.filter(condition)
        .active()
        .filter(kind__in=BOARD_UNIT_KIND_VALUES)
        .order_by("path")
    )


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ChoiceField(
        label=_("Kind of board"), required=False, choices=[("", _("All"))] + BoardKind.choices
    )
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + BoardStatus.choices
    )


class BoardForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the board"),
        max_length=300,
        required=False,
        help_text=_("Leave empty for the usual name."),
    )
    project_name = forms.CharField(
        label=_("Investment project supervised"),
        max_length=500,
        required=False,
        help_text=_("Only for a community investment supervision board."),
    )
    election_method = forms.ChoiceField(
        label=_("Elected or set up by"), choices=ElectionMethod.choices
    )
    elected_on = DateField(label=_("Elected on"))
    resolution_number = forms.CharField(
        label=_("Number of the resolution or minutes"), max_length=100, required=False
    )
    term_starts_on = DateField(
        label=_("Term starts on"),
        required=False,
        help_text=_("Leave empty: the day of the election."),
    )
    term_ends_on = DateField(
        label=_("Term ends on"),
        required=False,
        help_text=_(
            "Leave empty for the term of the rule: a commune's board as long as the village "
            "head's term (5 years), an agency's board 2 years."
        ),
    )


class BoardCreateForm(BoardForm):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("Kind of board"), choices=BoardKind.choices)
    field_order = ["unit", "kind", "name", "project_name"]

    def __init__(self, *args, user: User, unit: Unit | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if unit is not None:
            self.fields["unit"].queryset = Unit.objects.filter(pk=unit.pk)
            self.fields["unit"].initial = unit.pk
            self.fields["unit"].widget = forms.HiddenInput()
        else:
            self.fields["unit"].queryset = creatable_units(user)


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


class MemberForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    position = forms.ChoiceField(label=_("Position"), choices=Position.choices)
    community = forms.ModelChoiceField(
        label=_("Residential community represented"),
        queryset=Unit.objects.none(),
        required=False,
    )
    occupation = forms.CharField(label=_("Occupation or job"), max_length=200, required=False)
    user = AccountField(
        label=_("Account in coso (user name)"),
        max_length=150,
        required=False,
        help_text=_("A member with an account records the board's work."),
    )
    is_unit_leader = forms.BooleanField(
        label=_("Is the head, a deputy head or the chief accountant of the unit"), required=False
    )
    is_commune_official = forms.BooleanField(
        label=_("Is an official or civil servant of the commune"), required=False
    )

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if board.kind == BoardKind.AGENCY:
            del self.fields["community"]
            del self.fields["is_commune_official"]
        else:
            self.fields["community"].queryset = Unit.objects.filter(
                pk__in=[u.pk for u in residential_communities(board.unit)]
            ).order_by("path")
            del self.fields["is_unit_leader"]


class RecogniseForm(forms.Form):
    decision_number = forms.CharField(label=_("Number of the recognising decision"), max_length=100)
    recognised_on = DateField(label=_("Recognised on"))


class EndForm(forms.Form):
    status = forms.ChoiceField(
        label=_("What happened"),
        choices=[
            (BoardStatus.ENDED, _("The term ended")),
            (BoardStatus.DISSOLVED, _("The board was dissolved (the project ended)")),
        ],
    )
    ended_on = DateField(label=_("On"))
    reason = forms.CharField(label=_("Reason"), max_length=500, required=False)


class PlanForm(forms.Form):
    period_kind = forms.ChoiceField(label=_("Period"), choices=PeriodKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    number = forms.IntegerField(
        label=_("Quarter or half"),
        min_value=1,
        max_value=4,
        required=False,
        help_text=_("1 to 4 for a quarter, 1 or 2 for a half-year."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        required=False,
        help_text=_("Leave empty for the usual title."),
    )
    adopted_on = DateField(label=_("Adopted on"), required=False)


class PlanItemForm(forms.Form):
    content = forms.CharField(
        label=_("Content"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    starts_on = DateField(label=_("From"))
    ends_on = DateField(label=_("To"), required=False)


class PlanItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: PlanItem) -> str:
        return f"{obj.plan.title}: {obj.content[:80]}"


class ActivityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=ActivityKind.choices)
    subject = forms.CharField(
        label=_("Subject inspected or supervised"),
        max_length=500,
        help_text=_("For example: the construction of the village cultural house."),
    )
    content = forms.CharField(
        label=_("Content"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    plan_item = PlanItemChoiceField(
        label=_("Content of the plan carried out"), queryset=PlanItem.objects.none(), required=False
    )
    starts_on = DateField(label=_("Starts on"))
    ends_on = DateField(label=_("Ends on"), required=False)
    notice_sent_on = DateField(
        label=_("Notice sent on"),
        help_text=_("At least 5 working days before the start."),
    )
    notice_to = forms.CharField(
        label=_("Notice sent to"),
        max_length=300,
        help_text=_("The body or person inspected or supervised, and the authority."),
    )

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan_item"].queryset = PlanItem.objects.filter(
            plan__board=board
        ).select_related("plan")


class FindingsForm(forms.Form):
    findings = forms.CharField(
        label=_("Findings"), max_length=10_000, widget=forms.Textarea(attrs={"rows": 6})
    )
    findings_on = DateField(label=_("Recorded on"))


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)


class RecommendationForm(forms.Form):
    text = forms.CharField(
        label=_("Recommendation"), max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    addressed_unit = forms.ModelChoiceField(
        label=_("Unit addressed (in coso)"), queryset=Unit.objects.none(), required=False
    )
    addressed_to = forms.CharField(
        label=_("Addressed to"),
        max_length=300,
        required=False,
        help_text=_(
            "The authority or person: for example, the chairman of the commune People's Committee."
        ),
    )
    sent_on = DateField(label=_("Sent on"))

    def __init__(self, *args, board: Board, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["addressed_unit"].queryset = (
            board.unit.ancestors_and_self().active().exclude(kind=UnitKind.RESIDENTIAL)
        )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer of the authority"),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    answered_on = DateField(label=_("Answered on"))


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[
            (RecommendationStatus.DONE, RecommendationStatus.DONE.label),
            (RecommendationStatus.NOT_ACCEPTED, RecommendationStatus.NOT_ACCEPTED.label),
        ],
    )
    closed_on = DateField(label=_("On"))
    note = forms.CharField(
        label=_("Follow-up"),
        max_length=10_000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What was done, or why it was not accepted."),
    )


class RecommendationFilterForm(forms.Form):
    SHOW_CHOICES = [
        ("unanswered", _("Not answered")),
        ("overdue", _("Overdue")),
        ("open", _("Not done yet")),
        ("all", _("All")),
    ]
    show = forms.ChoiceField(label=_("Show"), choices=SHOW_CHOICES, required=False)
