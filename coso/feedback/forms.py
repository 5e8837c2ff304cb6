"""Forms of the officers' feedback pages. Rules live in the actions; forms parse and offer
choices."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.forms import DateField
from coso.units.access import MANAGERS, paths_for
from coso.units.models import RoleAssignment, Unit, User, path_within

from .access import READERS
from .actions import HANDLER_ROLES
from .models import (
    OFFICER_SOURCES,
    TITLE_MAX_LENGTH,
    Feedback,
    FeedbackField,
    FeedbackKind,
    Status,
)

# Long texts are not limited here: the action refuses them with the real limit and the length
# it counted (Django's own message would name the form's limit). Request size is bounded by
# DATA_UPLOAD_MAX_MEMORY_SIZE.


class UnitChoiceField(forms.ModelChoiceField):
    default_error_messages = {"invalid_choice": _("Choose one of the units in the list.")}

    def label_from_instance(self, obj: Unit) -> str:
        return "\u00a0\u00a0" * max(obj.depth - 1, 0) + obj.name


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; the action checks each one's size and type."""

    widget = MultipleFileInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(d, initial) for d in data if d]
        return [super().clean(data, initial)] if data else []


def managed_units(user: User, *, levels: int = 2, roles=MANAGERS) -> QuerySet[Unit]:
    """Open units the user manages, down to `levels` below where each role starts."""
    condition = Q(pk__in=[])
    for path in paths_for(user, roles):
        depth = len(path) // Unit.steplen
        condition |= path_within("path", path) & Q(depth__lte=depth + levels)
    return Unit.objects.filter(condition).active().order_by("path")


def readable_units(user: User) -> QuerySet[Unit]:
    """Units whose feedback the user reads, for the list's filter (two levels down)."""
    return managed_units(user, roles=READERS)


def transfer_targets(feedback: Feedback) -> QuerySet[Unit]:
    """Open units the item may go to: everything in its province (or the tree level just
    below the root), the responsible body being often an agency beside the commune."""
    top = feedback.unit.path[: Unit.steplen * 2] or feedback.unit.path
    return (
        Unit.objects.filter(path_within("path", top) | Q(path=top[: Unit.steplen]))
        .active()
        .exclude(pk=feedback.unit_id)
        .order_by("path")
    )


def handler_candidates(unit: Unit) -> QuerySet[User]:
    """People with a role in the unit or the units above it up to its province, system
    administrators aside: whom an officer may ask to handle an item."""
    paths = unit.ancestor_paths()[1:] or unit.ancestor_paths()
    ids = RoleAssignment.objects.filter(
        unit__path__in=paths, role__in=[r for r in HANDLER_ROLES if r != "admin"]
    ).values("user_id")
    return User.objects.filter(pk__in=ids, is_active=True).order_by("full_name", "username")


class DetailForm(forms.Form):
    """A form of the detail page, several of which share the page: each gets its own ids."""

    id_prefix = "f"

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)


class FilterForm(forms.Form):
    DUE_CHOICES = [
        ("", _("Any deadline")),
        ("due_soon", _("Due soon")),
        ("overdue", _("Overdue")),
    ]
    unit = UnitChoiceField(label=_("Unit and below"), queryset=Unit.objects.none(), required=False)
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Status.choices], required=False
    )
    kind = forms.ModelChoiceField(
        label=_("Kind"),
        queryset=FeedbackKind.objects.all(),
        required=False,
        empty_label=_("Any kind"),
    )
    field = forms.ModelChoiceField(
        label=_("Field"),
        queryset=FeedbackField.objects.all(),
        required=False,
        empty_label=_("Any field"),
    )
    due = forms.ChoiceField(
        label=pgettext_lazy("feedback", "Deadline"), choices=DUE_CHOICES, required=False
    )
    mine = forms.BooleanField(label=_("Only what I handle"), required=False)

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = readable_units(user)


