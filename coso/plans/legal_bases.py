"""Plans' legal bases and the legal library: linking a basis to the library text its citation
names by number, and finding the bases whose text a newer one has replaced.

The library comes before plans in INSTALLED_APPS and knows nothing of plans; everything that
joins the two lives here, on the plans side.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from coso.core.audit import acting_as
from coso.library.citations import link_citation
from coso.library.models import LegalText
from coso.units.access import subtree_q
from coso.units.models import User

from .models import BasisKind, PlanBasis


@transaction.atomic
def link_bases(bases: QuerySet[PlanBasis], *, by: User | None = None) -> int:
    """Link each legal basis not yet linked to the library text its citation names.

    Returns how many were linked. Run again, it links nothing twice.
    """
    linked = 0
    with acting_as(by):
        for basis in bases.filter(legal_text__isnull=True).exclude(kind=BasisKind.UPPER_PLAN):
            text = link_citation(basis.citation)
            if text is not None:
                basis.legal_text = text
                basis.save(update_fields=["legal_text"])
                linked += 1
    return linked


@transaction.atomic
def link_basis(basis: PlanBasis, *, by: User, number: str) -> LegalText | None:
    """Link one plan basis to the text named by `number`; an empty number unlinks it.

    The caller has checked that `by` may edit the plan.
    """
    basis = PlanBasis.objects.select_for_update().get(pk=basis.pk)
    if basis.kind == BasisKind.UPPER_PLAN:
        raise ValidationError({"number": _("This basis is the upper level's plan, not a text.")})
    text = None
    if number:
        text = link_citation(number)
        if text is None:
            # "59/2023" alone has no symbol: take the one text whose number starts so.
            matches = list(LegalText.objects.search(number)[:2])
            text = matches[0] if len(matches) == 1 else None
        if text is None:
            raise ValidationError(
                {
                    "number": _("No text numbered “%(number)s” was found in the library.")
                    % {"number": number}
                }
            )
    with acting_as(by):
        basis.legal_text = text
        basis.save(update_fields=["legal_text"])
    return text


def stale_bases(user: User) -> QuerySet[PlanBasis]:
    """Bases of plans of the user's own subtrees that cite a replaced text."""
    return (
        PlanBasis.objects.filter(
            subtree_q(user, "plan__unit_path"), legal_text__replaced_by__isnull=False
        )
        .select_related("plan", "plan__unit", "legal_text", "legal_text__replaced_by")
        .order_by("plan__unit_path", "-plan__issued_on", "plan_id", "order", "id")
    )
