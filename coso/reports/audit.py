"""Which records of this app the audit log follows."""

from auditlog.registry import auditlog

from .models import (
    FormSection,
    Indicator,
    ReportForm,
    ReportRequirement,
    Submission,
    ValidationRule,
)

auditlog.register(ReportForm, exclude_fields=["updated_at"])
auditlog.register(
    ReportRequirement, exclude_fields=["updated_at", "unit_path"], m2m_fields={"target_units"}
)
auditlog.register(Submission, exclude_fields=["updated_at", "unit_path", "revision"])
auditlog.register(FormSection)
auditlog.register(Indicator)
auditlog.register(ValidationRule)
