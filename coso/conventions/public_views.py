"""Public pages of village conventions (under cong-khai/huong-uoc/): no login, no script.

Only versions in force or superseded are shown, each with its dates; drafts and refusals stay
internal (a draft out for comment is public through its consultation).
"""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from coso.portal.views import public_unit

from . import access
from .models import PUBLIC_VERSION_STATUSES, ConventionVersion, VersionStatus


def _public_versions():
    return ConventionVersion.objects.filter(status__in=PUBLIC_VERSION_STATUSES).order_by("-number")


def unit_list(request: HttpRequest, unit_id: int) -> HttpResponse:
    unit = public_unit(unit_id)
    conventions = list(
        access.public_conventions(unit)
        .select_related("unit")
        .prefetch_related(Prefetch("versions", queryset=_public_versions()))
        .order_by("unit__path", "id")
    )
    for convention in conventions:
        convention.in_force = next(  # type: ignore[attr-defined]
            (v for v in convention.versions.all() if v.status == VersionStatus.IN_FORCE), None
        )
    return render(
        request,
        "conventions/public_list.html",
        {"portal_unit": unit, "conventions": conventions},
    )


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    convention = access.get_public_convention(pk)
    versions = list(_public_versions().filter(convention=convention))
    in_force = next((v for v in versions if v.status == VersionStatus.IN_FORCE), None)
    commenting = (
        convention.versions.filter(status=VersionStatus.COMMENTING)
        .select_related("consultation")
        .first()
    )
    return render(
        request,
        "conventions/public_detail.html",
        {
            "portal_unit": convention.unit,
            "convention": convention,
            "versions": versions,
            "in_force": in_force,
            "commenting": commenting,
        },
    )


def version(request: HttpRequest, pk: int) -> HttpResponse:
    item = access.get_public_version(pk)
    return render(
        request,
        "conventions/public_version.html",
        {"portal_unit": item.convention.unit, "convention": item.convention, "version": item},
    )
