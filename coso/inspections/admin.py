"""Back office for inspection records (the pages are where officers work)."""

from django.contrib import admin

from .models import (
    CorrectiveAction,
    Finding,
    InspectionPlan,
    InspectionTarget,
    SelfInspectionCampaign,
    SelfInspectionReport,
    TeamMember,
)


class TeamInline(admin.TabularInline):
    model = TeamMember
    extra = 0
    raw_id_fields = ("user",)


class TargetInline(admin.TabularInline):
    model = InspectionTarget
    extra = 0
    raw_id_fields = ("unit", "concluded_by")
    fields = ("unit", "planned_on", "concluded_on")


@admin.register(InspectionPlan)
class InspectionPlanAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "year", "starts_on", "ends_on", "status")
    list_filter = ("status", "year")
    search_fields = ("title", "number", "search_text")
    raw_id_fields = ("unit", "committee", "created_by")
    inlines = (TeamInline, TargetInline)
    list_select_related = ("unit",)


@admin.register(Finding)
class FindingAdmin(admin.ModelAdmin):
    list_display = ("__str__", "recorded_on")
    raw_id_fields = ("target", "recorded_by")
    list_select_related = ("target__unit", "target__plan")


@admin.register(CorrectiveAction)
class CorrectiveActionAdmin(admin.ModelAdmin):
    list_display = ("__str__", "unit", "deadline", "status")
    list_filter = ("status",)
    raw_id_fields = ("target", "unit", "owner", "reported_by", "reviewed_by")
    list_select_related = ("unit",)


class ReportInline(admin.TabularInline):
    model = SelfInspectionReport
    extra = 0
    raw_id_fields = ("unit", "submitted_by")
    fields = ("unit", "assessment", "submitted_on")


@admin.register(SelfInspectionCampaign)
class SelfInspectionCampaignAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "deadline", "status")
    list_filter = ("status", "year")
    raw_id_fields = ("unit", "committee", "created_by")
    inlines = (ReportInline,)
    list_select_related = ("unit",)
