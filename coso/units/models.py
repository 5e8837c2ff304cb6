"""The organisation tree, people, their roles, and steering committees."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from coso.core.models import TimeStampedModel
from coso.core.text import fold

if TYPE_CHECKING:
    from collections.abc import Iterable


class UnitKind(models.TextChoices):
    PARTY_BODY = "party_body", _("Party body / steering level")
    PROVINCE = "province", _("Province / city")
    COMMUNE = "commune", _("Commune / ward / special zone")
    RESIDENTIAL = "residential", _("Residential community")
    AGENCY = "agency", _("Agency / public service unit")
    DEPARTMENT = "department", _("Department")
    ENTERPRISE = "enterprise", _("Enterprise")


# Kinds that issue their own program or plan; residential communities and departments
# inside an agency carry out their parent's plan.
PLANNING_KINDS = (
    UnitKind.PARTY_BODY,
    UnitKind.PROVINCE,
    UnitKind.COMMUNE,
    UnitKind.AGENCY,
    UnitKind.ENTERPRISE,
)


def _path_successor(path: str) -> str | None:
    """The smallest path after every path that starts with `path` (treebeard's alphabet)."""
    alphabet = MP_Node.alphabet
    for i in range(len(path) - 1, -1, -1):
        position = alphabet.index(path[i])
        if position + 1 < len(alphabet):
            return path[:i] + alphabet[position + 1]
    return None


def path_within(field_name: str, path: str) -> Q:
    """`field_name` (a tree path) lies in the subtree rooted at `path`, as an index range.

    `startswith` becomes LIKE 'path%', which SQLite never answers from an index (its LIKE
    folds case) and PostgreSQL only with a C collation; a range works on both.
    """
    condition = Q(**{f"{field_name}__gte": path})
    upper = _path_successor(path)
    if upper is not None:
        condition &= Q(**{f"{field_name}__lt": upper})
    return condition


class UnitQuerySet(MP_NodeQuerySet):
    def active(self) -> UnitQuerySet:
        return self.filter(closed_on__isnull=True)

    def subtree_of(self, unit: Unit, *, include_self: bool = True) -> UnitQuerySet:
        qs = self.filter(path_within("path", unit.path))
        return qs if include_self else qs.exclude(pk=unit.pk)

    def under_paths(self, paths: Iterable[str]) -> UnitQuerySet:
        """Units inside any of the subtrees rooted at `paths`."""
        condition = Q(pk__in=[])
        for path in paths:
            condition |= path_within("path", path)
        return self.filter(condition)

    def search(self, query: str) -> UnitQuerySet:
        """Diacritic-insensitive search: every word must appear in the folded name."""
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_name__contains=word)
        return qs


class UnitManager(MP_NodeManager.from_queryset(UnitQuerySet)):  # type: ignore[misc]
    def get_queryset(self) -> UnitQuerySet:
        return UnitQuerySet(self.model, using=self._db).order_by("path")


class Unit(MP_Node, TimeStampedModel):
    """A unit of the organisation tree: any depth, any kind. Closed units keep their history."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(_("abbreviation"), max_length=50, blank=True, default="")
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    search_name = models.CharField(max_length=400, db_index=True, editable=False, default="")
    staff_count = models.PositiveIntegerField(_("number of staff / workers"), null=True, blank=True)
    address = models.CharField(_("address"), max_length=255, blank=True, default="")
    email = models.EmailField(_("e-mail"), blank=True, default="")
    phone = models.CharField(_("phone"), max_length=50, blank=True, default="")
    # Shown on the public portal: where and how people send feedback and are received.
    feedback_info = models.TextField(
        _("how to send feedback"),
        blank=True,
        default="",
        help_text=_("Reception days, hotline, mailbox: shown on the unit's public page."),
    )
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    closed_reason = models.CharField(
        _("reason for closing"), max_length=255, blank=True, default=""
    )
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_units",
    )

    steplen = 4
    objects = UnitManager()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        indexes = [models.Index(fields=["depth", "path"], name="unit_depth_path")]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.search_name = fold(f"{self.name} {self.short_name}")
        super().save(*args, **kwargs)

    @property
    def is_closed(self) -> bool:
        return self.closed_on is not None

    def is_within(self, other: Unit) -> bool:
        """True when this unit is `other` or inside its subtree."""
        return self.path.startswith(other.path)

    def ancestor_paths(self) -> list[str]:
        return [self.path[:i] for i in range(self.steplen, len(self.path) + 1, self.steplen)]

    def parent_unit(self) -> Unit | None:
        """The unit directly above, None at the root: one query (treebeard 8 deprecates
        get_parent on the node)."""
        if len(self.path) <= self.steplen:
            return None
        return Unit.objects.filter(path=self.path[: -self.steplen]).first()

    def ancestors_and_self(self) -> UnitQuerySet:
        return Unit.objects.filter(path__in=self.ancestor_paths()).order_by("depth")

    def get_additional_data(self) -> dict:
        return {"unit_path": self.path}


class User(AbstractUser):
    """A person who signs in: officer, committee member, employee or citizen."""

    full_name = models.CharField(_("full name"), max_length=200, blank=True, default="")
    job_title = models.CharField(_("job title"), max_length=200, blank=True, default="")
    phone = models.CharField(_("phone"), max_length=30, blank=True, default="")
    home_unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.full_name or self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return str(self)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.home_unit.path if self.home_unit_id else ""}


class Role(models.TextChoices):
    ADMIN = "admin", _("System administrator")
    STEERING_OFFICER = "steering_officer", _("Steering officer")
    COMMITTEE_MEMBER = "committee_member", _("Committee member")
    UNIT_OFFICER = "unit_officer", _("Unit officer")
    STAFF = "staff", _("Staff")


class RoleAssignment(TimeStampedModel):
    """A role held in a unit; it reaches the unit's whole subtree."""

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="roles"
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.CASCADE, related_name="role_assignments"
    )
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)

    class Meta:
        verbose_name = _("role assignment")
        verbose_name_plural = _("role assignments")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], name="role_once_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit.path}


