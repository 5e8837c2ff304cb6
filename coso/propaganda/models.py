"""Dissemination sessions, training classes and dissemination orders.

A unit records each session that spreads the law and the party's documents (which texts, in
which form, how many people reached in each group) and each training class (content, dates,
trainers, participants and who attended). An upper unit orders its subtree to disseminate a
text by a date; each unit below must record a session of its own covering the text. Law
10/2022/QH15, art. 8 (the State's duty to disseminate) and art. 93; Chỉ thị 30-CT/TW.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coso.core.models import TimeStampedModel
from coso.core.text import fold
from coso.units.models import UnitKind, path_within

TEXT_MAX_LENGTH = 4000


class SessionForm(models.TextChoices):
    MEETING = "meeting", _("Meeting or conference")
    WEBSITE = "website", _("News on the website")
    LOUDSPEAKER = "loudspeaker", _("Loudspeaker")
    DOCUMENTS = "documents", _("Documents handed out")
    SOCIAL = "social", _("Social network")
    OTHER = "other", _("Other form")


# The groups of people reached, in the order the form shows them: (field, label).
AUDIENCE_FIELDS = (
    ("reached_officials", _("Officials and civil servants")),
    ("reached_party_members", _("Party members")),
    ("reached_workers", _("Workers and employees")),
    ("reached_citizens", _("Citizens")),
    ("reached_youth", _("Students and youth")),
    ("reached_other", _("Other people")),
)


class UnitScopedQuerySet(models.QuerySet):
    def in_subtree(self, unit) -> UnitScopedQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def search(self, query: str) -> UnitScopedQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs


class Session(TimeStampedModel):
    """One dissemination session (buổi tuyên truyền, phổ biến) of a unit."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    unit_path = models.CharField(max_length=255, editable=False, db_index=True)
    held_on = models.DateField(_("held on"))
    title = models.CharField(_("title"), max_length=500)
    form = models.CharField(_("form"), max_length=20, choices=SessionForm.choices)
    texts = models.ManyToManyField(
        "library.LegalText",
        verbose_name=_("texts disseminated"),
        blank=True,
        related_name="dissemination_sessions",
    )
    reached_officials = models.PositiveIntegerField(_("officials and civil servants"), default=0)
    reached_party_members = models.PositiveIntegerField(_("party members"), default=0)
    reached_workers = models.PositiveIntegerField(_("workers and employees"), default=0)
    reached_citizens = models.PositiveIntegerField(_("citizens"), default=0)
    reached_youth = models.PositiveIntegerField(_("students and youth"), default=0)
    reached_other = models.PositiveIntegerField(_("other people"), default=0)
    total_reached = models.PositiveIntegerField(_("people reached"), default=0, editable=False)
    note = models.TextField(_("note"), blank=True, default="")
    search_text = models.CharField(max_length=1000, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = UnitScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("dissemination session")
        verbose_name_plural = _("dissemination sessions")
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["unit_path", "held_on"], name="propaganda_session_path")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.total_reached = sum(getattr(self, name) for name, _label in AUDIENCE_FIELDS)
        self.search_text = fold(f"{self.title} {self.note}")[:1000]
        super().save(*args, **kwargs)

    def audience(self) -> list[tuple[str, int]]:
        return [(label, getattr(self, name)) for name, label in AUDIENCE_FIELDS]

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}


class TrainingClass(TimeStampedModel):
    """A training class (lớp tập huấn, bồi dưỡng) a unit organised."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    unit_path = models.CharField(max_length=255, editable=False, db_index=True)
    title = models.CharField(_("title"), max_length=500)
    content = models.TextField(_("content"), blank=True, default="")
    texts = models.ManyToManyField(
        "library.LegalText",
        verbose_name=_("texts taught"),
        blank=True,
        related_name="training_classes",
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    trainers = models.CharField(_("trainers"), max_length=500, blank=True, default="")
    expected_count = models.PositiveIntegerField(_("participants expected"), default=0)
    search_text = models.CharField(max_length=1000, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = UnitScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("training class")
        verbose_name_plural = _("training classes")
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["unit_path", "starts_on"], name="propaganda_class_path")]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.search_text = fold(f"{self.title} {self.trainers} {self.content}")[:1000]
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}


class Trainee(TimeStampedModel):
    """A participant of a training class: a name, or an account of coso."""

    training = models.ForeignKey(
        TrainingClass, on_delete=models.CASCADE, related_name="participants"
    )
    full_name = models.CharField(_("full name"), max_length=200)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    position = models.CharField(_("position or unit"), max_length=200, blank=True, default="")
    attended = models.BooleanField(_("attended"), default=False)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["full_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "user"],
                condition=Q(user__isnull=False),
                name="propaganda_trainee_account_once",
            )
        ]

    def __str__(self) -> str:
        return self.full_name

    def get_additional_data(self) -> dict:
        return {"unit_path": self.training.unit_path}


class Order(TimeStampedModel):
    """An upper unit orders its subtree to disseminate a text by a date (chỉ đạo phổ biến)."""

    unit = models.ForeignKey(
        "units.Unit", verbose_name=_("ordering unit"), on_delete=models.PROTECT, related_name="+"
    )
    unit_path = models.CharField(max_length=255, editable=False, db_index=True)
    text = models.ForeignKey(
        "library.LegalText",
        verbose_name=_("text to disseminate"),
        on_delete=models.PROTECT,
        related_name="dissemination_orders",
    )
    due_on = models.DateField(_("disseminate by"))
    # Empty: every unit below; else only units of these kinds (UnitKind values).
    unit_kinds = models.JSONField(_("kinds of units"), default=list, blank=True)
    note = models.TextField(_("instructions"), blank=True, default="")
    cancelled_on = models.DateField(_("cancelled on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("dissemination order")
        verbose_name_plural = _("dissemination orders")
        ordering = ["-due_on", "-id"]

    def __str__(self) -> str:
        return str(self.text)

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        super().save(*args, **kwargs)

    @property
    def is_active(self) -> bool:
        return self.cancelled_on is None

    def kinds_display(self) -> str:
        labels = dict(UnitKind.choices)
        return ", ".join(str(labels.get(k, k)) for k in self.unit_kinds)

    def targets_unit(self, unit) -> bool:
        """The unit lies strictly below the ordering unit, and is of a kind the order names."""
        return (
            unit.path.startswith(self.unit_path)
            and unit.path != self.unit_path
            and (not self.unit_kinds or unit.kind in self.unit_kinds)
        )

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}
