"""Which records of this app the audit log follows."""

from auditlog.registry import auditlog

from .models import Convention, ConventionReview, ConventionRule, ConventionVersion

auditlog.register(ConventionRule)
auditlog.register(Convention, exclude_fields=["search_text", "updated_at", "unit_path"])
auditlog.register(ConventionVersion, exclude_fields=["updated_at"])
auditlog.register(ConventionReview)