def role_holders_by_unit(unit_ids: Iterable[int], roles: Iterable[str]) -> dict[int, set[int]]:
    """{unit id: ids of the active people holding one of `roles` in that very unit}: whom the
    reminders of every app tell about a unit's work. One query."""
    holders: dict[int, set[int]] = defaultdict(set)
    rows = RoleAssignment.objects.filter(
        unit_id__in=set(unit_ids), role__in=tuple(roles), user__is_active=True
    ).values_list("unit_id", "user_id")
    for unit_id, user_id in rows:
        holders[unit_id].add(user_id)
    return holders


class SteeringCommittee(TimeStampedModel):
    """Ban Chỉ đạo: belongs to a unit, has a head, deputies and members."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="committees"
    )
    name = models.CharField(_("name"), max_length=255)
    decision_number = models.CharField(_("establishing decision"), max_length=100, blank=True)
    established_on = models.DateField(_("established on"), null=True, blank=True)
    standing_office = models.CharField(_("standing office"), max_length=255, blank=True)
    dissolved_on = models.DateField(_("dissolved on"), null=True, blank=True)

    class Meta:
        verbose_name = _("steering committee")
        verbose_name_plural = _("steering committees")

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit.path}


class CommitteePosition(models.TextChoices):
    HEAD = "head", _("Head")
    DEPUTY = "deputy", _("Deputy head")
    MEMBER = "member", _("Member")


class CommitteeMember(TimeStampedModel):
    committee = models.ForeignKey(
        SteeringCommittee,
        verbose_name=_("steering committee"),
        on_delete=models.CASCADE,
        related_name="members",
    )
    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.PROTECT, related_name="committee_seats"
    )
    position = models.CharField(_("position"), max_length=20, choices=CommitteePosition.choices)
    title = models.CharField(_("title in the committee"), max_length=255, blank=True, default="")
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("committee member")
        verbose_name_plural = _("committee members")
        ordering = ["committee", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["committee", "user"], name="member_once_per_committee"),
            models.UniqueConstraint(
                fields=["committee"],
                condition=Q(position="head", left_on__isnull=True),
                name="one_head_per_committee",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_position_display()})"

    def get_additional_data(self) -> dict:
        return {"unit_path": self.committee.unit.path}


class FollowAssignment(TimeStampedModel):
    """Phân công phụ trách: a committee member follows a subordinate unit."""

    member = models.ForeignKey(
        CommitteeMember,
        verbose_name=_("committee member"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("followed unit"), on_delete=models.PROTECT, related_name="followed_by"
    )
    assigned_on = models.DateField(_("assigned on"), default=dt.date.today)
    ended_on = models.DateField(_("ended on"), null=True, blank=True)

    class Meta:
        verbose_name = _("follow assignment")
        verbose_name_plural = _("follow assignments")
        constraints = [
            models.UniqueConstraint(
                fields=["member", "unit"],
                condition=Q(ended_on__isnull=True),
                name="one_open_follow_per_member_unit",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member.user} → {self.unit}"

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit.path}


class FollowUpNote(TimeStampedModel):
    """What a member found when following up a unit (đôn đốc, kiểm tra)."""

    assignment = models.ForeignKey(
        FollowAssignment,
        verbose_name=_("follow assignment"),
        on_delete=models.CASCADE,
        related_name="notes",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="follow_up_notes"
    )
    visited_on = models.DateField(_("date"))
    findings = models.TextField(_("findings"))
    recommendations = models.TextField(_("recommendations"), blank=True, default="")
    author = models.ForeignKey(
        User, verbose_name=_("written by"), on_delete=models.PROTECT, related_name="follow_up_notes"
    )

    class Meta:
        verbose_name = _("follow-up note")
        verbose_name_plural = _("follow-up notes")
        ordering = ["-visited_on", "-id"]
        indexes = [models.Index(fields=["unit", "-visited_on"], name="followup_unit_date")]

    def __str__(self) -> str:
        return f"{self.unit} {self.visited_on:%d/%m/%Y}"

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit.path}
