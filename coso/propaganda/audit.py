"""Which records of this app the audit log follows."""

from auditlog.registry import auditlog

from .models import Order, Session, Trainee, TrainingClass

auditlog.register(
    Session,
    exclude_fields=["search_text", "updated_at", "unit_path"],
    m2m_fields={"texts"},
)
auditlog.register(
    TrainingClass,
    exclude_fields=["search_text", "updated_at", "unit_path"],
    m2m_fields={"texts"},
)
auditlog.register(Trainee, exclude_fields=["updated_at"])
auditlog.register(Order, exclude_fields=["updated_at", "unit_path"])
