"""Which records of this app the audit log follows.

The sender's identity is never written to the log: a denouncer's name must not reach anyone
who reads the unit's audit log (Law on Denunciation 2018, art. 47).
"""

from auditlog.registry import auditlog

from .models import Feedback, FeedbackEvent, FeedbackField, FeedbackFile, FeedbackKind

SENDER_FIELDS = [
    "sender_user",
    "sender_name",
    "sender_phone",
    "sender_email",
    "sender_address",
    # Set to the sender when they send it signed in: the same person, so the same secret.
    "created_by",
]

auditlog.register(FeedbackKind)
auditlog.register(FeedbackField)
auditlog.register(
    Feedback, exclude_fields=["search_text", "updated_at", "unit_path", *SENDER_FIELDS]
)
# The name and stored path of a file the sender attached may carry the sender's name.
auditlog.register(FeedbackFile, exclude_fields=["name", "file", "uploaded_by"])
auditlog.register(FeedbackEvent)
