"""Who may see and change campaigns and nominations. Built on the one policy in coso.units.access.

- Steering officers (and administrators) of a unit run its emulation campaigns: create, open,
  close, and decide on the nominations their unit assesses.
- Committee members and steering officers over the assessing unit score nominations against the
  campaign's criteria (the steering committee assesses).
- Officers of a unit (MANAGERS) nominate its models and people and attach evidence while the
  nomination awaits assessment.
- Everyone with a role over a unit reads its nominations; units below a campaign's unit read the
  campaign once it is open, so they can answer it.
- The public sees only recognised models (`public.py`).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import MANAGERS, STEERING, has_role_over, paths_for, subtree_q
from coso.units.models import Role, Unit, User

from .models import Campaign, CampaignStatus, Evidence, Nomination

ASSESSORS = (Role.ADMIN, Role.STEERING_OFFICER, Role.COMMITTEE_MEMBER)


def _ancestor_paths(user: User) -> list[str]:
    paths: set[str] = set()
    for path in paths_for(user):
        paths.update(path[:i] for i in range(Unit.steplen, len(path), Unit.steplen))
    return sorted(paths)


def visible_campaigns(user: User) -> QuerySet[Campaign]:
    """Campaigns of the units the user reaches, and the open or closed campaigns above them."""
    if not user.is_authenticated:
        return Campaign.objects.none()
    above = Q(unit_path__in=_ancestor_paths(user)) & ~Q(status=CampaignStatus.DRAFT)
    return Campaign.objects.filter(subtree_q(user, "unit_path") | above)


def visible_nominations(user: User) -> QuerySet[Nomination]:
    if not user.is_authenticated:
        return Nomination.objects.none()
    return Nomination.objects.filter(subtree_q(user, "unit_path"))


def can_view_campaign(user: User, campaign: Campaign) -> bool:
    if not user.is_authenticated:
        return False
    if has_role_over(user, campaign.unit):
        return True
    return campaign.status != CampaignStatus.DRAFT and any(
        p.startswith(campaign.unit_path) for p in paths_for(user)
    )


def can_view_progress(user: User, campaign: Campaign) -> bool:
    """Which units below have nominated: read by those with a role over the campaign's unit."""
    return has_role_over(user, campaign.unit)


def can_create_campaign(user: User, unit: Unit) -> bool:
    return not unit.is_closed and has_role_over(user, unit, STEERING)


def can_manage_campaign(user: User, campaign: Campaign) -> bool:
    """Open, close: the steering officers of the campaign's unit or above."""
    return has_role_over(user, campaign.unit, STEERING)


def campaign_paths(user: User) -> list[str]:
    return paths_for(user, STEERING)


def can_nominate(user: User, unit: Unit) -> bool:
    return not unit.is_closed and has_role_over(user, unit, MANAGERS)


def nominating_paths(user: User) -> list[str]:
    return paths_for(user, MANAGERS)


def can_view_nomination(user: User, nomination: Nomination) -> bool:
    return user.is_authenticated and has_role_over(user, nomination.unit)


def can_add_evidence(user: User, nomination: Nomination) -> bool:
    return nomination.is_open and has_role_over(user, nomination.unit, MANAGERS)


def can_assess(user: User, nomination: Nomination) -> bool:
    """Score against the campaign's criteria: committee members or steering officers."""
    return (
        nomination.is_open
        and nomination.campaign_id is not None
        and has_role_over(user, nomination.assessing_unit, ASSESSORS)
    )


def can_decide(user: User, nomination: Nomination) -> bool:
    return nomination.is_open and has_role_over(user, nomination.assessing_unit, STEERING)


# --- Checked fetches --------------------------------------------------------------------------


def get_campaign_for(user: User, pk: int | str) -> Campaign:
    campaign = Campaign.objects.select_related("unit").filter(pk=row_id(pk)).first()
    if campaign is None or not can_view_campaign(user, campaign):
        raise Http404
    return campaign


def get_nomination_for(user: User, pk: int | str) -> Nomination:
    nomination = (
        Nomination.objects.select_related("unit", "campaign__unit").filter(pk=row_id(pk)).first()
    )
    if nomination is None or not can_view_nomination(user, nomination):
        raise Http404
    return nomination


def get_evidence_for(user: User, pk: int | str) -> Evidence:
    item = (
        Evidence.objects.select_related("nomination__unit", "nomination__campaign__unit")
        .filter(pk=row_id(pk))
        .first()
    )
    if item is None or not can_view_nomination(user, item.nomination):
        raise Http404
    return item
