"""Forms of the inspection pages. Rules live in the actions; forms parse and offer choices."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.forms import DateField
from coso.units.models import SteeringCommittee, Unit, UnitKind, User, path_within

from .models import (
    NOTE_MAX_LENGTH,
    SELF_INSPECTION_KINDS,
    TEXT_MAX_LENGTH,
    TITLE_MAX_LENGTH,
    Assessment,
    CampaignStatus,
    InspectionPlan,
    InspectionTarget,
    PlanStatus,
)

# How far below the inspecting unit the target list reaches.
TARGET_DEPTH = 3
FILE_HELP = _("Optional. PDF, Word, Excel, OpenDocument, images or text; at most 10 MB.")


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return "\u00a0\u00a0" * max(obj.depth - 1, 0) + obj.name


class CommitteeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: SteeringCommittee) -> str:
        return f"{obj.name} ({obj.unit.name})"


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return f"{obj} — {obj.job_title}" if obj.job_title else str(obj)


def _text_area(label, *, required=True, rows=4, max_length=TEXT_MAX_LENGTH, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
    )


def people_of(unit: Unit) -> QuerySet[User]:
    """Active people who work in the unit or hold a role in it."""
    return (
        User.objects.filter(Q(home_unit=unit) | Q(roles__unit=unit), is_active=True)
        .distinct()
        .order_by("full_name", "username")
    )


# --- Plans ------------------------------------------------------------------------------------


class PlanForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    number = forms.CharField(
        label=_("Document number"),
        max_length=100,
        required=False,
        help_text=_("For example 05-KH/BCĐ."),
    )
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    content = _text_area(
        _("Content of the inspection"),
        required=False,
        rows=6,
        help_text=_("What the team checks: leadership, regulations, disclosure, dialogue…"),
    )
    starts_on = DateField(label=_("Starts on"))
    ends_on = DateField(label=_("Ends on"))


class PlanCreateForm(PlanForm):
    committee = CommitteeChoiceField(
        label=_("Steering committee"), queryset=SteeringCommittee.objects.none()
    )
    field_order = ["committee", "year", "number", "title", "content", "starts_on", "ends_on"]

    def __init__(self, *args, committees: QuerySet[SteeringCommittee], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        if committees.count() == 1:
            self.fields["committee"].initial = committees.first()


class TeamMemberForm(forms.Form):
    user = UserChoiceField(
        label=_("Account"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Link an account so this member can record findings."),
    )
    name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        required=False,
        help_text=_("Leave empty to take the account's name."),
    )
    title = forms.CharField(
        label=_("Position in the team"),
        max_length=200,
        required=False,
        help_text=_("For example: Ủy viên Ban Chỉ đạo, chuyên viên Ban Dân vận."),
    )
    is_leader = forms.BooleanField(label=_("Team leader"), required=False)

    def __init__(self, *args, plan: InspectionPlan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.filter(
                Q(committee_seats__committee__unit=plan.unit, committee_seats__left_on__isnull=True)
                | Q(roles__unit=plan.unit)
                | Q(home_unit=plan.unit),
                is_active=True,
            )
            .distinct()
            .order_by("full_name", "username")
        )

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("user") and not (cleaned.get("name") or "").strip():
            self.add_error("name", _("Enter the member's name or choose an account."))
        return cleaned


class TargetForm(forms.Form):
    unit = UnitChoiceField(label=_("Inspected unit"), queryset=Unit.objects.none())
    planned_on = DateField(label=_("Planned date"))

    def __init__(self, *args, plan: InspectionPlan, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = (
            Unit.objects.filter(path_within("path", plan.unit.path))
            .exclude(pk=plan.unit_id)
            .filter(depth__lte=plan.unit.depth + TARGET_DEPTH)
            .active()
            .order_by("path")
        )


class PlanFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + PlanStatus.choices
    )


# --- Findings, conclusions, corrective actions ------------------------------------------------


class FindingForm(forms.Form):
    text = _text_area(_("Findings"), rows=5)
    good_points = _text_area(_("Good points"), required=False, rows=3)
    shortcomings = _text_area(_("Shortcomings"), required=False, rows=3)


class ConclusionForm(forms.Form):
    conclusion = _text_area(
        _("Conclusion"),
        rows=6,
        help_text=_("The assessment of the unit and what it must correct (chấn chỉnh)."),
    )
    concluded_on = DateField(label=_("Date of the conclusion"))


class ActionForm(forms.Form):
    description = _text_area(_("Required corrective action"), rows=2, required=True)
    deadline = DateField(label=_("Deadline"))
    owner = UserChoiceField(
        label=_("Responsible person"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Optional: otherwise the unit's officers answer for it."),
    )

    def __init__(self, *args, target: InspectionTarget, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people_of(target.unit)


class BaseActionFormSet(forms.BaseFormSet):
    def __init__(self, *args, target: InspectionTarget, **kwargs) -> None:
        self.target = target
        super().__init__(*args, **kwargs)

    def get_form_kwargs(self, index):
        kwargs = super().get_form_kwargs(index)
        kwargs["target"] = self.target
        return kwargs

    @property
    def empty_form(self):
        form = self.form(
            auto_id=self.auto_id,
            prefix=self.add_prefix("__prefix__"),
            empty_permitted=True,
            use_required_attribute=False,
            target=self.target,
        )
        self.add_fields(form, None)
        return form


ActionFormSet = forms.formset_factory(ActionForm, formset=BaseActionFormSet, extra=3, max_num=20)


class ReportActionForm(forms.Form):
    note = _text_area(_("What the unit did"), rows=4, max_length=NOTE_MAX_LENGTH)
    file = forms.FileField(label=_("Evidence file"), required=False, help_text=FILE_HELP)


class ReviewForm(forms.Form):
    note = _text_area(
        _("Note"),
        required=False,
        rows=2,
        max_length=NOTE_MAX_LENGTH,
        help_text=_("Required when sending the report back: say what is missing."),
    )


ACTION_STATES = (
    ("", _("All")),
    ("todo", pgettext_lazy("corrective actions", "To do")),
    ("overdue", _("Overdue")),
    ("reported", _("Awaiting acceptance")),
    ("done", pgettext_lazy("corrective actions", "Done")),
)
SIDES = (
    ("inspected", _("Actions the unit must carry out")),
    ("inspecting", _("Actions required by the unit's inspections")),
)


class ActionFilterForm(forms.Form):
    unit = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    side = forms.ChoiceField(label=_("Side"), required=False, choices=SIDES)
    state = forms.ChoiceField(label=_("State"), required=False, choices=ACTION_STATES)


# --- Self-inspection campaigns -----------------------------------------------------------------


class CampaignForm(forms.Form):
    committee = CommitteeChoiceField(
        label=_("Steering committee"), queryset=SteeringCommittee.objects.none()
    )
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    content = _text_area(
        _("Content of the self-inspection"),
        required=False,
        rows=6,
        help_text=_("What each unit checks in itself and what its report must cover."),
    )
    unit_kinds = forms.MultipleChoiceField(
        label=_("Units that must inspect themselves"),
        choices=[(k, UnitKind(k).label) for k in SELF_INSPECTION_KINDS],
        widget=forms.CheckboxSelectMultiple,
        initial=[UnitKind.COMMUNE, UnitKind.AGENCY, UnitKind.ENTERPRISE],
    )
    deadline = DateField(label=_("Results due by"))

    def __init__(self, *args, committees: QuerySet[SteeringCommittee], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["committee"].queryset = committees
        if committees.count() == 1:
            self.fields["committee"].initial = committees.first()


class CampaignFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + CampaignStatus.choices
    )


class SelfReportForm(forms.Form):
    result = _text_area(_("Result of the self-inspection"), rows=8)
    assessment = forms.ChoiceField(label=_("Self-assessment"), choices=Assessment.choices)
    file = forms.FileField(label=_("Report file"), required=False, help_text=FILE_HELP)
