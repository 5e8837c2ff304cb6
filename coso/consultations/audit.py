"""Which records of this app the audit log follows.

A commenter's contact is masked in the log: officers read it on the comment itself, where the
permission policy applies, and nowhere else.
"""

from auditlog.registry import auditlog

from .models import (
    Comment,
    CommentGroup,
    Consultation,
    ConsultationFile,
    ConsultationKind,
    ConsultationSection,
)

auditlog.register(ConsultationKind)
auditlog.register(Consultation, exclude_fields=["search_text", "updated_at", "unit_path"])
auditlog.register(ConsultationSection)
auditlog.register(ConsultationFile)
auditlog.register(Comment, mask_fields=["contact"])
auditlog.register(CommentGroup)
