"""A unit's dashboard and the cascade coverage view: read-only pages, a fixed number of queries."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from coso.core.dates import today
from coso.inspections.dashboard import dashboard_panel
from coso.meetings.dashboard import dashboard_panel as meetings_panel
from coso.plans.access import can_view_dashboard
from coso.plans.models import Plan
from coso.reports import queries as report_queries
from coso.reports.models import Indicator, ReportRequirement
from coso.reports.views.overview import completeness_url, stacked_bar, trends_url
from coso.units.access import get_unit_for
from coso.units.models import PLANNING_KINDS, Unit, User

from . import charts, queries

CHILDREN_PER_PAGE = 50
REPORT_ROWS_SHOWN = 8
SPARK_WIDTH, SPARK_HEIGHT = 160, 40
FIRST_YEAR, LAST_YEAR = 2000, 2100


def _year(request: HttpRequest) -> int:
    """The ?year= asked for; the current year when missing or not a sensible year."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return today().year
    return year if FIRST_YEAR <= year <= LAST_YEAR else today().year


def _years_around(year: int) -> list[int]:
    current = today().year
    return sorted({*range(current - 3, current + 2), year})


def _dashboard_unit(request: HttpRequest, unit_id: int) -> Unit:
    unit = get_unit_for(request.user, unit_id)
    if not can_view_dashboard(request.user, unit):
        raise Http404
    return unit


def task_list_url(unit: Unit, year: int, **filters: str | int) -> str:
    """The plans app's task list, filtered to what a number on the dashboard counts."""
    query = {"unit": unit.pk, "own": 1, "year": year, **filters}
    return f"{reverse('plans:tasks')}?{urlencode(query)}"


def coverage_url(unit: Unit, year: int) -> str:
    return f"{reverse('dashboard:coverage', args=[unit.pk])}?{urlencode({'year': year})}"


def dashboard_url(unit: Unit, year: int) -> str:
    return f"{reverse('dashboard:unit', args=[unit.pk])}?{urlencode({'year': year})}"


def plan_url(plan: Plan) -> str:
    return reverse("plans:detail", args=[plan.pk])


def _crumbs(user: User, unit: Unit, year: int, view_name: str) -> list[tuple[str, str]]:
    """Ancestors with a link where the user may open their page: one query."""
    crumbs = []
    for ancestor in unit.ancestors_and_self():
        url = ""
        if ancestor.pk != unit.pk and can_view_dashboard(user, ancestor):
            url = f"{reverse(view_name, args=[ancestor.pk])}?{urlencode({'year': year})}"
        crumbs.append((ancestor.name, url))
    return crumbs


def sparkline(points: list[report_queries.TrendPoint]) -> str:
    """The `points` attribute of an SVG polyline through the trend's values."""
    values = [p.value or 0 for p in points]
    if len(values) < 2:
        return ""
    top = max(values) or 1
    step = SPARK_WIDTH / (len(values) - 1)
    return " ".join(
        f"{round(i * step)},{round(SPARK_HEIGHT - 4 - (SPARK_HEIGHT - 8) * v / top)}"
        for i, v in enumerate(values)
    )


def reports_panel(unit: Unit) -> dict | None:
    """The latest requirement the unit issued: completeness by child and a trend of its key
    indicator. Six queries when there is one, one when there is none, whatever the tree."""
    requirement = (
        ReportRequirement.objects.filter(unit=unit)
        .select_related("period", "form")
        .order_by("-period__end", "-deadline", "-pk")
        .first()
    )
    if requirement is None:
        return None
    table = report_queries.completeness_by_child(requirement, unit)
    indicator = (
        Indicator.objects.filter(form_id=requirement.form_id, kind__in=report_queries.ROLL_UP_KINDS)
        .order_by("-is_key", "section__order", "order", "pk")
        .first()
    )
    points = (
        report_queries.trend(unit, indicator.code, kind=requirement.period.kind)
        if indicator
        else []
    )
    return {
        "requirement": requirement,
        "url": completeness_url(requirement),
        "total": table.total,
        "total_bar": stacked_bar(table.total, 240),
        "rows": [
            (row, stacked_bar(row, 120), completeness_url(requirement, row.unit))
            for row in table.rows[:REPORT_ROWS_SHOWN]
        ],
        "more": max(len(table.rows) - REPORT_ROWS_SHOWN, 0),
        "indicator": indicator,
        "points": points,
        "last": points[-1] if points else None,
        "sparkline": sparkline(points),
        "trends_url": trends_url(unit, indicator.code if indicator else ""),
    }


@login_required
def unit_dashboard(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = _dashboard_unit(request, unit_id)
    year = _year(request)

    summary = queries.task_summary(unit, year)
    status_bars, status_height = charts.horizontal_bars(
        summary.by_status, lambda b: task_list_url(unit, year, status=b.key)
    )
    quarter_bars, quarter_width = charts.columns(
        summary.by_quarter, lambda b: task_list_url(unit, year, quarter=b.key)
    )
    page = Paginator(queries.open_children(unit), CHILDREN_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "dashboard/unit.html",
        {
            "unit": unit,
            "year": year,
            "years": _years_around(year),
            "crumbs": _crumbs(request.user, unit, year, "dashboard:unit"),
            "summary": summary,
            "all_tasks_url": task_list_url(unit, year),
            "overdue_url": task_list_url(unit, year, overdue=1),
            "status_bars": status_bars,
            "status_height": status_height,
            "quarter_bars": quarter_bars,
            "quarter_width": quarter_width,
            "overdue": queries.overdue_tasks(unit, year),
            "inspections_panel": dashboard_panel(unit, on=today()),
            "meetings_panel": meetings_panel(unit, on=today()),
            "coverage": queries.subordinate_coverage(unit, year),
            "coverage_url": coverage_url(unit, year),
            "page_obj": page,
            "follow_rows": [
                (row, dashboard_url(row.unit, year)) for row in queries.follow_rows(list(page))
            ],
            "querystring_base": urlencode({"year": year}) + "&",
            "reports": reports_panel(unit),
            "spark_width": SPARK_WIDTH,
            "spark_height": SPARK_HEIGHT,
        },
    )


@login_required
def coverage(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = _dashboard_unit(request, unit_id)
    year = _year(request)

    page = Paginator(queries.children_by_coverage(unit, year), CHILDREN_PER_PAGE).get_page(
        request.GET.get("page")
    )
    children = list(page)
    totals, by_child = queries.coverage_by_child(unit, year)
    nothing = queries.Coverage(issued=0, expected=0)
    plans = queries.own_plans_of([unit, *children], year)
    rows = [
        {
            "unit": child,
            "expected": child.kind in PLANNING_KINDS,
            "plans": [(plan, plan_url(plan)) for plan in plans[child.pk]],
            "coverage": by_child.get(child.path, nothing),
            "coverage_url": coverage_url(child, year),
            "dashboard_url": dashboard_url(child, year),
        }
        for child in children
    ]
    return render(
        request,
        "dashboard/coverage.html",
        {
            "unit": unit,
            "year": year,
            "years": _years_around(year),
            "crumbs": _crumbs(request.user, unit, year, "dashboard:coverage"),
            "own_plans": [(plan, plan_url(plan)) for plan in plans[unit.pk]],
            "unit_expected": unit.kind in PLANNING_KINDS,
            "totals": totals,
            "missing_children": queries.missing_children_count(unit, year),
            "rows": rows,
            "page_obj": page,
            "dashboard_url": dashboard_url(unit, year),
            "querystring_base": urlencode({"year": year}) + "&",
        },
    )
