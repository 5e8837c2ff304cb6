"""Forms of the plan pages. Rules live in the actions; forms only parse and offer choices."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from coso.core.forms import DateField
from coso.core.uploads import ALLOWED_EXTENSIONS
from coso.units.access import MANAGERS, paths_for
from coso.units.models import PLANNING_KINDS, Unit, User, path_within

from .models import NO_QUARTER, Plan, PlanKind, PlanSection, PlanStatus, Task, TaskStatus, Timing

# Choice lists stop two levels below the plan's unit so a province's page stays small.
CHOICE_DEPTH = 2
QUARTER_CHOICES = [("", "—"), (1, "I"), (2, "II"), (3, "III"), (4, "IV")]
MONTH_CHOICES = [("", "—")] + [(m, str(m)) for m in range(1, 13)]


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return "\u00a0\u00a0" * max(obj.depth - 1, 0) + obj.name


class UnitMultipleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return obj.name


class PlanChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Plan) -> str:
        return f"{obj.number} — {obj.title} ({obj.unit.name})" if obj.number else obj.title


def creatable_units(user: User, *, under: Unit | None = None) -> QuerySet[Unit]:
    """Open planning units the user manages, at most two levels below where their role starts.

    With `under`, only units strictly below that unit (for a subordinate plan).
    """
    condition = Q(pk__in=[])
    for path in paths_for(user, MANAGERS):
        if under is not None and under.path.startswith(path):
            base_path, base_depth = under.path, under.depth
        elif under is not None and not path.startswith(under.path):
            continue
        else:
            base_path, base_depth = path, len(path) // Unit.steplen
        condition |= path_within("path", base_path) & Q(depth__lte=base_depth + CHOICE_DEPTH)
    qs = Unit.objects.filter(condition).active().filter(kind__in=PLANNING_KINDS)
    if under is not None:
        qs = qs.exclude(pk=under.pk)
    return qs.order_by("path")


def task_units(plan: Plan) -> QuerySet[Unit]:
    """Units a task of `plan` may name: open units near the top of the plan unit's subtree."""
    unit = plan.unit
    return (
        Unit.objects.subtree_of(unit)
        .active()
        .filter(depth__lte=unit.depth + CHOICE_DEPTH)
        .order_by("path")
    )


class PlanForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=PlanKind.choices, initial=PlanKind.PLAN)
    number = forms.CharField(
        label=_("Number and symbol"),
        max_length=100,
        required=False,
        help_text=_("For example 04-KH/BCĐ"),
    )
    place = forms.CharField(label=_("Place"), max_length=100, required=False)
    issued_on = DateField(label=_("Date"))
    title = forms.CharField(label=_("Title"), max_length=500)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea)
    subordinate_plans_due = DateField(
        label=_("Subordinate units must issue their plans by"), required=False
    )
    signer_name = forms.CharField(label=_("Signed by"), max_length=200, required=False)
    signer_title = forms.CharField(label=_("Signer's title"), max_length=200, required=False)
    recipients = forms.CharField(
        label=_("Recipients"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One recipient per line."),
    )


class PlanCreateForm(PlanForm):
    unit = UnitChoiceField(label=_("Issuing unit"), queryset=Unit.objects.none())
    legal_texts = forms.CharField(
        label=_("Legal texts it implements"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One document per line, e.g. Luật số 10/2022/QH15 ngày 10/11/2022."),
    )
    upper_plan = PlanChoiceField(
        label=_("Upper level's plan it implements"),
        queryset=Plan.objects.none(),
        required=False,
    )
    field_order = ["unit", "kind", "number", "place", "issued_on", "title", "summary"]

    def __init__(self, *args, user: User, unit: Unit | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if unit is not None:
            self.fields["unit"].queryset = Unit.objects.filter(pk=unit.pk)
            self.fields["unit"].initial = unit.pk
            self.fields["unit"].widget = forms.HiddenInput()
            ancestors = unit.ancestor_paths()[:-1]
        else:
            self.fields["unit"].queryset = creatable_units(user)
            ancestors = sorted(
                {p[:i] for p in paths_for(user, MANAGERS) for i in range(4, len(p) + 1, 4)}
            )
        self.fields["upper_plan"].queryset = (
            Plan.objects.issued().filter(unit_path__in=ancestors).select_related("unit")
        )

    def clean_legal_texts(self) -> list[str]:
        text = self.cleaned_data.get("legal_texts") or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


class SectionForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=20, required=False)
    title = forms.CharField(label=_("Section title"), max_length=500, required=False)
    body = forms.CharField(
        label=_("Content"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    def clean(self) -> dict:
        data = super().clean()
        if (data.get("number") or data.get("body")) and not data.get("title"):
            self.add_error("title", _("Enter the section title."))
        return data


SectionFormSet = forms.formset_factory(SectionForm, extra=3, max_num=20)


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=500)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    section = forms.ModelChoiceField(
        label=_("Section"), queryset=PlanSection.objects.none(), required=False
    )
    timing = forms.ChoiceField(
        label=_("Time"), choices=Timing.choices, widget=forms.RadioSelect, initial=Timing.QUARTER
    )
    quarter = forms.TypedChoiceField(
        label=_("Quarter"), choices=QUARTER_CHOICES, coerce=int, empty_value=None, required=False
    )
    month = forms.TypedChoiceField(
        label=_("Month"), choices=MONTH_CHOICES, coerce=int, empty_value=None, required=False
    )
    due_date = DateField(label=_("Due date"), required=False)
    lead_unit = UnitChoiceField(label=_("Lead unit"), queryset=Unit.objects.none(), required=False)
    lead_person = forms.ModelChoiceField(
        label=_("Lead person"), queryset=User.objects.none(), required=False
    )
    coordinating_units = UnitMultipleChoiceField(
        label=_("Coordinating units"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    target_units = UnitMultipleChoiceField(
        label=_("Target units"),
        queryset=Unit.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Units the task is about, e.g. the units to inspect."),
    )

    def __init__(self, *args, plan: Plan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        units = task_units(plan)
        self.fields["section"].queryset = plan.sections.all()
        self.fields["lead_unit"].queryset = units
        self.fields["coordinating_units"].queryset = units
        self.fields["target_units"].queryset = units
        self.fields["lead_person"].queryset = (
            User.objects.filter(
                path_within("home_unit__path", plan.unit_path),
                is_active=True,
                home_unit__depth__lte=plan.unit.depth + CHOICE_DEPTH,
            )
            .select_related("home_unit")
            .order_by("full_name", "username")
        )

    @staticmethod
    def initial_for(task: Task) -> dict:
        return {
            "title": task.title,
            "description": task.description,
            "section": task.section_id,
            "timing": task.timing,
            "quarter": task.quarter,
            "month": task.month,
            "due_date": task.due_date,
            "lead_unit": task.lead_unit_id,
            "lead_person": task.lead_person_id,
            "coordinating_units": [u.pk for u in task.coordinating_units.all()],
            "target_units": [u.pk for u in task.target_units.all()],
        }


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=TaskStatus.choices)


class ProgressForm(forms.Form):
    progress = forms.IntegerField(
        label=_("Progress (%)"),
        min_value=0,
        max_value=100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 5}),
    )


class EvidenceForm(forms.Form):
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("Accepted: %(types)s.") % {"types": ", ".join(ALLOWED_EXTENSIONS)},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ALLOWED_EXTENSIONS)}),
    )


class DeriveForm(forms.Form):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    kind = forms.ChoiceField(label=_("Kind"), choices=PlanKind.choices, initial=PlanKind.PLAN)
    number = forms.CharField(label=_("Number and symbol"), max_length=100, required=False)
    place = forms.CharField(label=_("Place"), max_length=100, required=False)
    issued_on = DateField(label=_("Date"))
    title = forms.CharField(label=_("Title"), max_length=500)
    tasks = forms.TypedMultipleChoiceField(
        label=_("Tasks to carry down"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user: User, parent: Plan, tasks: list[Task], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = creatable_units(user, under=parent.unit)
        self.fields["tasks"].choices = [(t.pk, f"{t.title} ({t.time_label})") for t in tasks]


class PlanFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All"))] + PlanKind.choices, required=False
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + PlanStatus.choices, required=False
    )
    # The id of a library text: only plans citing it (the link on the text's page).
    legal_text = forms.IntegerField(
        required=False, min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput
    )


class TaskFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)
    quarter = forms.TypedChoiceField(
        label=_("Quarter"),
        choices=[*QUARTER_CHOICES, (NO_QUARTER, _("Ongoing / ad hoc"))],
        coerce=int,
        empty_value=None,
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + TaskStatus.choices, required=False
    )
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)
