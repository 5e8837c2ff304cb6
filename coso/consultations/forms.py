"""Forms of the consultation pages. Rules live in the actions; forms parse and offer choices."""

from __future__ import annotations

from django import forms
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from coso.core.forms import DateField
from coso.core.uploads import ALLOWED_EXTENSIONS
from coso.units.models import Unit, User, path_within

from . import access
from .models import (
    COMMENT_MAX_LENGTH,
    CONTACT_MAX_LENGTH,
    GRASSROOTS_KINDS,
    NAME_MAX_LENGTH,
    AnswerKind,
    Channel,
    CommentGroup,
    Consultation,
    ConsultationKind,
    ConsultationStatus,
)

# The name of the honeypot field: people never see it, form-filling robots fill it in.
HONEYPOT = "website"


class UnitChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Unit) -> str:
        return "\u00a0\u00a0" * max(obj.depth - 1, 0) + obj.name


def creatable_units(user: User) -> QuerySet[Unit]:
    """Open units the user manages, down to two levels below where their role starts."""
    condition = Q(pk__in=[])
    for path in access.manageable_paths(user):
        depth = len(path) // Unit.steplen
        condition |= path_within("path", path) & Q(depth__lte=depth + 2)
    return (
        Unit.objects.filter(condition).active().filter(kind__in=GRASSROOTS_KINDS).order_by("path")
    )


