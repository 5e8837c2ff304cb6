"""Forms of the units pages: they only parse input; the actions decide what is allowed."""

from __future__ import annotations

from collections.abc import Iterable

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from coso.core.forms import DateField

from .models import CommitteePosition, Role, Unit, UnitKind, User


def unit_label(unit: Unit) -> str:
    return f"{unit.name} ({unit.short_name})" if unit.short_name else unit.name


class UnitPickerField(forms.ModelChoiceField):
    """Choose a unit among a (possibly huge) allowed set.

    Validation runs against the whole allowed queryset; the drop-down only lists the
    candidates the user searched for, so a tree of thousands of communes stays a small page.
    """

    def label_from_instance(self, obj: Unit) -> str:
        return unit_label(obj)


def _offer(form: forms.Form, name: str, candidates: Iterable[Unit], empty_label: str) -> None:
    """List the candidates, keeping a unit already chosen on a form sent back with errors."""
    field = form.fields[name]
    units = list(candidates)
    chosen = form.data.get(form.add_prefix(name)) if form.is_bound else None
    if chosen and str(chosen).isdigit() and all(str(u.pk) != str(chosen) for u in units):
        units = list(field.queryset.filter(pk=chosen)) + units
    field.widget.choices = [("", empty_label)] + [(u.pk, unit_label(u)) for u in units]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    short_name = forms.CharField(label=_("Abbreviation"), max_length=50, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices)
    staff_count = forms.IntegerField(
        label=_("Number of staff / workers"), required=False, min_value=0
    )
    address = forms.CharField(label=_("Address"), max_length=255, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)


class RenameUnitForm(forms.Form):
    name = forms.CharField(label=_("New name"), max_length=255)
    short_name = forms.CharField(label=_("Abbreviation"), max_length=50, required=False)


class ContactForm(forms.Form):
    address = forms.CharField(label=_("address"), max_length=255, required=False)
    phone = forms.CharField(label=_("phone"), max_length=50, required=False)
    email = forms.EmailField(label=_("e-mail"), required=False)
    feedback_info = forms.CharField(
        label=_("how to send feedback"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Reception days, hotline, mailbox: shown on the unit's public page."),
    )


class MoveUnitForm(forms.Form):
    new_parent = UnitPickerField(label=_("New parent unit"), queryset=Unit.objects.none())

    def __init__(self, *args, allowed, candidates: Iterable[Unit], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["new_parent"].queryset = allowed
        _offer(self, "new_parent", candidates, str(_("— choose a unit —")))


class CloseUnitForm(forms.Form):
    closed_on = DateField(label=_("Closed on"))
    reason = forms.CharField(label=_("Reason"), max_length=255, required=False)
    merged_into = UnitPickerField(
        label=_("Merged into"), queryset=Unit.objects.none(), required=False
    )

    def __init__(self, *args, allowed, candidates: Iterable[Unit], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["merged_into"].queryset = allowed
        _offer(self, "merged_into", candidates, str(_("— not merged —")))


class AssignRoleForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def clean_username(self) -> User:
        username = self.cleaned_data["username"].strip()
        user = User.objects.filter(username__iexact=username).first()
        if user is None:
            raise forms.ValidationError(_("No account has this username."))
        return user


class CreateUserForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=200, required=False)
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(render_value=False), strip=False
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def clean_username(self) -> str:
        username = self.cleaned_data["username"].strip()
        field = User._meta.get_field("username")
        for validator in field.validators:
            validator(username)
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(_("This username is already taken."))
        return username

    def clean(self) -> dict:
        data = super().clean()
        password = data.get("password")
        if password:
            candidate = User(username=data.get("username", ""), full_name=data.get("full_name", ""))
            try:
                validate_password(password, candidate)
            except forms.ValidationError as exc:
                self.add_error("password", exc)
        return data


class CommitteeForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=255)
    decision_number = forms.CharField(
        label=_("Establishing decision"), max_length=100, required=False
    )
    established_on = DateField(label=_("Established on"), required=False)
    standing_office = forms.CharField(label=_("Standing office"), max_length=255, required=False)


class AddMemberForm(forms.Form):
    username = forms.CharField(label=_("Username"), max_length=150)
    position = forms.ChoiceField(label=_("Position"), choices=CommitteePosition.choices)
    title = forms.CharField(label=_("Title in the committee"), max_length=255, required=False)

    clean_username = AssignRoleForm.clean_username


class AssignFollowForm(forms.Form):
    unit = UnitPickerField(label=_("Unit to follow"), queryset=Unit.objects.none())
    assigned_on = DateField(label=_("Assigned on"), required=False)

    def __init__(self, *args, allowed, candidates: Iterable[Unit], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = allowed
        _offer(self, "unit", candidates, str(_("— choose a unit —")))


class EndFollowForm(forms.Form):
    ended_on = DateField(label=_("Ended on"))


class FollowUpNoteForm(forms.Form):
    visited_on = DateField(label=_("Date"))
    findings = forms.CharField(label=_("Findings"), widget=forms.Textarea)
    recommendations = forms.CharField(
        label=_("Recommendations"), widget=forms.Textarea, required=False
    )


class AuditFilterForm(forms.Form):
    since = DateField(label=_("From"), required=False)
    until = DateField(label=_("To"), required=False)

    def clean(self) -> dict:
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date is before the start date."))
        return data
