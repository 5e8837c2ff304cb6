"""Forms of the requirement pages. Rules live in the actions; forms only parse and offer choices."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from coso.core.dates import today
from coso.core.forms import DateField
from coso.units.access import MANAGERS, paths_for
from coso.units.models import Unit, UnitKind, User, path_within

from .access import usable_forms
from .models import Period, PeriodKind, ReportForm, SubmissionStatus, TargetMode

# Choice lists stop two levels below the requiring unit so a province's page stays small;
# a search (?q=) reaches deeper.
CHOICE_DEPTH = 2
CHOICE_LIMIT = 300
LEVEL_CHOICES = [(n, str(n)) for n in range(1, 6)]
NUMBERED_KINDS = (PeriodKind.HALF_YEAR, PeriodKind.QUARTER, PeriodKind.MONTH)
NUMBER_RANGES = {PeriodKind.HALF_YEAR: 2, PeriodKind.QUARTER: 4, PeriodKind.MONTH: 12}


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return "\u00a0\u00a0" * max(obj.depth - 1, 0) + obj.name


def issuing_units(user: User) -> QuerySet[Unit]:
    """Open units the user may require reports from: those they manage, two levels down."""
    condition = Q(pk__in=[])
    for path in paths_for(user, MANAGERS):
        depth = len(path) // Unit.steplen
        condition |= path_within("path", path) & Q(depth__lte=depth + CHOICE_DEPTH)
    return Unit.objects.filter(condition).active().order_by("path")


def units_below(unit: Unit) -> QuerySet[Unit]:
    """Every open unit strictly below `unit`: what a chosen list may contain."""
    return Unit.objects.subtree_of(unit, include_self=False).active()


def unit_choices(unit: Unit, query: str = "", selected: list[int] | None = None) -> list[Unit]:
    """Units offered as checkboxes: two levels down, or the search matches at any depth, plus
    those already ticked so a search does not drop them."""
    below = units_below(unit)
    shown = below.search(query) if query.strip() else below.filter(depth__lte=unit.depth + 2)
    condition = Q(pk__in=shown.order_by().values("pk")[:CHOICE_LIMIT])
    if selected:
        condition |= Q(pk__in=selected)
    return list(below.filter(condition).order_by("path"))


class RequirementForm(forms.Form):
    # The unit comes from the page's ?unit=; the hidden copy only has to agree with it.
    unit = UnitChoiceField(label=_("Requiring unit"), queryset=Unit.objects.none(), required=False)
    title = forms.CharField(
        label=_("Title"),
        max_length=500,
        help_text=_("For example: Báo cáo sơ kết 6 tháng đầu năm 2025 thực hiện dân chủ ở cơ sở"),
    )
    form = forms.ModelChoiceField(label=_("Report form"), queryset=ReportForm.objects.none())
    period_kind = forms.ChoiceField(
        label=_("Period"), choices=PeriodKind.choices, initial=PeriodKind.HALF_YEAR
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100, required=False)
    number = forms.IntegerField(
        label=_("Half-year, quarter or month number"),
        required=False,
        help_text=_("Half-year 1–2, quarter 1–4, month 1–12; leave empty for a year."),
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    period_start = DateField(label=_("Ad hoc period: from"), required=False)
    period_end = DateField(label=_("Ad hoc period: to"), required=False)
    deadline = DateField(label=_("Deadline"))
    receiving_office = forms.CharField(
        label=_("Receiving office"),
        max_length=255,
        help_text=_("For example: Ban Dân vận Tỉnh ủy (qua Phòng Tổng hợp)"),
    )
    target_mode = forms.ChoiceField(
        label=_("Units asked"),
        choices=TargetMode.choices,
        initial=TargetMode.ALL,
        widget=forms.RadioSelect,
    )
    levels_down = forms.TypedChoiceField(
        label=_("Levels down"), choices=LEVEL_CHOICES, coerce=int, initial=1
    )
    target_kinds = forms.MultipleChoiceField(
        label=_("Kinds of units"),
        choices=UnitKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    # Rendered by the template from a short list (see unit_choices): the widget would list the
    # whole subtree.
    target_units = forms.ModelMultipleChoiceField(
        label=_("Chosen units"), queryset=Unit.objects.none(), required=False
    )
    repeats_yearly = forms.BooleanField(label=_("Repeat every year"), required=False)

    def __init__(self, *args, user: User, unit: Unit, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["unit"].queryset = Unit.objects.filter(pk=unit.pk)
        self.fields["unit"].initial = unit.pk
        self.fields["unit"].widget = forms.HiddenInput()
        self.fields["form"].queryset = usable_forms(user, unit)
        self.fields["target_units"].queryset = units_below(unit)
        self.fields["year"].initial = today().year

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("period_kind")
        year = data.get("year")
        number = data.get("number")
        if kind == PeriodKind.AD_HOC:
            start, end = data.get("period_start"), data.get("period_end")
            if start is None and "period_start" not in self.errors:
                self.add_error("period_start", _("Enter the first day of the period."))
            if end is None and "period_end" not in self.errors:
                self.add_error("period_end", _("Enter the last day of the period."))
            if start and end and end < start:
                self.add_error("period_end", _("The period ends before it starts."))
        elif year is None:
            if "year" not in self.errors:
                self.add_error("year", _("Enter the year."))
        elif kind in NUMBERED_KINDS:
            top = NUMBER_RANGES[kind]
            if number is None:
                self.add_error("number", _("Enter the number of the half-year, quarter or month."))
            elif not 1 <= number <= top:
                self.add_error("number", _("Enter a number from 1 to %(n)s.") % {"n": top})
        if kind in NUMBERED_KINDS and year is not None and "number" not in self.errors:
            try:
                Period.bounds(kind, year, number or 0)
            except ValueError:
                self.add_error("number", _("This period does not exist."))
        return data

    def period_args(self) -> dict:
        """Keyword arguments of actions.get_period for the cleaned form."""
        data = self.cleaned_data
        kind = data["period_kind"]
        if kind == PeriodKind.AD_HOC:
            return {
                "kind": kind,
                "year": data["period_start"].year,
                "start": data["period_start"],
                "end": data["period_end"],
            }
        number = (data.get("number") or 0) if kind in NUMBERED_KINDS else 0
        return {"kind": kind, "year": data["year"], "number": number}

    def period_field(self) -> str:
        """The field that carries an error about the period as a whole."""
        kind = self.cleaned_data.get("period_kind")
        if kind == PeriodKind.AD_HOC:
            return "period_end"
        return "number" if kind in NUMBERED_KINDS else "year"


class UnitPickForm(forms.Form):
    """First step when no unit is given: which unit requires the report."""

    unit = UnitChoiceField(label=_("Requiring unit"), queryset=Unit.objects.none())

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = issuing_units(user)


class SubmissionFilterForm(forms.Form):
    MARKS = [
        ("", _("All")),
        ("missing", _("Not submitted")),
        ("overdue", _("Overdue")),
        ("late", _("Submitted late")),
    ]
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *SubmissionStatus.choices], required=False
    )
    only = forms.ChoiceField(label=_("Show"), choices=MARKS, required=False)
