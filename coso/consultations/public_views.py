"""Public pages of consultations (under cong-khai/lay-y-kien/): no login, no script.

They read only through the public access functions: drafts never show, hidden comments never
count, and nobody's name or contact is ever on these pages or files.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coso.core.forms import apply_validation_error
from coso.core.pages import paginate, querystring_base
from coso.core.ratelimit import RateLimit
from coso.portal.views import public_unit

from . import access, actions
from .exports import DOCX_TYPE, XLSX_TYPE, build_synthesis, synthesis_docx, synthesis_xlsx
from .forms import PublicCommentForm
from .models import Consultation, ConsultationStatus
from .views import _download, _serve

# Posts of the public comment form per client address: enough for a family sharing a phone
# or a commune office's connection, far too few to flood the synthesis.
COMMENT_RATE = RateLimit("consultation-comment", limit=10, window_seconds=600)


def unit_list(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = public_unit(unit_id)
    items = (
        access.public_consultations(unit)
        .select_related("kind")
        .annotate(comment_count=Count("comments", filter=Q(comments__hidden=False)))
        .order_by("-opens_on", "-id")
    )
    return render(
        request,
        "consultations/public_list.html",
        {
            "portal_unit": unit,
            "page_obj": paginate(request, items, 20),
            "querystring_base": querystring_base(request),
        },
    )


def _sections(consultation: Consultation) -> list:
    return list(
        consultation.sections.annotate(
            comment_count=Count("comments", filter=Q(comments__hidden=False))
        )
    )


def _render_detail(
    request: HttpRequest,
    consultation: Consultation,
    *,
    form: PublicCommentForm | None = None,
    refusal: str = "",
    status: int = 200,
) -> HttpResponse:
    sections = _sections(consultation)
    signed_in = request.user.is_authenticated
    if form is None:
        chosen = request.GET.get("muc", "")
        form = PublicCommentForm(
            consultation=consultation,
            sections=sections,
            signed_in=signed_in,
            initial={"section": chosen if chosen.isdigit() else ""},
        )
    groups = []
    if access.is_synthesis_public(consultation):
        groups = list(
            consultation.groups.select_related("section").annotate(
                comment_count=Count("comments", filter=Q(comments__hidden=False))
            )
        )
    context = {
        "portal_unit": consultation.unit,
        "consultation": consultation,
        "sections": sections,
        "files": list(consultation.files.all()),
        "total_comments": consultation.comments.visible().count(),
        "form": form,
        "signed_in": signed_in,
        "refusal": refusal,
        "groups": groups,
        "published": access.is_synthesis_public(consultation),
    }
    return render(request, "consultations/public_detail.html", context, status=status)


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _render_detail(request, access.get_public_consultation(pk))


@require_http_methods(["GET", "POST"])
def comment(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = access.get_public_consultation(pk)
    if request.method != "POST":
        # A reload of the form's address after sending: back to the form on the page.
        return redirect(reverse("consultations_public:detail", args=[consultation.pk]) + "#gop-y")
    if not COMMENT_RATE.allow(request):
        return _render_detail(
            request,
            consultation,
            refusal=_(
                "You have sent many comments in a short time. Please wait a few minutes and "
                "send it again."
            ),
            status=429,
        )
    sections = list(consultation.sections.all())
    signed_in = request.user.is_authenticated
    form = PublicCommentForm(
        request.POST, consultation=consultation, sections=sections, signed_in=signed_in
    )
    if form.is_bot:
        # A robot filled the hidden field: answer as if all went well, keep nothing.
        return redirect("consultations_public:thanks", pk=consultation.pk)
    if not consultation.is_accepting():
        # Checked before the form so the visitor learns the real reason, whatever they typed.
        return _render_detail(
            request, consultation, form=form, refusal=actions.closed_message(consultation)
        )
    if form.is_valid():
        data = form.cleaned_data
        section = None
        if data["section"]:
            section = next((s for s in sections if str(s.pk) == data["section"]), None)
        try:
            actions.submit_comment(
                consultation=consultation,
                by=request.user if signed_in else None,
                text=data["text"],
                section=section,
                name=data["name"],
                contact=data["contact"],
            )
        except ValidationError as exc:
            if getattr(exc, "code", None) in ("closed", "no_portal"):
                return _render_detail(
                    request, consultation, form=form, refusal=" ".join(exc.messages)
                )
            apply_validation_error(form, exc)
        else:
            return redirect("consultations_public:thanks", pk=consultation.pk)
    return _render_detail(request, consultation, form=form)


@require_GET
def thanks(request: HttpRequest, pk: int) -> HttpResponse:
    consultation = access.get_public_consultation(pk)
    return render(
        request,
        "consultations/public_thanks.html",
        {"portal_unit": consultation.unit, "consultation": consultation},
    )


@require_GET
def file_download(request: HttpRequest, pk: int) -> FileResponse:
    return _serve(access.get_public_file(pk))


def _published(pk: int) -> Consultation:
    consultation = access.get_public_consultation(pk)
    if consultation.status != ConsultationStatus.PUBLISHED:
        raise Http404
    return consultation


@require_GET
def synthesis_docx_view(request: HttpRequest, pk: int) -> HttpResponse:
    synthesis = build_synthesis(_published(pk))
    return _download(synthesis_docx(synthesis), DOCX_TYPE, f"{synthesis.file_stem}.docx")


@require_GET
def synthesis_xlsx_view(request: HttpRequest, pk: int) -> HttpResponse:
    synthesis = build_synthesis(_published(pk))
    return _download(synthesis_xlsx(synthesis), XLSX_TYPE, f"{synthesis.file_stem}.xlsx")
