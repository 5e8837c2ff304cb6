"""Village conventions (hương ước, quy ước) of residential communities, Decree 61/2023/NĐ-CP.

A convention has versions. Each version goes through the same steps: drafting, posting for
comment (a consultation of at least 30 days), approval by the households (a community matter:
more than half of ALL households), the dossier sent to the commune within 5 working days, the
commune's decision within 5 working days (recognition, or a written refusal with reasons),
then in force; the previous version in force is superseded and stays readable. Each year the
convention is reviewed (18 November, or the day the community agreed).
"""

from __future__ import annotations

import calendar
import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.community.models import Matter, MatterStatus
from coso.consultations.models import Consultation
from coso.core.dates import today
from coso.core.models import TimeStampedModel
from coso.core.text import fold
from coso.units.models import Unit, path_within


class ConventionRule(models.Model):
    """A number of Decree 61/2023 with its citation, editable by administrators."""

    COMMENT_MIN_DAYS = "comment_min_days"
    SUBMIT_WORKING_DAYS = "submit_working_days"
    DECIDE_WORKING_DAYS = "decide_working_days"
    REVIEW_DAY = "review_day"
    REVIEW_MONTH = "review_month"

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("rule"), max_length=300)
    value = models.PositiveIntegerField(_("value"))
    citation = models.CharField(_("legal basis"), max_length=300)

    class Meta:
        ordering = ["id"]
        verbose_name = _("convention rule")
        verbose_name_plural = _("convention rules")

    def __str__(self) -> str:
        return f"{self.name}: {self.value}"


# The law's defaults, also the seed of migration 0002 (one text for both).
DECREE = "Nghị định số 61/2023/NĐ-CP"
RULE_DEFAULTS: dict[str, tuple[str, int, str]] = {
    ConventionRule.COMMENT_MIN_DAYS: (
        "Số ngày tối thiểu niêm yết, lấy ý kiến dự thảo",
        30,
        f"{DECREE}, Điều 9 (cần đối chiếu): dự thảo được lấy ý kiến ít nhất 30 ngày",
    ),
    ConventionRule.SUBMIT_WORKING_DAYS: (
        "Số ngày làm việc gửi hồ sơ đề nghị công nhận sau khi thông qua",
        5,
        f"{DECREE}, Điều 11 (cần đối chiếu): gửi hồ sơ trong thời hạn 05 ngày làm việc "
        "kể từ ngày hương ước, quy ước được thông qua",
    ),
    ConventionRule.DECIDE_WORKING_DAYS: (
        "Số ngày làm việc Ủy ban nhân dân cấp xã xem xét, quyết định công nhận",
        5,
        f"{DECREE}, Điều 11 (cần đối chiếu): trong thời hạn 05 ngày làm việc kể từ ngày nhận "
        "hồ sơ; không công nhận thì trả lời bằng văn bản, nêu rõ lý do",
    ),
    ConventionRule.REVIEW_DAY: (
        "Ngày rà soát, đánh giá hằng năm (ngày)",
        18,
        f"{DECREE}, Điều 16 (cần đối chiếu): rà soát hằng năm vào ngày 18/11 hoặc ngày do "
        "cộng đồng dân cư thống nhất",
    ),
    ConventionRule.REVIEW_MONTH: (
        "Ngày rà soát, đánh giá hằng năm (tháng)",
        11,
        f"{DECREE}, Điều 16 (cần đối chiếu): Ngày hội Đại đoàn kết toàn dân tộc 18/11",
    ),
}


def rule(code: str) -> ConventionRule:
    """The rule `code`; the law's default when an administrator deleted the row."""
    found = ConventionRule.objects.filter(code=code).first()
    if found is not None:
        return found
    name, value, citation = RULE_DEFAULTS[code]
    return ConventionRule(code=code, name=name, value=value, citation=citation)


class ConventionKind(models.TextChoices):
    COVENANT = "huong_uoc", _("Village covenant (hương ước)")
    RULES = "quy_uoc", _("Community rules (quy ước)")


class VersionStatus(models.TextChoices):
    DRAFTING = "drafting", _("Drafting")
    COMMENTING = "commenting", _("Out for comment")
    VOTING = "voting", _("Put to the households")
    APPROVED = "approved", _("Approved by the households")
    REJECTED = "rejected", _("Not approved by the households")
    SUBMITTED = "submitted", _("Submitted to the commune")
    REFUSED = "refused", _("Not recognised by the commune")
    IN_FORCE = "in_force", _("In force")
    SUPERSEDED = "superseded", _("Superseded")


# A version still on its way: a convention has at most one at a time.
IN_PROGRESS = (
    VersionStatus.DRAFTING,
    VersionStatus.COMMENTING,
    VersionStatus.VOTING,
    VersionStatus.APPROVED,
    VersionStatus.SUBMITTED,
)
PUBLIC_VERSION_STATUSES = (VersionStatus.IN_FORCE, VersionStatus.SUPERSEDED)


class ConventionQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> ConventionQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def search(self, query: str) -> ConventionQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs


