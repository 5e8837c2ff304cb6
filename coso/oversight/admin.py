"""Admin pages: the rules of composition and the deadlines (with their citations), and a back
office for the records."""

from django.contrib import admin

from .models import (
    Activity,
    Board,
    BoardMember,
    CompositionRule,
    OversightRule,
    Recommendation,
)


@admin.register(CompositionRule)
class CompositionRuleAdmin(admin.ModelAdmin):
    list_display = (
        "kind",
        "min_members",
        "max_members",
        "one_per_community",
        "term_years",
        "min_staff_exclusive",
        "members_citation",
    )


@admin.register(OversightRule)
class OversightRuleAdmin(admin.ModelAdmin):
    list_display = ("name", "value", "citation", "code")
    list_editable = ("value",)
    readonly_fields = ("code",)


class MemberInline(admin.TabularInline):
    model = BoardMember
    extra = 0
    raw_id_fields = ("user", "community")


@admin.register(Board)
class BoardAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "kind", "status", "term_starts_on", "term_ends_on")
    list_filter = ("kind", "status")
    search_fields = ("name", "search_text")
    raw_id_fields = ("unit", "created_by")
    inlines = (MemberInline,)
    list_select_related = ("unit",)


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ("subject", "board", "kind", "starts_on", "notice_sent_on", "status")
    list_filter = ("kind", "status")
    raw_id_fields = ("board", "plan_item", "created_by")
    list_select_related = ("board",)


@admin.register(Recommendation)
class RecommendationAdmin(admin.ModelAdmin):
    list_display = ("__str__", "addressed_to", "sent_on", "answer_due_on", "status")
    list_filter = ("status",)
    raw_id_fields = ("activity", "addressed_unit", "created_by")
