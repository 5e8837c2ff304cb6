"""What every app shares: timestamps, the audit log, in-app notifications."""

from auditlog.models import AbstractLogEntry
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        abstract = True


class AuditEntry(AbstractLogEntry):
    """One audited change (who, when, what), kept with the tree path of the unit it belongs to.

    django-auditlog writes these for every registered model; the indexed unit path lets an
    officer read the log of their own subtree with one range query.
    """

    unit_path = models.CharField(max_length=255, blank=True, default="", db_index=True)

    class Meta(AbstractLogEntry.Meta):
        swappable = "AUDITLOG_LOGENTRY_MODEL"
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def save(self, *args, **kwargs):
        if not self.unit_path and isinstance(self.additional_data, dict):
            self.unit_path = self.additional_data.get("unit_path", "") or ""
        super().save(*args, **kwargs)


class Notification(models.Model):
    """A reminder shown in the app (and e-mailed when the user has an address).

    `key` makes reminders idempotent: the worker may run twice, a user is told once.
    """

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    key = models.CharField(max_length=200)
    message = models.TextField(_("message"))
    url = models.CharField(max_length=500, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "key"], name="notification_once_per_key")
        ]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.message[:80]


class CalendarDay(models.Model):
    """A day that breaks the Monday-to-Friday week: a public holiday, or a Saturday or Sunday
    worked in exchange for a bridge day off. Administrators keep this calendar; every deadline
    in working days reads it through `coso.core.workdays`.
    """

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=200)
    is_working_day = models.BooleanField(
        _("working day"),
        default=False,
        help_text=_("Tick for a weekend day worked in exchange for a day off."),
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("holiday calendar")

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.name}"


class RateCount(models.Model):
    """How many posts one (hashed) client address made in one window of one rate limit.

    Counted with one atomic upsert (coso.core.ratelimit): concurrent posts from the same
    address are each counted, which a cache's read-then-write increment does not guarantee.
    """

    bucket = models.CharField(max_length=120, primary_key=True)
    count = models.PositiveIntegerField(default=0)
    # Unix time after which the window is over and the row may be deleted.
    expires = models.BigIntegerField(db_index=True)

    class Meta:
        verbose_name = _("rate-limit count")
        verbose_name_plural = _("rate-limit counts")

    def __str__(self) -> str:
        return f"{self.bucket}: {self.count}"
