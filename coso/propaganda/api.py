"""JSON API of propaganda (mounted under /api/v1/)."""

from ninja import Router

router = Router(tags=["propaganda"])
