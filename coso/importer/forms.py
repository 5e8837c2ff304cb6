"""Forms of the import: the upload (pasted text or a file), and the preview's corrections."""

from __future__ import annotations

from pathlib import Path

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from coso.core.forms import DateField
from coso.plans.models import Plan, PlanKind, Timing
from coso.units.models import Unit

from .extraction import Relation

ACCEPTED = (".txt", ".docx", ".pdf")
TEXT_MAX_CHARS = 2_000_000


class UploadForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("The plan is for the unit"), queryset=Unit.objects.none(), empty_label=None
    )
    text = forms.CharField(
        label=_("Paste the document's text"),
        required=False,
        max_length=TEXT_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    file = forms.FileField(
        label=_("or choose a file"),
        required=False,
        help_text=_("Plain text, DOCX or PDF with a text layer; at most %(limit)s.")
        % {"limit": filesizeformat(settings.COSO_MAX_UPLOAD_BYTES)},
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(ACCEPTED)}),
    )

    def __init__(self, *args, units=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Unit.objects.none()

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is None:
            return None
        limit = settings.COSO_MAX_UPLOAD_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is too large (%(size)s); the limit is %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
            )
        if upload.size == 0:
            raise forms.ValidationError(_("The file is empty."))
        if Path(upload.name or "").suffix.lower() not in ACCEPTED:
            raise forms.ValidationError(
                _("This type of file cannot be read. Send a .txt, .docx or .pdf file.")
            )
        return upload

    def clean(self):
        data = super().clean()
        text, upload = (data.get("text") or "").strip(), data.get("file")
        if self.errors:
            return data
        if not text and upload is None:
            raise forms.ValidationError(_("Paste the document's text or choose a file."))
        if text and upload is not None:
            raise forms.ValidationError(_("Paste the text or choose a file, not both."))
        if upload is not None:
            from .parse import read_file

            try:
                text = read_file(upload.name, upload.read())
            except ValueError as exc:
                raise forms.ValidationError(str(exc)) from exc
            except Exception as exc:  # a broken DOCX or PDF: the readers' own errors vary
                raise forms.ValidationError(
                    _("The file could not be read: it may be damaged or protected.")
                ) from exc
            if not text.strip():
                raise forms.ValidationError(_("The file contains no text."))
        data["document"] = text
        data["name"] = upload.name if upload is not None else ""
        return data


class HeaderForm(forms.Form):
    kind = forms.ChoiceField(label=_("kind"), choices=PlanKind.choices)
    number = forms.CharField(label=_("number and symbol"), max_length=100, required=False)
    place = forms.CharField(label=_("place"), max_length=100, required=False)
    issued_on = DateField(label=_("date"))
    title = forms.CharField(label=_("title"), max_length=500, widget=forms.Textarea({"rows": 2}))
    parent_plan = forms.ModelChoiceField(
        label=_("implements the plan"),
        queryset=Plan.objects.none(),
        required=False,
        help_text=_("The upper level's plan in coso that this document implements."),
    )
    signer_title = forms.CharField(label=_("signer's title"), max_length=200, required=False)
    signer_name = forms.CharField(label=_("signed by"), max_length=200, required=False)
    recipients = forms.CharField(
        label=_("recipients"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("One per line."),
    )

    def __init__(self, *args, parent_plans=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        ids = [p.pk for p in parent_plans or []]
        self.fields["parent_plan"].queryset = Plan.objects.filter(pk__in=ids).select_related("unit")


class BasisForm(forms.Form):
    citation = forms.CharField(label=_("document"), max_length=500, required=False)
    relation = forms.ChoiceField(
        label=_("relation"),
        choices=[
            (Relation.IMPLEMENTS, _("implements")),
            (Relation.BASED_ON, _("based on")),
        ],
        initial=Relation.BASED_ON,
    )


class SectionForm(forms.Form):
    number = forms.CharField(label=_("number"), max_length=20, required=False)
    title = forms.CharField(label=_("title"), max_length=500, required=False)


def split_names(value: str) -> list[str]:
    return [n.strip() for n in value.replace("\n", ";").split(";") if n.strip()]


class TaskForm(forms.Form):
    text = forms.CharField(label=_("task"), required=False, widget=forms.Textarea({"rows": 2}))
    section = forms.CharField(label=_("section"), max_length=20, required=False)
    timing = forms.ChoiceField(label=_("time"), choices=Timing.choices, initial=Timing.ONGOING)
    quarter = forms.TypedChoiceField(
        label=_("quarter"),
        choices=[("", "—"), (1, "I"), (2, "II"), (3, "III"), (4, "IV")],
        coerce=int,
        empty_value=None,
        required=False,
    )
    month = forms.TypedChoiceField(
        label=_("month"),
        choices=[("", "—")] + [(m, str(m)) for m in range(1, 13)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    due_date = DateField(label=_("due date"), required=False)
    lead = forms.CharField(label=_("lead"), max_length=500, required=False)
    coordinating = forms.CharField(
        label=_("coordinating"),
        max_length=1000,
        required=False,
        help_text=_("Separate names with a semicolon."),
    )
    targets = forms.CharField(label=_("units concerned"), max_length=1000, required=False)

    def clean(self):
        data = super().clean()
        for name in ("lead", "coordinating", "targets"):
            data[f"{name}_names"] = split_names(data.get(name) or "")
        return data


BasisFormSet = forms.formset_factory(BasisForm, extra=1, can_delete=True, max_num=200)
SectionFormSet = forms.formset_factory(SectionForm, extra=1, can_delete=True, max_num=100)
TaskFormSet = forms.formset_factory(TaskForm, extra=2, can_delete=True, max_num=500)
