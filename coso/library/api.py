"""JSON API of the legal library (mounted under /api/v1/)."""

from ninja import Router

router = Router(tags=["library"])
