"""Names and contacts of commenters are for the officers only: never on a public page, file or
API answer."""

from __future__ import annotations

import io

import openpyxl
from django.urls import reverse
from docx import Document

from .conftest import publish, time_passes

SECRETS = ("0912345678", "0912 345 678", "an@example.org", "Nguyễn Văn An")


def _assert_no_secret(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, secret


def test_public_pages_show_no_name_and_no_contact(client, world, tree):
    # given a consultation with comments from people who left names, phones and e-mails
    pages = [
        reverse("consultations_public:detail", args=[world.open.pk]),
        reverse("consultations_public:unit", args=[tree.commune.pk]),
        reverse("portal:unit", kwargs={"unit_id": tree.commune.pk}),
    ]
    for url in pages:
        # when anyone opens the public pages
        response = client.get(url)
        # then none of them shows who commented nor how to reach them
        assert response.status_code == 200, url
        _assert_no_secret(response.content.decode())


def test_the_published_synthesis_and_its_files_name_nobody(client, world, commune_officer):
    # given the synthesis of a consultation published after its period
    consultation = time_passes(world.open, 25)
    publish(consultation, commune_officer)

    page = client.get(reverse("consultations_public:detail", args=[consultation.pk]))
    docx = client.get(reverse("consultations_public:synthesis_docx", args=[consultation.pk]))
    xlsx = client.get(reverse("consultations_public:synthesis_xlsx", args=[consultation.pk]))

    _assert_no_secret(page.content.decode())
    document = Document(io.BytesIO(docx.content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    _assert_no_secret("\n".join([p.text for p in document.paragraphs] + cells))
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx.content)).active
    _assert_no_secret(" ".join(str(v) for row in sheet.iter_rows(values_only=True) for v in row))


def test_the_api_shows_contacts_only_to_the_units_officers(client, world, citizen, commune_officer):
    # given a signed-in citizen with no role
    client.force_login(citizen)

    # when they read the consultation and ask for its comments
    detail = client.get(f"/api/v1/consultations/{world.open.pk}")
    comments = client.get(f"/api/v1/consultations/{world.open.pk}/comments")

    # then the consultation reads without any commenter's data, the comments do not
    assert detail.status_code == 200
    _assert_no_secret(detail.content.decode())
    assert comments.status_code == 404

    # and the commune's officer reads them with their contacts
    client.force_login(commune_officer)
    listed = client.get(f"/api/v1/consultations/{world.open.pk}/comments").json()
    assert {c["contact"] for c in listed["items"]} == {"0912345678", "an@example.org"}
