"""JSON API of recognition (mounted under /api/v1/)."""

from ninja import Router

router = Router(tags=["recognition"])
