"""Vietnamese text helpers: folding for diacritic-insensitive search."""

import unicodedata

_EXTRA = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str) -> str:
    """Lower-case, drop diacritics and map đ to d: "Đảng ủy Thanh Miện" -> "dang uy thanh mien".

    Users often type without diacritics; every searchable name keeps a folded copy.
    """
    decomposed = unicodedata.normalize("NFD", (text or "").translate(_EXTRA))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
