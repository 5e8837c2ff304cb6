"""What the public portal shows of this app (see coso/portal/sections.py): the unit's active
boards with their members' names, positions and communities, never an account or a contact."""

from __future__ import annotations

from django.db.models import Prefetch

from coso.units.models import Unit

from .models import Board, BoardMember, BoardStatus


def portal_context(unit: Unit) -> dict:
    """Active boards of the unit and their members: two queries."""
    members = BoardMember.objects.select_related("community").only(
        "id", "board_id", "full_name", "position", "community__name"
    )
    boards = list(
        Board.objects.filter(unit=unit, status=BoardStatus.ACTIVE)
        .only("id", "name", "kind", "term_starts_on", "term_ends_on", "unit_id")
        .prefetch_related(Prefetch("members", queryset=members, to_attr="public_members"))
        .order_by("kind", "id")
    )
    return {"unit": unit, "boards": boards}
