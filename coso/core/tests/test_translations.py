"""Vietnamese is the default language: every string must be translated and compiled."""

import gettext
from pathlib import Path

import pytest

import coso

CATALOGUES = sorted(Path(coso.__file__).parent.glob("**/locale/vi/LC_MESSAGES/django.po"))


def _unquote(line: str) -> str:
    return (
        line[line.index('"') + 1 : line.rindex('"')]
        .encode()
        .decode("unicode_escape")
        .encode("latin-1")
        .decode()
    )


def parse_po(path: Path) -> list[tuple[str, str, bool, bool, str | None]]:
    """(msgid, msgstr, fuzzy, plural, context) for each entry of a .po file."""
    entries: list[tuple[str, str, bool, bool, str | None]] = []
    msgid = msgstr = ""
    context: str | None = None
    fuzzy = plural = False
    target = None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        if not line.strip():
            if target is not None and msgid:
                entries.append((msgid, msgstr, fuzzy, plural, context))
            msgid = msgstr = ""
            context = None
            fuzzy = plural = False
            target = None
        elif line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
        elif line.startswith("msgctxt "):
            target, context = "context", _unquote(line)
        elif line.startswith("msgid_plural"):
            target, plural = "plural", True
        elif line.startswith("msgid "):
            target, msgid = "id", _unquote(line)
        elif line.startswith("msgstr"):
            target = "str"
            msgstr += _unquote(line)
        elif line.startswith('"'):
            if target == "id":
                msgid += _unquote(line)
            elif target == "str":
                msgstr += _unquote(line)
    return entries


def test_there_are_vietnamese_catalogues():
    assert CATALOGUES, "no Vietnamese catalogue found"


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.parent.parent.parent.parent.name))
def test_every_string_is_translated_and_not_fuzzy(po: Path):
    untranslated = [entry[0] for entry in parse_po(po) if not entry[1] or entry[2]]
    assert untranslated == []


@pytest.mark.parametrize("po", CATALOGUES, ids=lambda p: str(p.parent.parent.parent.parent.name))
def test_compiled_catalogue_matches_the_source(po: Path):
    mo = po.with_suffix(".mo")
    assert mo.exists(), f"run compilemessages for {po}"
    with mo.open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [
        msgid
        for msgid, msgstr, _fuzzy, plural, context in parse_po(po)
        if not plural
        and (compiled.pgettext(context, msgid) if context else compiled.gettext(msgid)) != msgstr
    ]
    assert stale == [], f"{mo} is older than {po}: run compilemessages"


def test_pages_speak_vietnamese_by_default(client):
    page = client.get("/dang-nhap/")
    assert "Đăng nhập" in page.content.decode()
    assert 'lang="vi"' in page.content.decode()


def test_english_is_available(client):
    client.post("/i18n/setlang/", {"language": "en", "next": "/dang-nhap/"})
    page = client.get("/dang-nhap/")
    assert "Sign in" in page.content.decode()
