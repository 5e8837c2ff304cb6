"""Django admin for the units app: a back office for system administrators.

The tree's structure (adding, moving, closing units) changes only through the pages and
their actions, which keep the denormalised unit paths of other tables in step; here a unit's
descriptive fields may be corrected.
"""

from __future__ import annotations

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm, UserCreationForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from .models import (
    CommitteeMember,
    FollowAssignment,
    FollowUpNote,
    RoleAssignment,
    SteeringCommittee,
    Unit,
    User,
)


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "short_name", "kind", "depth", "closed_on")
    list_filter = ("kind", "depth")
    search_fields = ("search_name", "name", "short_name")
    ordering = ("path",)
    readonly_fields = ("path", "depth", "numchild", "closed_on", "closed_reason", "merged_into")
    fields = (
        "name",
        "short_name",
        "kind",
        "staff_count",
        "address",
        "email",
        "closed_on",
        "closed_reason",
        "merged_into",
        "path",
        "depth",
        "numchild",
    )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Unit | None = None) -> bool:
        return False


class RoleInline(admin.TabularInline):
    model = RoleAssignment
    extra = 0
    autocomplete_fields = ("unit",)


class CosoUserCreationForm(UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User


class CosoUserChangeForm(UserChangeForm):
    class Meta(UserChangeForm.Meta):
        model = User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = CosoUserCreationForm
    form = CosoUserChangeForm
    list_display = ("username", "full_name", "email", "home_unit", "is_active", "is_superuser")
    search_fields = ("username", "full_name", "email")
    autocomplete_fields = ("home_unit",)
    inlines = (RoleInline,)
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Organisation"), {"fields": ("full_name", "job_title", "phone", "home_unit")}),
    )


@admin.register(RoleAssignment)
class RoleAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "unit")
    list_filter = ("role",)
    search_fields = ("user__username", "user__full_name", "unit__search_name")
    autocomplete_fields = ("user", "unit")
    list_select_related = ("user", "unit")


class CommitteeMemberInline(admin.TabularInline):
    model = CommitteeMember
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(SteeringCommittee)
class SteeringCommitteeAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "decision_number", "established_on", "dissolved_on")
    search_fields = ("name", "decision_number", "unit__search_name")
    autocomplete_fields = ("unit",)
    list_select_related = ("unit",)
    inlines = (CommitteeMemberInline,)


@admin.register(FollowAssignment)
class FollowAssignmentAdmin(admin.ModelAdmin):
    list_display = ("member", "unit", "assigned_on", "ended_on")
    autocomplete_fields = ("unit",)
    list_select_related = ("member__user", "unit")
    raw_id_fields = ("member",)


@admin.register(FollowUpNote)
class FollowUpNoteAdmin(admin.ModelAdmin):
    list_display = ("unit", "visited_on", "author")
    date_hierarchy = "visited_on"
    list_select_related = ("unit", "author")
    raw_id_fields = ("assignment", "unit", "author")
