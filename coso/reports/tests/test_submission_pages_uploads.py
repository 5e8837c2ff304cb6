"""Files attached to a report: checked on the way in, served only through a checked view."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from coso.reports import actions
from coso.reports.models import SubmissionAttachment

from .conftest_submission import pdf_file, vi


def test_an_attached_file_is_listed_and_downloads(client, submission, commune_officer):
    client.force_login(commune_officer)

    response = client.post(
        reverse("reports:submission_attach", args=[submission.pk]),
        {"file": pdf_file("bien-ban-hoi-nghi.pdf")},
    )

    assert response.status_code == 302
    attachment = SubmissionAttachment.objects.get()
    page = client.get(reverse("reports:submission", args=[submission.pk])).content.decode()
    download = reverse("reports:attachment_download", args=[attachment.pk])
    assert "bien-ban-hoi-nghi.pdf" in page and download in page
    # never a public media URL
    assert "/media/" not in page
    response = client.get(download)
    assert response.status_code == 200
    assert "bien-ban-hoi-nghi.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@override_settings(COSO_MAX_UPLOAD_BYTES=1024)
def test_an_oversized_file_is_refused_with_a_message(client, submission, commune_officer):
    client.force_login(commune_officer)
    big = pdf_file("lon.pdf", b"%PDF-1.4\n" + b"0" * 4096)

    response = client.post(
        reverse("reports:submission_attach", args=[submission.pk]), {"file": big}
    )

    assert response.status_code == 200
    assert "Tệp quá lớn" in response.content.decode()
    assert not SubmissionAttachment.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00\x03", "Không chấp nhận loại tệp này."),
        ("bao-cao.pdf", b"MZ\x90\x00 not a pdf", "Nội dung tệp không đúng với loại tệp (.pdf)."),
    ],
)
def test_a_wrong_type_is_refused_with_a_message(
    client, submission, commune_officer, name, content, message
):
    client.force_login(commune_officer)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")

    response = client.post(
        reverse("reports:submission_attach", args=[submission.pk]), {"file": upload}
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SubmissionAttachment.objects.exists()


def test_posting_no_file_asks_for_one(client, submission, commune_officer):
    client.force_login(commune_officer)

    response = client.post(reverse("reports:submission_attach", args=[submission.pk]), {})

    assert response.status_code == 200
    assert vi("Choose a file to attach.") in response.content.decode()


def test_another_commune_cannot_download_the_file(
    client, tree, submission, commune_officer, other_commune_officer
):
    attachment = actions.add_attachment(submission, by=commune_officer, file=pdf_file())
    client.force_login(other_commune_officer)

    response = client.get(reverse("reports:attachment_download", args=[attachment.pk]))

    assert response.status_code == 404
