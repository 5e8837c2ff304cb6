"""Forms of the public feedback pages: sending, looking up by code, replying to the answer.

Who must say who they are (decided here, explained on the form):
- Everyone leaves a name and a way to be answered (a phone number or an e-mail address): the
  unit must be able to call back, ask for details and send the answer; the tracking code alone
  does not let it reach the sender. A signed-in person is answered through their account, so
  their account's name is used and a contact is optional.
- Complaints and denunciations also need the sender's address: the Law on Complaints 2011
  (art. 8) and the Law on Denunciation 2018 (art. 23) require the name and address of the
  person lodging them, and an anonymous denunciation is not handled as one (art. 25). The
  denouncer's identity is then kept secret (arts. 4, 47).
"""

from __future__ import annotations

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.uploads import ALLOWED_EXTENSIONS, validate_upload

from .actions import MAX_FILES
from .models import CONTENT_MAX_LENGTH, TITLE_MAX_LENGTH, FeedbackKind
from .public import normalize_code
from .sender_actions import REPLY_MAX_LENGTH

HONEYPOT = "website"
NAME_MAX_LENGTH = 120
PHONE_MAX_LENGTH = 30
ADDRESS_MAX_LENGTH = 255
# Kinds with a law of their own, which asks for the sender's name and address.
OWN_LAW_KINDS = ("complaint", "denunciation")
_PHONE = re.compile(r"[0-9+().\s-]+")


