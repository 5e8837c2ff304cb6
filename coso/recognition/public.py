"""What the public sees of recognition (see coso/portal/sections.py and the pages under
/cong-khai/mo-hinh/): recognised models and people of open units, with their description,
results, the form and number of the decision, and the evidence files marked public. Never the
scores, the assessors, the nominations still awaiting assessment or not recognised, or an
evidence file not marked public.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.models import Unit

from .models import Evidence, Nomination

SHOWN = 5
PUBLIC_FIELDS = (
    "id",
    "title",
    "field",
    "subject_kind",
    "subject_name",
    "description",
    "results",
    "recognition_form",
    "decision_number",
    "decision_date",
    "unit_id",
    "unit_path",
    "unit__name",
    "unit__path",
    "unit__kind",
    "campaign_id",
    "campaign__title",
)


def public_models() -> QuerySet[Nomination]:
    return Nomination.objects.recognised().select_related("unit", "campaign").only(*PUBLIC_FIELDS)


def get_public_model(pk: int | str) -> Nomination:
    item = public_models().filter(pk=row_id(pk)).first()
    if item is None:
        raise Http404
    return item


def public_evidence(nomination: Nomination) -> list[Evidence]:
    return list(nomination.evidence.filter(is_public=True).only("id", "title", "nomination_id"))


def get_public_evidence(pk: int | str) -> Evidence:
    item = (
        Evidence.objects.filter(
            pk=row_id(pk), is_public=True, nomination__in=public_models().values("pk")
        )
        .select_related("nomination")
        .first()
    )
    if item is None:
        raise Http404
    return item


def portal_context(unit: Unit) -> dict:
    """The latest recognised models of the unit and the units below it: two queries."""
    models = public_models().in_subtree(unit).order_by("-decision_date", "-id")
    return {
        "unit": unit,
        "models": list(models[:SHOWN]),
        "total": models.count(),
    }
