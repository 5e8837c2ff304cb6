"""Inspections by steering committees (kiểm tra, giám sát) and the follow-up of their conclusions.

An inspection plan belongs to a unit with a steering committee (the inspecting unit); it names a
team and target units in that unit's subtree, each with a planned date. The team records
findings per target; the inspecting unit concludes each target with required corrective actions
(chấn chỉnh), each with an owner and a deadline, which the inspected unit reports on until the
inspecting unit accepts them as done. A self-inspection campaign orders every subordinate unit
of chosen kinds to inspect itself and report by a deadline.

Each table keeps copies of the inspected unit's path (`unit_path`) and the inspecting unit's
path (`plan_path`), so "what my subtree inspects" and "what inspects my subtree" are each one
index range.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.dates import today
from coso.core.models import TimeStampedModel
from coso.core.text import fold
from coso.units.models import SteeringCommittee, Unit, UnitKind, path_within

TEXT_MAX_LENGTH = 20000
TITLE_MAX_LENGTH = 500
NOTE_MAX_LENGTH = 4000
SEARCH_TEXT_MAX_LENGTH = 20000

# Units ordered to inspect themselves are grassroots units or bodies below the inspecting one.
SELF_INSPECTION_KINDS = (
    UnitKind.PARTY_BODY,
    UnitKind.COMMUNE,
    UnitKind.RESIDENTIAL,
    UnitKind.AGENCY,
    UnitKind.DEPARTMENT,
    UnitKind.ENTERPRISE,
)


class PlanStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("inspection plan", "Draft")
    ISSUED = "issued", pgettext_lazy("inspection plan", "Issued")
    IN_PROGRESS = "in_progress", pgettext_lazy("inspection plan", "In progress")
    CONCLUDED = "concluded", pgettext_lazy("inspection plan", "Concluded")


class InspectionPlanQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> InspectionPlanQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def search(self, query: str) -> InspectionPlanQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs


class InspectionPlan(TimeStampedModel):
    """Kế hoạch kiểm tra: who inspects whom, when, on what, with which team."""

    committee = models.ForeignKey(
        SteeringCommittee,
        verbose_name=_("steering committee"),
        on_delete=models.PROTECT,
        related_name="inspection_plans",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("inspecting unit"),
        on_delete=models.PROTECT,
        related_name="inspection_plans",
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    year = models.PositiveIntegerField(_("year"))
    number = models.CharField(_("document number"), max_length=100, blank=True, default="")
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    content = models.TextField(_("content of the inspection"), blank=True, default="")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    concluded_at = models.DateTimeField(_("concluded at"), null=True, blank=True)
    search_text = models.CharField(max_length=1000, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = InspectionPlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("inspection plan")
        verbose_name_plural = _("inspection plans")
        ordering = ["-year", "-starts_on", "-id"]
        indexes = [models.Index(fields=["unit_path", "status"], name="insp_plan_path_status")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="insp_plan_period_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.search_text = fold(f"{self.number} {self.title}")[:1000]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("inspections:detail", args=[self.pk])

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    @property
    def is_draft(self) -> bool:
        return self.status == PlanStatus.DRAFT


class TeamMember(models.Model):
    """A member of the inspection team (đoàn kiểm tra); linked to a user to record findings."""

    plan = models.ForeignKey(
        InspectionPlan,
        verbose_name=_("inspection plan"),
        on_delete=models.CASCADE,
        related_name="team",
    )
    name = models.CharField(_("full name"), max_length=200)
    title = models.CharField(_("position in the team"), max_length=200, blank=True, default="")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inspection_seats",
    )
    is_leader = models.BooleanField(_("team leader"), default=False)

    class Meta:
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        ordering = ["-is_leader", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan"], condition=Q(is_leader=True), name="insp_one_leader_per_plan"
            ),
            models.UniqueConstraint(
                fields=["plan", "user"], condition=Q(user__isnull=False), name="insp_user_once"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"unit_path": self.plan.unit_path}


class InspectionTarget(models.Model):
    """A unit inspected under a plan, with its planned date and, in the end, the conclusion."""

    plan = models.ForeignKey(
        InspectionPlan,
        verbose_name=_("inspection plan"),
        on_delete=models.CASCADE,
        related_name="targets",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("inspected unit"),
        on_delete=models.PROTECT,
        related_name="inspections",
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    plan_path = models.CharField(max_length=255, db_index=True, editable=False)
    planned_on = models.DateField(_("planned date"))
    conclusion = models.TextField(_("conclusion"), blank=True, default="")
    concluded_on = models.DateField(_("concluded on"), null=True, blank=True)
    concluded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("inspected unit")
        verbose_name_plural = _("inspected units")
        ordering = ["planned_on", "id"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "unit"], name="insp_target_once_per_plan")
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.plan}"

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.plan_path = self.plan.unit_path
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("inspections:target", args=[self.pk])

    def get_additional_data(self) -> dict:
        return {"unit_path": self.plan_path}

    @property
    def is_concluded(self) -> bool:
        return self.concluded_on is not None


class FindingQuerySet(models.QuerySet):
    def search(self, query: str) -> FindingQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs


class Finding(models.Model):
    """What the team found at a target unit: the facts, good points and shortcomings."""

    target = models.ForeignKey(
        InspectionTarget,
        verbose_name=_("inspected unit"),
        on_delete=models.CASCADE,
        related_name="findings",
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    plan_path = models.CharField(max_length=255, db_index=True, editable=False)
    text = models.TextField(_("findings"))
    good_points = models.TextField(_("good points"), blank=True, default="")
    shortcomings = models.TextField(_("shortcomings"), blank=True, default="")
    recorded_on = models.DateField(_("recorded on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Folded text of the finding, the target's conclusion and its corrective actions.
    search_text = models.TextField(editable=False, default="")

    objects = FindingQuerySet.as_manager()

    class Meta:
        verbose_name = _("finding")
        verbose_name_plural = _("findings")
        ordering = ["recorded_on", "id"]
        indexes = [models.Index(fields=["-recorded_on", "-id"], name="insp_finding_recent")]

    def __str__(self) -> str:
        return f"{self.target.unit} — {self.target.plan.title}"

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.target.unit_path
        self.plan_path = self.target.plan_path
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return f"{reverse('inspections:target', args=[self.target_id])}#phat-hien-{self.pk}"

    def get_additional_data(self) -> dict:
        return {"unit_path": self.plan_path}


class ActionStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("corrective action", "To do")
    REPORTED = "reported", pgettext_lazy("corrective action", "Reported, awaiting acceptance")
    DONE = "done", pgettext_lazy("corrective action", "Done")


class CorrectiveActionQuerySet(models.QuerySet):
    def not_done(self) -> CorrectiveActionQuerySet:
        return self.exclude(status=ActionStatus.DONE)

    def overdue(self, on: dt.date | None = None) -> CorrectiveActionQuerySet:
        """Not done after the deadline: on the deadline day itself it is not yet overdue."""
        return self.not_done().filter(deadline__lt=on or today())


class CorrectiveAction(TimeStampedModel):
    """A required corrective action (yêu cầu chấn chỉnh, khắc phục) of a conclusion."""

    target = models.ForeignKey(
        InspectionTarget,
        verbose_name=_("inspected unit"),
        on_delete=models.CASCADE,
        related_name="actions",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("responsible unit"),
        on_delete=models.PROTECT,
        related_name="corrective_actions",
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    plan_path = models.CharField(max_length=255, db_index=True, editable=False)
    description = models.TextField(_("required action"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="corrective_actions",
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    report_note = models.TextField(_("what was done"), blank=True, default="")
    report_file = models.FileField(
        _("file"), upload_to="inspections/actions/%Y/%m/", blank=True, default=""
    )
    report_file_name = models.CharField(max_length=255, blank=True, default="")
    reported_on = models.DateField(_("reported on"), null=True, blank=True)
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    review_note = models.TextField(_("review note"), blank=True, default="")
    done_on = models.DateField(_("accepted as done on"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = CorrectiveActionQuerySet.as_manager()

    class Meta:
        verbose_name = _("corrective action")
        verbose_name_plural = _("corrective actions")
        ordering = ["deadline", "id"]
        indexes = [
            models.Index(fields=["unit_path", "status", "deadline"], name="insp_action_unit"),
            models.Index(fields=["plan_path", "status", "deadline"], name="insp_action_plan"),
        ]

    def __str__(self) -> str:
        return self.description[:100]

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.plan_path = self.target.plan_path
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("inspections:action", args=[self.pk])

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    def is_overdue(self, on: dt.date | None = None) -> bool:
        return self.status != ActionStatus.DONE and self.deadline < (on or today())

    @property
    def overdue(self) -> bool:
        return self.is_overdue()

    @property
    def days_overdue(self) -> int:
        return max((today() - self.deadline).days, 0)


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("self-inspection", "Draft")
    OPEN = "open", pgettext_lazy("self-inspection", "Ordered, collecting results")
    CLOSED = "closed", pgettext_lazy("self-inspection", "Closed")


class SelfInspectionCampaign(TimeStampedModel):
    """A self-inspection (tự kiểm tra) ordered for every subordinate unit of chosen kinds."""

    committee = models.ForeignKey(
        SteeringCommittee,
        verbose_name=_("steering committee"),
        on_delete=models.PROTECT,
        related_name="self_inspections",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("ordering unit"),
        on_delete=models.PROTECT,
        related_name="self_inspections",
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    year = models.PositiveIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    content = models.TextField(_("content of the self-inspection"), blank=True, default="")
    unit_kinds = models.JSONField(_("kinds of units"), default=list)
    deadline = models.DateField(_("results due by"))
    status = models.CharField(
        _("status"), max_length=20, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    opened_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("self-inspection campaign")
        verbose_name_plural = _("self-inspection campaigns")
        ordering = ["-deadline", "-id"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("inspections:campaign", args=[self.pk])

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    def kind_labels(self) -> list[str]:
        labels = dict(UnitKind.choices)
        return [str(labels[k]) for k in self.unit_kinds or [] if k in labels]


class Assessment(models.TextChoices):
    """The unit's own grading of how it implements grassroots democracy."""

    GOOD = "good", _("Good")
    FAIR = "fair", _("Fair")
    AVERAGE = "average", _("Average")
    WEAK = "weak", _("Weak")


