"""Pages for holding a meeting: check-in, the QR code, the live quorum."""

from __future__ import annotations

from django.http import HttpRequest

from .models import Meeting


def hold_context(request: HttpRequest, meeting: Meeting) -> dict:
    """What the meeting's page shows of attendance (template meetings/_hold_section.html)."""
    return {}
