"""Who may read and change disclosures. Built on the one policy in coso.units.access.

Everyone whose roles reach a unit reads its disclosures, drafts included; managers (system
administrator, steering officer, unit officer) over the unit write them. The public reads
through `public_disclosures` and `get_public_disclosure`: never a draft.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import MANAGERS, has_role_over, paths_for, subtree_q
from coso.units.models import Unit, User

from .models import PUBLIC_STATUSES, Disclosure, DisclosureChannel, DisclosureFile

# --- Internal -----------------------------------------------------------------------------------


def can_view_disclosures(user: User, unit: Unit) -> bool:
    return has_role_over(user, unit)


def can_manage_disclosures(user: User, unit: Unit) -> bool:
    """Create, publish, correct and end the postings of `unit`."""
    return has_role_over(user, unit, MANAGERS)


def can_edit_disclosure(user: User, disclosure: Disclosure) -> bool:
    """Change the content: drafts only (a published item changes by a correction)."""
    return disclosure.is_draft and can_manage_disclosures(user, disclosure.unit)


def can_view_compliance(user: User, unit: Unit) -> bool:
    return has_role_over(user, unit)


def manageable_unit_paths(user: User) -> list[str]:
    return paths_for(user, MANAGERS)


def visible_disclosures(user: User) -> QuerySet[Disclosure]:
    """Every version of every item in the subtrees the user's roles reach."""
    return Disclosure.objects.filter(subtree_q(user, "unit_path"))


def get_disclosure_for(user: User, pk: int | str) -> Disclosure:
    """Checked fetch: the disclosure if the user may read it, else 404."""
    disclosure = (
        Disclosure.objects.select_related("unit", "category", "published_by", "supersedes")
        .filter(pk=row_id(pk))
        .first()
    )
    if disclosure is None or not can_view_disclosures(user, disclosure.unit):
        raise Http404
    return disclosure


def get_file_for(user: User, pk: int | str) -> DisclosureFile:
    item = DisclosureFile.objects.select_related("disclosure__unit").filter(pk=row_id(pk)).first()
    if item is None or not can_view_disclosures(user, item.disclosure.unit):
        raise Http404
    return item


def get_channel_for(user: User, pk: int | str) -> DisclosureChannel:
    channel = (
        DisclosureChannel.objects.select_related("disclosure__unit").filter(pk=row_id(pk)).first()
    )
    if channel is None or not can_view_disclosures(user, channel.disclosure.unit):
        raise Http404
    return channel


# --- Public -------------------------------------------------------------------------------------


def public_disclosures(unit: Unit | None = None) -> QuerySet[Disclosure]:
    """What anyone may read: every version but drafts, of open units."""
    qs = Disclosure.objects.filter(status__in=PUBLIC_STATUSES, unit__closed_on__isnull=True)
    return qs.filter(unit=unit) if unit is not None else qs


def get_public_disclosure(pk: int | str) -> Disclosure:
    """A disclosure as the public sees it: 404 for a draft, as for one that does not exist."""
    disclosure = (
        public_disclosures()
        .select_related("unit", "category", "supersedes")
        .filter(pk=row_id(pk))
        .first()
    )
    if disclosure is None:
        raise Http404
    return disclosure


def get_public_file(pk: int | str) -> DisclosureFile:
    """A file of a disclosure the public may read; files of drafts answer 404."""
    item = (
        DisclosureFile.objects.select_related("disclosure")
        .filter(
            pk=pk,
            disclosure__status__in=PUBLIC_STATUSES,
            disclosure__unit__closed_on__isnull=True,
        )
        .first()
    )
    if item is None:
        raise Http404
    return item