class Convention(TimeStampedModel):
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("residential community"),
        on_delete=models.PROTECT,
        related_name="conventions",
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    kind = models.CharField(
        _("kind of convention"),
        max_length=20,
        choices=ConventionKind.choices,
        default=ConventionKind.COVENANT,
    )
    title = models.CharField(_("name of the convention"), max_length=500)
    review_day = models.PositiveSmallIntegerField(_("yearly review: day"), default=18)
    review_month = models.PositiveSmallIntegerField(_("yearly review: month"), default=11)
    search_text = models.CharField(max_length=600, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ConventionQuerySet.as_manager()

    class Meta:
        verbose_name = _("village convention")
        verbose_name_plural = _("village conventions")
        ordering = ["unit_path", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(review_month__gte=1, review_month__lte=12)
                & Q(review_day__gte=1, review_day__lte=31),
                name="convention_review_date_valid",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.search_text = fold(f"{self.title} {self.unit.name}")[:600]
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    def review_date_in(self, year: int) -> dt.date:
        """The review day of `year` (29 February falls on the 28th in other years)."""
        last = calendar.monthrange(year, self.review_month)[1]
        return dt.date(year, self.review_month, min(self.review_day, last))

    def next_review_due(self, since: dt.date) -> dt.date:
        """The first review day strictly after `since` (the day it came into force or the
        last review)."""
        due = self.review_date_in(since.year)
        return due if due > since else self.review_date_in(since.year + 1)


class ConventionVersion(TimeStampedModel):
    convention = models.ForeignKey(
        Convention,
        verbose_name=_("village convention"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(pgettext_lazy("convention", "version"))
    text = models.TextField(_("text"))
    changes = models.TextField(_("what this version changes"), blank=True, default="")
    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFTING
    )
    consultation = models.OneToOneField(
        Consultation,
        verbose_name=_("consultation on the draft"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="convention_version",
    )
    matter = models.ForeignKey(
        Matter,
        verbose_name=_("households' decision"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="convention_versions",
    )
    approved_on = models.DateField(_("approved by the households on"), null=True, blank=True)
    submission_deadline = models.DateField(
        _("dossier to be sent by"), null=True, blank=True, editable=False
    )
    submitted_on = models.DateField(_("dossier sent to the commune on"), null=True, blank=True)
    decision_deadline = models.DateField(
        _("commune to decide by"), null=True, blank=True, editable=False
    )
    decided_on = models.DateField(_("commune decided on"), null=True, blank=True)
    decision_number = models.CharField(
        _("number of the commune's document"), max_length=100, blank=True, default=""
    )
    refusal_reasons = models.TextField(_("reasons for not recognising"), blank=True, default="")
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    superseded_on = models.DateField(_("superseded on"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("version of a convention")
        verbose_name_plural = _("versions of conventions")
        ordering = ["convention", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["convention", "number"], name="convention_version_number_once"
            ),
            models.UniqueConstraint(
                fields=["convention"],
                condition=Q(status="in_force"),
                name="convention_one_version_in_force",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.convention} ({self.number})"

    def get_additional_data(self) -> dict:
        return {"unit_path": self.convention.unit_path}

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_VERSION_STATUSES

    @property
    def submission_overdue(self) -> bool:
        """Approved, the dossier not sent, and the deadline has passed."""
        return (
            self.status == VersionStatus.APPROVED
            and self.submission_deadline is not None
            and today() > self.submission_deadline
        )

    @property
    def submitted_late(self) -> bool:
        return (
            self.submitted_on is not None
            and self.submission_deadline is not None
            and self.submitted_on > self.submission_deadline
        )

    @property
    def decision_overdue(self) -> bool:
        return (
            self.status == VersionStatus.SUBMITTED
            and self.decision_deadline is not None
            and today() > self.decision_deadline
        )

    def households_matter(self) -> Matter | None:
        """The matter that decided: a meeting turned into a ballot is followed to its ballot."""
        matter = self.matter
        seen = 0
        while matter is not None and matter.status == MatterStatus.CONVERTED and seen < 10:
            matter = matter.conversions.order_by("-pk").first()
            seen += 1
        return matter


class ReviewConclusion(models.TextChoices):
    KEEP = "keep", _("Keep as it is")
    AMEND = "amend", _("Amend")


class ConventionReview(TimeStampedModel):
    """The yearly review of a convention in force, with its conclusion."""

    convention = models.ForeignKey(
        Convention,
        verbose_name=_("village convention"),
        on_delete=models.CASCADE,
        related_name="reviews",
    )
    reviewed_on = models.DateField(_("reviewed on"))
    conclusion = models.CharField(_("conclusion"), max_length=10, choices=ReviewConclusion.choices)
    notes = models.TextField(_("findings of the review"), blank=True, default="")
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("yearly review")
        verbose_name_plural = _("yearly reviews")
        ordering = ["-reviewed_on", "-id"]

    def __str__(self) -> str:
        return f"{self.convention} {self.reviewed_on:%d/%m/%Y}"

    def get_additional_data(self) -> dict:
        return {"unit_path": self.convention.unit_path}


def review_due(
    convention: Convention, in_force: ConventionVersion | None, last_review: dt.date | None
) -> tuple[dt.date | None, bool]:
    """(the day the next yearly review is due, whether it is overdue) for a convention in
    force; (None, False) when nothing is in force."""
    if in_force is None or in_force.in_force_from is None:
        return None, False
    since = max(d for d in (in_force.in_force_from, last_review) if d is not None)
    due = convention.next_review_due(since)
    return due, today() > due
