"""Which records of this app the audit log follows.

`SecretChoice` is deliberately absent: an audit entry carries the actor and the time, which
would tie a secret choice to the household that cast it.
"""

from auditlog.registry import auditlog

from .models import Attendance, BallotCode, DecisionRule, Household, Matter, Vote

auditlog.register(Household, exclude_fields=["search_text", "updated_at"])
auditlog.register(DecisionRule)
auditlog.register(
    Matter, exclude_fields=["search_text", "updated_at", "unit_path"], m2m_fields={"counting_board"}
)
auditlog.register(Attendance, exclude_fields=["recorded_at"])
auditlog.register(BallotCode)
# The choice of a secret vote is never stored on Vote, so the entry cannot reveal it.
auditlog.register(Vote)
