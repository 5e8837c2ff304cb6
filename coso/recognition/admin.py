"""A read-mostly back office for campaigns and nominations; changes go through the pages, whose
actions check the rules and the deadlines."""

from django.contrib import admin

from .models import Campaign, Criterion, Nomination


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "nomination_deadline", "status")
    list_filter = ("status",)
    search_fields = ("title",)
    raw_id_fields = ("unit", "created_by")
    inlines = [CriterionInline]


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "campaign", "status", "decision_date")
    list_filter = ("status", "field")
    search_fields = ("title", "subject_name")
    raw_id_fields = ("unit", "campaign", "submitted_by", "decided_by")
