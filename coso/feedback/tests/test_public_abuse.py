"""The public form resists abuse without third-party services: a honeypot, a limit per client
address, and size, type and number limits on files."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coso.feedback import actions
from coso.feedback.models import Feedback, FeedbackFile
from coso.feedback.public_views import lookup_rate, submit_rate
from coso.feedback.tests.conftest import kind

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def data(**changes) -> dict:
    return {
        "kind": kind("reflection").pk,
        "title": "Rác thải ven kênh",
        "content": "Rác thải đổ ven kênh thủy lợi gây ô nhiễm, đề nghị xã thu gom.",
        "sender_name": "Phạm Thị Lan",
        "sender_email": "lan@example.org",
        "website": "",
        **changes,
    }


def post(client, unit, address="203.0.113.7", **changes):
    return client.post(
        reverse("feedback_public:send", args=[unit.pk]), data(**changes), REMOTE_ADDR=address
    )


def test_a_filled_honeypot_looks_like_success_and_nothing_is_kept(client, tree):
    response = post(client, tree.commune, website="http://spam.example")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Phản ánh, kiến nghị của bạn đã được tiếp nhận" in page
    assert not Feedback.objects.exists()


def test_the_honeypot_is_hidden_from_people_and_keyboards(client, tree):
    page = client.get(reverse("feedback_public:send", args=[tree.commune.pk])).content.decode()

    field = page[page.index('name="website"') - 400 : page.index('name="website"') + 80]
    assert 'aria-hidden="true"' in field
    assert 'tabindex="-1"' in field
    assert "left:-10000px" in field


def test_one_address_is_stopped_after_its_limit_and_nothing_more_is_saved(client, tree):
    limit = submit_rate().limit
    for n in range(limit):
        assert post(client, tree.commune, title=f"Rác thải số {n}").status_code == 302
    assert Feedback.objects.count() == limit

    response = post(client, tree.commune, title="Một lần nữa")

    assert response.status_code == 429
    page = response.content.decode()
    assert "Bạn đã gửi nhiều phản ánh trong thời gian ngắn" in page
    # what the person typed is still in the form, so nothing is lost when they retry
    assert "Một lần nữa" in page
    assert Feedback.objects.count() == limit


def test_another_address_is_not_limited(client, tree):
    for n in range(submit_rate().limit + 1):
        post(client, tree.commune, title=f"Rác thải số {n}")

    response = post(client, tree.commune, address="198.51.100.20", title="Từ nhà khác")

    assert response.status_code == 302
    assert Feedback.objects.filter(title="Từ nhà khác").exists()


def test_the_limit_is_a_setting(client, tree, settings):
    settings.COSO_FEEDBACK_SUBMIT_LIMIT = 2
    assert post(client, tree.commune).status_code == 302
    assert post(client, tree.commune).status_code == 302
    assert post(client, tree.commune).status_code == 429


def test_lookups_are_limited_per_address_so_guessing_codes_is_pointless(client, settings, tree):
    settings.COSO_FEEDBACK_LOOKUP_LIMIT = 3
    lookup = reverse("feedback_public:lookup")
    for _ in range(lookup_rate().limit):
        response = client.get(lookup, {"code": "PA-AAAAAAAA"}, REMOTE_ADDR="203.0.113.9")
        assert response.status_code == 404

    response = client.get(lookup, {"code": "PA-BBBBBBBB"}, REMOTE_ADDR="203.0.113.9")
    assert response.status_code == 429
    assert "quá nhiều lượt tra cứu" in response.content.decode()
    # the tracking page counts too
    track = reverse("feedback_public:track", args=["PA-CCCCCCCC"])
    assert client.get(track, REMOTE_ADDR="203.0.113.9").status_code == 429
    # and so does the confirmation page, which also answers whether a code exists
    sent = reverse("feedback_public:sent", args=["PA-CCCCCCCC"])
    assert client.get(sent, REMOTE_ADDR="203.0.113.9").status_code == 429
    # another address may still look up
    assert client.get(track, REMOTE_ADDR="198.51.100.2").status_code == 404


def test_photos_and_documents_are_kept_with_the_item(client, tree):
    response = post(
        client,
        tree.commune,
        files=[
            SimpleUploadedFile("anh-kenh.png", PNG, content_type="image/png"),
            SimpleUploadedFile("don.pdf", b"%PDF-1.4 don", content_type="application/pdf"),
        ],
    )

    assert response.status_code == 302
    item = Feedback.objects.get()
    assert sorted(item.files.values_list("name", flat=True)) == ["anh-kenh.png", "don.pdf"]
    assert not item.files.filter(with_answer=True).exists()


def test_a_file_of_a_refused_type_is_refused_and_nothing_is_kept(client, tree):
    response = post(
        client,
        tree.commune,
        files=[SimpleUploadedFile("virus.exe", b"MZ\x90\x00", content_type="application/x")],
    )

    assert response.status_code == 200
    assert "virus.exe: Không chấp nhận loại tệp này" in response.content.decode()
    assert not Feedback.objects.exists()
    assert not FeedbackFile.objects.exists()


def test_a_file_whose_content_does_not_match_its_name_is_refused(client, tree):
    response = post(
        client, tree.commune, files=[SimpleUploadedFile("anh.png", b"<html>not a png</html>")]
    )

    assert response.status_code == 200
    assert "anh.png: Nội dung tệp không đúng với loại tệp" in response.content.decode()
    assert not Feedback.objects.exists()


def test_a_file_over_the_size_limit_is_refused(client, tree, settings):
    settings.COSO_MAX_UPLOAD_BYTES = 1024
    big = SimpleUploadedFile("anh-lon.png", PNG + b"\x00" * 2048, content_type="image/png")

    response = post(client, tree.commune, files=[big])

    assert response.status_code == 200
    assert "anh-lon.png: Tệp quá lớn" in response.content.decode()
    assert not Feedback.objects.exists()


def test_more_files_than_allowed_are_refused(client, tree):
    files = [
        SimpleUploadedFile(f"anh-{n}.png", PNG, content_type="image/png")
        for n in range(actions.MAX_FILES + 1)
    ]

    response = post(client, tree.commune, files=files)

    assert response.status_code == 200
    assert f"Chỉ đính kèm tối đa {actions.MAX_FILES} tệp." in response.content.decode()
    assert not Feedback.objects.exists()
    assert not FeedbackFile.objects.exists()
