"""The public portal: find a unit, then read what it has published. No login, no script."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from coso.core.pages import paginate, querystring_base
from coso.units.models import Unit, path_within

from .sections import sections_for


def public_unit(unit_id: int) -> Unit:
    """A unit as the public sees it: any open unit of the tree (closed ones answer 404)."""
    unit = Unit.objects.filter(pk=unit_id, closed_on__isnull=True).first()
    if unit is None:
        raise Http404
    return unit


def home(request: HttpRequest) -> HttpResponse:
    """Search a unit by name (without diacritics), or browse from the top of the tree."""
    query = request.GET.get("q", "").strip()[:100]
    units = Unit.objects.active()
    units = units.search(query) if query else units.filter(depth__lte=2)
    page = paginate(request, units.only("id", "name", "kind", "path", "depth"), 30)
    return render(
        request,
        "portal/home.html",
        {"page_obj": page, "query": query, "querystring_base": querystring_base(request)},
    )


def unit_page(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = public_unit(unit_id)
    return render(
        request,
        "portal/unit.html",
        {
            "portal_unit": unit,
            "ancestors": Unit.objects.filter(path__in=unit.ancestor_paths()[:-1]).order_by("depth"),
            "children": Unit.objects.active()
            .filter(path_within("path", unit.path), depth=unit.depth + 1)
            .only("id", "name"),
            "sections": sections_for(unit),
        },
    )
