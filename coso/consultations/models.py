"""Drafts put to the people for comment before a decision (Law 10/2022/QH15, arts. 25-29).

A consultation belongs to a unit, has a kind from the rule set of art. 25, a draft in
sections with files, a comment period and the channels through which comments are taken
(art. 27). Comments come from the public form (signed in or leaving a contact) or are entered
by officers from the other channels. The officer groups them, answers each group (tiếp thu or
giải trình) and publishes the synthesis, which is also disclosed (art. 29; art. 11).
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coso.core.dates import today
from coso.core.models import TimeStampedModel
from coso.core.text import fold
from coso.units.models import Unit, UnitKind, path_within

# Length limits of the public form: long enough for a considered opinion, short enough that
# a flood of text cannot fill the database.
COMMENT_MAX_LENGTH = 4000
COMMENT_MIN_LENGTH = 5
NAME_MAX_LENGTH = 120
CONTACT_MAX_LENGTH = 120

# Grassroots units (Law 10/2022/QH15, art. 2): they put drafts to their people or workers.
GRASSROOTS_KINDS = (UnitKind.COMMUNE, UnitKind.RESIDENTIAL, UnitKind.AGENCY, UnitKind.ENTERPRISE)


class ConsultationKind(models.Model):
    """What is put to the people for comment: the nine kinds of art. 25, editable by admins."""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=500)
    citation = models.CharField(_("legal basis"), max_length=255)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("kind of consultation")
        verbose_name_plural = _("kinds of consultation")

    def __str__(self) -> str:
        return self.name


class Channel(models.TextChoices):
    """Ways people give their opinion (Law 10/2022/QH15, arts. 26-27)."""

    DIALOGUE = "dialogue", _("Dialogue conference")
    MEETING = "meeting", _("Community meeting")
    BALLOT = "ballot", _("Opinion form to every household")
    SUGGESTION_BOX = "box", _("Suggestion box")
    HOTLINE = "hotline", _("Hotline")
    FRONT = "front", _("Through the Fatherland Front")
    PORTAL = "portal", _("Online portal")
    SOCIAL = "social", _("Social networks")


class ConsultationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for comment")
    CLOSED = "closed", _("Comments closed")
    PUBLISHED = "published", _("Synthesis published")


PUBLIC_STATUSES = (
    ConsultationStatus.OPEN,
    ConsultationStatus.CLOSED,
    ConsultationStatus.PUBLISHED,
)


class ConsultationQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> ConsultationQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def public(self) -> ConsultationQuerySet:
        return self.filter(status__in=PUBLIC_STATUSES, unit__closed_on__isnull=True)

    def accepting(self, on: dt.date | None = None) -> ConsultationQuerySet:
        day = on or today()
        return self.filter(status=ConsultationStatus.OPEN, opens_on__lte=day, closes_on__gte=day)

    def search(self, query: str) -> ConsultationQuerySet:
        qs = self
        for word in fold(query).split():
            qs = qs.filter(search_text__contains=word)
        return qs


class Consultation(TimeStampedModel):
    unit = models.ForeignKey(
        Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="consultations"
    )
    # Copy of unit.path: subtree lists are one index range on this table.
    unit_path = models.CharField(max_length=255, db_index=True, editable=False)
    kind = models.ForeignKey(
        ConsultationKind,
        verbose_name=_("kind of draft"),
        on_delete=models.PROTECT,
        related_name="consultations",
    )
    title = models.CharField(_("title of the draft"), max_length=500)
    introduction = models.TextField(_("introduction"), blank=True, default="")
    opens_on = models.DateField(_("comments open on"))
    closes_on = models.DateField(_("comments close on"))
    channels = models.JSONField(_("channels"), default=list, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.DRAFT,
    )
    opened_at = models.DateTimeField(_("opened at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    published_at = models.DateTimeField(_("synthesis published at"), null=True, blank=True)
    synthesis_summary = models.TextField(_("summary of the synthesis"), blank=True, default="")
    # The disclosure created when the synthesis was published (coso.disclosure).
    disclosure_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)
    search_text = models.CharField(max_length=600, editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ConsultationQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-opens_on", "-id"]
        indexes = [
            models.Index(fields=["unit_path", "status"], name="consult_path_status"),
            models.Index(fields=["unit", "status", "closes_on"], name="consult_unit_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_on__gte=models.F("opens_on")), name="consult_period_order"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.unit_path = self.unit.path
        self.search_text = fold(self.title)[:600]
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    @property
    def period_days(self) -> int:
        """Days of the comment period, both ends included."""
        return (self.closes_on - self.opens_on).days + 1

    def is_accepting(self, on: dt.date | None = None) -> bool:
        day = on or today()
        return self.status == ConsultationStatus.OPEN and self.opens_on <= day <= self.closes_on

    @property
    def accepting_comments(self) -> bool:
        return self.is_accepting()

    @property
    def not_yet_open(self) -> bool:
        return self.status == ConsultationStatus.OPEN and today() < self.opens_on

    @property
    def period_over(self) -> bool:
        return today() > self.closes_on

    @property
    def days_left(self) -> int:
        return max((self.closes_on - today()).days, 0)

    @property
    def takes_online_comments(self) -> bool:
        return Channel.PORTAL in (self.channels or [])

    def channel_labels(self) -> list[str]:
        labels = dict(Channel.choices)
        return [str(labels[c]) for c in self.channels or [] if c in labels]


class ConsultationSection(models.Model):
    """A part of the draft people may comment on by itself (a chapter, an article, a point)."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="sections",
    )
    heading = models.CharField(_("heading"), max_length=500)
    text = models.TextField(_("text"), blank=True, default="")
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("section of the draft")
        verbose_name_plural = _("sections of the draft")

    def __str__(self) -> str:
        return self.heading

    def get_additional_data(self) -> dict:
        return {"unit_path": self.consultation.unit_path}


