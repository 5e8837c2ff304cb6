"""Disclosure (công khai thông tin): the categories the law requires, the items a unit publishes,
their versions, files and the ways they were disclosed.

A published item is never edited in place: a correction is a new version that supersedes it,
and every earlier version stays readable with its dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from coso.core.dates import format_date, today
from coso.core.models import TimeStampedModel
from coso.core.text import fold
from coso.units.models import Unit, UnitKind, path_within

# Unit kinds that disclose under a list of the law: a commune (Law 10/2022/QH15, art. 11),
# a residential community (arts. 12, 20, 23), an agency or public service unit (arts. 46-47),
# an enterprise (arts. 67-69; Decree 145/2020/NĐ-CP).
DISCLOSING_KINDS = (
    UnitKind.COMMUNE,
    UnitKind.RESIDENTIAL,
    UnitKind.AGENCY,
    UnitKind.ENTERPRISE,
)

# Every kind has these two categories (the data migration seeds them; other apps rely on them).
CONSULTATION_RESULT = "consultation_result"
OTHER = "other"


class DisclosureCategory(models.Model):
    """A kind of information a unit must disclose, with the numbers the law attaches to it.

    This is a rule set: administrators adjust and extend it in the admin. Every number keeps
    its citation beside it, so an officer can check it against the text of the law.
    """

    unit_kind = models.CharField(_("kind of unit"), max_length=20, choices=UnitKind.choices)
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("name"), max_length=500)
    citation = models.CharField(_("legal basis"), max_length=300, blank=True, default="")
    min_posting_days = models.PositiveSmallIntegerField(
        _("minimum posting days"),
        default=30,
        help_text=_("A posting shorter than this is flagged (it is a warning, not an error)."),
    )
    min_posting_citation = models.CharField(
        _("legal basis of the minimum posting period"), max_length=300, blank=True, default=""
    )
    broadcast_days = models.PositiveSmallIntegerField(
        _("consecutive loudspeaker days required"),
        default=0,
        help_text=_("0 when the law does not require a loudspeaker broadcast."),
    )
    broadcast_citation = models.CharField(
        _("legal basis of the broadcast"), max_length=300, blank=True, default=""
    )
    required_every_year = models.BooleanField(
        _("required every year"),
        default=False,
        help_text=_("The compliance view lists units that have not disclosed it this year."),
    )
    deadline_working_days = models.PositiveSmallIntegerField(
        _("disclose within (working days after the document's date)"), null=True, blank=True
    )
    deadline_citation = models.CharField(
        _("legal basis of the deadline"), max_length=300, blank=True, default=""
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    active = models.BooleanField(_("in use"), default=True)

    class Meta:
        verbose_name = _("disclosure category")
        verbose_name_plural = _("disclosure categories")
        ordering = ["unit_kind", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["unit_kind", "code"], name="category_code_per_kind")
        ]

    def __str__(self) -> str:
        return self.name


class DisclosureStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("disclosure status", "Draft")
    PUBLISHED = "published", _("Published")
    SUPERSEDED = "superseded", _("Replaced by a correction")
    ENDED_EARLY = "ended_early", _("Posting ended early")


# What the public may read: everything but drafts (earlier versions stay readable).
PUBLIC_STATUSES = (
    DisclosureStatus.PUBLISHED,
    DisclosureStatus.SUPERSEDED,
    DisclosureStatus.ENDED_EARLY,
)
# The last version of each published item: superseded versions live on in their successor.
HEAD_STATUSES = (DisclosureStatus.PUBLISHED, DisclosureStatus.ENDED_EARLY)

# The compliance flags as filters, so a roll-up counts them in SQL against the rule set as it
# is now. Law on Access to Information 2016, art. 21 / Decree 04/2015/NĐ-CP: minimum posting.
SHORT_POSTING = Q(posting_days__isnull=False, posting_days__lt=F("category__min_posting_days"))
# Law 10/2022/QH15, art. 13: items 7-12 of art. 11 go on the loudspeakers 3 consecutive days.
MISSING_BROADCAST = Q(
    category__broadcast_days__gt=0, broadcast_days__lt=F("category__broadcast_days")
)
# Decree 04/2015/NĐ-CP, art. 4: an agency discloses within 3 working days of issue (verify).
LATE = Q(due_by__isnull=False, starts_on__gt=F("due_by"))
ENDED_EARLY = Q(status=DisclosureStatus.ENDED_EARLY)


class DisclosureQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> DisclosureQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def public(self) -> DisclosureQuerySet:
        return self.filter(status__in=PUBLIC_STATUSES)

    def heads(self) -> DisclosureQuerySet:
        return self.filter(status__in=HEAD_STATUSES)

    def search(self, query: str) -> DisclosureQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs

    def flagged(self) -> DisclosureQuerySet:
        return self.filter(SHORT_POSTING | MISSING_BROADCAST | LATE | ENDED_EARLY)


class Disclosure(TimeStampedModel):
    """One version of an item a unit discloses (công khai, niêm yết)."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="disclosures"
    )
    # Copy of unit.path: subtree lists and roll-ups are one index range on this table.
    unit_path = models.CharField(max_length=255, editable=False)
    category = models.ForeignKey(
        DisclosureCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="disclosures",
    )
    title = models.CharField(pgettext_lazy("disclosure", "title"), max_length=500)
    body = models.TextField(_("content"), blank=True, default="")
    issued_on = models.DateField(_("document date"), null=True, blank=True)
    starts_on = models.DateField(_("posted from"))
    ends_on = models.DateField(_("posted until"), null=True, blank=True)
    year = models.PositiveIntegerField(_("year"), editable=False)
    link = models.URLField(_("link to the source"), max_length=500, blank=True, default="")
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=DisclosureStatus.choices,
        default=DisclosureStatus.DRAFT,
    )
    # Versions: a correction points to the version it replaces and to the first version of
    # the item (`root`, empty on the first version itself), so the history is one query.
    version = models.PositiveSmallIntegerField(pgettext_lazy("disclosure", "version"), default=1)
    root = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="later_versions"
    )
    supersedes = models.OneToOneField(
        "self",
        verbose_name=_("replaces"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="superseded_by",
    )
    correction_note = models.TextField(_("what was corrected"), blank=True, default="")
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    superseded_at = models.DateTimeField(_("replaced at"), null=True, blank=True)
    ended_on = models.DateField(_("posting ended on"), null=True, blank=True)
    end_reason = models.TextField(_("reason for ending early"), blank=True, default="")
    # Kept by the actions so that compliance counts them in SQL: the days the posting is (or
    # was) up, None when it has no end; the longest run of consecutive loudspeaker days; the
    # last day to disclose in time (working days from the document's date).
    posting_days = models.PositiveIntegerField(null=True, blank=True, editable=False)
    broadcast_days = models.PositiveSmallIntegerField(default=0, editable=False)
    due_by = models.DateField(_("disclose by"), null=True, blank=True, editable=False)
    search_text = models.CharField(max_length=800, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = DisclosureQuerySet.as_manager()

    class Meta:
        verbose_name = _("disclosure")
        verbose_name_plural = _("disclosures")
        ordering = ["-starts_on", "-id"]
        indexes = [
            models.Index(fields=["year", "status", "unit_path"], name="disclosure_year_path"),
            models.Index(fields=["unit_path", "status", "starts_on"], name="disclosure_path"),
            models.Index(fields=["root", "version"], name="disclosure_versions"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="disclosure_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("starts_on")),
                name="disclosure_ended_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.year = self.starts_on.year
        self.posting_days = self.compute_posting_days()
        self.search_text = fold(f"{self.title} {self.body[:300]}")[:800]
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    # --- derived facts -----------------------------------------------------------------------

    @property
    def series_id(self) -> int:
        """The id shared by every version of this item: the first version's."""
        return self.root_id or self.pk

    @property
    def last_day(self) -> dt.date | None:
        """The last day the posting is (or was) up: the early end, else the planned end."""
        return self.ended_on or self.ends_on

    def compute_posting_days(self) -> int | None:
        last = self.last_day
        if last is None:
            return None
        return (last - self.starts_on).days + 1

    @property
    def is_draft(self) -> bool:
        return self.status == DisclosureStatus.DRAFT

    @property
    def is_public(self) -> bool:
        return self.status in PUBLIC_STATUSES

    def is_current(self, on: dt.date | None = None) -> bool:
        """Published and inside its posting period."""
        day = on or today()
        if self.status != DisclosureStatus.PUBLISHED or self.starts_on > day:
            return False
        return self.ends_on is None or self.ends_on >= day

    @property
    def is_short(self) -> bool:
        return self.posting_days is not None and self.posting_days < self.category.min_posting_days

    @property
    def lacks_broadcast(self) -> bool:
        required = self.category.broadcast_days
        return required > 0 and self.broadcast_days < required

    @property
    def is_late(self) -> bool:
        return self.due_by is not None and self.starts_on > self.due_by

    def warnings(self, channels: Iterable[DisclosureChannel] | None = None) -> list[str]:
        """What the law asks that this item does not (yet) meet: warnings, never errors."""
        category = self.category
        found: list[str] = []
        if self.is_short:
            found.append(
                gettext(
                    "The posting lasts %(days)s days; the law asks for at least %(min)s "
                    "(%(citation)s)."
                )
                % {
                    "days": self.posting_days,
                    "min": category.min_posting_days,
                    "citation": category.min_posting_citation or category.citation,
                }
            )
        if self.lacks_broadcast:
            found.append(
                gettext(
                    "Loudspeaker broadcast recorded on %(days)s consecutive days; the law asks "
                    "for at least %(min)s (%(citation)s)."
                )
                % {
                    "days": self.broadcast_days,
                    "min": category.broadcast_days,
                    "citation": category.broadcast_citation,
                }
            )
        if self.is_late:
            found.append(
                gettext(
                    "Disclosed on %(start)s, after the deadline of %(due)s (%(n)s working days "
                    "after the document's date; %(citation)s)."
                )
                % {
                    "start": format_date(self.starts_on),
                    "due": format_date(self.due_by),
                    "n": category.deadline_working_days,
                    "citation": category.deadline_citation,
                }
            )
        if self.status == DisclosureStatus.ENDED_EARLY:
            found.append(
                gettext("The posting was ended early on %(day)s: %(reason)s")
                % {"day": format_date(self.ended_on), "reason": self.end_reason}
            )
        if channels is not None:
            for channel in channels:
                if channel.method == ChannelMethod.POSTING and not channel.photo:
                    found.append(
                        gettext("The posting at %(place)s has no photo as proof.")
                        % {"place": channel.detail or gettext("the office")}
                    )
        return found

    def get_absolute_url(self) -> str:
        return reverse("disclosure:detail", args=[self.pk])

    def get_public_url(self) -> str:
        return reverse("disclosure_public:detail", args=[self.pk])


def _file_path(instance: DisclosureFile, filename: str) -> str:
    disclosure = instance.disclosure
    return f"disclosure/{disclosure.year}/{disclosure.series_id}/{filename}"


class DisclosureFile(models.Model):
    """A document disclosed with the item: served only through a checked view."""

    disclosure = models.ForeignKey(
        Disclosure, verbose_name=_("disclosure"), on_delete=models.CASCADE, related_name="files"
    )
    title = models.CharField(
        pgettext_lazy("disclosure file", "description"), max_length=255, blank=True, default=""
    )
    file = models.FileField(_("file"), upload_to=_file_path, max_length=255)
    original_name = models.CharField(max_length=255, blank=True, default="")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), null=True, on_delete=models.SET_NULL
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("disclosed file")
        verbose_name_plural = _("disclosed files")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title or self.original_name

    @property
    def label(self) -> str:
        return self.title or self.original_name

    def get_additional_data(self) -> dict:
        return {"unit_path": self.disclosure.unit_path}


class ChannelMethod(models.TextChoices):
    """The ways to disclose (Law 10/2022/QH15, art. 12; arts. 46-47 for agencies)."""

    POSTING = "posting", _("Posted at the office or community house")
    WEBSITE = "website", _("Unit's website or portal")
    LOUDSPEAKER = "loudspeaker", _("Loudspeaker broadcast")
    MEETING = "meeting", _("At a meeting or conference")
    VILLAGE_HEAD = "village_head", _("Through the village head")
    LETTER = "letter", _("By letter or written notice")
    DIALOGUE = "dialogue", _("At a dialogue conference")
    CITIZEN_RECEPTION = "reception", _("At citizen reception")
    PRESS = "press", _("Through the press")
    OTHER = "other", _("Other way")


def _photo_path(instance: DisclosureChannel, filename: str) -> str:
    disclosure = instance.disclosure
    return f"disclosure/{disclosure.year}/{disclosure.series_id}/proof/{filename}"


class DisclosureChannel(models.Model):
    """One way the item was disclosed: where, when, and a photo of the posting as proof."""

    disclosure = models.ForeignKey(
        Disclosure,
        verbose_name=_("disclosure"),
        on_delete=models.CASCADE,
        related_name="channels",
    )
    method = models.CharField(_("way"), max_length=20, choices=ChannelMethod.choices)
    detail = models.CharField(_("where / how"), max_length=500, blank=True, default="")
    starts_on = models.DateField(_("from"), null=True, blank=True)
    ends_on = models.DateField(_("until"), null=True, blank=True)
    photo = models.FileField(_("photo as proof"), upload_to=_photo_path, blank=True, max_length=255)
    photo_name = models.CharField(max_length=255, blank=True, default="")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("added by"), null=True, on_delete=models.SET_NULL
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("way of disclosure")
        verbose_name_plural = _("ways of disclosure")
        ordering = ["starts_on", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="channel_ends_after_start",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.detail}".strip()

    @property
    def days(self) -> int | None:
        if self.starts_on is None:
            return None
        return ((self.ends_on or self.starts_on) - self.starts_on).days + 1

    def get_additional_data(self) -> dict:
        return {"unit_path": self.disclosure.unit_path}


def longest_consecutive_run(spans: Iterable[tuple[dt.date, dt.date]]) -> int:
    """The longest run of consecutive days covered by the (start, end) spans, in days."""
    best = 0
    run_start: dt.date | None = None
    run_end: dt.date | None = None
    for start, end in sorted(spans):
        if run_end is not None and start <= run_end + dt.timedelta(days=1):
            run_end = max(run_end, end)
        else:
            run_start, run_end = start, end
        best = max(best, (run_end - run_start).days + 1)  # type: ignore[operator]
    return best
