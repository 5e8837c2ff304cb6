"""Who may see and change village conventions. Built on the one policy in coso.units.access.

Officers of the residential community and those above it (MANAGERS) draft, consult, put to
the households and submit. The commune's decision — recognition or a written refusal — is
for officers of the commune above the community (Decree 61/2023/NĐ-CP): a role held only in
the community does not reach it. Everyone with a role over the community reads the internal
pages; the public reads versions in force and superseded ones.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import MANAGERS, has_role_over, paths_for, subtree_q
from coso.units.models import Unit, UnitKind, User, path_within

from .models import (
    PUBLIC_VERSION_STATUSES,
    Convention,
    ConventionVersion,
)


def commune_of(unit: Unit) -> Unit | None:
    """The unit above a residential community that recognises its convention (cached)."""
    if len(unit.path) <= Unit.steplen:
        return None
    cached = getattr(unit, "_coso_commune", None)
    if cached is None:
        cached = Unit.objects.filter(path=unit.path[: -Unit.steplen]).first()
        unit._coso_commune = cached  # type: ignore[attr-defined]
    return cached


def visible_conventions(user: User) -> QuerySet[Convention]:
    return Convention.objects.filter(subtree_q(user, "unit_path"))


def can_view_convention(user: User, convention: Convention) -> bool:
    return user.is_authenticated and has_role_over(user, convention.unit)


def can_create_convention(user: User, unit: Unit) -> bool:
    return (
        unit.kind == UnitKind.RESIDENTIAL
        and not unit.is_closed
        and has_role_over(user, unit, MANAGERS)
    )


def can_manage_convention(user: User, convention: Convention) -> bool:
    """Draft, put out for comment, to the households, submit, review, amend."""
    return has_role_over(user, convention.unit, MANAGERS)


def can_decide_convention(user: User, convention: Convention) -> bool:
    """Recognise or refuse a version: officers of the commune above the community."""
    commune = commune_of(convention.unit)
    return commune is not None and has_role_over(user, commune, MANAGERS)


def manageable_paths(user: User) -> list[str]:
    return paths_for(user, MANAGERS)


def get_convention_for(user: User, pk: int | str) -> Convention:
    convention = Convention.objects.select_related("unit").filter(pk=row_id(pk)).first()
    if convention is None or not can_view_convention(user, convention):
        raise Http404
    return convention


def get_version_for(user: User, pk: int | str) -> ConventionVersion:
    version = (
        ConventionVersion.objects.select_related("convention__unit", "consultation", "matter")
        .filter(pk=row_id(pk))
        .first()
    )
    if version is None or not can_view_convention(user, version.convention):
        raise Http404
    return version


# --- Public -----------------------------------------------------------------------------------


def public_conventions(unit: Unit) -> QuerySet[Convention]:
    """Conventions of the unit, or of its residential communities when it is a commune, that
    have a version the public may read (in force or superseded)."""
    if unit.is_closed:
        return Convention.objects.none()
    qs = Convention.objects.filter(
        versions__status__in=PUBLIC_VERSION_STATUSES, unit__closed_on__isnull=True
    )
    if unit.kind == UnitKind.RESIDENTIAL:
        qs = qs.filter(unit=unit)
    else:
        qs = qs.filter(path_within("unit__path", unit.path), unit__depth=unit.depth + 1)
    return qs.distinct()


def get_public_convention(pk: int | str) -> Convention:
    convention = (
        Convention.objects.select_related("unit")
        .filter(
            pk=row_id(pk),
            unit__closed_on__isnull=True,
            versions__status__in=PUBLIC_VERSION_STATUSES,
        )
        .first()
    )
    if convention is None:
        raise Http404
    return convention


def get_public_version(pk: int | str) -> ConventionVersion:
    version = (
        ConventionVersion.objects.select_related("convention__unit")
        .filter(
            pk=row_id(pk),
            status__in=PUBLIC_VERSION_STATUSES,
            convention__unit__closed_on__isnull=True,
        )
        .first()
    )
    if version is None:
        raise Http404
    return version
