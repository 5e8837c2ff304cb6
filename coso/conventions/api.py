"""JSON API of village conventions (mounted under /api/v1/): read-only, as the pages show them.

Signed-in users with a role over the community read every version; the others read the
versions the public reads (in force and superseded).
"""

import datetime as dt

from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest
from ninja import Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from coso.core.pages import row_id
from coso.units.access import subtree_q

from . import access
from .models import (
    PUBLIC_VERSION_STATUSES,
    Convention,
    ConventionKind,
    ConventionVersion,
    VersionStatus,
)

router = Router(tags=["conventions"])


class VersionOut(Schema):
    id: int
    number: int
    status: VersionStatus
    text: str
    changes: str
    approved_on: dt.date | None
    submission_deadline: dt.date | None
    submitted_on: dt.date | None
    decision_deadline: dt.date | None
    decided_on: dt.date | None
    decision_number: str
    in_force_from: dt.date | None
    superseded_on: dt.date | None
    consultation_id: int | None


class ConventionOut(Schema):
    id: int
    unit_id: int
    title: str
    kind: ConventionKind
    review_day: int
    review_month: int


class ConventionDetailOut(ConventionOut):
    versions: list[VersionOut]


def _readable(user) -> QuerySet[Convention]:
    public = Q(versions__status__in=PUBLIC_VERSION_STATUSES, unit__closed_on__isnull=True)
    return Convention.objects.filter(subtree_q(user, "unit_path") | public).distinct()


@router.get("/conventions/", response=list[ConventionOut], summary="List village conventions")
@paginate(LimitOffsetPagination)
def list_conventions(request: HttpRequest, unit_id: int | None = None) -> QuerySet[Convention]:
    items = _readable(request.user)
    if unit_id is not None:
        items = items.filter(unit_id=unit_id) if 0 < unit_id < 2**63 else items.none()
    return items.order_by("unit_path", "id")


@router.get(
    "/conventions/{convention_id}",
    response=ConventionDetailOut,
    summary="A village convention with its versions",
)
def get_convention(request: HttpRequest, convention_id: int) -> Convention:
    user = request.user
    convention = _readable(user).filter(pk=row_id(convention_id)).first()
    if convention is None:
        return access.get_convention_for(user, convention_id)  # answers 404
    versions = ConventionVersion.objects.order_by("-number")
    if not access.can_view_convention(user, convention):
        versions = versions.filter(status__in=PUBLIC_VERSION_STATUSES)
    return Convention.objects.prefetch_related(Prefetch("versions", queryset=versions)).get(
        pk=convention.pk
    )
