"""Pages after the meeting: minutes, resolution, commitments, questions followed as feedback."""

from __future__ import annotations

from django.http import HttpRequest

from .models import Meeting


def followup_context(request: HttpRequest, meeting: Meeting) -> dict:
    """What the meeting's page shows after it (template meetings/_followup_section.html)."""
    return {}
