"""Who may keep the household register, run a matter, count ballots and vote.

Officers of the community and the steering officers above it (MANAGERS) keep the register and
run matters; anyone with a role over the community reads them. A household's representative
votes online for that household only; the counting board and the managers enter paper ballots.
A citizen without a household in the community cannot vote.
"""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import MANAGERS, has_role_over, subtree_q
from coso.units.models import Unit, UnitKind, User

from .models import Household, Matter, MatterStatus

# --- Households --------------------------------------------------------------------------------


def can_view_households(user: User, unit: Unit) -> bool:
    return has_role_over(user, unit)


def can_manage_households(user: User, unit: Unit) -> bool:
    return unit.kind == UnitKind.RESIDENTIAL and has_role_over(user, unit, MANAGERS)


def get_household_for(user: User, pk: int | str) -> Household:
    """Checked fetch: the household if the user may read its community's register, else 404."""
    household = (
        Household.objects.select_related("unit", "representative_user")
        .filter(pk=row_id(pk))
        .first()
    )
    if household is None or not can_view_households(user, household.unit):
        raise Http404
    return household


def communities_for(user: User, roles: tuple[str, ...] | None = None):
    """Residential communities whose register and matters the user reaches."""
    condition = subtree_q(user, roles=roles) if roles else subtree_q(user)
    return Unit.objects.filter(condition, kind=UnitKind.RESIDENTIAL, closed_on__isnull=True)


def get_community_for(user: User, pk: int | str) -> Unit:
    unit = Unit.objects.filter(pk=pk, kind=UnitKind.RESIDENTIAL).first()
    if unit is None or not can_view_households(user, unit):
        raise Http404
    return unit


# --- Matters -----------------------------------------------------------------------------------


def can_view_matter(user: User, matter: Matter) -> bool:
    return has_role_over(user, matter.unit) or is_on_counting_board(user, matter)


def can_manage_matter(user: User, matter: Matter) -> bool:
    return has_role_over(user, matter.unit, MANAGERS)


def can_open_matter(user: User, unit: Unit) -> bool:
    return unit.kind == UnitKind.RESIDENTIAL and has_role_over(user, unit, MANAGERS)


def is_on_counting_board(user: User, matter: Matter) -> bool:
    if not user.is_authenticated:
        return False
    return matter.counting_board.filter(pk=user.pk).exists()


def can_record_paper_ballot(user: User, matter: Matter) -> bool:
    """The counting board and the managers enter paper ballots (Law 10/2022/QH15, art. 18)."""
    return can_manage_matter(user, matter) or is_on_counting_board(user, matter)


def household_of_voter(user: User, unit: Unit) -> Household | None:
    """The active household of `unit` that `user` represents, if any."""
    if not user.is_authenticated:
        return None
    return Household.objects.active().filter(unit=unit, representative_user=user).first()


def can_cast_online_vote(user: User, matter: Matter) -> bool:
    return household_of_voter(user, matter.unit) is not None


def visible_matters(user: User):
    """Matters of the communities the user has a role over, plus those they count ballots of."""
    return Matter.objects.filter(visible_matters_q(user))


def visible_matters_q(user: User) -> Q:
    # A subquery, not a join: a join would repeat matters (and inflate vote counts).
    counted = Matter.counting_board.through.objects.filter(user_id=user.pk).values("matter_id")
    return subtree_q(user, field="unit_path") | Q(pk__in=counted)


def get_matter_for(user: User, pk: int | str) -> Matter:
    """Checked fetch for officers and counting boards: 404 when missing or not theirs."""
    matter = Matter.objects.select_related("unit").filter(pk=row_id(pk)).first()
    if matter is None or not can_view_matter(user, matter):
        raise Http404
    return matter


def get_matter_for_voter(user: User, pk: int | str) -> tuple[Matter, Household]:
    """The matter and the household the user votes for: 404 unless they represent one of its
    community's households (an officer who is no representative has nothing to vote here)."""
    matter = Matter.objects.select_related("unit").filter(pk=row_id(pk)).first()
    if matter is None or matter.status == MatterStatus.CONVERTED:
        raise Http404
    household = household_of_voter(user, matter.unit)
    if household is None:
        raise Http404
    return matter, household


def matters_for_voter(user: User):
    """Matters of the communities where the user represents a household."""
    if not user.is_authenticated:
        return Matter.objects.none()
    return Matter.objects.filter(voter_matters_q(user)).exclude(status=MatterStatus.CONVERTED)


def voter_matters_q(user: User) -> Q:
    units = Household.objects.active().filter(representative_user=user.pk).values("unit")
    return Q(unit__in=units)


# --- Public reads --------------------------------------------------------------------------------


def public_matters(unit: Unit):
    """What anyone may read of a community's matters (the portal)."""
    return Matter.objects.public_for(unit)


def get_public_matter(pk: int | str) -> Matter:
    matter = (
        Matter.objects.select_related("unit")
        .exclude(status=MatterStatus.CONVERTED)
        .filter(pk=pk, unit__closed_on__isnull=True)
        .first()
    )
    if matter is None:
        raise Http404
    return matter
