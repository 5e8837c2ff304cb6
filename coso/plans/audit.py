"""Which records of this app the audit log follows."""

from auditlog.registry import auditlog

from .models import Plan, PlanBasis, PlanSection, Task, TaskEvidence

auditlog.register(Plan, exclude_fields=["search_text", "updated_at", "unit_path"])
auditlog.register(PlanBasis)
auditlog.register(PlanSection)
auditlog.register(
    Task,
    exclude_fields=["updated_at", "unit_path", "deadline"],
    m2m_fields={"coordinating_units", "target_units"},
)
auditlog.register(TaskEvidence)
