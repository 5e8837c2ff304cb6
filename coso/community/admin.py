"""Admin of community decisions: administrators correct the law's rules (DecisionRule) here;
households and matters are kept through the pages, which apply the rules."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import DecisionRule, Household, Matter


@admin.register(DecisionRule)
class DecisionRuleAdmin(admin.ModelAdmin):
    list_display = (
        "kind",
        "allows_meeting",
        "allows_ballot",
        "allows_online",
        "adoption_numerator",
        "adoption_denominator",
        "send_within_working_days",
    )
    fieldsets = (
        (None, {"fields": ("kind",)}),
        (
            _("Methods (Law 10/2022/QH15, art. 17)"),
            {"fields": ("allows_meeting", "allows_ballot", "allows_online", "methods_citation")},
        ),
        (
            _("Adoption (Law 10/2022/QH15, arts. 21–22)"),
            {"fields": ("adoption_numerator", "adoption_denominator", "adoption_citation")},
        ),
        (
            _("Meeting (Decree 59/2023/NĐ-CP, art. 4)"),
            {
                "fields": (
                    "quorum_numerator",
                    "quorum_denominator",
                    "quorum_citation",
                    "ballot_fallback_citation",
                )
            },
        ),
        (
            _("Counting board and sending to the commune"),
            {
                "fields": (
                    "counting_board_min",
                    "counting_board_max",
                    "counting_board_citation",
                    "send_within_working_days",
                    "send_citation",
                )
            },
        ),
    )

    def get_readonly_fields(self, request, obj=None):
        return ("kind",) if obj is not None else ()

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ("code", "representative_name", "unit", "members_count", "left_on")
    search_fields = ("search_text",)
    list_select_related = ("unit",)
    raw_id_fields = ("unit", "representative_user")

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Matter)
class MatterAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "kind", "method", "status", "adopted", "decided_on")
    list_filter = ("status", "kind", "method")
    list_select_related = ("unit",)

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
