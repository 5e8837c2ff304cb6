"""Periodic reports that go up the tree (DHIS2's data sets, periods and completeness, live).

A *form* (biểu mẫu) is a list of indicators and narrative fields with validation rules. A
*requirement* (yêu cầu báo cáo) asks the units below an upper unit for one form for one
*period*, by a deadline, to a receiving office. Creating it materialises one *submission* row
per required unit, so completeness and roll-ups are aggregates over one indexed table.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coso.core.dates import month_end, quarter_end
from coso.core.models import TimeStampedModel
from coso.units.models import Unit, path_within

# --- Periods -------------------------------------------------------------------------------------


class PeriodKind(models.TextChoices):
    HALF_YEAR = "half", _("Half-year review")
    YEAR = "year", _("Annual review")
    QUARTER = "quarter", _("Quarter")
    MONTH = "month", _("Month")
    AD_HOC = "ad_hoc", _("Ad hoc")


class Period(models.Model):
    """A reporting period, identified as DHIS2 does: 2024S1, 2024, 2024Q3, 202405, or ad hoc."""

    kind = models.CharField(_("kind"), max_length=10, choices=PeriodKind.choices)
    year = models.PositiveIntegerField(_("year"))
    # 1-2 for a half-year, 1-4 for a quarter, 1-12 for a month, a sequence for ad hoc, 0 for a year.
    number = models.PositiveSmallIntegerField(_("number"), default=0)
    start = models.DateField(_("from"))
    end = models.DateField(_("to"))
    code = models.CharField(max_length=20, unique=True)

    class Meta:
        ordering = ["-year", "kind", "number"]
        verbose_name = _("period")
        verbose_name_plural = _("periods")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__gte=models.F("start")), name="period_ends_after_start"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        if self.kind == PeriodKind.HALF_YEAR:
            if self.number == 1:
                return _("First half of %(y)s") % {"y": self.year}
            return _("Second half of %(y)s") % {"y": self.year}
        if self.kind == PeriodKind.YEAR:
            return _("Year %(y)s") % {"y": self.year}
        if self.kind == PeriodKind.QUARTER:
            return _("Quarter %(n)s/%(y)s") % {"n": self.number, "y": self.year}
        if self.kind == PeriodKind.MONTH:
            return _("Month %(n)s/%(y)s") % {"n": self.number, "y": self.year}
        return _("%(start)s – %(end)s") % {
            "start": self.start.strftime("%d/%m/%Y"),
            "end": self.end.strftime("%d/%m/%Y"),
        }

    @staticmethod
    def bounds(kind: str, year: int, number: int = 0) -> tuple[dt.date, dt.date, str]:
        """Start, end and code of a regular period; ValueError for a number out of range."""
        if kind == PeriodKind.YEAR:
            return dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}"
        if kind == PeriodKind.HALF_YEAR:
            if number not in (1, 2):
                raise ValueError("half-year number must be 1 or 2")
            start = dt.date(year, 1 if number == 1 else 7, 1)
            return start, month_end(year, 6 if number == 1 else 12), f"{year}S{number}"
        if kind == PeriodKind.QUARTER:
            if number not in (1, 2, 3, 4):
                raise ValueError("quarter must be 1 to 4")
            return dt.date(year, 3 * number - 2, 1), quarter_end(year, number), f"{year}Q{number}"
        if kind == PeriodKind.MONTH:
            if not 1 <= number <= 12:
                raise ValueError("month must be 1 to 12")
            return dt.date(year, number, 1), month_end(year, number), f"{year}{number:02d}"
        raise ValueError("ad hoc periods have explicit dates")


# --- Forms ---------------------------------------------------------------------------------------


class ReportForm(TimeStampedModel):
    """Biểu mẫu báo cáo: indicators and narrative fields, grouped in sections."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=255)
    description = models.TextField(_("description"), blank=True, default="")
    # None: a form shipped with coso, usable by every unit.
    owner_unit = models.ForeignKey(
        Unit,
        verbose_name=_("owner unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_forms",
    )
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("report form")
        verbose_name_plural = _("report forms")

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"unit_path": self.owner_unit.path if self.owner_unit_id else ""}


class FormSection(models.Model):
    form = models.ForeignKey(
        ReportForm, verbose_name=_("form"), on_delete=models.CASCADE, related_name="sections"
    )
    title = models.CharField(_("title"), max_length=255)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("form section")
        verbose_name_plural = _("form sections")

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return self.form.get_additional_data()


class IndicatorKind(models.TextChoices):
    INTEGER = "integer", _("Whole number")
    DECIMAL = "decimal", _("Decimal number")
    PERCENT = "percent", _("Percentage")
    BOOLEAN = "boolean", _("Yes / no")
    CHOICE = "choice", _("One choice")
    TEXT = "text", _("Short text")
    DATE = "date", _("Date")
    NARRATIVE = "narrative", _("Narrative")


