"""Admin pages: administrators keep the rule set of categories here; officers use the app pages.

Disclosures are read-only in the admin: a published item changes only through a correction,
which the app's pages and API make (and audit).
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Disclosure, DisclosureCategory, DisclosureChannel, DisclosureFile


@admin.register(DisclosureCategory)
class DisclosureCategoryAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "unit_kind",
        "code",
        "min_posting_days",
        "broadcast_days",
        "deadline_working_days",
        "required_every_year",
        "order",
        "active",
    )
    list_filter = ("unit_kind", "active", "required_every_year")
    list_editable = ("order", "active")
    search_fields = ("name", "code", "citation")
    fieldsets = (
        (None, {"fields": ("unit_kind", "code", "name", "citation", "order", "active")}),
        (
            _("Rules"),
            {
                "fields": (
                    ("min_posting_days", "min_posting_citation"),
                    ("broadcast_days", "broadcast_citation"),
                    ("deadline_working_days", "deadline_citation"),
                    "required_every_year",
                )
            },
        ),
    )


class DisclosureFileInline(admin.TabularInline):
    model = DisclosureFile
    extra = 0
    can_delete = False
    fields = ("title", "file", "original_name", "added_by", "added_at")
    readonly_fields = fields


class DisclosureChannelInline(admin.TabularInline):
    model = DisclosureChannel
    extra = 0
    can_delete = False
    fields = ("method", "detail", "starts_on", "ends_on", "photo", "added_by")
    readonly_fields = fields


@admin.register(Disclosure)
class DisclosureAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "category", "version", "status", "starts_on", "ends_on")
    list_filter = ("status", "year", "category__unit_kind")
    search_fields = ("title", "search_text")
    date_hierarchy = "starts_on"
    list_select_related = ("unit", "category")
    inlines = (DisclosureFileInline, DisclosureChannelInline)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
