"""Which records of this app the audit log follows."""

from auditlog.registry import auditlog

from .models import Disclosure, DisclosureCategory, DisclosureChannel, DisclosureFile

auditlog.register(DisclosureCategory)
auditlog.register(
    Disclosure,
    exclude_fields=["search_text", "updated_at", "unit_path", "posting_days", "year"],
)
auditlog.register(DisclosureFile)
auditlog.register(DisclosureChannel)
