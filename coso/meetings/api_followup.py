"""JSON API of meetings: followup (mounted under /api/v1/ by coso/api.py)."""

from ninja import Router

router = Router(tags=["meetings"])
