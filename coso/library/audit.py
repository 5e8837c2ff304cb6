"""Which records of this app the audit log follows."""

from auditlog.registry import auditlog

from .models import LegalText

auditlog.register(
    LegalText,
    exclude_fields=["search_text", "number_key", "issuer_key", "updated_at"],
    m2m_fields={"amended_by"},
)
