"""Admin pages: the rule set of Decree 61/2023 and a back office for conventions."""

from django.contrib import admin

from .models import Convention, ConventionReview, ConventionRule, ConventionVersion


@admin.register(ConventionRule)
class ConventionRuleAdmin(admin.ModelAdmin):
    list_display = ("name", "value", "citation", "code")
    list_editable = ("value",)
    readonly_fields = ("code",)


class VersionInline(admin.TabularInline):
    model = ConventionVersion
    extra = 0
    fields = ("number", "status", "approved_on", "submitted_on", "decided_on", "in_force_from")
    readonly_fields = fields
    can_delete = False
    show_change_link = True


@admin.register(Convention)
class ConventionAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "kind", "review_day", "review_month")
    search_fields = ("title", "search_text")
    raw_id_fields = ("unit", "created_by")
    inlines = (VersionInline,)
    list_select_related = ("unit",)


@admin.register(ConventionVersion)
class ConventionVersionAdmin(admin.ModelAdmin):
    list_display = ("convention", "number", "status", "decided_on")
    list_filter = ("status",)
    raw_id_fields = ("convention", "consultation", "matter", "decided_by", "created_by")
    readonly_fields = ("submission_deadline", "decision_deadline")
    list_select_related = ("convention",)


@admin.register(ConventionReview)
class ConventionReviewAdmin(admin.ModelAdmin):
    list_display = ("convention", "reviewed_on", "conclusion")
    raw_id_fields = ("convention", "recorded_by")
