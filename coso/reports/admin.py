from django.contrib import admin

from .models import (
    FormSection,
    Indicator,
    Period,
    ReportForm,
    ReportRequirement,
    Submission,
    SubmissionVersion,
    ValidationRule,
)


class FormSectionInline(admin.TabularInline):
    model = FormSection
    extra = 0


class IndicatorInline(admin.TabularInline):
    model = Indicator
    extra = 0
    fields = ("section", "code", "label", "kind", "required", "is_key", "order")


class ValidationRuleInline(admin.TabularInline):
    model = ValidationRule
    extra = 0
    fk_name = "form"


@admin.register(ReportForm)
class ReportFormAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "owner_unit", "is_active")
    search_fields = ("name", "code")
    inlines = (FormSectionInline, IndicatorInline, ValidationRuleInline)
    raw_id_fields = ("owner_unit",)


@admin.register(Period)
class PeriodAdmin(admin.ModelAdmin):
    list_display = ("code", "kind", "year", "number", "start", "end")
    list_filter = ("kind", "year")


@admin.register(ReportRequirement)
class ReportRequirementAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "period", "deadline", "receiving_office")
    list_filter = ("period__kind", "period__year")
    search_fields = ("title",)
    raw_id_fields = ("unit", "form", "period", "previous", "created_by")
    filter_horizontal = ()
    exclude = ("target_units",)


class SubmissionVersionInline(admin.TabularInline):
    model = SubmissionVersion
    extra = 0
    readonly_fields = (
        "number",
        "submitted_at",
        "submitted_by",
        "data",
        "outcome",
        "outcome_reason",
    )
    can_delete = False


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    """Read-mostly: reports change through the pages, so every change is checked and audited."""

    list_display = ("unit", "requirement", "status", "version", "first_submitted_at")
    list_filter = ("status",)
    raw_id_fields = ("unit", "requirement")
    readonly_fields = ("status", "version", "revision", "first_submitted_at", "submitted_at")
    inlines = (SubmissionVersionInline,)
