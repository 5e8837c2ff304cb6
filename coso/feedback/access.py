"""Who may see and handle feedback, and who may know who sent it. Built on coso.units.access.

- Officers of the handling unit and steering officers above it (MANAGERS) classify, assign,
  transfer, merge, note, answer, publish and close. The handler they choose (who may be a
  staff member of the unit) reads the item, writes notes and answers. Committee members
  read the feedback of the units under their committee.
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
    return Feedback.objects.filter(
        subtree_q(user, "unit_path", READERS) | Q(sender_user=user) | Q(handler=user)
    )


def handled_feedback(user: User) -> QuerySet[Feedback]:
    """Feedback the user may handle: the units where they are an officer, and below."""
    return Feedback.objects.filter(subtree_q(user, "unit_path", MANAGERS))


def can_view_feedback(user: User, feedback: Feedback) -> bool:
    if not user.is_authenticated:
        return False
    return (
        feedback.sender_user_id == user.pk
        or (feedback.handler_id is not None and feedback.handler_id == user.pk)
        or has_role_over(user, feedback.unit, READERS)
    )


def can_read_internal(user: User, feedback: Feedback) -> bool:
    """Internal notes and the full timeline: the unit's readers and the handler, not the
    sender (who reads the public steps, as on the tracking page)."""
    if not user.is_authenticated:
        return False
    return (feedback.handler_id is not None and feedback.handler_id == user.pk) or has_role_over(
        user, feedback.unit, READERS
    )


def can_handle_feedback(user: User, feedback: Feedback) -> bool:
    """Classify, assign, transfer, merge, publish and close: the unit's officers."""
    return user.is_authenticated and has_role_over(user, feedback.unit, MANAGERS)


def _is_handler(user: User, feedback: Feedback) -> bool:
    return (
        user.is_authenticated and feedback.handler_id is not None and feedback.handler_id == user.pk
    )


def can_answer_feedback(user: User, feedback: Feedback) -> bool:
    """The unit's officers, and the handler they chose."""
    return _is_handler(user, feedback) or can_handle_feedback(user, feedback)


def can_note_feedback(user: User, feedback: Feedback) -> bool:
    return can_answer_feedback(user, feedback)


can_classify_feedback = can_handle_feedback
can_assign_feedback = can_handle_feedback
can_transfer_feedback = can_handle_feedback
can_merge_feedback = can_handle_feedback
can_close_feedback = can_handle_feedback


def can_publish_answer(user: User, feedback: Feedback) -> bool:
    """Publishing also needs the sender's consent, which the action checks with a message."""
    return can_handle_feedback(user, feedback)


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


def sender_of(user: User, feedback: Feedback) -> dict[str, str] | None:
    """The sender's details for `user`, or None when `user` may not know who sent it.

    Pages, exports and the API read the sender only through this function.
    """
    if not can_see_identity(user, feedback):
        return None
    return {
        "name": feedback.sender_name,
        "phone": feedback.sender_phone,
        "email": feedback.sender_email,
        "address": feedback.sender_address,
    }


def get_feedback_for(user: User, pk: int | str) -> Feedback:
    """Checked fetch: the item if the user may read it, else 404."""
    feedback = (
        Feedback.objects.select_related("unit", "kind", "field", "handler", "received_by")
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
    # A denouncer's letter shows their handwriting (Law on Denunciation 2018, art. 47): the
    # files they sent are for whoever may know who they are; the unit's answer files are not.
    if not item.with_answer and not can_see_identity(user, item.feedback):
        raise Http404
    return item