class SelfInspectionReport(models.Model):
    """One subordinate unit's result of a campaign: created pending when the campaign is ordered."""

    campaign = models.ForeignKey(
        SelfInspectionCampaign,
        verbose_name=_("self-inspection campaign"),
        on_delete=models.CASCADE,
        related_name="reports",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.PROTECT,
        related_name="self_inspection_reports",
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    result = models.TextField(_("result of the self-inspection"), blank=True, default="")
    assessment = models.CharField(
        _("self-assessment"), max_length=20, choices=Assessment.choices, blank=True, default=""
    )
    file = models.FileField(_("file"), upload_to="inspections/self/%Y/%m/", blank=True, default="")
    file_name = models.CharField(max_length=255, blank=True, default="")
    submitted_on = models.DateField(_("submitted on"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("self-inspection result")
        verbose_name_plural = _("self-inspection results")
        ordering = ["unit_path", "id"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "unit"], name="insp_self_once_per_unit")
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.campaign}"

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("inspections:self_report", args=[self.pk])

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    @property
    def is_submitted(self) -> bool:
        return self.submitted_on is not None

    def is_late(self, on: dt.date | None = None) -> bool:
        """Not submitted after the deadline, or submitted after it."""
        if self.submitted_on is not None:
            return self.submitted_on > self.campaign.deadline
        return (on or today()) > self.campaign.deadline