NUMERIC_KINDS = (IndicatorKind.INTEGER, IndicatorKind.DECIMAL, IndicatorKind.PERCENT)


class Indicator(models.Model):
    """One figure or text a unit reports. Numbers and yes/no roll up the tree."""

    form = models.ForeignKey(
        ReportForm, verbose_name=_("form"), on_delete=models.CASCADE, related_name="indicators"
    )
    section = models.ForeignKey(
        FormSection,
        verbose_name=_("section"),
        on_delete=models.CASCADE,
        related_name="indicators",
    )
    # Stable across forms and years: aggregation and trends match indicators by code.
    code = models.SlugField(_("code"), max_length=60)
    label = models.CharField(_("label"), max_length=500)
    help_text = models.CharField(_("help"), max_length=500, blank=True, default="")
    kind = models.CharField(_("kind"), max_length=10, choices=IndicatorKind.choices)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    required = models.BooleanField(_("required"), default=False)
    is_key = models.BooleanField(_("key indicator (trends)"), default=False)
    order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["section__order", "order", "id"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.UniqueConstraint(fields=["form", "code"], name="indicator_code_unique_per_form")
        ]

    def __str__(self) -> str:
        return self.label

    def get_additional_data(self) -> dict:
        return self.form.get_additional_data()

    @property
    def is_numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    @property
    def rolls_up(self) -> bool:
        """Summed up the tree: counts and amounts; percentages are averaged; yes/no counted."""
        return self.kind in (*NUMERIC_KINDS, IndicatorKind.BOOLEAN)


class RuleOperator(models.TextChoices):
    LTE = "lte", "≤"
    LT = "lt", "<"
    EQ = "eq", "="
    GTE = "gte", "≥"
    GT = "gt", ">"


class ValidationRule(models.Model):
    """A rule between two numeric indicators: left <operator> right (e.g. resolved ≤ received)."""

    form = models.ForeignKey(
        ReportForm, verbose_name=_("form"), on_delete=models.CASCADE, related_name="rules"
    )
    left = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.CASCADE, related_name="+"
    )
    operator = models.CharField(_("operator"), max_length=3, choices=RuleOperator.choices)
    right = models.ForeignKey(
        Indicator, verbose_name=_("compared with"), on_delete=models.CASCADE, related_name="+"
    )
    message = models.CharField(_("message"), max_length=300, blank=True, default="")

    class Meta:
        verbose_name = _("validation rule")
        verbose_name_plural = _("validation rules")

    def __str__(self) -> str:
        return f"{self.left.code} {self.get_operator_display()} {self.right.code}"

    def get_additional_data(self) -> dict:
        return self.form.get_additional_data()

    def holds(self, left: Decimal, right: Decimal) -> bool:
        return {
            RuleOperator.LTE: left <= right,
            RuleOperator.LT: left < right,
            RuleOperator.EQ: left == right,
            RuleOperator.GTE: left >= right,
            RuleOperator.GT: left > right,
        }[self.operator]


# --- Requirements ----------------------------------------------------------------------------------


class TargetMode(models.TextChoices):
    ALL = "all", _("All units below")
    KINDS = "kinds", _("Units of some kinds")
    LIST = "list", _("A chosen list of units")


class ReportRequirement(TimeStampedModel):
    """Yêu cầu báo cáo: an upper unit asks units below it for one form for one period."""

    unit = models.ForeignKey(
        Unit,
        verbose_name=_("requiring unit"),
        on_delete=models.PROTECT,
        related_name="report_requirements",
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    title = models.CharField(_("title"), max_length=500)
    form = models.ForeignKey(
        ReportForm, verbose_name=_("form"), on_delete=models.PROTECT, related_name="requirements"
    )
    period = models.ForeignKey(
        Period, verbose_name=_("period"), on_delete=models.PROTECT, related_name="requirements"
    )
    deadline = models.DateField(_("deadline"))
    receiving_office = models.CharField(_("receiving office"), max_length=255)
    target_mode = models.CharField(
        _("units required"), max_length=10, choices=TargetMode.choices, default=TargetMode.ALL
    )
    target_kinds = models.JSONField(_("kinds of units"), default=list, blank=True)
    levels_down = models.PositiveSmallIntegerField(_("levels down"), default=1)
    target_units = models.ManyToManyField(
        Unit, verbose_name=_("chosen units"), blank=True, related_name="+"
    )
    repeats_yearly = models.BooleanField(_("repeat every year"), default=False)
    # The requirement of the previous year this one was rolled over from.
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="next"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-deadline", "-id"]
        verbose_name = _("report requirement")
        verbose_name_plural = _("report requirements")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}


# --- Submissions -----------------------------------------------------------------------------------


class SubmissionStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for correction")
    ACCEPTED = "accepted", _("Accepted")


# The figures of these count in completeness and roll-ups.
COUNTED_STATUSES = (SubmissionStatus.SUBMITTED, SubmissionStatus.ACCEPTED)


class SubmissionQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit, *, include_self: bool = True) -> SubmissionQuerySet:
        qs = self.filter(path_within("unit_path", unit.path))
        return qs if include_self else qs.exclude(unit_path=unit.path)


class Submission(TimeStampedModel):
    """One unit's report for one requirement: expected from the moment it is required."""

    requirement = models.ForeignKey(
        ReportRequirement,
        verbose_name=_("requirement"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="report_submissions"
    )
    unit_path = models.CharField(max_length=255, editable=False)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubmissionStatus.choices,
        default=SubmissionStatus.NOT_STARTED,
    )
    # Bumped by every save of the draft: a save based on an older revision is a conflict.
    revision = models.PositiveIntegerField(default=0)
    # Number of times submitted; each submission freezes a SubmissionVersion.
    version = models.PositiveIntegerField(default=0)
    first_submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("accepted or returned at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for returning"), blank=True, default="")
    # A unit's own report may be pre-filled from the reports of the units below it.
    is_aggregate = models.BooleanField(_("aggregated from units below"), default=False)
    # Depth of the nearest unit above this one whose report to the same requirement counts
    # (0: none). That report already includes this one's figures, so under a viewing unit of
    # depth d this one counts only when shadow_depth <= d. Kept by reports.shadows.
    shadow_depth = models.PositiveSmallIntegerField(default=0, editable=False)

    objects = SubmissionQuerySet.as_manager()

    class Meta:
        verbose_name = _("report submission")
        verbose_name_plural = _("report submissions")
        constraints = [
            models.UniqueConstraint(fields=["requirement", "unit"], name="one_submission_per_unit")
        ]
        indexes = [
            models.Index(fields=["requirement", "unit_path"], name="submission_req_path"),
            models.Index(fields=["unit_path", "status"], name="submission_path_status"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.requirement}"

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        super().save(*args, **kwargs)

    @property
    def is_late(self) -> bool:
        """Submitted after the deadline (the first submission counts), or not yet and overdue."""
        deadline = self.requirement.deadline
        if self.first_submitted_at is not None:
            return timezone.localtime(self.first_submitted_at).date() > deadline
        from coso.core.dates import today

        return today() > deadline

    @property
    def is_editable(self) -> bool:
        return self.status in (
            SubmissionStatus.NOT_STARTED,
            SubmissionStatus.DRAFT,
            SubmissionStatus.RETURNED,
        )

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    @classmethod
    def after_subtree_moved(cls, parent_path: str) -> None:
        """Called by `move_unit`: the moved reports have new counted reports above them."""
        from .shadows import refresh_shadow_depths

        requirement_ids = (
            cls.objects.filter(path_within("unit_path", parent_path))
            .values_list("requirement_id", flat=True)
            .distinct()
        )
        for requirement_id in requirement_ids:
            refresh_shadow_depths(requirement_id, parent_path)


class SubmissionValue(models.Model):
    """The current value of one indicator in one submission (the draft, or what was submitted)."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="values"
    )
    indicator = models.ForeignKey(
        Indicator, verbose_name=_("indicator"), on_delete=models.PROTECT, related_name="values"
    )
    number = models.DecimalField(max_digits=18, decimal_places=4, null=True, blank=True)
    text = models.TextField(blank=True, default="")
    date = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("reported value")
        verbose_name_plural = _("reported values")
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "indicator"], name="one_value_per_indicator"
            )
        ]
        indexes = [models.Index(fields=["indicator", "submission"], name="value_indicator")]

    def __str__(self) -> str:
        return f"{self.indicator.code}: {self.display()}"

    def display(self) -> str:
        if self.number is not None:
            return format(self.number.normalize(), "f")
        if self.date is not None:
            return self.date.strftime("%d/%m/%Y")
        return self.text


class SubmissionVersion(models.Model):
    """What was submitted each time, frozen: earlier versions stay readable after a return."""

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # {indicator code: value as text}: readable even if the form changes later.
    data = models.JSONField(default=dict)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=SubmissionStatus.choices, blank=True, default=""
    )
    outcome_reason = models.TextField(_("reason"), blank=True, default="")

    class Meta:
        ordering = ["-number"]
        verbose_name = _("submitted version")
        verbose_name_plural = _("submitted versions")
        constraints = [
            models.UniqueConstraint(fields=["submission", "number"], name="version_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.submission} v{self.number}"


def attachment_path(instance: SubmissionAttachment, filename: str) -> str:
    return f"reports/{instance.submission.requirement_id}/{instance.submission_id}/{filename}"


class SubmissionAttachment(models.Model):
    submission = models.ForeignKey(
        Submission,
        verbose_name=_("submission"),
        on_delete=models.CASCADE,
        related_name="attachments",
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(max_length=255)
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-added_at"]
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")

    def __str__(self) -> str:
        return self.original_name
