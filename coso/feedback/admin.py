"""Admin pages: the rule set of kinds (deadlines, citations) and fields, which administrators
adjust; feedback items are read-only here and never show the sender (they are handled on the
officers' pages, through the actions and the identity rule)."""

from django.contrib import admin
from django.http import HttpRequest

from .audit import SENDER_FIELDS
from .models import Feedback, FeedbackField, FeedbackKind


@admin.register(FeedbackKind)
class FeedbackKindAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "deadline_days",
        "working_days",
        "remind_days_before",
        "identity_protected",
        "citation",
        "order",
        "is_active",
    )
    list_editable = ("order", "is_active")
    search_fields = ("name", "code", "citation")


@admin.register(FeedbackField)
class FeedbackFieldAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "order", "is_active")
    list_editable = ("order", "is_active")
    search_fields = ("name", "code")


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ("tracking_code", "title", "unit", "kind", "status", "received_on", "due_on")
    list_filter = ("status", "kind", "source")
    search_fields = ("tracking_code", "search_text")
    list_select_related = ("unit", "kind")
    exclude = (*SENDER_FIELDS, "search_text")
    date_hierarchy = "received_on"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
