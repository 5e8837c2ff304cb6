"""What an upper unit sees of a requirement: completeness and totals level by level, trends of
an indicator across periods, and the button that pre-fills a unit's own report from below."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from coso.core.pages import paginate, querystring_base
from coso.units.access import can_view_unit, get_unit_for, paths_for
from coso.units.models import Unit, User

from .. import access, actions, aggregate, figures, queries
from ..models import Indicator, PeriodKind, ReportRequirement

ROWS_PER_PAGE = 50

# --- Chart geometry (the templates only place what is computed here) ---------------------------

BAR_WIDTH = 200
COLOURS = {"on_time": "#2e7d32", "late": "#b26a00", "missing": "#b3261e"}


@dataclass(frozen=True)
class Segment:
    key: str
    count: int
    x: int
    width: int
    colour: str


def stacked_bar(row: queries.CompletenessRow, width: int = BAR_WIDTH) -> list[Segment]:
    """On time, late and missing side by side, the whole bar being the reports required.
    Edges are rounded from the running total, so the parts always end exactly at `width`."""
    if not row.required:
        return []
    segments, done, x = [], 0, 0
    for key, count in (("on_time", row.on_time), ("late", row.late), ("missing", row.missing)):
        done += count
        edge = round(width * done / row.required)
        if count:
            segments.append(Segment(key, count, x, edge - x, COLOURS[key]))
        x = edge
    return segments


@dataclass(frozen=True)
class TrendMark:
    label: str
    value: Decimal | None
    x: int
    y: int
    height: int


@dataclass(frozen=True)
class TrendChart:
    marks: list[TrendMark]
    width: int
    height: int
    base: int
    polyline: str


def trend_chart(
    points: list[queries.TrendPoint], *, step: int = 64, height: int = 120, top: int = 16
) -> TrendChart:
    """Columns (and the line through their tops) of a trend, the largest value `height - top`
    pixels above the base line."""
    base = height - 20
    largest = max((p.value for p in points if p.value is not None), default=Decimal(0))
    marks = []
    for i, point in enumerate(points):
        value = point.value or Decimal(0)
        h = round((base - top) * value / largest) if largest else 0
        marks.append(TrendMark(str(point.period.label), point.value, i * step + 8, base - h, h))
    line = " ".join(f"{m.x + (step - 24) // 2},{m.y}" for m in marks)
    return TrendChart(marks, max(len(points) * step + 8, step), height, base, line)


# --- Helpers ---------------------------------------------------------------------------------------


def _int_param(raw: str | None) -> int | None:
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise Http404 from None


def _reached_unit_within(user: User, top: Unit) -> Unit:
    """The highest unit inside `top` that the user reaches (a commune officer looking at the
    province's requirement sees their commune), else 404."""
    inside = [p for p in paths_for(user) if p.startswith(top.path)]
    if not inside:
        raise Http404
    return Unit.objects.get(path=min(inside, key=len))


def _viewing_unit(request: HttpRequest, requirement: ReportRequirement) -> Unit:
    """The unit whose children the page breaks the figures down by (?unit=), checked."""
    pk = _int_param(request.GET.get("unit"))
    if pk is None:
        if can_view_unit(request.user, requirement.unit):
            return requirement.unit
        return _reached_unit_within(request.user, requirement.unit)
    unit = get_unit_for(request.user, pk)
    if not unit.is_within(requirement.unit):
        raise Http404
    return unit


def _crumbs(
    user: User, top: Unit, unit: Unit, url_for
) -> list[tuple[str, str]]:  # url_for: Unit -> str
    """From the requiring unit down to the viewing unit, with links the user may open."""
    crumbs = []
    for ancestor in unit.ancestors_and_self():
        if not ancestor.is_within(top):
            continue
        link = url_for(ancestor) if ancestor.pk != unit.pk and can_view_unit(user, ancestor) else ""
        crumbs.append((ancestor.name, link))
    return crumbs


def completeness_url(requirement: ReportRequirement, unit: Unit | None = None) -> str:
    url = reverse("reports:completeness", args=[requirement.pk])
    return f"{url}?{urlencode({'unit': unit.pk})}" if unit is not None else url


def totals_url(requirement: ReportRequirement, unit: Unit | None = None) -> str:
    url = reverse("reports:totals", args=[requirement.pk])
    return f"{url}?{urlencode({'unit': unit.pk})}" if unit is not None else url


def trends_url(unit: Unit, indicator: str = "", kind: str = "") -> str:
    query = {"unit": unit.pk, **({"indicator": indicator} if indicator else {})}
    if kind:
        query["kind"] = kind
    return f"{reverse('reports:trends')}?{urlencode(query)}"


def requirement_list_url(requirement: ReportRequirement, only: str) -> str:
    """The requirement page's list of submissions, filtered ("missing", "late")."""
    return f"{reverse('reports:requirement', args=[requirement.pk])}?{urlencode({'only': only})}"


# --- Pages -----------------------------------------------------------------------------------------


@login_required
def completeness(request: HttpRequest, pk: int) -> HttpResponse:
    requirement = access.get_requirement_for(request.user, pk)
    unit = _viewing_unit(request, requirement)
    table = queries.completeness_by_child(requirement, unit)
    page = paginate(request, table.rows, ROWS_PER_PAGE)
    rows = [
        {
            "row": row,
            "bar": stacked_bar(row),
            "url": completeness_url(requirement, row.unit)
            if row.unit.numchild and row.required
            else "",
        }
        for row in page.object_list
    ]
    return render(
        request,
        "reports/overview_completeness.html",
        {
            "requirement": requirement,
            "unit": unit,
            "table": table,
            "total_bar": stacked_bar(table.total, 300),
            "own_bar": stacked_bar(table.own) if table.own else [],
            "rows": rows,
            "page_obj": page,
            "querystring_base": querystring_base(request),
            "crumbs": _crumbs(
                request.user, requirement.unit, unit, lambda u: completeness_url(requirement, u)
            ),
            "requirement_url": reverse("reports:requirement", args=[requirement.pk]),
            "missing_url": requirement_list_url(requirement, "missing"),
            "late_url": requirement_list_url(requirement, "late"),
            "totals_url": totals_url(requirement, unit),
        },
    )


@login_required
def totals(request: HttpRequest, pk: int) -> HttpResponse:
    requirement = access.get_requirement_for(request.user, pk)
    unit = _viewing_unit(request, requirement)
    table = queries.totals_by_child(requirement, unit)
    page = paginate(request, table.rows, ROWS_PER_PAGE)
    codes = [i.code for i in table.indicators]
    rows = [
        {
            "unit": row.unit,
            "reports": row.reports,
            "values": [row.values[c] for c in codes],
            "url": totals_url(requirement, row.unit) if row.unit.numchild else "",
        }
        for row in page.object_list
    ]
    return render(
        request,
        "reports/overview_totals.html",
        {
            "requirement": requirement,
            "unit": unit,
            "table": table,
            "total_values": [table.total.values[c] for c in codes],
            "rows": rows,
            "page_obj": page,
            "querystring_base": querystring_base(request),
            "crumbs": _crumbs(
                request.user, requirement.unit, unit, lambda u: totals_url(requirement, u)
            ),
            "requirement_url": reverse("reports:requirement", args=[requirement.pk]),
            "completeness_url": completeness_url(requirement, unit),
            "trends_url": trends_url(unit),
        },
    )


def trend_indicators(unit: Unit) -> list[Indicator]:
    """Indicators that roll up, of the forms the unit required or reported on: one query.
    Key indicators first; one per code (codes are stable across forms and years)."""
    forms = ReportRequirement.objects.filter(Q(unit=unit) | Q(submissions__unit=unit)).values(
        "form_id"
    )
    seen: dict[str, Indicator] = {}
    for indicator in Indicator.objects.filter(
        form_id__in=forms, kind__in=queries.ROLL_UP_KINDS
    ).order_by("-is_key", "form_id", "section__order", "order", "pk"):
        seen.setdefault(indicator.code, indicator)
    return list(seen.values())


@login_required
def trends(request: HttpRequest) -> HttpResponse:
    pk = _int_param(request.GET.get("unit"))
    if pk is not None:
        unit = get_unit_for(request.user, pk)
    elif request.user.home_unit_id and can_view_unit(request.user, request.user.home_unit):
        unit = request.user.home_unit
    else:
        reached = paths_for(request.user)
        if not reached:
            raise Http404
        unit = Unit.objects.get(path=reached[0])
    kind = request.GET.get("kind") or PeriodKind.HALF_YEAR
    if kind not in PeriodKind.values:
        kind = PeriodKind.HALF_YEAR
    indicators = trend_indicators(unit)
    by_code = {i.code: i for i in indicators}
    code = request.GET.get("indicator") or (indicators[0].code if indicators else "")
    indicator = by_code.get(code)
    points = queries.trend(unit, code, kind=kind) if indicator else []
    return render(
        request,
        "reports/overview_trends.html",
        {
            "unit": unit,
            "kind": kind,
            "indicator": indicator,
            "indicators": [(i, trends_url(unit, i.code, kind), i.code == code) for i in indicators],
            "kinds": [
                (label, trends_url(unit, code, value), value == kind)
                for value, label in PeriodKind.choices
                if value != PeriodKind.AD_HOC
            ],
            "points": points,
            "chart": trend_chart(points),
        },
    )


@login_required
@require_POST
def prefill(request: HttpRequest, pk: int) -> HttpResponse:
    """Tổng hợp từ báo cáo cấp dưới: pre-fill the unit's own report, then back to it."""
    submission = access.get_submission_for(request.user, pk)
    revision = _int_param(request.POST.get("revision"))
    try:
        aggregate.prefill_from_below(submission, by=request.user, revision=revision)
    except actions.EditConflict as exc:
        messages.error(request, " ".join(exc.messages))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _(
                "The report was filled in from the reports of the units below. Check the "
                "figures, complete it, then save and submit it."
            ),
        )
    return redirect(reverse("reports:submission", args=[submission.pk]))


@login_required
@require_POST
def prefill_recorded(request: HttpRequest, pk: int) -> HttpResponse:
    """Fill the unit's own report with the figures coso recorded (feedback, disclosures …)."""
    submission = access.get_submission_for(request.user, pk)
    revision = _int_param(request.POST.get("revision"))
    try:
        _, filled = figures.prefill_from_records(submission, by=request.user, revision=revision)
    except actions.EditConflict as exc:
        messages.error(request, " ".join(exc.messages))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(n)s figure was filled in from what coso recorded. Check it, then save "
                "and submit the report.",
                "%(n)s figures were filled in from what coso recorded. Check them, then save "
                "and submit the report.",
                filled,
            )
            % {"n": filled},
        )
    return redirect(reverse("reports:submission", args=[submission.pk]))


urlpatterns: list[URLPattern] = [
    path("yeu-cau/<int:pk>/tinh-hinh-nop/", completeness, name="completeness"),
    path("yeu-cau/<int:pk>/tong-hop/", totals, name="totals"),
    path("xu-huong/", trends, name="trends"),
    path("nop/<int:pk>/tong-hop/", prefill, name="prefill"),
    path("nop/<int:pk>/so-lieu-ghi-nhan/", prefill_recorded, name="prefill_recorded"),
]