def needs_address(kind: FeedbackKind) -> bool:
    return kind.code in OWN_LAW_KINDS or kind.identity_protected


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (photos of the place, a scanned letter)."""

    widget = MultipleFileInput

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, data, initial=None):
        items = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(MultipleFileField, self).clean(item, initial) for item in items if item]


class SendFeedbackForm(forms.Form):
    kind = forms.ModelChoiceField(
        label=_("What kind of feedback is it?"),
        queryset=FeedbackKind.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of feedback this is.")},
    )
    title = forms.CharField(
        label=pgettext_lazy("feedback", "Subject"),
        max_length=TITLE_MAX_LENGTH,
        error_messages={
            "required": _("Write a short subject."),
            "max_length": _(
                "The subject may be at most %(limit_value)s characters long (this one has "
                "%(show_value)s)."
            ),
        },
        help_text=_("For example: “Flooded road between the villages”."),
    )
    content = forms.CharField(
        label=_("Content"),
        max_length=CONTENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Describe the matter (at least a few words)."),
            "max_length": _(
                "The content may be at most %(limit_value)s characters long (this one has "
                "%(show_value)s)."
            ),
        },
        help_text=_("What happened, where and since when; what you ask the unit to do."),
    )
    location = forms.CharField(
        label=_("Place (optional)"),
        max_length=255,
        required=False,
        help_text=_("A house number, a road, a village: where it happens."),
    )
    latitude = forms.DecimalField(
        label=_("Latitude (optional)"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=Decimal(-90),
        max_value=Decimal(90),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={"invalid": _("Enter a number such as 13.98345.")},
    )
    longitude = forms.DecimalField(
        label=_("Longitude (optional)"),
        required=False,
        max_digits=9,
        decimal_places=6,
        min_value=Decimal(-180),
        max_value=Decimal(180),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={"invalid": _("Enter a number such as 108.00123.")},
        help_text=_("From a map application on your phone; leave empty if you do not know."),
    )
    files = MultipleFileField(label=_("Files (optional)"))
    sender_name = forms.CharField(label=_("Full name"), max_length=NAME_MAX_LENGTH, required=False)
    sender_phone = forms.CharField(
        label=_("Phone"),
        max_length=PHONE_MAX_LENGTH,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    sender_email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("Enter a real e-mail address, such as ten@example.vn.")},
    )
    sender_address = forms.CharField(
        label=_("Address"),
        max_length=ADDRESS_MAX_LENGTH,
        required=False,
        help_text=_("Required for complaints and denunciations."),
    )
    publish_consent = forms.BooleanField(
        label=_(
            "I agree that my question and the unit's answer are published on this portal "
            "(without my name or contact)."
        ),
        required=False,
    )
    # Honeypot: hidden from people (see the template); form-filling robots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, signed_in: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.signed_in = signed_in
        self.fields["kind"].queryset = FeedbackKind.objects.filter(is_active=True)
        self.fields["files"].widget.attrs["accept"] = ",".join(ALLOWED_EXTENSIONS)
        self.fields["files"].help_text = _(
            "At most %(n)s files: photos, PDF or office documents (%(types)s)."
        ) % {"n": MAX_FILES, "types": ", ".join(ALLOWED_EXTENSIONS)}
        if signed_in:
            self.fields["sender_name"].help_text = _("Leave empty to use the name of your account.")
        else:
            self.fields["sender_name"].required = True
            self.fields["sender_name"].error_messages["required"] = _(
                "Leave your name so the unit can answer you."
            )

    @property
    def is_bot(self) -> bool:
        return bool((self.data.get(HONEYPOT) or "").strip())

    def clean_sender_phone(self) -> str:
        phone = " ".join(self.cleaned_data.get("sender_phone", "").split())
        if phone:
            digits = sum(ch.isdigit() for ch in phone)
            if not _PHONE.fullmatch(phone) or not 8 <= digits <= 15:
                raise ValidationError(_("Enter a real phone number, such as 0912 345 678."))
        return phone

    def clean_files(self) -> list:
        files = self.cleaned_data.get("files") or []
        if len(files) > MAX_FILES:
            raise ValidationError(_("Attach at most %(max)s files.") % {"max": MAX_FILES})
        errors = []
        for upload in files:
            try:
                validate_upload(upload)
            except ValidationError as exc:
                errors.extend(f"{upload.name}: {m}" for m in exc.messages)
        if errors:
            raise ValidationError(errors)
        return files

    def clean(self) -> dict:
        data = super().clean()
        kind = data.get("kind")
        no_contact = not data.get("sender_phone") and not data.get("sender_email")
        contact_errors = "sender_phone" in self.errors or "sender_email" in self.errors
        if not self.signed_in and no_contact and not contact_errors:
            self.add_error(
                "sender_phone",
                _("Leave a phone number or an e-mail address so the unit can answer you."),
            )
        # Law on Complaints 2011, art. 8; Law on Denunciation 2018, arts. 23, 25.
        if (
            kind is not None
            and needs_address(kind)
            and not (data.get("sender_address") or "").strip()
        ):
            self.add_error(
                "sender_address",
                _(
                    "A complaint or a denunciation must give the sender's address (the law "
                    "does not handle anonymous ones); a denouncer's identity is kept secret."
                ),
            )
        return data


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        # No max_length: anything too long is simply not a code, and says so (clean_code).
        error_messages={
            "required": _("Enter the tracking code you received, such as PA-7K3M9Q2X.")
        },
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "spellcheck": "false",
                "maxlength": "40",
            }
        ),
    )

    def clean_code(self) -> str:
        code = normalize_code(self.cleaned_data["code"])
        if code is None:
            raise ValidationError(
                _(
                    "This is not a tracking code. A code looks like PA-7K3M9Q2X: the letters "
                    "PA and eight letters and digits."
                )
            )
        return code


class ReplyForm(forms.Form):
    satisfied = forms.TypedChoiceField(
        label=_("Did the answer settle the matter?"),
        choices=(("yes", _("Yes, the matter is settled")), ("no", _("No, it is not settled"))),
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether the answer settled the matter.")},
    )
    reason = forms.CharField(
        label=_("Why (required if not settled)"),
        max_length=REPLY_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "max_length": _(
                "Your reply may be at most %(limit_value)s characters long (this one has "
                "%(show_value)s)."
            )
        },
    )


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the answers"), max_length=100, required=False)