def consultation_file_path(instance: ConsultationFile, filename: str) -> str:
    return f"consultations/{instance.consultation_id}/{filename}"


class ConsultationFile(models.Model):
    """A document of the draft (the full text, a map, a cost estimate): served by a checked view."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="files",
    )
    title = models.CharField(_("title of the document"), max_length=255, blank=True, default="")
    file = models.FileField(_("file"), upload_to=consultation_file_path)
    original_name = models.CharField(max_length=255, blank=True, default="")
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name = _("file of the draft")
        verbose_name_plural = _("files of the draft")

    def __str__(self) -> str:
        return self.title or self.original_name

    def get_additional_data(self) -> dict:
        return {"unit_path": self.consultation.unit_path}


class AnswerKind(models.TextChoices):
    """How the authority answers a group of comments (tiếp thu, giải trình)."""

    ADOPTED = "adopted", _("Adopted")
    EXPLAINED = "explained", _("Explained")


class CommentGroup(models.Model):
    """Comments of the same substance, answered once in the synthesis table."""

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="groups",
    )
    title = models.CharField(_("substance of the comments"), max_length=1000)
    section = models.ForeignKey(
        ConsultationSection,
        verbose_name=_("section of the draft"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="groups",
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    response = models.CharField(
        _("answer"), max_length=20, choices=AnswerKind.choices, blank=True, default=""
    )
    response_text = models.TextField(_("adoption or explanation"), blank=True, default="")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("group of comments")
        verbose_name_plural = _("groups of comments")

    def __str__(self) -> str:
        return self.title

    @property
    def is_answered(self) -> bool:
        return bool(self.response and self.response_text.strip())

    def get_additional_data(self) -> dict:
        return {"unit_path": self.consultation.unit_path}


class CommentQuerySet(models.QuerySet):
    def visible(self) -> CommentQuerySet:
        return self.filter(hidden=False)


class Comment(models.Model):
    """One opinion on the whole draft (no section) or on one section.

    The contact is kept for the officers to answer or verify; it is never shown publicly.
    """

    consultation = models.ForeignKey(
        Consultation,
        verbose_name=_("consultation"),
        on_delete=models.CASCADE,
        related_name="comments",
    )
    section = models.ForeignKey(
        ConsultationSection,
        verbose_name=_("section of the draft"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    text = models.TextField(_("comment"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed-in author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="consultation_comments",
    )
    name = models.CharField(_("name"), max_length=NAME_MAX_LENGTH, blank=True, default="")
    contact = models.CharField(
        _("phone or e-mail"), max_length=CONTACT_MAX_LENGTH, blank=True, default=""
    )
    channel = models.CharField(
        _("channel"), max_length=20, choices=Channel.choices, default=Channel.PORTAL
    )
    received_on = models.DateField(_("received on"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    group = models.ForeignKey(
        CommentGroup,
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=500, blank=True, default="")
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    hidden_at = models.DateTimeField(null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(fields=["consultation", "hidden", "section"], name="comment_consult_sect"),
            models.Index(fields=["consultation", "group"], name="comment_consult_group"),
        ]

    def __str__(self) -> str:
        return self.text[:80]

    def get_additional_data(self) -> dict:
        return {"unit_path": self.consultation.unit_path}
