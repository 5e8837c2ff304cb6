"""JSON API of conferences and dialogues (mounted under /api/v1/): one router per stage."""

from ninja import Router

from . import api_calendar, api_followup, api_hold, api_prepare, api_voting

router = Router(tags=["meetings"])
router.add_router("", api_prepare.router)
router.add_router("", api_hold.router)
router.add_router("", api_voting.router)
router.add_router("", api_followup.router)
router.add_router("", api_calendar.router)
