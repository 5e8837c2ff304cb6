"""Which records of this app the audit log follows.

Ballot rows are not followed one by one: who voted is recorded in the ballot table itself and
the choices are secret; opening and closing each vote, with its counts, is audited on the motion
or election.
"""

from auditlog.registry import auditlog

from .models import (
    AgendaItem,
    CalendarFeed,
    Candidate,
    Commitment,
    Election,
    Meeting,
    MeetingFile,
    MeetingKind,
    Motion,
    Participant,
    Question,
)

auditlog.register(MeetingKind)
auditlog.register(
    Meeting, exclude_fields=["search_text", "updated_at", "unit_path", "checkin_token"]
)
auditlog.register(AgendaItem)
auditlog.register(MeetingFile)
auditlog.register(Participant, exclude_fields=["code"])
auditlog.register(Question, exclude_fields=["updated_at"])
auditlog.register(Motion, exclude_fields=["updated_at"])
auditlog.register(Election, exclude_fields=["updated_at"])
auditlog.register(Candidate)
auditlog.register(Commitment, exclude_fields=["updated_at", "unit_path"])
auditlog.register(CalendarFeed, exclude_fields=["token"])
