"""Public pages: what a unit has disclosed, readable by anyone without signing in or script.

They read only through the public access functions: drafts answer 404, like what does not
exist.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from coso.core.pages import paginate, querystring_base
from coso.units.models import Unit

from . import access
from .forms import PublicFilterForm
from .models import DisclosureStatus
from .versions import version_history


def _public_unit(unit_id: int) -> Unit:
    unit = Unit.objects.filter(pk=unit_id, closed_on__isnull=True).first()
    if unit is None:
        raise Http404
    return unit


def unit_list(request: HttpRequest, unit_id: int) -> HttpResponse:
    """A unit's disclosures, the current version of each, by category, newest first."""
    unit = _public_unit(unit_id)
    form = PublicFilterForm(request.GET or None, unit=unit)
    items = (
        access.public_disclosures(unit)
        .exclude(status=DisclosureStatus.SUPERSEDED)
        .select_related("category")
    )
    if form.is_valid():
        if form.cleaned_data["category"] is not None:
            items = items.filter(category=form.cleaned_data["category"])
        if form.cleaned_data["year"]:
            items = items.filter(year=form.cleaned_data["year"])
    page = paginate(request, items.order_by("category__order", "-starts_on", "-id"), 20)
    context = {
        "portal_unit": unit,
        "form": form,
        "page_obj": page,
        "querystring_base": querystring_base(request),
    }
    return render(request, "disclosure/public_list.html", context)


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    disclosure = access.get_public_disclosure(pk)
    context = {
        "portal_unit": disclosure.unit,
        "disclosure": disclosure,
        "files": list(disclosure.files.all()),
        "versions": version_history(disclosure, public=True),
    }
    return render(request, "disclosure/public_detail.html", context)


def file_download(request: HttpRequest, pk: int) -> FileResponse:
    """Only files of published items (and their earlier versions); drafts' files answer 404."""
    item = access.get_public_file(pk)
    if not item.file:
        raise Http404
    try:
        handle = item.file.open("rb")
    except OSError as exc:
        raise Http404 from exc
    name = item.original_name or item.file.name.rsplit("/", 1)[-1]
    return FileResponse(handle, as_attachment=True, filename=name)
