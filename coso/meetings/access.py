"""Who may see and change meetings. Built on the one policy in coso.units.access.

- Officers of the unit and steering officers above it (MANAGERS) prepare the meeting, publish
  its notice, hold it, record votes and elections, write and publish the minutes, and follow the
  commitments.
- The meeting's secretary, when they have an account, does what happens in the room: check-in,
  motions and elections, questions raised, the minutes (the law gives the secretary the record).
- A participant with an account reads the meeting, sends questions ahead, checks in with the
  meeting's QR code and casts their ballot.
- Everyone with a role over the unit reads its meetings.
- Officers of a commitment's responsible unit report it done.
- A citizen with no role sees only the public portal (`public.py`).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from coso.core.pages import row_id
from coso.units.access import MANAGERS, has_role_over, paths_for, subtree_q
from coso.units.models import Unit, User

from .models import (
    Candidate,
    Commitment,
    Election,
    Meeting,
    MeetingStatus,
    Motion,
    Participant,
    ParticipantRole,
    Question,
)


def _seats(user: User) -> dict[int, Participant]:
    """{meeting id: the user's seat}, cached on the user for one request."""
    cache = getattr(user, "_meeting_seats", None)
    if cache is None:
        cache = {p.meeting_id: p for p in Participant.objects.filter(user_id=user.pk)}
        user._meeting_seats = cache  # type: ignore[attr-defined]
    return cache


def forget_seats(user: User) -> None:
    if hasattr(user, "_meeting_seats"):
        del user._meeting_seats


def seat_of(user: User, meeting: Meeting) -> Participant | None:
    """The user's seat at the meeting, if invited."""
    if not user.is_authenticated:
        return None
    return _seats(user).get(meeting.pk)


def visible_meetings(user: User) -> QuerySet[Meeting]:
    """Meetings of the units the user's roles reach, and the meetings they are invited to."""
    if not user.is_authenticated:
        return Meeting.objects.none()
    invited = Participant.objects.filter(user_id=user.pk).values("meeting_id")
    return Meeting.objects.filter(subtree_q(user, "unit_path") | Q(pk__in=invited))


def visible_commitments(user: User) -> QuerySet[Commitment]:
    """Commitments of visible meetings and those their units must carry out."""
    if not user.is_authenticated:
        return Commitment.objects.none()
    return Commitment.objects.filter(
        subtree_q(user, "unit_path") | subtree_q(user, "owner_unit__path")
    )


def can_view_meeting(user: User, meeting: Meeting) -> bool:
    return user.is_authenticated and (
        has_role_over(user, meeting.unit) or seat_of(user, meeting) is not None
    )


def can_create_meeting(user: User, unit: Unit) -> bool:
    return not unit.is_closed and has_role_over(user, unit, MANAGERS)


def can_manage_meeting(user: User, meeting: Meeting) -> bool:
    """Prepare, notice, cancel, and everything the secretary may do."""
    return has_role_over(user, meeting.unit, MANAGERS)


def is_secretary(user: User, meeting: Meeting) -> bool:
    seat = seat_of(user, meeting)
    return seat is not None and seat.role == ParticipantRole.SECRETARY


def can_run_meeting(user: User, meeting: Meeting) -> bool:
    """Check people in, open and close votes, record what is raised, write the minutes."""
    return can_manage_meeting(user, meeting) or is_secretary(user, meeting)


def can_ask_question(user: User, meeting: Meeting) -> bool:
    """Participants send questions ahead and during the meeting; officers record any."""
    if meeting.status in (MeetingStatus.CLOSED, MeetingStatus.CANCELLED):
        return False
    return can_run_meeting(user, meeting) or seat_of(user, meeting) is not None


def can_cast_ballot(user: User, meeting: Meeting) -> bool:
    """Only an invited participant with their own account votes on a ballot."""
    seat = seat_of(user, meeting)
    return seat is not None and seat.is_convened


def can_update_commitment(user: User, commitment: Commitment) -> bool:
    """The responsible unit's officers report progress; the meeting's officers too."""
    return has_role_over(user, commitment.owner_unit, MANAGERS) or can_manage_meeting(
        user, commitment.meeting
    )


def manageable_paths(user: User) -> list[str]:
    return paths_for(user, MANAGERS)


def creatable_units(user: User) -> QuerySet[Unit]:
    """Units the user may hold meetings for."""
    return Unit.objects.active().filter(subtree_q(user, "path", MANAGERS))


# --- Checked fetches --------------------------------------------------------------------------


def get_meeting_for(user: User, pk: int | str) -> Meeting:
    meeting = Meeting.objects.select_related("unit", "kind").filter(pk=row_id(pk)).first()
    if meeting is None or not can_view_meeting(user, meeting):
        raise Http404
    return meeting


def get_participant_for(user: User, pk: int | str) -> Participant:
    participant = (
        Participant.objects.select_related("meeting__unit", "meeting__kind")
        .filter(pk=row_id(pk))
        .first()
    )
    if participant is None or not can_view_meeting(user, participant.meeting):
        raise Http404
    return participant


def get_question_for(user: User, pk: int | str) -> Question:
    question = (
        Question.objects.select_related("meeting__unit", "meeting__kind")
        .filter(pk=row_id(pk))
        .first()
    )
    if question is None or not can_view_meeting(user, question.meeting):
        raise Http404
    return question


def get_motion_for(user: User, pk: int | str) -> Motion:
    motion = (
        Motion.objects.select_related("meeting__unit", "meeting__kind")
        .filter(pk=row_id(pk))
        .first()
    )
    if motion is None or not can_view_meeting(user, motion.meeting):
        raise Http404
    return motion


def get_election_for(user: User, pk: int | str) -> Election:
    election = (
        Election.objects.select_related("meeting__unit", "meeting__kind")
        .filter(pk=row_id(pk))
        .first()
    )
    if election is None or not can_view_meeting(user, election.meeting):
        raise Http404
    return election


def get_candidate_for(user: User, pk: int | str) -> Candidate:
    candidate = (
        Candidate.objects.select_related("election__meeting__unit", "election__meeting__kind")
        .filter(pk=row_id(pk))
        .first()
    )
    if candidate is None or not can_view_meeting(user, candidate.election.meeting):
        raise Http404
    return candidate


def get_commitment_for(user: User, pk: int | str) -> Commitment:
    commitment = (
        Commitment.objects.select_related("meeting__unit", "meeting__kind", "owner_unit")
        .filter(pk=row_id(pk))
        .first()
    )
    if commitment is None or not (
        can_view_meeting(user, commitment.meeting) or has_role_over(user, commitment.owner_unit)
    ):
        raise Http404
    return commitment