class ConsultationForm(forms.Form):
    kind = forms.ModelChoiceField(
        label=_("Kind of draft"),
        queryset=ConsultationKind.objects.filter(is_active=True),
        help_text=_("What the law puts to the people for comment (Law 10/2022/QH15, art. 25)."),
    )
    title = forms.CharField(label=_("Title of the draft"), max_length=500)
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why the draft is put to the people and what the authority will decide."),
    )
    opens_on = DateField(label=_("Comments open on"))
    closes_on = DateField(label=_("Comments close on"))
    channels = forms.MultipleChoiceField(
        label=_("Ways of collecting comments"),
        choices=Channel.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Channel.PORTAL],
        help_text=_("Tick “Online portal” to take comments on the unit's public page."),
    )

    def __init__(self, *args, consultation: Consultation | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if consultation is not None and consultation.status == ConsultationStatus.OPEN:
            # Once open, only the closing day may move (later).
            for name, field in self.fields.items():
                if name != "closes_on":
                    field.disabled = True
        if consultation is not None:
            self.fields["kind"].queryset = ConsultationKind.objects.filter(
                Q(is_active=True) | Q(pk=consultation.kind_id)
            )


class ConsultationCreateForm(ConsultationForm):
    unit = UnitChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    field_order = ["unit", "kind", "title", "introduction", "opens_on", "closes_on", "channels"]

    def __init__(self, *args, user: User, unit: Unit | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if unit is not None:
            self.fields["unit"].queryset = Unit.objects.filter(pk=unit.pk)
            self.fields["unit"].initial = unit.pk
            self.fields["unit"].widget = forms.HiddenInput()
        else:
            self.fields["unit"].queryset = creatable_units(user)


class SectionForm(forms.Form):
    heading = forms.CharField(
        label=_("Heading"),
        max_length=500,
        help_text=_("For example: Article 3. Contributions of households"),
    )
    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    order = forms.IntegerField(label=_("Order"), required=False, min_value=0, max_value=10_000)


class NewSectionForm(forms.Form):
    heading = forms.CharField(label=_("Heading"), max_length=500, required=False)
    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


SectionFormSet = forms.formset_factory(NewSectionForm, extra=3, max_num=50, validate_max=True)


class FileForm(forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=255, required=False)
    file = forms.FileField(
        label=_("File"),
        help_text=_("Accepted: %(types)s") % {"types": ", ".join(ALLOWED_EXTENSIONS)},
    )


def _section_choices(consultation: Consultation, sections=None) -> list[tuple[str, str]]:
    items = sections if sections is not None else consultation.sections.all()
    return [("", _("The whole draft"))] + [(str(s.pk), s.heading) for s in items]


class PublicCommentForm(forms.Form):
    """The portal's comment form. A signed-in citizen need not leave a name or a contact."""

    section = forms.ChoiceField(label=_("Your comment is about"), required=False)
    text = forms.CharField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        error_messages={
            "max_length": _(
                "A comment may be at most %(limit_value)s characters long (this one has "
                "%(show_value)s)."
            )
        },
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    name = forms.CharField(
        label=_("Full name"),
        max_length=NAME_MAX_LENGTH,
        error_messages={"required": _("Leave your name so the officers can answer you.")},
    )
    contact = forms.CharField(
        label=_("Phone or e-mail"),
        max_length=CONTACT_MAX_LENGTH,
        error_messages={
            "required": _(
                "Leave a phone number or an e-mail address: a comment without a contact is "
                "not accepted."
            )
        },
        help_text=_("Only the officers see it, to answer you; it is never published."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "text"}),
    )
    # Honeypot: hidden from people (see the template); a robot fills it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(
        self, *args, consultation: Consultation, sections=None, signed_in: bool = False, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = _section_choices(consultation, sections)
        if signed_in:
            self.fields["name"].required = False
            self.fields["contact"].required = False
            self.fields["name"].help_text = _("Leave empty to use the name of your account.")

    @property
    def is_bot(self) -> bool:
        return bool((self.data.get(HONEYPOT) or "").strip())


class OfficerCommentForm(forms.Form):
    """A comment received through another channel, entered by an officer."""

    channel = forms.ChoiceField(label=_("Received through"), choices=Channel.choices)
    received_on = DateField(label=_("Received on"))
    section = forms.ChoiceField(label=_("About"), required=False)
    text = forms.CharField(
        label=_("Comment"), max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 4})
    )
    name = forms.CharField(
        label=_("Name of the person"), max_length=NAME_MAX_LENGTH, required=False
    )
    contact = forms.CharField(
        label=_("Phone or e-mail"), max_length=CONTACT_MAX_LENGTH, required=False
    )

    def __init__(self, *args, consultation: Consultation, sections=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = _section_choices(consultation, sections)


class HideForm(forms.Form):
    reason = forms.CharField(label=_("Reason for hiding"), max_length=500)


class GroupingForm(forms.Form):
    """Tick comments, then choose a group or name a new one (works without JavaScript)."""

    comments = forms.TypedMultipleChoiceField(label=_("Comments"), coerce=int, choices=())
    group = forms.TypedChoiceField(
        label=_("Put them in the group"), coerce=int, required=False, empty_value=None
    )
    new_title = forms.CharField(
        label=_("or in a new group summed up as"), max_length=1000, required=False
    )

    def __init__(self, *args, consultation: Consultation, comment_ids, groups, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.fields["comments"].choices = [(pk, str(pk)) for pk in comment_ids]
        self.fields["group"].choices = [("", _("— choose a group —"))] + [
            (g.pk, g.title) for g in groups
        ]
        self.fields["group"].choices += [(0, _("Take them out of their group"))]

    def clean(self):
        data = super().clean()
        if not self.errors and data.get("group") is None and not data.get("new_title", "").strip():
            raise forms.ValidationError(_("Choose a group or write the summary of a new group."))
        return data


class AnswerForm(forms.Form):
    title = forms.CharField(
        label=_("Substance of the comments"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    response = forms.ChoiceField(
        label=_("Adopted or explained"), choices=AnswerKind.choices, widget=forms.RadioSelect
    )
    response_text = forms.CharField(
        label=_("Adoption or explanation"), widget=forms.Textarea(attrs={"rows": 3})
    )

    @classmethod
    def for_group(cls, group: CommentGroup, data=None) -> AnswerForm:
        return cls(
            data,
            prefix=f"g{group.pk}",
            initial={
                "title": group.title,
                "response": group.response,
                "response_text": group.response_text,
            },
        )


class PublishForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the result"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown above the synthesis table and in the disclosure."),
    )


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All"))] + ConsultationStatus.choices
    )
