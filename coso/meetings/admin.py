from django.contrib import admin

from .models import Commitment, Meeting, MeetingKind


@admin.register(MeetingKind)
class MeetingKindAdmin(admin.ModelAdmin):
    """The rule set: an administrator adjusts the law's defaults here, citation beside each."""

    list_display = [
        "name",
        "code",
        "frequency",
        "notice_days",
        "quorum_numerator",
        "quorum_denominator",
    ]
    readonly_fields = ["code"]


@admin.register(Meeting)
class MeetingAdmin(admin.ModelAdmin):
    list_display = ["title", "unit", "kind", "starts_at", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    raw_id_fields = ["unit", "created_by"]
    readonly_fields = ["status", "noticed_at", "opened_at", "ended_at", "minutes_published_at"]


@admin.register(Commitment)
class CommitmentAdmin(admin.ModelAdmin):
    list_display = ["text", "owner_unit", "due_on", "status"]
    list_filter = ["status"]
    raw_id_fields = ["meeting", "owner_unit"]
