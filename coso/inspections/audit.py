"""Which records of this app the audit log follows."""

from auditlog.registry import auditlog

from .models import (
    CorrectiveAction,
    Finding,
    InspectionPlan,
    InspectionTarget,
    SelfInspectionCampaign,
    SelfInspectionReport,
    TeamMember,
)

auditlog.register(InspectionPlan, exclude_fields=["search_text", "updated_at", "unit_path"])
auditlog.register(TeamMember)
auditlog.register(InspectionTarget, exclude_fields=["unit_path", "plan_path"])
auditlog.register(Finding, exclude_fields=["search_text", "unit_path", "plan_path"])
auditlog.register(CorrectiveAction, exclude_fields=["updated_at", "unit_path", "plan_path"])
auditlog.register(SelfInspectionCampaign, exclude_fields=["updated_at", "unit_path"])
auditlog.register(SelfInspectionReport, exclude_fields=["unit_path"])
