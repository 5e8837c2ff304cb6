"""Who is in the room: the figures the quorum and every vote are counted against."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from .models import Meeting


@dataclass(frozen=True)
class Attendance:
    convened: int  # participants who count for the quorum (staff, delegates, households)
    present: int  # of those, checked in
    guests_present: int  # checked-in guests, who never count
    needed: int  # the fewest present for a valid meeting under the kind's rule
    has_quorum: bool

    @property
    def percent_present(self) -> int:
        return round(self.present * 100 / self.convened) if self.convened else 0

    @property
    def missing(self) -> int:
        """How many more must check in before the quorum is reached."""
        return max(self.needed - self.present, 0) if not self.has_quorum else 0


def attendance_of(meeting: Meeting) -> Attendance:
    """The meeting's attendance now, in one query."""
    counts = meeting.participants.aggregate(
        convened=Count("pk", filter=Q(is_convened=True)),
        present=Count("pk", filter=Q(is_convened=True, checked_in_at__isnull=False)),
        guests=Count("pk", filter=Q(is_convened=False, checked_in_at__isnull=False)),
    )
    kind = meeting.kind
    return Attendance(
        convened=counts["convened"],
        present=counts["present"],
        guests_present=counts["guests"],
        needed=kind.quorum_needed(counts["convened"]),
        has_quorum=kind.has_quorum(counts["present"], counts["convened"]),
    )
