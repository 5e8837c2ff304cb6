"""The meeting's minutes (biên bản) and resolution (nghị quyết) as DOCX and PDF.

`render(meeting, document, fmt)` is the one entry point the pages (internal and public) call.
`facts` reads the database once; `minutes` and `resolution` compose the texts in the form of
Decree 30/2020/NĐ-CP; the community app's writers draw them (`layout_docx`, `layout_pdf`), so
every administrative document of coso has the same page, fonts and header.
"""

from __future__ import annotations

from typing import Literal

from coso.community.documents.docx import layout_docx
from coso.community.documents.pdf import layout_pdf
from coso.reports.exports.common import ascii_name

from ..models import Meeting
from .facts import for_the_public, meeting_facts
from .minutes import MINUTES_SYMBOL, compose_minutes
from .resolution import RESOLUTION_SYMBOL, compose_resolution

DocumentName = Literal["minutes", "resolution"]
Format = Literal["docx", "pdf"]

DOCUMENTS = ("minutes", "resolution")
FORMATS = ("docx", "pdf")
CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
FILE_PREFIXES = {"minutes": "bien-ban", "resolution": "nghi-quyet"}


def filename(meeting: Meeting, document: DocumentName, fmt: Format) -> str:
    """ "bien-ban-hoi-nghi-can-bo-cong-chuc-vien-chuc-nam-2025.docx": ASCII, so every mail
    client and old browser keeps it."""
    return f"{FILE_PREFIXES[document]}-{ascii_name(meeting.title)}.{fmt}"


def render(
    meeting: Meeting, document: DocumentName, fmt: Format, *, public: bool = False
) -> tuple[bytes, str]:
    """The file's bytes and its download name (e.g. "bien-ban-hoi-nghi-2025.docx").

    `public`: the copy for the portal, without the attendance list or the askers' names."""
    if document not in DOCUMENTS or fmt not in FORMATS:
        raise ValueError(f"unknown document {document!r} or format {fmt!r}")
    facts = meeting_facts(meeting)
    if public:
        facts = for_the_public(facts)
    if document == "minutes":
        layout, symbol = compose_minutes(facts), MINUTES_SYMBOL
    else:
        layout, symbol = compose_resolution(facts), RESOLUTION_SYMBOL
    draw = layout_docx if fmt == "docx" else layout_pdf
    return draw(layout, number_symbol=symbol), filename(meeting, document, fmt)
