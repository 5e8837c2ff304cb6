"""Which records of this app the audit log follows."""

from auditlog.registry import auditlog

from .models import (
    Activity,
    Board,
    BoardMember,
    BoardPlan,
    CompositionRule,
    OversightRule,
    PlanItem,
    Recommendation,
)

auditlog.register(CompositionRule)
auditlog.register(OversightRule)
auditlog.register(Board, exclude_fields=["search_text", "updated_at", "unit_path"])
auditlog.register(BoardMember, exclude_fields=["updated_at"])
auditlog.register(BoardPlan, exclude_fields=["updated_at"])
auditlog.register(PlanItem)
auditlog.register(Activity, exclude_fields=["updated_at", "unit_path"])
auditlog.register(Recommendation, exclude_fields=["updated_at", "unit_path"])
