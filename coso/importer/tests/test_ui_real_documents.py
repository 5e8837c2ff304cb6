"""The pages on real documents, read by the real parser: the gold set's texts and a DOCX built
from one. Whatever the parser finds, the preview renders, highlights without losing a character,
and the unchanged preview saves a plan."""

from __future__ import annotations

import io
import re
from html import unescape
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coso.importer.views import element_spans, highlight
from coso.plans.models import Plan

from .test_ui_save import _as_post

GOLD = Path(__file__).parent / "gold"
TEXTS = sorted(GOLD.glob("*.txt"))


def test_the_gold_set_is_there():
    assert TEXTS


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_highlight_keeps_the_text(path):
    from coso.importer.parse import parse

    extraction = parse(path.read_text(encoding="utf-8"))
    html = highlight(extraction.text, element_spans(extraction))

    assert unescape(re.sub(r"</?mark[^>]*>", "", html)) == extraction.text
    assert html.count("<mark") == html.count("</mark>")


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_preview_of_each_gold_document(path, login, tree, province_officer):
    client = login(province_officer)
    response = client.post(
        reverse("importer:upload"),
        {"unit": tree.province.pk, "text": path.read_text(encoding="utf-8")},
    )
    assert response.status_code in (200, 302)
    if response.status_code == 200:  # refused: it must say why
        assert response.context["form"].errors
        return
    page = client.get(response["Location"])
    assert page.status_code == 200

    post = _as_post(page.context)
    if not post.get("header-issued_on"):
        post["header-issued_on"] = "01/01/2025"
    if not post.get("header-title"):
        post["header-title"] = path.stem
    saved = client.post(response["Location"], post)

    assert saved.status_code in (200, 302)
    if saved.status_code == 302:
        assert Plan.objects.filter(unit=tree.province).count() == 1


def test_docx_upload(login, tree, province_officer):
    import docx

    text = TEXTS[0].read_text(encoding="utf-8")
    document = docx.Document()
    for line in text.splitlines():
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    client = login(province_officer)

    response = client.post(
        reverse("importer:upload"),
        {"unit": tree.province.pk, "file": SimpleUploadedFile("ke-hoach.docx", buffer.getvalue())},
    )

    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200 and "ke-hoach.docx" in page.content.decode()
