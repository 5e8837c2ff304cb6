"""What the sender does after the unit has answered: say whether it settled the matter.

Issue 5: "the sender can say whether it settled the matter and reopen it once". A satisfied
sender closes the item; an unsatisfied one reopens it with a reason, and the unit must answer
again by a new deadline counted from today under the kind's rule. After `MAX_REOPENINGS` the
unit's answer stands: a sender who still disagrees uses the complaint route (Law on Complaints
2011) — a reopening is not an appeal.

The sender is whoever holds the tracking code (a person without an account) or the account
that sent it.
"""

from __future__ import annotations

import secrets

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coso.core.dates import today
from coso.units.models import User

from . import actions
from .models import MAX_REOPENINGS, EventKind, Feedback, FeedbackEvent, Status

REPLY_MAX_LENGTH = 2_000
REPLY_MIN_LENGTH = 10


def is_sender(feedback: Feedback, *, code: str = "", by: User | None = None) -> bool:
    """Whether the person holds the item's code, or is signed in as the account that sent it."""
    if code and secrets.compare_digest(code.encode(), feedback.tracking_code.encode()):
        return True
    return (
        by is not None
        and by.is_authenticated
        and feedback.sender_user_id is not None
        and feedback.sender_user_id == by.pk
    )


def can_reopen(feedback: Feedback) -> bool:
    return feedback.reopened_count < MAX_REOPENINGS


def refusal_message() -> str:
    # Law on Complaints 2011, arts. 7, 33: a complaint first goes to whoever made the decision,
    # then to the next level or to court; a reopening here is neither.
    return _(
        "This feedback has already been reopened once, so the unit's answer stands. If you "
        "believe a decision or act of the unit is unlawful and harms your rights, you may "
        "lodge a complaint under the Law on Complaints 2011: send new feedback of the kind "
        "“Complaint”. If this already was a complaint, you may complain to the next level or "
        "bring the case to court."
    )


@transaction.atomic
def reply_to_answer(
    *,
    feedback: Feedback,
    satisfied: bool,
    reason: str = "",
    code: str = "",
    by: User | None = None,
) -> Feedback:
    """Record the sender's verdict on the answer: closed when satisfied, else reopened once."""
    if not is_sender(feedback, code=code, by=by):
        raise PermissionDenied(_("Only the person who sent this feedback may reply to it."))
    # Lock the row: two replies sent at once (a double tap) must not reopen it twice.
    locked = (
        Feedback.objects.select_for_update(of=("self",))
        .select_related("unit", "kind")
        .get(pk=feedback.pk)
    )
    if locked.status != Status.ANSWERED:
        raise ValidationError(
            {"satisfied": _("You can reply only after the unit has answered, and only once.")},
            code="not_answered",
        )
    reason = (reason or "").strip()
    if len(reason) > REPLY_MAX_LENGTH:
        raise ValidationError(
            {
                "reason": _(
                    "Your reply may be at most %(max)s characters long (this one has %(n)s)."
                )
                % {"max": REPLY_MAX_LENGTH, "n": len(reason)}
            }
        )
    now = timezone.now()
    if satisfied:
        locked.status = Status.CLOSED
        locked.sender_satisfied = True
        locked.sender_reply = reason
        locked.closed_at = now
        fields = ["status", "sender_satisfied", "sender_reply", "closed_at", "updated_at"]
        event = EventKind.CLOSED
    else:
        if len(reason) < REPLY_MIN_LENGTH:
            raise ValidationError(
                {"reason": _("Say why the answer did not settle the matter (a few words).")}
            )
        if not can_reopen(locked):
            raise ValidationError({"satisfied": refusal_message()}, code="reopen_limit")
        day = today()
        locked.status = Status.IN_PROGRESS
        locked.sender_satisfied = False
        locked.sender_reply = reason
        locked.reopened_count += 1
        locked.due_on = actions.due_date(locked.kind, day)
        fields = [
            "status",
            "sender_satisfied",
            "sender_reply",
            "reopened_count",
            "due_on",
            "updated_at",
        ]
        event = EventKind.REOPENED
    # Audited, but never with the sender as the actor: a denouncer replying while signed in
    # must not appear in the unit's audit log or timeline (Law on Denunciation 2018, art. 47).
    with actions.as_sender():
        locked.save(update_fields=fields)
        FeedbackEvent.objects.create(
            feedback=locked,
            kind=event,
            actor=None,
            to_unit=locked.unit,
            text=reason,
            is_public=True,
        )
    return locked
