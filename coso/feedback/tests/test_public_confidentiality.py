"""Protect people: a denouncer's name, phone, e-mail and address never appear on any public
page (Law on Denunciation 2018, art. 47), nor does the handler's name; items whose senders did
not agree are never listed publicly."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from coso.core.text import fold
from coso.feedback import actions
from coso.feedback.models import Feedback
from coso.feedback.public import portal_context
from coso.feedback.tests.conftest import (
    SECRET_ADDRESS,
    SECRET_EMAIL,
    SECRET_NAME,
    SECRET_PHONE,
    kind,
    make_feedback,
)

SECRETS = (SECRET_NAME, SECRET_PHONE, SECRET_EMAIL, SECRET_ADDRESS)


def leaks(page: str) -> list[str]:
    """The secrets found in `page`, as written, folded, or with the phone's spaces removed."""
    found = []
    folded = fold(page)
    for secret in SECRETS:
        if secret in page or fold(secret) in folded or secret.replace(" ", "") in page:
            found.append(secret)
    return found


@pytest.fixture
def published_denunciation(client, tree, commune_officer):
    """A denunciation sent from the public page with consent, answered and published by the
    officer handling it."""
    response = client.post(
        reverse("feedback_public:send", args=[tree.commune.pk]),
        {
            "kind": kind("denunciation").pk,
            "title": "Tố cáo việc thu tiền trái phép ở chợ",
            "content": "Ban quản lý chợ thu thêm tiền của các hộ kinh doanh không có biên lai.",
            "sender_name": SECRET_NAME,
            "sender_phone": SECRET_PHONE,
            "sender_email": SECRET_EMAIL,
            "sender_address": SECRET_ADDRESS,
            "publish_consent": "on",
            "files": [SimpleUploadedFile("bang-chung.pdf", b"%PDF-1.4 bang chung")],
            "website": "",
        },
    )
    assert response.status_code == 302
    item = Feedback.objects.get()
    assert item.sender_name == SECRET_NAME  # kept, for the handler only
    actions.assign(item, by=commune_officer, handler=commune_officer)
    actions.answer(
        item, by=commune_officer, text="Xã đã kiểm tra, yêu cầu Ban quản lý chợ hoàn trả tiền."
    )
    actions.publish_answer(item, by=commune_officer)
    item.refresh_from_db()
    return item


def public_pages(client, item) -> dict[str, str]:
    unit = item.unit
    urls = {
        "sent": reverse("feedback_public:sent", args=[item.tracking_code]),
        "track": reverse("feedback_public:track", args=[item.tracking_code]),
        "answers": reverse("feedback_public:unit", args=[unit.pk]),
        "search": reverse("feedback_public:unit", args=[unit.pk]) + "?q=cho",
        "answer": reverse("feedback_public:answer", args=[item.pk]),
        "unit page": reverse("portal:unit", args=[unit.pk]),
        "form": reverse("feedback_public:send", args=[unit.pk]),
    }
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, name
        pages[name] = response.content.decode()
    pages["portal section"] = render_to_string(
        "feedback/portal_section.html", {"section": portal_context(unit)}
    )
    return pages


def test_a_denouncers_identity_is_on_no_public_page(client, published_denunciation):
    pages = public_pages(client, published_denunciation)

    # the item is really there, so the check below means something
    assert published_denunciation.title in pages["answers"]
    assert published_denunciation.title in pages["search"]
    assert published_denunciation.title in pages["portal section"]
    assert "yêu cầu Ban quản lý chợ hoàn trả tiền" in pages["answer"]
    assert "yêu cầu Ban quản lý chợ hoàn trả tiền" in pages["track"]
    for name, page in pages.items():
        assert leaks(page) == [], f"the denouncer appears on the {name} page"


def test_a_search_for_the_denouncers_name_finds_nothing(client, published_denunciation):
    url = reverse("feedback_public:unit", args=[published_denunciation.unit_id])

    for query in (SECRET_NAME, fold(SECRET_NAME), "Bí Mật", SECRET_PHONE):
        page = client.get(url, {"q": query}).content.decode()
        assert published_denunciation.title not in page


def test_the_handler_is_never_named_only_the_unit(client, published_denunciation, commune_officer):
    pages = public_pages(client, published_denunciation)

    for name, page in pages.items():
        assert commune_officer.full_name not in page, name
    assert "Xã Thanh Miện" in pages["track"]


def test_the_senders_own_files_are_never_served_publicly(client, published_denunciation):
    evidence = published_denunciation.files.get(with_answer=False)

    urls = [
        reverse(
            "feedback_public:track_file", args=[published_denunciation.tracking_code, evidence.pk]
        ),
        reverse("feedback_public:answer_file", args=[published_denunciation.pk, evidence.pk]),
    ]

    for url in urls:
        assert client.get(url).status_code == 404
    page = client.get(reverse("feedback_public:track", args=[published_denunciation.tracking_code]))
    assert "bang-chung.pdf" not in page.content.decode()


def test_no_sender_is_named_on_the_tracking_page_whatever_the_kind(client, tree):
    item = make_feedback(tree.commune, sender_name="Hoàng Văn Riêng", sender_phone="0913 999 888")

    page = client.get(reverse("feedback_public:track", args=[item.tracking_code])).content.decode()

    assert "Hoàng Văn Riêng" not in page
    assert "0913 999 888" not in page


def test_items_without_consent_are_never_listed(client, tree, commune_officer):
    # given an answered item whose sender did not agree to publish, marked published by mistake
    item = make_feedback(tree.commune, title="Không đồng ý công khai", publish_consent=False)
    actions.answer(item, by=commune_officer, text="Đã trả lời riêng.")
    Feedback.objects.filter(pk=item.pk).update(answer_published_at=timezone.now())
    # and one with consent that the unit has not published yet
    waiting = make_feedback(tree.commune, title="Chưa công khai", publish_consent=True)
    actions.answer(waiting, by=commune_officer, text="Đã trả lời.")

    listing = client.get(reverse("feedback_public:unit", args=[tree.commune.pk])).content.decode()
    section = render_to_string(
        "feedback/portal_section.html", {"section": portal_context(tree.commune)}
    )

    for page in (listing, section):
        assert "Không đồng ý công khai" not in page
        assert "Chưa công khai" not in page
    assert client.get(reverse("feedback_public:answer", args=[item.pk])).status_code == 404
    assert client.get(reverse("feedback_public:answer", args=[waiting.pk])).status_code == 404


def test_an_unpublished_answer_leaves_the_public_list(client, tree, commune_officer):
    item = make_feedback(tree.commune, title="Đèn đường", publish_consent=True)
    actions.answer(item, by=commune_officer, text="Đã thay đèn.")
    actions.publish_answer(item, by=commune_officer)
    url = reverse("feedback_public:unit", args=[tree.commune.pk])
    assert "Đèn đường" in client.get(url).content.decode()

    actions.unpublish_answer(item, by=commune_officer)

    assert "Đèn đường" not in client.get(url).content.decode()
    assert client.get(reverse("feedback_public:answer", args=[item.pk])).status_code == 404
