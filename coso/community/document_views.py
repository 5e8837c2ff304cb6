"""Pages of a matter's documents: printed ballots, the counting board's entry page, the minutes.

Thin views: checked fetch (404 for a matter missing or not the user's) → access (403) → form →
the community app's actions (`record_paper_ballot`; codes come from `prepare_ballots`) →
render. Nothing here counts votes of its own.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coso.core.forms import apply_validation_error
from coso.core.pages import require
from coso.reports.exports.common import content_disposition
from coso.units.models import User

from . import access, actions
from .documents.ballots import PAGE_SIZES, ballots_pdf
from .documents.build import build_ballots, build_minutes, forms_for, grouped, has_minutes
from .documents.docx import minutes_docx
from .documents.forms import BALLOT_CHOICES, FORM_LABELS, MinutesOptionsForm, PaperBallotForm
from .documents.pdf import minutes_pdf
from .models import BallotCode, Matter, MatterStatus, VoteChannel

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"
COUNTING_TEMPLATE = "community/documents/counting.html"
RECENT_ENTRIES = 10


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    response["Cache-Control"] = "private, no-store"
    return response


def _paper_matter(user: User, pk: int) -> Matter:
    """A matter that takes paper ballots, for someone who may enter them; 404 when it takes none."""
    matter = access.get_matter_for(user, pk)
    require(access.can_record_paper_ballot(user, matter))
    if VoteChannel.PAPER not in matter.channels:
        raise Http404
    return matter


# --- Printed ballots ----------------------------------------------------------------------------


@login_required
@require_GET
def ballot_sheets(request: HttpRequest, pk: int) -> HttpResponse:
    """The PDF of every household's ballot (A5, or A4 with ?paper=A4)."""
    matter = access.get_matter_for(request.user, pk)
    require(access.can_manage_matter(request.user, matter))
    if VoteChannel.PAPER not in matter.channels:
        raise Http404
    book = build_ballots(matter)
    if not book.holders:
        messages.error(request, _("No household has a ballot code yet: prepare the ballots first."))
        return redirect("community:counting", pk=matter.pk)
    paper = request.GET.get("paper", "A5")
    content = ballots_pdf(book, paper=paper if paper in PAGE_SIZES else "A5")
    return _download(content, PDF_TYPE, f"{book.file_stem}.pdf")


# --- The counting board's page -----------------------------------------------------------------


def _counting_context(request: HttpRequest, matter: Matter, form: PaperBallotForm) -> dict:
    user = request.user
    codes = BallotCode.objects.filter(matter=matter)
    prepared = codes.count()
    entered = codes.filter(used_at__isnull=False).count()
    recent = list(
        codes.filter(used_at__isnull=False)
        .select_related("household")
        .order_by("-used_at", "-pk")[:RECENT_ENTRIES]
    )
    return {
        "matter": matter,
        "unit": matter.unit,
        "form": form,
        "choice_words": BALLOT_CHOICES,
        "tally": matter.tally(),
        "prepared": prepared,
        "entered": entered,
        "remaining": max(prepared - entered, 0),
        "recent": [(grouped(c.code), c) for c in recent],
        "is_open": matter.status == MatterStatus.OPEN,
        "may_manage": access.can_manage_matter(user, matter),
        "has_minutes": has_minutes(matter),
    }


@login_required
@require_http_methods(["GET", "POST"])
def counting(request: HttpRequest, pk: int) -> HttpResponse:
    """Enter paper ballots one by one: the code (typed, or scanned by the phone's keyboard) and
    the choice marked. With htmx only the panel is swapped; without JavaScript the page posts
    and redirects."""
    matter = _paper_matter(request.user, pk)
    form = PaperBallotForm(request.POST or None)
    recorded = ""
    if request.method == "POST" and form.is_valid():
        try:
            vote = actions.record_paper_ballot(
                by=request.user,
                matter=matter,
                code=form.cleaned_data["code"],
                choice=form.cleaned_data["choice"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            recorded = _("The ballot of household %(household)s was recorded.") % {
                "household": vote.household.code
            }
            if not request.htmx:
                messages.success(request, recorded)
                return redirect("community:counting", pk=matter.pk)
            form = PaperBallotForm()
    context = _counting_context(request, matter, form)
    context["recorded"] = recorded
    template = f"{COUNTING_TEMPLATE}#panel" if request.htmx else COUNTING_TEMPLATE
    return render(request, template, context)


# --- Minutes ------------------------------------------------------------------------------------


@login_required
@require_GET
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    """What the minutes will say, and the form for the people who sign them."""
    matter = access.get_matter_for(request.user, pk)
    form = MinutesOptionsForm(matter=matter)
    return render(
        request,
        "community/documents/minutes.html",
        {
            "matter": matter,
            "unit": matter.unit,
            "form": form,
            "has_minutes": has_minutes(matter),
            "forms": [FORM_LABELS[f] for f in forms_for(matter)],
            "tally": matter.tally(),
            "rule": matter.rule,
            "votes_needed": matter.rule.votes_needed(matter.households_total),
        },
    )


def _minutes_download(request: HttpRequest, pk: int, writer, content_type: str, ext: str):
    matter = access.get_matter_for(request.user, pk)
    if not has_minutes(matter):
        messages.error(request, _("The votes have not been counted yet: there are no minutes."))
        return redirect("community:minutes", pk=matter.pk)
    form = MinutesOptionsForm(request.GET, matter=matter)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("community:minutes", pk=matter.pk)
    document = build_minutes(matter, form.options())
    return _download(writer(document), content_type, f"{document.file_stem}.{ext}")


@login_required
@require_GET
def minutes_docx_download(request: HttpRequest, pk: int) -> HttpResponse:
    return _minutes_download(request, pk, minutes_docx, DOCX_TYPE, "docx")


@login_required
@require_GET
def minutes_pdf_download(request: HttpRequest, pk: int) -> HttpResponse:
    return _minutes_download(request, pk, minutes_pdf, PDF_TYPE, "pdf")
