"""Feedback from citizens and workers, handled to a conclusion.

A feedback item (phản ánh, kiến nghị; or a complaint, khiếu nại, or denunciation, tố cáo,
which follow their own laws) is received by a unit: through its public page, from a signed-in
person, or entered by an officer from the phone, a letter, a reception day, a dialogue or a
conference. The unit classifies it, assigns a handler or transfers it to the responsible unit,
and answers by a deadline counted from the rule of its kind (`FeedbackKind`, adjustable by
administrators, with citations). The sender follows it with a tracking code, without an
account, and may reopen it once if the answer did not settle the matter.

A denouncer's identity (Law on Denunciation 2018, arts. 4, 47-48) is kept in the `sender_*`
fields and shown only through `coso.feedback.access.can_see_identity`; it is never in
`search_text`, in the audit log, or in any list, export, public page or API answer.
"""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from coso.core.models import TimeStampedModel
from coso.units.models import Unit, path_within

CONTENT_MAX_LENGTH = 10_000
CONTENT_MIN_LENGTH = 10
TITLE_MAX_LENGTH = 200
ANSWER_MAX_LENGTH = 20_000
# A sender may reopen an answered item once (issue 5); after that the unit's answer stands.
MAX_REOPENINGS = 1
# Tracking codes avoid letters that read like digits (O/0, I/1), so they survive a phone call.
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def new_tracking_code() -> str:
    """A random, unguessable code such as "PA-7K3M9Q2X"; random so nobody can walk the list."""
    return "PA-" + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class FeedbackKind(models.Model):
    """A kind of feedback with the rule that handles it: the rule set administrators adjust.

    Reflections and recommendations are answered by the unit within `deadline_days`;
    complaints and denunciations follow the Law on Complaints 2011 and the Law on Denunciation
    2018, whose periods count calendar days (`working_days` false).
    """

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True, default="")
    deadline_days = models.PositiveIntegerField(_("days to answer"))
    working_days = models.BooleanField(
        _("counted in working days"),
        default=True,
        help_text=_("Untick when the law counts calendar days."),
    )
    # Days before the deadline when the handler is reminded.
    remind_days_before = models.PositiveIntegerField(_("remind this many days before"), default=2)
    identity_protected = models.BooleanField(
        _("sender's identity protected"),
        default=False,
        help_text=_("Only the officer handling it sees who sent it (denunciations)."),
    )
    citation = models.CharField(_("legal basis"), max_length=255)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("kind of feedback")
        verbose_name_plural = _("kinds of feedback")

    def __str__(self) -> str:
        return self.name


class FeedbackField(models.Model):
    """A field of public life the feedback is about (lĩnh vực): land, environment, roads …"""

    code = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("field")
        verbose_name_plural = _("fields")

    def __str__(self) -> str:
        return self.name


class Source(models.TextChoices):
    """How the feedback reached the unit."""

    PORTAL = "portal", _("Public page")
    ACCOUNT = "account", _("Signed-in user")
    PHONE = "phone", _("Telephone")
    LETTER = "letter", _("Letter")
    RECEPTION = "reception", _("Citizen reception day")
    DIALOGUE = "dialogue", _("Dialogue")
    CONFERENCE = "conference", _("Conference")
    MAILBOX = "mailbox", _("Suggestion box")
    OTHER = "other", _("Other")


# Sources an officer records by hand; the first two come from the forms themselves.
OFFICER_SOURCES = tuple(s for s in Source if s not in (Source.PORTAL, Source.ACCOUNT))


class Status(models.TextChoices):
    RECEIVED = "received", _("Received")
    IN_PROGRESS = "in_progress", _("Being handled")
    ANSWERED = "answered", _("Answered")
    CLOSED = "closed", pgettext_lazy("feedback", "Closed")
    MERGED = "merged", _("Merged into another")


# Still waiting for the unit: what counts as due or overdue.
OPEN_STATUSES = (Status.RECEIVED, Status.IN_PROGRESS)


class FeedbackQuerySet(models.QuerySet):
    def in_subtree(self, unit: Unit) -> FeedbackQuerySet:
        return self.filter(path_within("unit_path", unit.path))

    def open(self) -> FeedbackQuerySet:
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, on) -> FeedbackQuerySet:
        return self.open().filter(due_on__lt=on)


