"""A citizen without an account sends feedback from a phone, keeps the tracking code, follows
the item by that code and says the answer settled the matter, in real headless Chromium."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from coso.browser_tests.conftest import ARTIFACTS
from coso.feedback import actions
from coso.feedback.models import Feedback, Status

PHONE_VIEWPORT = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, live_server) -> Iterator:
    """A phone-sized page (390 × 844, touch) on the live server, in Vietnamese."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        viewport=PHONE_VIEWPORT,
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone_shot(phone, request):
    folder = ARTIFACTS / request.node.name
    folder.mkdir(parents=True, exist_ok=True)

    def _shot(step: str) -> Path:
        path = folder / f"{step}.png"
        phone.screenshot(path=str(path), full_page=True)
        return path

    return _shot


def fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE_VIEWPORT["width"]


def test_a_citizen_sends_feedback_and_follows_it_by_its_code(
    phone, phone_shot, tree, commune_officer
):
    # given the commune's feedback form, opened on a phone
    phone.goto(f"/cong-khai/phan-anh/gui/{tree.commune.pk}/")
    expect(
        phone.get_by_role("heading", name="Gửi phản ánh, kiến nghị đến Xã Thanh Miện")
    ).to_be_visible()
    assert fits_the_phone(phone)

    # when a citizen chooses "Phản ánh", describes the problem and leaves a phone number
    phone.get_by_label("Phản ánh", exact=True).check()
    phone.locator("#id_title").fill("Đèn đường Thôn Đông hỏng")
    phone.locator("#id_content").fill("Ba bóng đèn đường ở Thôn Đông hỏng hơn một tháng nay.")
    phone.locator("#id_sender_name").fill("Nguyễn Văn An")
    phone.locator("#id_sender_phone").fill("0912 345 678")
    phone.locator("#id_publish_consent").check()
    phone_shot("01-form")
    phone.get_by_role("button", name="Gửi phản ánh, kiến nghị").click()

    # then the confirmation shows the tracking code, large, and the due date
    expect(
        phone.get_by_role("heading", name="Phản ánh, kiến nghị của bạn đã được tiếp nhận")
    ).to_be_visible()
    item = Feedback.objects.get()
    code = phone.locator("#ma-theo-doi")
    expect(code).to_have_text(item.tracking_code)
    expect(phone.get_by_text(item.due_on.strftime("%d/%m/%Y"))).to_be_visible()
    assert fits_the_phone(phone)
    phone_shot("02-code")

    # when, later, they type the code loosely on the lookup page
    phone.goto("/cong-khai/phan-anh/tra-cuu/")
    phone.locator("#id_code").fill(" " + item.tracking_code.lower().replace("-", " "))
    phone.get_by_role("button", name="Tra cứu").click()

    # then they see their item, received by the commune
    expect(phone.get_by_role("heading", name="Đèn đường Thôn Đông hỏng")).to_be_visible()
    expect(phone.get_by_text("Xã Thanh Miện đã tiếp nhận.")).to_be_visible()
    phone_shot("03-track")

    # given the commune answers
    actions.answer(item, by=commune_officer, text="Xã đã thay ba bóng đèn ngày 20/11.")

    # when they reload and say the answer settled the matter
    phone.reload()
    expect(phone.get_by_text("Xã đã thay ba bóng đèn ngày 20/11.")).to_be_visible()
    phone.get_by_label("Có, vấn đề đã được giải quyết").check()
    phone_shot("04-answer")
    phone.get_by_role("button", name="Gửi ý kiến của tôi").click()

    # then the item is closed, and they are told so
    expect(
        phone.get_by_text("Cảm ơn bạn: phản ánh đã được kết thúc vì vấn đề đã được giải quyết.")
    ).to_be_visible()
    assert fits_the_phone(phone)
    phone_shot("05-closed")
    item.refresh_from_db()
    assert item.status == Status.CLOSED
    assert item.sender_satisfied is True
    # and their phone number never appeared on the public pages
    assert "0912 345 678" not in phone.content()
