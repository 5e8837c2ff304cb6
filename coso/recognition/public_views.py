"""Public pages of recognised models and people, readable without signing in (under
/cong-khai/mo-hinh/): a searchable list, one page per model, and its public evidence files."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from coso.core.pages import paginate, querystring_base, row_id
from coso.units.models import Unit

from . import public
from .forms import PublicSearchForm


@require_GET
def model_list(request: HttpRequest) -> HttpResponse:
    form = PublicSearchForm(request.GET or None)
    models = public.public_models()
    unit = None
    raw = request.GET.get("unit")
    if raw:
        unit = Unit.objects.filter(pk=row_id(raw), closed_on__isnull=True).first()
        if unit is None:
            raise Http404
        models = models.in_subtree(unit)
    if form.is_valid():
        if form.cleaned_data["q"]:
            models = models.search(form.cleaned_data["q"])
        if form.cleaned_data["field"]:
            models = models.filter(field=form.cleaned_data["field"])
    context = {
        "form": form,
        "portal_unit": unit,
        "page_obj": paginate(request, models.order_by("-decision_date", "-id")),
        "querystring_base": querystring_base(request),
    }
    return render(request, "recognition/public_list.html", context)


@require_GET
def model_detail(request: HttpRequest, pk: int) -> HttpResponse:
    item = public.get_public_model(pk)
    context = {
        "portal_unit": item.unit,
        "model": item,
        "files": public.public_evidence(item),
    }
    return render(request, "recognition/public_detail.html", context)


@require_GET
def file_download(request: HttpRequest, file_id: int) -> FileResponse:
    item = public.get_public_evidence(file_id)
    try:
        handle = item.file.open("rb")
    except (OSError, ValueError) as exc:
        raise Http404 from exc
    return FileResponse(handle, as_attachment=True, filename=item.file.name.rsplit("/", 1)[-1])
