"""API of this app: the same access and action functions as the pages."""

from ninja import Router

router = Router()
