"""What the public portal shows of this app (see coso/portal/sections.py)."""

from coso.units.models import Unit


def portal_context(unit: Unit) -> dict:
    return {}