class OfficerEntryForm(forms.Form):
    """Feedback that reached the unit by phone, letter, reception day, dialogue or conference."""

    unit = UnitChoiceField(label=_("Receiving unit"), queryset=Unit.objects.none())
    source = forms.ChoiceField(
        label=_("Received through"), choices=[(s.value, s.label) for s in OFFICER_SOURCES]
    )
    source_note = forms.CharField(
        label=_("Details of the source"),
        max_length=255,
        required=False,
        help_text=_("For example: citizen reception day of 15/03, letter no. 12."),
    )
    received_on = DateField(label=_("Received on"))
    kind = forms.ModelChoiceField(
        label=_("Kind"), queryset=FeedbackKind.objects.filter(is_active=True)
    )
    field = forms.ModelChoiceField(
        label=_("Field"), queryset=FeedbackField.objects.filter(is_active=True), required=False
    )
    title = forms.CharField(label=pgettext_lazy("feedback", "Subject"), max_length=TITLE_MAX_LENGTH)
    content = forms.CharField(
        label=_("Content"),
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    location = forms.CharField(label=_("Location"), max_length=255, required=False)
    sender_name = forms.CharField(label=_("Sender's name"), max_length=120, required=False)
    sender_phone = forms.CharField(label=_("Phone"), max_length=50, required=False)
    sender_email = forms.EmailField(label=_("E-mail"), required=False)
    sender_address = forms.CharField(label=_("Address"), max_length=255, required=False)
    publish_consent = forms.BooleanField(
        label=_("The sender agrees that the question and answer appear on the public page"),
        required=False,
    )
    files = MultipleFileField(label=_("Files"))

    def __init__(self, *args, user: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = managed_units(user)


class ClassifyForm(DetailForm):
    id_prefix = "classify"
    kind = forms.ModelChoiceField(label=_("Kind"), queryset=FeedbackKind.objects.none())
    field = forms.ModelChoiceField(
        label=_("Field"), queryset=FeedbackField.objects.none(), required=False
    )

    def __init__(self, *args, feedback: Feedback, **kwargs) -> None:
        kwargs.setdefault("initial", {"kind": feedback.kind_id, "field": feedback.field_id})
        super().__init__(*args, **kwargs)
        self.fields["kind"].queryset = FeedbackKind.objects.filter(
            Q(is_active=True) | Q(pk=feedback.kind_id)
        )
        self.fields["field"].queryset = FeedbackField.objects.filter(
            Q(is_active=True) | Q(pk=feedback.field_id)
        )


class AssignForm(DetailForm):
    id_prefix = "assign"
    handler = forms.ModelChoiceField(
        label=_("Handler"),
        queryset=User.objects.none(),
        error_messages={"invalid_choice": _("Choose a person from the list.")},
    )

    def __init__(self, *args, feedback: Feedback, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["handler"].queryset = handler_candidates(feedback.unit)
        self.fields["handler"].label_from_instance = lambda u: (
            f"{u.display_name} — {u.job_title}" if u.job_title else u.display_name
        )


class TransferForm(DetailForm):
    id_prefix = "transfer"
    to_unit = UnitChoiceField(label=_("Responsible unit"), queryset=Unit.objects.none())
    reason = forms.CharField(
        label=_("Reason (the sender reads it)"),
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, feedback: Feedback, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_unit"].queryset = transfer_targets(feedback)


class MergeForm(DetailForm):
    id_prefix = "merge"
    into = forms.CharField(
        label=_("Tracking code of the main item"),
        max_length=20,
        help_text=_("This item is closed as a duplicate; the main item's answer settles it."),
    )

    def __init__(self, *args, feedback: Feedback, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.feedback = feedback

    def clean_into(self) -> Feedback:
        code = self.cleaned_data["into"].strip().upper()
        main = (
            Feedback.objects.filter(tracking_code=code, unit_id=self.feedback.unit_id)
            .select_related("unit", "kind")
            .first()
        )
        if main is None:
            raise forms.ValidationError(
                _("No item with this code is handled by %(unit)s.") % {"unit": self.feedback.unit}
            )
        return main


class NoteForm(DetailForm):
    id_prefix = "note"
    text = forms.CharField(
        label=_("Internal note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only officers see notes; the sender never does."),
    )


class AnswerForm(DetailForm):
    id_prefix = "answer"
    text = forms.CharField(
        label=_("Answer"),
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    files = MultipleFileField(label=_("Documents attached to the answer"))


class CloseForm(DetailForm):
    id_prefix = "close"
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        help_text=_("For example: the sender did not reply within 15 days."),
    )
