"""Admin: a read-only back office of the library. Changes go through the pages and the API,
whose actions check duplicates, dates and chains and write the audit log."""

from django.contrib import admin

from .models import LegalText


@admin.register(LegalText)
class LegalTextAdmin(admin.ModelAdmin):
    list_display = ("number_symbol", "text_type", "issuer", "issued_on", "status", "is_core")
    list_filter = ("text_type", "status", "is_core")
    search_fields = ("number_symbol", "title", "search_text")
    raw_id_fields = ("replaced_by", "created_by")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
