"""Which records of this app the audit log follows."""

from auditlog.registry import auditlog

from .models import Campaign, Criterion, Evidence, Nomination, Score

auditlog.register(Campaign, exclude_fields=["search_text", "updated_at", "unit_path"])
auditlog.register(Criterion)
auditlog.register(Nomination, exclude_fields=["search_text", "updated_at", "unit_path"])
auditlog.register(Evidence, exclude_fields=["updated_at"])
auditlog.register(Score, exclude_fields=["updated_at"])
