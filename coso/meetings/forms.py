"""Forms of the pages that prepare a meeting. Rules live in the actions; forms parse and offer
choices, and show an action's refusal on the field it concerns."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.dates import today
from coso.core.forms import DateField, apply_validation_error
from coso.units.models import Unit, User, path_within

from . import access
from .actions import staff_of
from .models import Meeting, MeetingKind, MeetingStatus, ParticipantRole

TIME_INPUT_FORMATS = ["%H:%M", "%H.%M", "%Hh%M", "%Hh", "%H:%M:%S"]


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return "\u00a0\u00a0" * max(obj.depth - 1, 0) + obj.name


class TimeField(forms.TimeField):
    default_error_messages = {"invalid": _("Enter a time as hh:mm, e.g. 08:00.")}

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("input_formats", TIME_INPUT_FORMATS)
        kwargs.setdefault("widget", forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
        super().__init__(**kwargs)


class AccountField(forms.CharField):
    """An account named by its user name (a list of every user would not fit a phone)."""

    default_error_messages = {"unknown": _("No account has this user name.")}

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        user = User.objects.filter(username=value.strip(), is_active=True).first()
        if user is None:
            raise ValidationError(self.error_messages["unknown"], code="unknown")
        return user


def year_choices() -> list[tuple[str, str]]:
    this = today().year
    return [("", _("All"))] + [(str(y), str(y)) for y in range(this + 1, this - 6, -1)]


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    kind = forms.ModelChoiceField(
        label=_("Kind of meeting"),
        required=False,
        queryset=MeetingKind.objects.order_by("name"),
        empty_label=_("All"),
    )
    status = forms.ChoiceField(
        label=pgettext_lazy("meetings", "Status"),
        required=False,
        choices=[("", _("All"))] + MeetingStatus.choices,
    )
    year = forms.TypedChoiceField(
        label=_("Year"), required=False, coerce=int, empty_value=None, choices=year_choices
    )


def creatable_units(user: User) -> QuerySet[Unit]:
    """Open units the user may hold meetings for, of a kind that holds some meeting."""
    kinds = {k for kind in MeetingKind.objects.all() for k in kind.unit_kind_list}
    return access.creatable_units(user).filter(kind__in=kinds).order_by("path")


class MeetingForm(forms.Form):
    """The meeting's kind, time and place. `unit` only when creating."""

    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    kind = forms.ModelChoiceField(
        label=_("Kind of meeting"), queryset=MeetingKind.objects.order_by("name")
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Leave empty for the kind and the year, e.g. “Hội nghị … 2025”."),
    )
    starts_on = DateField(label=_("Day"))
    starts_time = TimeField(label=_("Starts at"))
    ends_time = TimeField(label=_("Ends at"), required=False)
    venue = forms.CharField(label=_("Venue"), max_length=300, required=False)
    year = forms.IntegerField(
        label=_("Year it serves"),
        required=False,
        min_value=2000,
        max_value=2100,
        help_text=_(
            "Leave empty: a conference held in the first months of a year reviews the year before."
        ),
    )
    description = forms.CharField(
        label=_("Purpose and content"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    requested_by = forms.CharField(
        label=_("Requested by"),
        max_length=300,
        required=False,
        help_text=_("For a dialogue on request: who asked for it."),
    )
    is_public = forms.BooleanField(
        label=_("Public: shown on the portal with its notice"), required=False
    )
    uses_delegates = forms.BooleanField(
        label=_("Convenes delegates elected by the sub-units"),
        required=False,
        help_text=_("Allowed in a unit of 100 staff or more (Law 10/2022/QH15, art. 51)."),
    )

    # Action errors on these model fields belong to these form fields.
    ERROR_FIELDS = {"starts_at": "starts_on", "ends_at": "ends_time"}

    def __init__(self, *args, user: User, meeting: Meeting | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.meeting = meeting
        if meeting is not None:
            del self.fields["unit"]
            if meeting.status != MeetingStatus.DRAFT:
                self.fields["kind"].disabled = True
        else:
            units = creatable_units(user)
            self.fields["unit"].queryset = units
            if not self.initial.get("unit"):
                only = list(units.values_list("pk", flat=True)[:2])
                if len(only) == 1:
                    self.initial["unit"] = only[0]

    @classmethod
    def initial_for(cls, meeting: Meeting) -> dict:
        start = timezone.localtime(meeting.starts_at)
        end = timezone.localtime(meeting.ends_at) if meeting.ends_at else None
        return {
            "kind": meeting.kind_id,
            "title": meeting.title,
            "starts_on": start.date(),
            "starts_time": start.time().replace(second=0, microsecond=0),
            "ends_time": end.time().replace(second=0, microsecond=0) if end else None,
            "venue": meeting.venue,
            "year": meeting.year,
            "description": meeting.description,
            "requested_by": meeting.requested_by,
            "is_public": meeting.is_public,
            "uses_delegates": meeting.uses_delegates,
        }

    def clean(self) -> dict:
        data = super().clean()
        day, start = data.get("starts_on"), data.get("starts_time")
        if day is not None and start is not None:
            starts_at = timezone.make_aware(dt.datetime.combine(day, start))
            data["starts_at"] = starts_at
            end = data.get("ends_time")
            data["ends_at"] = timezone.make_aware(dt.datetime.combine(day, end)) if end else None
        return data

    def action_data(self) -> dict:
        data = self.cleaned_data
        fields = {
            "kind": data["kind"],
            "title": data["title"],
            "starts_at": data["starts_at"],
            "ends_at": data["ends_at"],
            "venue": data["venue"],
            "year": data["year"],
            "description": data["description"],
            "requested_by": data["requested_by"],
            "is_public": data["is_public"],
            "uses_delegates": data["uses_delegates"],
        }
        if self.meeting is None:
            fields["unit"] = data["unit"]
        return fields

    def apply_action_error(self, exc: ValidationError) -> None:
        if hasattr(exc, "error_dict"):
            exc = ValidationError(
                {self.ERROR_FIELDS.get(k, k): v for k, v in exc.error_dict.items()}
            )
        apply_validation_error(self, exc)


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reason for cancelling"), max_length=300)


class NoticeForm(forms.Form):
    notice_text = forms.CharField(
        label=_("Text of the notice"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Prepared from the meeting and its agenda; adjust it if needed."),
    )


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Item"), max_length=300)
    presenter = forms.CharField(label=_("Presented by"), max_length=200, required=False)
    minutes = forms.IntegerField(
        label=_("Duration (minutes)"), required=False, min_value=1, max_value=1440
    )


class FileForm(forms.Form):
    upload = forms.FileField(label=_("File"))
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Leave empty to use the file's name."),
    )
    is_public = forms.BooleanField(
        label=_("Public: downloadable from the portal with the notice"), required=False
    )


ROLE_CHOICES = [(value, label) for value, label in ParticipantRole.choices]


class ParticipantForm(forms.Form):
    """One person by name: a citizen, a guest, a delegate of a sub-unit."""

    full_name = forms.CharField(label=_("Full name"), max_length=200, required=False)
    job_title = forms.CharField(label=_("Position"), max_length=200, required=False)
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES, initial=ParticipantRole.MEMBER)
    delegate_of = UnitChoiceField(
        label=_("Delegate elected by"),
        queryset=Unit.objects.none(),
        required=False,
        help_text=_("Only for a delegate."),
    )
    user = AccountField(
        label=_("Account in coso (user name)"),
        max_length=150,
        required=False,
        help_text=_("Optional: with an account, the person is told and can send questions."),
    )

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if meeting.uses_delegates:
            self.fields["delegate_of"].queryset = Unit.objects.filter(
                path_within("path", meeting.unit.path)
            ).active()
        else:
            del self.fields["delegate_of"]
            self.fields["role"].choices = [
                c for c in ROLE_CHOICES if c[0] != ParticipantRole.DELEGATE
            ]

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("full_name") and not data.get("user") and "user" not in self.errors:
            self.add_error("full_name", _("Enter the person's name or their user name."))
        return data

    def action_data(self) -> dict:
        data = dict(self.cleaned_data)
        data.setdefault("delegate_of", None)
        return data


class StaffForm(forms.Form):
    """Members of the unit's staff who have an account, ticked on a list."""

    users = forms.ModelMultipleChoiceField(
        label=_("Staff"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    everyone = forms.BooleanField(label=_("Invite all of them"), required=False)

    def __init__(self, *args, meeting: Meeting, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["users"].queryset = staff_of(meeting)
        self.fields["users"].label_from_instance = lambda u: (
            f"{u.display_name}" + (f" — {u.job_title}" if u.job_title else "")
        )

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("everyone") and not data.get("users") and "users" not in self.errors:
            self.add_error("users", _("Tick at least one person, or “Invite all of them”."))
        return data


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=ROLE_CHOICES)


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question or proposal"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class RecordQuestionForm(forms.Form):
    asker_name = forms.CharField(label=_("Asked by"), max_length=200)
    text = forms.CharField(
        label=_("Question or proposal"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label=_("Answer given at the meeting"), widget=forms.Textarea(attrs={"rows": 3})
    )
