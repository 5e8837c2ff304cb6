"""Admin pages: the rule set of consultation kinds (art. 25) and a back office for records."""

from django.contrib import admin

from .models import Comment, CommentGroup, Consultation, ConsultationKind, ConsultationSection


@admin.register(ConsultationKind)
class ConsultationKindAdmin(admin.ModelAdmin):
    list_display = ("name", "citation", "code", "order", "is_active")
    list_editable = ("order", "is_active")
    search_fields = ("name", "code", "citation")


class SectionInline(admin.StackedInline):
    model = ConsultationSection
    extra = 0


@admin.register(Consultation)
class ConsultationAdmin(admin.ModelAdmin):
    list_display = ("title", "unit", "kind", "opens_on", "closes_on", "status")
    list_filter = ("status", "kind")
    search_fields = ("title", "search_text")
    raw_id_fields = ("unit", "created_by")
    readonly_fields = ("disclosure_id", "opened_at", "closed_at", "published_at")
    date_hierarchy = "opens_on"
    inlines = (SectionInline,)
    list_select_related = ("unit", "kind")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ("__str__", "consultation", "channel", "received_on", "hidden")
    list_filter = ("channel", "hidden")
    raw_id_fields = ("consultation", "section", "author", "entered_by", "group", "hidden_by")
    list_select_related = ("consultation",)


@admin.register(CommentGroup)
class CommentGroupAdmin(admin.ModelAdmin):
    list_display = ("title", "consultation", "response")
    raw_id_fields = ("consultation", "section", "answered_by")
    list_select_related = ("consultation",)
