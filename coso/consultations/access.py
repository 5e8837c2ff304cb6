"""Who may see and change consultations. Built on the one policy in coso.units.access.

Officers of the unit and steering officers above it (MANAGERS) prepare the draft, open and
close the period, enter comments received through other channels, moderate, group, answer and
publish. Everyone with a role over the unit reads the internal pages (comments with their
contacts). The public reads through `public_consultations` / `get_public_consultation`: no
draft, no contact, no hidden comment.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import MANAGERS, has_role_over, paths_for, subtree_q
from coso.units.models import Unit, User

from .models import (
    PUBLIC_STATUSES,
    Comment,
    CommentGroup,
    Consultation,
    ConsultationFile,
    ConsultationSection,
    ConsultationStatus,
)

# --- Internal ---------------------------------------------------------------------------------


def visible_consultations(user: User) -> QuerySet[Consultation]:
    """Consultations of the units the user's roles reach (every status)."""
    return Consultation.objects.filter(subtree_q(user, "unit_path"))


def api_consultations(user: User) -> QuerySet[Consultation]:
    """What a signed-in user lists through the API: their subtrees, and everything public."""
    return Consultation.objects.filter(
        subtree_q(user, "unit_path") | Q(status__in=PUBLIC_STATUSES, unit__closed_on__isnull=True)
    )


def can_view_consultation(user: User, consultation: Consultation) -> bool:
    return user.is_authenticated and has_role_over(user, consultation.unit)


def can_create_consultation(user: User, unit: Unit) -> bool:
    return not unit.is_closed and has_role_over(user, unit, MANAGERS)


def can_manage_consultation(user: User, consultation: Consultation) -> bool:
    """Edit the draft, open, close, enter and moderate comments, group, answer, publish."""
    return has_role_over(user, consultation.unit, MANAGERS)


def manageable_paths(user: User) -> list[str]:
    return paths_for(user, MANAGERS)


def get_consultation_for(user: User, pk: int | str) -> Consultation:
    consultation = Consultation.objects.select_related("unit", "kind").filter(pk=row_id(pk)).first()
    if consultation is None or not can_view_consultation(user, consultation):
        raise Http404
    return consultation


def get_section_for(user: User, pk: int | str) -> ConsultationSection:
    section = (
        ConsultationSection.objects.select_related("consultation__unit", "consultation__kind")
        .filter(pk=row_id(pk))
        .first()
    )
    if section is None or not can_view_consultation(user, section.consultation):
        raise Http404
    return section


def get_file_for(user: User, pk: int | str) -> ConsultationFile:
    item = (
        ConsultationFile.objects.select_related("consultation__unit").filter(pk=row_id(pk)).first()
    )
    if item is None or not can_view_consultation(user, item.consultation):
        raise Http404
    return item


def get_comment_for(user: User, pk: int | str) -> Comment:
    comment = (
        Comment.objects.select_related("consultation__unit", "consultation__kind")
        .filter(pk=row_id(pk))
        .first()
    )
    if comment is None or not can_view_consultation(user, comment.consultation):
        raise Http404
    return comment


def get_group_for(user: User, pk: int | str) -> CommentGroup:
    group = (
        CommentGroup.objects.select_related("consultation__unit", "consultation__kind")
        .filter(pk=row_id(pk))
        .first()
    )
    if group is None or not can_view_consultation(user, group.consultation):
        raise Http404
    return group


# --- Public -----------------------------------------------------------------------------------


def public_consultations(unit: Unit) -> QuerySet[Consultation]:
    """What anyone may read of a unit: consultations once opened, never drafts."""
    return Consultation.objects.public().filter(unit=unit)


def get_public_consultation(pk: int | str) -> Consultation:
    consultation = (
        Consultation.objects.public().select_related("unit", "kind").filter(pk=row_id(pk)).first()
    )
    if consultation is None:
        raise Http404
    return consultation


def get_public_file(pk: int | str) -> ConsultationFile:
    item = (
        ConsultationFile.objects.select_related("consultation__unit")
        .filter(
            pk=row_id(pk),
            consultation__status__in=PUBLIC_STATUSES,
            consultation__unit__closed_on__isnull=True,
        )
        .first()
    )
    if item is None:
        raise Http404
    return item


def is_synthesis_public(consultation: Consultation) -> bool:
    return consultation.status == ConsultationStatus.PUBLISHED
