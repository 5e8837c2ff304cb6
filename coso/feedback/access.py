"""Who may see and handle feedback, and who may know who sent it. Built on coso.units.access.

- Officers of the handling unit and steering officers above it (MANAGERS) classify, assign,
  transfer, merge, note and answer. Committee members following a unit read it.
- The sender reads their own items (signed in, or anyone holding the tracking code, through
  `coso.feedback.public`).
- A protected sender (a denouncer) is known only to the officer handling the case and to the
  sender: `can_see_identity` is the one check every page, export and API answer goes through.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import MANAGERS, has_role_over, subtree_q
from coso.units.models import Role, Unit, User

from .models import Feedback, FeedbackFile

READERS = (*MANAGERS, Role.COMMITTEE_MEMBER)


def visible_feedback(user: User) -> QuerySet[Feedback]:
    """Feedback of the units the user's roles reach, and what the user sent."""
    if not user.is_authenticated:
        return Feedback.objects.none()
    return Feedback.objects.filter(subtree_q(user, "unit_path", READERS) | Q(sender_user=user))


def handled_feedback(user: User) -> QuerySet[Feedback]:
    """Feedback the user may handle: the units where they are an officer, and below."""
    return Feedback.objects.filter(subtree_q(user, "unit_path", MANAGERS))


def can_view_feedback(user: User, feedback: Feedback) -> bool:
    if not user.is_authenticated:
        return False
    return feedback.sender_user_id == user.pk or has_role_over(user, feedback.unit, READERS)


def can_handle_feedback(user: User, feedback: Feedback) -> bool:
    """Classify, assign, transfer, merge, write notes and answer."""
    return user.is_authenticated and has_role_over(user, feedback.unit, MANAGERS)


def can_record_feedback(user: User, unit: Unit) -> bool:
    """Enter feedback received by phone, letter, reception day, dialogue or conference."""
    return not unit.is_closed and has_role_over(user, unit, MANAGERS)


def can_see_identity(user: User, feedback: Feedback) -> bool:
    """Whether `user` may know who sent `feedback`.

    Law on Denunciation 2018, art. 47: the denouncer's name, address and handwriting are kept
    secret; only the person handling the case sees them. For other kinds, whoever may read
    the item may see who sent it (to call them back).
    """
    if not user.is_authenticated:
        return False
    if feedback.sender_user_id is not None and feedback.sender_user_id == user.pk:
        return True
    if feedback.kind.identity_protected:
        return feedback.handler_id is not None and feedback.handler_id == user.pk
    return can_view_feedback(user, feedback)


def get_feedback_for(user: User, pk: int | str) -> Feedback:
    """Checked fetch: the item if the user may read it, else 404."""
    feedback = (
        Feedback.objects.select_related("unit", "kind", "field", "handler")
        .filter(pk=row_id(pk))
        .first()
    )
    if feedback is None or not can_view_feedback(user, feedback):
        raise Http404
    return feedback


def get_file_for(user: User, pk: int | str) -> FeedbackFile:
    item = (
        FeedbackFile.objects.select_related("feedback__unit", "feedback__kind")
        .filter(pk=row_id(pk))
        .first()
    )
    if item is None or not can_view_feedback(user, item.feedback):
        raise Http404
    return item
