"""The parts of a unit's public page, one per app that publishes something.

Each app that shows something on the portal has a `public.py` with
`portal_context(unit) -> dict` (already limited to what the public may read) and a template
`<app>/portal_section.html` that renders that dict. The portal only puts them together, so an
app's public rules stay in the app.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import Any

from coso.units.models import Unit

# In the order they appear on the unit's page.
SECTION_APPS = (
    "disclosure",
    "consultations",
    "community",
    "conventions",
    "meetings",
    "feedback",
    "oversight",
    "recognition",
)


@dataclass(frozen=True)
class PortalSection:
    app: str
    template: str
    context: dict[str, Any]


def sections_for(unit: Unit) -> list[PortalSection]:
    sections = []
    for app in SECTION_APPS:
        public = import_module(f"coso.{app}.public")
        sections.append(
            PortalSection(app, f"{app}/portal_section.html", public.portal_context(unit))
        )
    return sections
