"""Downloads: a unit's report as DOCX or PDF in the official format, completeness and totals of
a requirement as XLSX. Every download goes through the same checked fetches as the pages."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from coso.units.access import get_unit_for
from coso.units.models import Unit, path_within

from .. import access
from ..exports.common import ReportDocument, build_report, content_disposition, safe_filename
from ..exports.docx import report_docx
from ..exports.pdf import report_pdf
from ..exports.xlsx import ExpectedSubmission, completeness_xlsx, totals_xlsx
from ..models import ReportRequirement, Submission
from ..queries import completeness_by_child, deadline_cutoff, totals_by_child

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF_TYPE = "application/pdf"
# What an officer may type as signer on the download link; longer input is cut, never an error.
SIGNER_LIMIT = 200


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition(filename)
    response["Cache-Control"] = "private, no-store"
    return response


def _report_for(request: HttpRequest, pk: int) -> ReportDocument:
    submission = access.get_submission_for(request.user, pk)
    return build_report(
        submission,
        signer_title=request.GET.get("signer_title", "")[:SIGNER_LIMIT],
        signer_name=request.GET.get("signer_name", "")[:SIGNER_LIMIT],
    )


@login_required
@require_GET
def submission_docx(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    return _download(report_docx(report), DOCX_TYPE, f"{report.file_stem}.docx")


@login_required
@require_GET
def submission_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report_for(request, pk)
    return _download(report_pdf(report), PDF_TYPE, f"{report.file_stem}.pdf")


def _requirement_and_unit(request: HttpRequest, pk: int) -> tuple[ReportRequirement, Unit]:
    """The requirement and the unit the table is for (?unit=, by default the requiring unit):
    a unit the user reaches, inside the requirement's subtree; anything else answers 404."""
    requirement = access.get_requirement_for(request.user, pk)
    raw = request.GET.get("unit") or str(requirement.unit_id)
    if not raw.isdigit():
        raise Http404
    unit = get_unit_for(request.user, raw)
    if not unit.is_within(requirement.unit):
        raise Http404
    return requirement, unit


def _expected(requirement: ReportRequirement, unit: Unit) -> list[ExpectedSubmission]:
    """Every report expected in the unit's subtree, in tree order: one query."""
    cutoff = deadline_cutoff(requirement.deadline)
    submissions = (
        Submission.objects.filter(requirement=requirement)
        .filter(path_within("unit_path", unit.path))
        .filter(Q(first_submitted_at__isnull=False) | Q(unit__closed_on__isnull=True))
        .select_related("unit")
        .order_by("unit_path")
    )
    return [
        ExpectedSubmission(
            unit_name=s.unit.name,
            depth=s.unit.depth - unit.depth,
            status=s.get_status_display(),
            first_submitted=(
                timezone.localtime(s.first_submitted_at).date() if s.first_submitted_at else None
            ),
            late=s.first_submitted_at is not None and s.first_submitted_at >= cutoff,
        )
        for s in submissions
    ]


@login_required
@require_GET
def completeness_download(request: HttpRequest, pk: int) -> HttpResponse:
    requirement, unit = _requirement_and_unit(request, pk)
    table = completeness_by_child(requirement, unit)
    content = completeness_xlsx(table, _expected(requirement, unit), title=requirement.title)
    name = safe_filename(_("Completeness - %(title)s - %(unit)s") % _names(requirement, unit))
    return _download(content, XLSX_TYPE, f"{name}.xlsx")


@login_required
@require_GET
def totals_download(request: HttpRequest, pk: int) -> HttpResponse:
    requirement, unit = _requirement_and_unit(request, pk)
    content = totals_xlsx(totals_by_child(requirement, unit), title=requirement.title)
    name = safe_filename(_("Totals - %(title)s - %(unit)s") % _names(requirement, unit))
    return _download(content, XLSX_TYPE, f"{name}.xlsx")


def _names(requirement: ReportRequirement, unit: Unit) -> dict[str, str]:
    return {"title": requirement.title, "unit": unit.name}


urlpatterns: list[URLPattern] = [
    path("nop/<int:pk>/tai-ve.docx", submission_docx, name="submission_docx"),
    path("nop/<int:pk>/tai-ve.pdf", submission_pdf, name="submission_pdf"),
    path("yeu-cau/<int:pk>/tinh-hinh-nop.xlsx", completeness_download, name="completeness_xlsx"),
    path("yeu-cau/<int:pk>/tong-hop.xlsx", totals_download, name="totals_xlsx"),
]
