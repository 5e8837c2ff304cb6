"""Bad input gets a clear Vietnamese message on the upload page, never a 500."""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coso.importer import views

from .ui_fixtures import TEXT


@pytest.fixture
def upload(login, tree, commune_officer):
    client = login(commune_officer)

    def _post(**data):
        data.setdefault("unit", tree.commune.pk)
        response = client.post(reverse("importer:upload"), data)
        assert response.status_code in (200, 302), response.status_code
        return response

    return _post


def _errors(response) -> str:
    form = response.context["form"]
    return " ".join(e for errors in form.errors.values() for e in errors)


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)  # a scan: a page with no text layer
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_nothing_given(upload):
    assert "Dán nội dung văn bản hoặc chọn tệp" in _errors(upload())


def test_empty_file(upload):
    assert "rỗng" in _errors(upload(file=SimpleUploadedFile("kh.txt", b"")))


def test_file_over_the_limit(upload, settings):
    settings.COSO_MAX_UPLOAD_BYTES = 1024
    big = SimpleUploadedFile("kh.txt", TEXT.encode() * 10)

    assert "quá lớn" in _errors(upload(file=big))


def test_fifty_megabytes(upload):
    big = SimpleUploadedFile("kh.pdf", b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024))

    assert "quá lớn" in _errors(upload(file=big))


def test_unreadable_type(upload):
    assert ".docx" in _errors(upload(file=SimpleUploadedFile("kh.xlsx", b"PK\x03\x04 data")))


def test_image_only_pdf(upload):
    errors = _errors(upload(file=SimpleUploadedFile("scan.pdf", _blank_pdf())))

    assert errors and "PDF" in errors


def test_damaged_docx(upload):
    errors = _errors(upload(file=SimpleUploadedFile("kh.docx", b"PK\x03\x04 not a zip")))

    assert "không đọc được" in errors.lower() or "hỏng" in errors


def test_not_a_plan(upload):
    response = upload(text="Hôm nay trời đẹp. Chúng tôi đi chơi công viên.\nHẹn gặp lại.")

    assert (
        "không phải kế hoạch" in _errors(response).lower()
        or "không giống" in _errors(response).lower()
    )
    assert not response.wsgi_request.session.get(views.SESSION_KEY)


def test_text_and_file_together(upload):
    response = upload(text=TEXT, file=SimpleUploadedFile("kh.txt", TEXT.encode()))

    assert "không cả hai" in _errors(response) or "không phải cả hai" in _errors(response)


def test_a_parser_failure_is_a_message_not_a_500(upload, monkeypatch):
    def broken(text):
        raise IndexError("parser bug")

    monkeypatch.setattr(views, "parse_document", broken)

    response = upload(text=TEXT)

    assert "không đọc được văn bản này" in _errors(response)


def test_tampered_preview_posts_are_refused_cleanly(
    login, tree, commune_officer, root_admin, monkeypatch
):
    from coso.plans.tests.conftest import make_plan

    from .test_ui_save import _as_post
    from .ui_fixtures import extraction

    monkeypatch.setattr(views, "parse_document", lambda text: extraction())
    foreign = make_plan(root_admin, tree.other_commune, "07-KH/UBND", issue=True)
    client = login(commune_officer)
    preview = client.post(reverse("importer:upload"), {"unit": tree.commune.pk, "text": TEXT})[
        "Location"
    ]
    good = _as_post(client.get(preview).context)

    assert client.post(preview, {}).status_code == 200
    for key, value in (
        ("tasks-TOTAL_FORMS", "100000"),
        ("header-parent_plan", str(foreign.pk)),
        ("tasks-0-quarter", "9"),
        ("tasks-0-due_date", "31/02/2024"),
        ("header-kind", "decree"),
    ):
        response = client.post(preview, {**good, key: value})
        assert response.status_code == 200, key
