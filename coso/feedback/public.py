"""What the public sees of feedback: the unit's portal section, published answers, lookups by
tracking code (see coso/portal/sections.py).

Nothing here ever reads the sender's fields: a denouncer's identity (Law on Denunciation 2018,
art. 47) and any sender's contact stay off every public page. Published answers are those the
sender agreed to publish (`publish_consent`) and the unit has published (`answer_published_at`).
"""

from __future__ import annotations

import re

from django.db.models import Count, Q, QuerySet

from coso.core.dates import today
from coso.core.text import fold
from coso.units.models import Unit

from .models import CODE_ALPHABET, CODE_LENGTH, Feedback, FeedbackEvent, FeedbackFile, Status

LATEST = 5
# The columns public pages read: never a sender_* field, so a template cannot show one by mistake.
PUBLIC_COLUMNS = (
    "id",
    "tracking_code",
    "unit_id",
    "kind_id",
    "field_id",
    "title",
    "content",
    "location",
    "status",
    "received_on",
    "due_on",
    "answer",
    "answered_on",
    "answer_published_at",
    "publish_consent",
    "merged_into_id",
    "reopened_count",
    "sender_satisfied",
    "closed_at",
)
CODE_PREFIX = "PA"
_CODE_BODY = re.compile(rf"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")
# Search words per query: enough for a phrase, not a denial of service.
MAX_SEARCH_WORDS = 8


def normalize_code(raw: str) -> str | None:
    """The canonical code ("PA-7K3M9Q2X") from what a person typed, or None if it cannot be one.

    Case does not matter, and spaces, dashes and dots are ignored ("pa 7k3m-9q2x"), so a code
    read out over the phone or copied with extra spaces still works; the "PA" prefix is optional.
    """
    text = re.sub(r"[\s\-._]", "", (raw or "")[:60]).upper()
    if text.startswith(CODE_PREFIX) and len(text) == len(CODE_PREFIX) + CODE_LENGTH:
        text = text[len(CODE_PREFIX) :]
    if not _CODE_BODY.fullmatch(text):
        return None
    return f"{CODE_PREFIX}-{text}"


def find_by_code(code: str) -> Feedback | None:
    """The item with this (already normalized) tracking code, with what its page shows."""
    return (
        Feedback.objects.select_related("unit", "kind")
        .only(
            *PUBLIC_COLUMNS,
            "unit__id",
            "unit__name",
            "unit__closed_on",
            "kind__id",
            "kind__name",
            "kind__citation",
            "kind__identity_protected",
            "kind__working_days",
            "kind__deadline_days",
        )
        .filter(tracking_code=code)
        .first()
    )


def merged_target(feedback: Feedback) -> Feedback | None:
    """The item a merged one was merged into, as much as its own sender's privacy allows: its
    unit, status and due date, never its code (the code is the other sender's key to reply) nor
    its text, which may name its sender; its answer only through the public list, if published."""
    if feedback.merged_into_id is None:
        return None
    return (
        Feedback.objects.select_related("unit")
        .only(
            "id",
            "status",
            "due_on",
            "answered_on",
            "publish_consent",
            "answer_published_at",
            "unit_id",
            "unit__id",
            "unit__name",
        )
        .filter(pk=feedback.merged_into_id)
        .first()
    )


def is_published(feedback: Feedback) -> bool:
    return (
        feedback.publish_consent
        and feedback.answer_published_at is not None
        and feedback.status != Status.MERGED
    )


def public_timeline(feedback: Feedback) -> list[FeedbackEvent]:
    """The steps the sender is shown: never internal notes, never who did them (only the unit)."""
    return list(
        FeedbackEvent.objects.filter(feedback=feedback, is_public=True)
        .select_related("from_unit", "to_unit")
        .only(
            "id",
            "kind",
            "at",
            "text",
            "feedback_id",
            "from_unit__id",
            "from_unit__name",
            "to_unit__id",
            "to_unit__name",
        )
        .order_by("at", "id")
    )


def answer_files(feedback: Feedback) -> list[FeedbackFile]:
    """Files the unit attached to its answer; the sender's own files are never public."""
    return list(
        FeedbackFile.objects.filter(feedback=feedback, with_answer=True).only(
            "id", "name", "size", "feedback_id"
        )
    )


def published_answers(unit: Unit) -> QuerySet[Feedback]:
    """Answers of `unit` that the sender agreed to publish and the unit published."""
    return (
        Feedback.objects.filter(unit=unit, publish_consent=True, answer_published_at__isnull=False)
        .exclude(status=Status.MERGED)
        .select_related("kind", "field")
        .only(
            *PUBLIC_COLUMNS,
            "kind__id",
            "kind__name",
            "field__id",
            "field__name",
        )
        .order_by("-answer_published_at", "-id")
    )


def search_published(unit: Unit, query: str) -> QuerySet[Feedback]:
    """Published answers whose subject, content, place or answer hold every word of `query`,
    diacritics ignored ("duong ngap" finds "đường ngập")."""
    items = published_answers(unit)
    for word in fold(query).split()[:MAX_SEARCH_WORDS]:
        items = items.filter(search_text__contains=word)
    return items


def get_published(pk: int | None) -> Feedback | None:
    """One published answer by id, as the public list links to it; None otherwise."""
    if pk is None:
        return None
    return (
        Feedback.objects.filter(
            pk=pk,
            publish_consent=True,
            answer_published_at__isnull=False,
            unit__closed_on__isnull=True,
        )
        .exclude(status=Status.MERGED)
        .select_related("unit", "kind", "field")
        .only(
            *PUBLIC_COLUMNS,
            "unit__id",
            "unit__name",
            "unit__closed_on",
            "kind__id",
            "kind__name",
            "field__id",
            "field__name",
        )
        .first()
    )


def year_counts(unit: Unit) -> dict[str, int]:
    """This year's items handled by `unit`: received, answered, answered in time. One query."""
    year = today().year
    counts = Feedback.objects.filter(unit=unit, received_on__year=year).aggregate(
        received=Count("id"),
        answered=Count("id", filter=Q(answered_on__isnull=False)),
        in_time=Count("id", filter=Q(answered_in_time=True)),
    )
    return {"year": year, **counts}


def portal_context(unit: Unit) -> dict:
    """How to send feedback, the latest published answers and this year's counts: two queries."""
    return {
        "unit": unit,
        "published": list(published_answers(unit)[:LATEST]),
        "counts": year_counts(unit),
    }
