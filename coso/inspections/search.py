"""Search of inspection findings, for the search page beside feedback.

Findings are few (a handful per inspected unit), so a `contains` per folded word over the
folded text of the finding, its conclusion and corrective actions is fast enough.
"""

from __future__ import annotations

from django.db.models import QuerySet

from coso.core.text import fold
from coso.units.models import User

from . import access
from .models import Finding

MAX_WORDS = 10
MAX_QUERY_LENGTH = 200


def search_findings(user: User, query: str) -> QuerySet[Finding]:
    """Findings the user may read that contain every word of `query` (diacritics ignored),
    most recent first. Each has get_absolute_url(), a `text`, and str() = unit — plan title."""
    words = fold((query or "")[:MAX_QUERY_LENGTH]).split()[:MAX_WORDS]
    if not words:
        return Finding.objects.none()
    items = access.visible_findings(user)
    for word in words:
        items = items.filter(search_text__contains=word)
    return items.select_related("target__unit", "target__plan").order_by("-recorded_on", "-id")
