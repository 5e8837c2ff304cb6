"""Search over feedback and inspection findings, and the statistics of how units handle
feedback (with its XLSX export): read-only pages, a fixed number of queries."""

from __future__ import annotations

import io
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from coso.core.dates import today
from coso.core.pages import paginate, querystring_base
from coso.inspections.search import search_findings
from coso.units.access import can_view_unit, get_unit_for, paths_for
from coso.units.models import Unit, User

from . import search as feedback_search
from .stats import FIRST_YEAR, LAST_YEAR, PERIODS, Row, Statistics, statistics

FINDINGS_PER_PAGE = 10
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


# --- Search --------------------------------------------------------------------------------------


def _optional_unit(user: User, raw: str) -> Unit | None:
    """The ?unit= to narrow the search to, when the user may read it; otherwise no narrowing."""
    if not raw:
        return None
    try:
        return get_unit_for(user, raw)
    except Http404:
        return None


@login_required
def search(request: HttpRequest) -> HttpResponse:
    query = " ".join(request.GET.get("q", "")[: feedback_search.MAX_QUERY_LENGTH].split())
    unit = _optional_unit(request.user, request.GET.get("unit", ""))
    words = feedback_search.query_words(query)
    context = {
        "query": query,
        "unit": unit,
        "words": words,
        "querystring_base": querystring_base(request),
    }
    if words:
        results = feedback_search.search_feedback(request.user, query, unit=unit)
        page_obj = paginate(request, results)
        findings = Paginator(search_findings(request.user, query), FINDINGS_PER_PAGE).get_page(
            request.GET.get("fpage")
        )
        params = request.GET.copy()
        params.pop("fpage", None)
        context.update(
            page_obj=page_obj,
            capped=results.capped,
            window=feedback_search.WINDOW,
            hits=feedback_search.hits(page_obj.object_list, query),
            findings=findings,
            finding_snippets=[
                (finding, feedback_search.snippet(finding.text, words)) for finding in findings
            ],
            findings_base=f"{params.urlencode()}&" if params else "",
        )
    return render(request, "feedback/insight_search.html", context)


# --- Statistics ----------------------------------------------------------------------------------


def _stats_unit(request: HttpRequest) -> Unit:
    """The ?unit= asked for (404 unless the user holds a role over it), else the highest unit
    the user's roles reach; a person without a role has no statistics to see (403)."""
    raw = request.GET.get("unit", "")
    if raw:
        return get_unit_for(request.user, raw)
    paths = paths_for(request.user)
    unit = Unit.objects.filter(path__in=paths).order_by("depth", "path").first()
    if unit is None:
        raise PermissionDenied
    return unit


def _year(request: HttpRequest) -> tuple[int, bool]:
    """The ?year= asked for, or the current year (and whether the asked one was unusable)."""
    raw = request.GET.get("year", "")
    try:
        year = int(raw)
    except ValueError:
        return today().year, bool(raw)
    if FIRST_YEAR <= year <= LAST_YEAR:
        return year, False
    return today().year, True


def _period(request: HttpRequest) -> str:
    period = request.GET.get("period", "")
    return period if period in PERIODS else "month"


def stats_url(unit: Unit, year: int, period: str, name: str = "feedback_insight:stats") -> str:
    return f"{reverse(name)}?{urlencode({'unit': unit.pk, 'year': year, 'period': period})}"


@dataclass(frozen=True)
class Bar:
    label: str
    count: int
    late: int
    url: str
    y: int
    width: int
    late_width: int


@dataclass(frozen=True)
class Column:
    label: str
    count: int
    late: int
    x: int
    y: int
    height: int
    late_y: int
    late_height: int


ROW_HEIGHT = 24
LABEL_WIDTH = 150
BAR_MAX = 160
COLUMN_WIDTH = 40
COLUMN_MAX = 100
COLUMN_BASE = 120


def _scale(count: int, largest: int, size: int) -> int:
    if not count or not largest:
        return 0
    return max(2, round(size * count / largest))


def bars(rows: list[Row], url_for=None) -> tuple[list[Bar], int]:
    """Horizontal bars of items received, the overdue part in red; and the chart's height."""
    largest = max((r.figures.received for r in rows), default=0)
    out = [
        Bar(
            label=r.label if len(r.label) <= 24 else r.label[:23] + "…",
            count=r.figures.received,
            late=r.figures.overdue,
            url=url_for(r) if url_for else "",
            y=i * ROW_HEIGHT,
            width=_scale(r.figures.received, largest, BAR_MAX),
            late_width=_scale(r.figures.overdue, largest, BAR_MAX),
        )
        for i, r in enumerate(rows)
    ]
    return out, len(rows) * ROW_HEIGHT


