"""Pages for motions and elections."""

from __future__ import annotations

from django.http import HttpRequest

from .models import Meeting


def voting_context(request: HttpRequest, meeting: Meeting) -> dict:
    """What the meeting's page shows of votes (template meetings/_voting_section.html)."""
    return {}
