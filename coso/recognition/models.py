"""Emulation campaigns, nominations of exemplary models and people, their assessment against the
campaign's criteria, and the decision to recognise them (praise, certificate of merit, reward).

A nomination is made by a unit, within a campaign of an upper unit or on its own. The unit that
assesses and decides is the campaign's unit, or for a nomination on its own the steering level
above the nominating unit (anyone with a steering role over it).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.models import TimeStampedModel
from coso.core.text import fold
from coso.units.models import Unit, UnitKind, path_within

TITLE_MAX_LENGTH = 300
TEXT_MAX_LENGTH = 10000


class CampaignStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("recognition", "Draft")
    OPEN = "open", pgettext_lazy("recognition", "Open for nominations")
    CLOSED = "closed", pgettext_lazy("recognition", "Closed")


class Field(models.TextChoices):
    ECONOMY = "economy", _("Economic development, poverty reduction")
    CULTURE = "culture", _("Culture, society, education, health")
    ENVIRONMENT = "environment", _("Environment, new rural areas, civilised urban areas")
    SECURITY = "security", _("Security, defence, social order")
    ADMINISTRATION = "administration", _("Administrative reform, public service")
    POLITICAL_SYSTEM = "political_system", _("Building the party and the political system")
    DEMOCRACY = "democracy", _("Grassroots democracy, mass mobilisation")
    OTHER = "other", pgettext_lazy("recognition", "Other")


class SubjectKind(models.TextChoices):
    COLLECTIVE = "collective", _("Model (collective)")
    PERSON = "person", _("Exemplary person")


class NominationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting assessment")
    RECOGNISED = "recognised", _("Recognised")
    NOT_RECOGNISED = "not_recognised", _("Not recognised")


class RecognitionForm(models.TextChoices):
    PRAISE = "praise", _("Praise (giấy khen)")
    CERTIFICATE = "certificate", _("Certificate of merit (bằng khen)")
    REWARD = "reward", _("Reward")


class CampaignQuerySet(models.QuerySet):
    def search(self, query: str) -> CampaignQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs


class Campaign(TimeStampedModel):
    """An emulation campaign ("Dân vận khéo" 2026): an upper unit collects nominations from the
    units below it until a deadline, and assesses them against criteria with maximum points."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="campaigns"
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    description = models.TextField(_("description"), blank=True, default="")
    starts_on = models.DateField(_("period from"))
    ends_on = models.DateField(_("period to"))
    nomination_deadline = models.DateField(_("nomination deadline"))
    # Kinds of the units below that are asked to nominate; empty: every unit below.
    target_kinds = models.JSONField(_("unit kinds asked to nominate"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CampaignStatus.choices, default=CampaignStatus.DRAFT
    )
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("emulation campaign")
        verbose_name_plural = _("emulation campaigns")
        ordering = ["-starts_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.search_text = fold(f"{self.title} {self.description}")
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    @property
    def target_kind_labels(self) -> list[str]:
        return [str(UnitKind(k).label) for k in self.target_kinds if k in UnitKind.values]

    def target_units(self):
        """The units asked to nominate: open units below the campaign's unit (of the kinds)."""
        units = Unit.objects.filter(path_within("path", self.unit_path), closed_on__isnull=True)
        units = units.exclude(pk=self.unit_id)
        if self.target_kinds:
            units = units.filter(kind__in=self.target_kinds)
        return units

    def accepts_from(self, unit: Unit) -> bool:
        return (
            unit.pk != self.unit_id
            and unit.path.startswith(self.unit_path)
            and (not self.target_kinds or unit.kind in self.target_kinds)
        )


class Criterion(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=500)
    max_points = models.PositiveSmallIntegerField(_("maximum points"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name

    def get_additional_data(self) -> dict:
        return {"unit_path": self.campaign.unit_path}


class NominationQuerySet(models.QuerySet):
    def search(self, query: str) -> NominationQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs

    def recognised(self) -> NominationQuerySet:
        return self.filter(status=NominationStatus.RECOGNISED, unit__closed_on__isnull=True)

    def in_subtree(self, unit: Unit) -> NominationQuerySet:
        return self.filter(path_within("unit_path", unit.path))


class Nomination(TimeStampedModel):
    """A model (mô hình) or an exemplary person (điển hình) proposed by a unit."""

    unit = models.ForeignKey(
        Unit, verbose_name=_("nominating unit"), on_delete=models.PROTECT, related_name="+"
    )
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    campaign = models.ForeignKey(
        Campaign,
        verbose_name=_("emulation campaign"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    title = models.CharField(_("name of the model"), max_length=TITLE_MAX_LENGTH)
    field = models.CharField(_("field"), max_length=20, choices=Field.choices)
    subject_kind = models.CharField(_("person or collective"), max_length=12, choices=SubjectKind)
    subject_name = models.CharField(
        _("person or collective recognised"), max_length=TITLE_MAX_LENGTH
    )
    description = models.TextField(_("description"))
    results = models.TextField(_("results"))
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=NominationStatus.choices,
        default=NominationStatus.SUBMITTED,
        db_index=True,
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_on = models.DateField(_("submitted on"))
    recognition_form = models.CharField(
        _("form of recognition"), max_length=12, choices=RecognitionForm.choices, blank=True
    )
    decision_number = models.CharField(_("decision number"), max_length=100, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_reasons = models.TextField(_("reasons"), blank=True, default="")
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    search_text = models.TextField(editable=False, default="")

    objects = NominationQuerySet.as_manager()

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        indexes = [
            models.Index(fields=["status", "decision_date"], name="recog_nom_status_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="recognised")
                | (Q(decision_date__isnull=False) & ~Q(recognition_form="")),
                name="recog_recognised_has_decision",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.search_text = fold(f"{self.title} {self.subject_name} {self.description}")
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    @cached_property
    def assessing_unit(self) -> Unit:
        """Who assesses: the campaign's unit, or for a nomination on its own the nominating
        unit's parent (the steering level above it), the unit itself at the top of the tree."""
        if self.campaign_id:
            return self.campaign.unit
        return self.unit.parent_unit() or self.unit

    @property
    def is_open(self) -> bool:
        return self.status == NominationStatus.SUBMITTED


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"recognition/{instance.nomination_id}/{filename}"


class Evidence(TimeStampedModel):
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="evidence")
    title = models.CharField(_("title"), max_length=TITLE_MAX_LENGTH)
    file = models.FileField(_("file"), upload_to=evidence_path, max_length=300)
    is_public = models.BooleanField(_("public once recognised"), default=False)

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict:
        return {"unit_path": self.nomination.unit_path}


class Score(TimeStampedModel):
    """The points one assessor gives one nomination on one criterion (0..max)."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    points = models.PositiveSmallIntegerField(_("points"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "criterion", "assessor"], name="recog_one_score_each"
            )
        ]

    def get_additional_data(self) -> dict:
        return {"unit_path": self.nomination.unit_path}