def columns(rows: list[Row]) -> tuple[list[Column], int]:
    """Columns of items received per period, the overdue part in red; and the chart's width."""
    largest = max((r.figures.received for r in rows), default=0)
    out = []
    for i, r in enumerate(rows):
        height = _scale(r.figures.received, largest, COLUMN_MAX)
        late = _scale(r.figures.overdue, largest, COLUMN_MAX)
        out.append(
            Column(
                label=r.key if len(r.key) <= 4 else r.key[-2:],
                count=r.figures.received,
                late=r.figures.overdue,
                x=i * COLUMN_WIDTH + 6,
                y=COLUMN_BASE - height,
                height=height,
                late_y=COLUMN_BASE - late,
                late_height=late,
            )
        )
    return out, len(rows) * COLUMN_WIDTH + 12


def _crumbs(user: User, unit: Unit, year: int, period: str) -> list[tuple[str, str]]:
    crumbs = []
    for ancestor in unit.ancestors_and_self():
        url = ""
        if ancestor.pk != unit.pk and can_view_unit(user, ancestor):
            url = stats_url(ancestor, year, period)
        crumbs.append((ancestor.name, url))
    return crumbs


def _child_url(stats: Statistics):
    def url_for(row: Row) -> str:
        if row.unit is None or row.is_self:
            return ""
        return stats_url(row.unit, stats.year, stats.period)

    return url_for


@login_required
def statistics_page(request: HttpRequest) -> HttpResponse:
    unit = _stats_unit(request)
    year, bad_year = _year(request)
    period = _period(request)
    stats = statistics(unit, year, period)
    child_url = _child_url(stats)
    child_bars, child_height = bars(stats.by_child, child_url)
    field_bars, field_height = bars(stats.by_field)
    period_columns, period_width = columns(stats.by_period)
    current = today().year
    return render(
        request,
        "feedback/insight_stats.html",
        {
            "unit": unit,
            "stats": stats,
            "year": year,
            "bad_year": bad_year,
            "period": period,
            "periods": list(PERIODS.items()),
            "years": sorted({*range(current - 4, current + 1), year}),
            "crumbs": _crumbs(request.user, unit, year, period),
            "child_rows": [(row, child_url(row)) for row in stats.by_child],
            "child_bars": child_bars,
            "child_height": child_height,
            "field_bars": field_bars,
            "field_height": field_height,
            "period_columns": period_columns,
            "period_width": period_width,
            "xlsx_url": stats_url(unit, year, period, "feedback_insight:stats_xlsx"),
        },
    )


def table_headers() -> list[str]:
    return [
        _("Unit"),
        _("Received"),
        _("Answered"),
        _("Answered in time"),
        _("Overdue"),
        _("Closed"),
        _("Reopened"),
        _("Average days to answer"),
    ]


def table_rows(rows: list[Row]) -> list[list]:
    return [
        [
            row.label,
            row.figures.received,
            row.figures.answered,
            row.figures.in_time,
            row.figures.overdue,
            row.figures.closed,
            row.figures.reopened,
            row.figures.average_days,
        ]
        for row in rows
    ]


def stats_workbook(stats: Statistics) -> bytes:
    """The page's tables as a workbook: by unit (with the total), by kind, by field, by period."""
    book = Workbook()
    sheets = [
        (_("By unit"), stats.by_child, True),
        (_("By kind"), stats.by_kind, False),
        (_("By field"), stats.by_field, False),
        (_("By period"), stats.by_period, False),
    ]
    for index, (title, rows, with_total) in enumerate(sheets):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title[:31]
        sheet.append(
            [
                _("Feedback received in %(year)s by %(unit)s and its units")
                % {"year": stats.year, "unit": stats.unit.name}
            ]
        )
        sheet["A1"].font = Font(bold=True)
        sheet.append(table_headers())
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for line in table_rows(rows):
            sheet.append(line)
        if with_total:
            total = Row("total", _("Total"), stats.totals)
            sheet.append(table_rows([total])[0])
            for cell in sheet[sheet.max_row]:
                cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@login_required
def statistics_xlsx(request: HttpRequest) -> HttpResponse:
    unit = _stats_unit(request)
    year, _bad = _year(request)
    stats = statistics(unit, year, _period(request))
    response = HttpResponse(stats_workbook(stats), content_type=XLSX_TYPE)
    response["Content-Disposition"] = (
        f'attachment; filename="thong-ke-phan-anh-{unit.pk}-{year}.xlsx"'
    )
    return response
