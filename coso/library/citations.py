"""Matching free-text citations ("Nghị định số 59/2023/NĐ-CP ngày 14/8/2023 của Chính phủ")
to texts in the library by their number and symbol. Pure text work: linking plans' bases with
these lives in the plans app (legal_bases)."""

from __future__ import annotations

import re

from coso.core.text import fold

from .models import LegalText

# A number followed by its symbol: 59/2023/nd-cp, 30-ct/tw, 11-qdi/tw, 33/ct-ttg (folded text).
_NUMBER = re.compile(r"\b\d{1,4}(?:[-/][a-z0-9]+)+")
# Dates (14/8/2023) look like numbers: a text's symbol always has letters in it.
_HAS_LETTER = re.compile(r"[a-z]")


def candidate_keys(citation: str) -> list[str]:
    """The numbers a citation mentions, folded as LegalText.number_key, in order."""
    folded = fold(citation)
    # "124- QĐ/TW" and "27 - NQ/TW" are common in scanned plans: close the gaps.
    folded = re.sub(r"\s*([-/])\s*", r"\1", folded)
    keys: list[str] = []
    for match in _NUMBER.finditer(folded):
        key = match.group(0).strip("-/")
        if _HAS_LETTER.search(key) and key not in keys:
            keys.append(key)
    return keys


def link_citation(citation: str) -> LegalText | None:
    """The library text a citation names by number, or None (unknown or ambiguous number)."""
    keys = candidate_keys(citation)
    if not keys:
        return None
    found: dict[str, list[LegalText]] = {}
    for text in LegalText.objects.filter(number_key__in=keys).order_by("pk"):
        found.setdefault(text.number_key, []).append(text)
    for key in keys:
        matches = found.get(key, [])
        if len(matches) == 1:
            return matches[0]
        if len(matches) > 1:
            folded = fold(citation)
            by_issuer = [t for t in matches if t.issuer_key and t.issuer_key in folded]
            return by_issuer[0] if len(by_issuer) == 1 else None
    return None
