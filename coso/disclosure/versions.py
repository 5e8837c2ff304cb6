"""The versions of one disclosed item: the first one and every correction, oldest first."""

from __future__ import annotations

from django.db.models import Q

from .models import PUBLIC_STATUSES, Disclosure


def version_history(disclosure: Disclosure, *, public: bool = False) -> list[Disclosure]:
    """Every version of the item (one query); the public sees no draft."""
    series = disclosure.series_id
    versions = Disclosure.objects.filter(Q(pk=series) | Q(root_id=series))
    if public:
        versions = versions.filter(status__in=PUBLIC_STATUSES)
    return list(
        versions.only(
            "id",
            "version",
            "status",
            "title",
            "starts_on",
            "ends_on",
            "ended_on",
            "published_at",
            "superseded_at",
            "correction_note",
        ).order_by("version")
    )