class Feedback(TimeStampedModel):
    # The unit that handles it now; a transfer changes it (the history is in FeedbackEvent).
    unit = models.ForeignKey(
        Unit, verbose_name=_("handling unit"), on_delete=models.PROTECT, related_name="feedback"
    )
    # Copy of unit.path: subtree lists and roll-ups are one index range on this table.
    unit_path = models.CharField(max_length=255, editable=False)
    # The unit it was first sent to; stays when transferred.
    received_by = models.ForeignKey(
        Unit,
        verbose_name=_("received by"),
        on_delete=models.PROTECT,
        related_name="feedback_received",
    )
    tracking_code = models.CharField(
        _("tracking code"), max_length=20, unique=True, default=new_tracking_code, editable=False
    )
    kind = models.ForeignKey(
        FeedbackKind, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="items"
    )
    field = models.ForeignKey(
        FeedbackField,
        verbose_name=_("field"),
        on_delete=models.PROTECT,
        related_name="items",
        null=True,
        blank=True,
    )
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    source_note = models.CharField(
        _("details of the source"), max_length=255, blank=True, default=""
    )
    title = models.CharField(_("subject"), max_length=TITLE_MAX_LENGTH)
    content = models.TextField(_("content"))
    location = models.CharField(_("location"), max_length=255, blank=True, default="")
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )

    # The sender. Protected for denunciations: read only through access.can_see_identity.
    sender_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender's account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_sent",
    )
    sender_name = models.CharField(_("sender's name"), max_length=120, blank=True, default="")
    sender_phone = models.CharField(_("phone"), max_length=50, blank=True, default="")
    sender_email = models.EmailField(_("e-mail"), blank=True, default="")
    sender_address = models.CharField(_("address"), max_length=255, blank=True, default="")
    publish_consent = models.BooleanField(
        _("the answer may be published"),
        default=False,
        help_text=_("The sender agrees that the question and answer appear on the public page."),
    )

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.RECEIVED
    )
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("answer due on"))
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handler"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="feedback_handled",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), null=True, blank=True)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=pgettext_lazy("feedback", "merged into"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="duplicates",
    )

    answer = models.TextField(pgettext_lazy("feedback", "answer"), blank=True, default="")
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Days from receipt to the (latest) answer, in the kind's unit of days: averages are sums.
    days_to_answer = models.PositiveIntegerField(null=True, blank=True, editable=False)
    answered_in_time = models.BooleanField(null=True, blank=True, editable=False)
    answer_published_at = models.DateTimeField(_("answer published at"), null=True, blank=True)

    sender_satisfied = models.BooleanField(_("settled for the sender"), null=True, blank=True)
    sender_reply = models.TextField(_("sender's reply"), blank=True, default="")
    reopened_count = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)

    # Folded subject, content, location, answer and code; never the sender (see module doc).
    search_text = models.TextField(editable=False, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-received_on", "-id"]
        indexes = [
            models.Index(fields=["unit_path", "received_on"], name="feedback_path_received"),
            models.Index(fields=["status", "due_on"], name="feedback_status_due"),
            models.Index(fields=["unit", "status"], name="feedback_unit_status"),
            models.Index(fields=["handler", "status"], name="feedback_handler_status"),
            # Every column the statistics read (coso.feedback.stats): a year of a subtree is
            # counted from this index alone, without the wide rows (docs/benchmarks.md).
            models.Index(
                fields=[
                    "received_on",
                    "unit_path",
                    "status",
                    "due_on",
                    "answered_in_time",
                    "answered_on",
                    "reopened_count",
                    "days_to_answer",
                    "kind",
                    "field",
                ],
                name="feedback_stats_cover",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tracking_code} {self.title}"

    def get_additional_data(self) -> dict:
        return {"unit_path": self.unit_path}

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    @property
    def identity_protected(self) -> bool:
        return self.kind.identity_protected


class FeedbackFile(models.Model):
    """A file sent with the feedback, or attached by the unit to its answer."""

    feedback = models.ForeignKey(
        Feedback, verbose_name=_("feedback"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(_("file"), upload_to="feedback/%Y/%m/")
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size"), default=0)
    with_answer = models.BooleanField(_("attached to the answer"), default=False)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("feedback file")
        verbose_name_plural = _("feedback files")

    def __str__(self) -> str:
        # A sender's file name may carry their name: the audit log shows only its number.
        return self.name if self.with_answer else f"#{self.pk}"

    def get_additional_data(self) -> dict:
        return self.feedback.get_additional_data()


class EventKind(models.TextChoices):
    RECEIVED = "received", _("Received")
    CLASSIFIED = "classified", _("Classified")
    ASSIGNED = "assigned", _("Assigned")
    TRANSFERRED = "transferred", _("Transferred")
    MERGED = "merged", _("Merged")
    NOTE = "note", _("Internal note")
    ANSWERED = "answered", _("Answered")
    PUBLISHED = "published", _("Answer published")
    SENDER_REPLIED = "sender_replied", _("Sender replied")
    REOPENED = "reopened", _("Reopened")
    CLOSED = "closed", pgettext_lazy("feedback", "Closed")


class FeedbackEvent(models.Model):
    """One step in the life of a feedback item: its timeline.

    `is_public` steps (received, transferred with its reason, answered, reopened, closed) are
    shown to the sender on the tracking page; internal notes never are.
    """

    feedback = models.ForeignKey(
        Feedback, verbose_name=_("feedback"), on_delete=models.CASCADE, related_name="events"
    )
    kind = models.CharField(_("step"), max_length=20, choices=EventKind.choices)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_unit = models.ForeignKey(
        Unit, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("text"), blank=True, default="")
    is_public = models.BooleanField(_("shown to the sender"), default=False)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("feedback step")
        verbose_name_plural = _("feedback steps")

    def __str__(self) -> str:
        return f"{self.feedback.tracking_code} {self.get_kind_display()}"

    def get_additional_data(self) -> dict:
        return self.feedback.get_additional_data()
