"""Which records of this app the audit log follows."""

from auditlog.registry import auditlog

from .models import (
    CommitteeMember,
    FollowAssignment,
    FollowUpNote,
    RoleAssignment,
    SteeringCommittee,
    Unit,
    User,
)

auditlog.register(Unit, exclude_fields=["search_name", "updated_at", "numchild"])
auditlog.register(
    User, include_fields=["username", "full_name", "email", "job_title", "home_unit", "is_active"]
)
auditlog.register(RoleAssignment)
auditlog.register(SteeringCommittee, exclude_fields=["updated_at"])
auditlog.register(CommitteeMember, exclude_fields=["updated_at"])
auditlog.register(FollowAssignment, exclude_fields=["updated_at"])
auditlog.register(FollowUpNote, exclude_fields=["updated_at"])
