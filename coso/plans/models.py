"""Programs and plans (Chương trình, Kế hoạch), their sections and tasks, and the cascade."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import ExtractQuarter
from django.utils.translation import gettext_lazy as _

from coso.core.dates import month_end, quarter_end, today
from coso.core.models import TimeStampedModel
from coso.core.text import fold
from coso.units.models import Unit, path_within


class PlanKind(models.TextChoices):
    PROGRAM = "program", _("Program")
    PLAN = "plan", _("Plan")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PlanQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> PlanQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def issued(self) -> PlanQuerySet:
        return self.filter(status=PlanStatus.ISSUED)

    def search(self, query: str) -> PlanQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs


class Plan(TimeStampedModel):
    """An annual program or plan issued by a unit, implementing its upper level's plan."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("issuing unit"), on_delete=models.PROTECT, related_name="plans"
    )
    # Copy of unit.path so subtree queries are one index range on this table.
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=PlanKind.choices, default="plan")
    number = models.CharField(_("number and symbol"), max_length=100, blank=True, default="")
    place = models.CharField(_("place"), max_length=100, blank=True, default="")
    issued_on = models.DateField(_("date"))
    year = models.PositiveIntegerField(_("year"), db_index=True)
    title = models.CharField(_("title"), max_length=500)
    summary = models.TextField(_("summary"), blank=True, default="")
    parent_plan = models.ForeignKey(
        "self",
        verbose_name=_("implements the plan"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="derived_plans",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    # The date by which subordinate units must have issued their own plan (reminders).
    subordinate_plans_due = models.DateField(_("subordinate plans due by"), null=True, blank=True)
    signer_name = models.CharField(_("signed by"), max_length=200, blank=True, default="")
    signer_title = models.CharField(_("signer's title"), max_length=200, blank=True, default="")
    recipients = models.TextField(_("recipients"), blank=True, default="")
    search_text = models.CharField(max_length=800, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = PlanQuerySet.as_manager()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["-issued_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "number"],
                condition=~Q(number=""),
                name="plan_number_unique_per_unit",
            )
        ]
        indexes = [models.Index(fields=["year", "status", "unit_path"], name="plan_year_path")]

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.search_text = fold(f"{self.number} {self.title}")[:800]
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}


class BasisKind(models.TextChoices):
    LEGAL_TEXT = "legal", _("Legal text")
    UPPER_PLAN = "plan", _("Upper level's plan")
    OTHER = "other", _("Other document")


class PlanBasis(models.Model):
    """A document the plan implements or is based on ("Thực hiện …", "Căn cứ …")."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="bases"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=BasisKind.choices)
    citation = models.CharField(_("document"), max_length=500)
    linked_plan = models.ForeignKey(
        Plan,
        verbose_name=_("linked plan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cited_by",
    )
    # The text in the legal library this basis cites (coso.library), when it is there.
    legal_text = models.ForeignKey(
        "library.LegalText",
        verbose_name=_("text in the library"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plan_bases",
    )
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("legal basis")
        verbose_name_plural = _("legal bases")

    def __str__(self) -> str:
        return self.citation

    def get_additional_data(self) -> dict:
        return {"unit_path": self.plan.unit_path}


class PlanSection(models.Model):
    """A numbered section: "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG", "III. TỔ CHỨC THỰC HIỆN"."""

    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="sections"
    )
    number = models.CharField(_("number"), max_length=20, blank=True, default="")
    title = models.CharField(_("title"), max_length=500)
    body = models.TextField(_("content"), blank=True, default="")
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return f"{self.number} {self.title}".strip()

    def get_additional_data(self) -> dict:
        return {"unit_path": self.plan.unit_path}


class Timing(models.TextChoices):
    QUARTER = "quarter", _("Quarter")
    MONTH = "month", _("Month")
    DUE_DATE = "date", _("Due date")
    ONGOING = "ongoing", _("Ongoing")
    AD_HOC = "ad_hoc", _("Ad hoc")


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    PAUSED = "paused", _("Paused")
    CANCELLED = "cancelled", _("Cancelled")


OPEN_STATUSES = (TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS, TaskStatus.PAUSED)

# The workflow: which status may follow which. Done can be reopened when evidence was wrong.
TASK_TRANSITIONS: dict[str, tuple[str, ...]] = {
    TaskStatus.NOT_STARTED: (TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.CANCELLED),
    TaskStatus.IN_PROGRESS: (TaskStatus.DONE, TaskStatus.PAUSED, TaskStatus.CANCELLED),
    TaskStatus.PAUSED: (TaskStatus.IN_PROGRESS, TaskStatus.CANCELLED),
    TaskStatus.DONE: (TaskStatus.IN_PROGRESS,),
    TaskStatus.CANCELLED: (TaskStatus.NOT_STARTED,),
}


# The quarter a task counts in: its quarter, else the quarter of its deadline; tasks with no
# deadline (ongoing, ad hoc) count in NO_QUARTER.
NO_QUARTER = 0


def quarter_of_task() -> models.Case:
    return models.Case(
        models.When(timing=Timing.QUARTER, quarter__isnull=False, then=models.F("quarter")),
        models.When(deadline__isnull=False, then=ExtractQuarter("deadline")),
        default=models.Value(NO_QUARTER),
        output_field=models.IntegerField(),
    )


class TaskQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> TaskQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def of_unit_plans(self, unit: Unit) -> TaskQuerySet:
        """Tasks of the plans the unit itself issued (drafts included, withdrawn not)."""
        return self.filter(unit_path=unit.path).exclude(plan__status=PlanStatus.WITHDRAWN)

    def in_quarter(self, quarter: int) -> TaskQuerySet:
        return self.annotate(counted_quarter=quarter_of_task()).filter(counted_quarter=quarter)

    def open(self) -> TaskQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, on: dt.date | None = None) -> TaskQuerySet:
        return self.open().filter(deadline__lt=on or today())


class Task(TimeStampedModel):
    plan = models.ForeignKey(
        Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="tasks"
    )
    section = models.ForeignKey(
        PlanSection,
        verbose_name=_("section"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tasks",
    )
    # Copies of plan.unit and its path: dashboards and roll-ups filter tasks by subtree.
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="plan_tasks")
    unit_path = models.CharField(max_length=255, editable=False)
    order = models.PositiveIntegerField(default=0)
    title = models.CharField(_("title"), max_length=500)
    description = models.TextField(_("description"), blank=True, default="")
    timing = models.CharField(_("time"), max_length=10, choices=Timing.choices)
    quarter = models.PositiveSmallIntegerField(_("quarter"), null=True, blank=True)
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    # The last day the task may be done: from the quarter, month or due date; none if ongoing.
    deadline = models.DateField(_("deadline"), null=True, blank=True, editable=False)
    lead_unit = models.ForeignKey(
        Unit,
        verbose_name=_("lead unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_tasks",
    )
    lead_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("lead person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="led_tasks",
    )
    coordinating_units = models.ManyToManyField(
        Unit, verbose_name=_("coordinating units"), blank=True, related_name="coordinated_tasks"
    )
    target_units = models.ManyToManyField(
        Unit, verbose_name=_("target units"), blank=True, related_name="targeted_by_tasks"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=TaskStatus.choices, default=TaskStatus.NOT_STARTED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    # The cascade: a carried task points to the task it was carried from, and to the
    # top-most task of its chain so a roll-up is one query.
    source_task = models.ForeignKey(
        "self",
        verbose_name=_("carried from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="carried_tasks",
    )
    root_task = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["order", "id"]
        indexes = [
            models.Index(fields=["unit_path", "status", "deadline"], name="task_path_status"),
            models.Index(fields=["root_task", "unit_path"], name="task_root_path"),
            models.Index(fields=["status", "deadline"], name="task_status_deadline"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0) & Q(progress__lte=100), name="task_progress_0_100"
            ),
            models.CheckConstraint(
                condition=Q(quarter__isnull=True) | Q(quarter__gte=1, quarter__lte=4),
                name="task_quarter_1_4",
            ),
            models.CheckConstraint(
                condition=Q(month__isnull=True) | Q(month__gte=1, month__lte=12),
                name="task_month_1_12",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def compute_deadline(self) -> dt.date | None:
        year = self.plan.year
        if self.timing == Timing.QUARTER and self.quarter:
            return quarter_end(year, self.quarter)
        if self.timing == Timing.MONTH and self.month:
            return month_end(year, self.month)
        if self.timing == Timing.DUE_DATE:
            return self.due_date
        return None

    def save(self, *args, **kwargs) -> None:
        self.unit_id = self.plan.unit_id
        self.unit_path = self.plan.unit_path
        self.deadline = self.compute_deadline()
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def is_overdue(self) -> bool:
        return self.is_open and self.deadline is not None and self.deadline < today()

    @property
    def time_label(self) -> str:
        from coso.core.dates import ROMAN_QUARTERS, format_date

        if self.timing == Timing.QUARTER and self.quarter:
            return _("Quarter %(q)s") % {"q": ROMAN_QUARTERS[self.quarter]}
        if self.timing == Timing.MONTH and self.month:
            return _("Month %(m)s") % {"m": self.month}
        if self.timing == Timing.DUE_DATE and self.due_date:
            return _("Before %(d)s") % {"d": format_date(self.due_date)}
        return str(self.get_timing_display())

    def allowed_statuses(self) -> tuple[str, ...]:
        return TASK_TRANSITIONS.get(self.status, ())

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}


def evidence_path(instance: TaskEvidence, filename: str) -> str:
    return f"evidence/{instance.task.plan.year}/{instance.task_id}/{filename}"


class TaskEvidence(models.Model):
    """Proof that work was done: a note and, optionally, a file."""

    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="evidence"
    )
    note = models.TextField(_("note"), blank=True, default="")
    file = models.FileField(_("file"), upload_to=evidence_path, blank=True)
    original_name = models.CharField(max_length=255, blank=True, default="")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), null=True, on_delete=models.SET_NULL
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-added_at", "-id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name or self.note[:60]

    def get_additional_data(self) -> dict:
        return {"unit_path": self.task.unit_path}
