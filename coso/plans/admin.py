"""Admin pages for plans: a back office for system administrators; officers use the app pages."""

from django.contrib import admin

from .models import Plan, PlanBasis, PlanSection, Task, TaskEvidence


class PlanBasisInline(admin.TabularInline):
    model = PlanBasis
    fk_name = "plan"
    extra = 0
    raw_id_fields = ("linked_plan",)


class PlanSectionInline(admin.StackedInline):
    model = PlanSection
    extra = 0


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
    list_display = ("number", "title", "unit", "issued_on", "kind", "status")
    list_filter = ("status", "kind", "year")
    search_fields = ("number", "title", "search_text")
    raw_id_fields = ("unit", "parent_plan", "created_by")
    date_hierarchy = "issued_on"
    inlines = (PlanBasisInline, PlanSectionInline)
    list_select_related = ("unit",)


class TaskEvidenceInline(admin.TabularInline):
    model = TaskEvidence
    extra = 0
    raw_id_fields = ("added_by",)
    readonly_fields = ("added_at",)


@admin.register(Task)
class TaskAdmin(admin.ModelAdmin):
    list_display = ("title", "plan", "unit", "timing", "deadline", "status", "progress")
    list_filter = ("status", "timing")
    search_fields = ("title", "plan__number", "plan__title")
    raw_id_fields = (
        "plan",
        "section",
        "lead_unit",
        "lead_person",
        "source_task",
        "root_task",
        "coordinating_units",
        "target_units",
    )
    readonly_fields = ("deadline",)
    inlines = (TaskEvidenceInline,)
    list_select_related = ("plan", "unit")


@admin.register(TaskEvidence)
class TaskEvidenceAdmin(admin.ModelAdmin):
    list_display = ("task", "original_name", "added_by", "added_at")
    raw_id_fields = ("task", "added_by")
    list_select_related = ("task", "added_by")
