"""The meeting's minutes (biên bản) and resolution (nghị quyết) as DOCX and PDF.

`render(meeting, document, fmt)` is the one entry point the pages (internal and public) call.
"""

from __future__ import annotations

from typing import Literal

from ..models import Meeting

DocumentName = Literal["minutes", "resolution"]
Format = Literal["docx", "pdf"]


def render(meeting: Meeting, document: DocumentName, fmt: Format) -> tuple[bytes, str]:
    """The file's bytes and its download name (e.g. "bien-ban-hoi-nghi-2025.docx")."""
    raise NotImplementedError  # written by the follow-up part of issue 6
