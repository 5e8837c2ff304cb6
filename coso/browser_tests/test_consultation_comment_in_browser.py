"""A citizen without an account comments on a draft from a phone, in real headless Chromium."""

from __future__ import annotations

import datetime as dt
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from playwright.sync_api import expect

from coso.browser_tests.conftest import ARTIFACTS
from coso.consultations import actions
from coso.consultations.models import Channel, Comment, ConsultationKind
from coso.core.dates import today

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


def field(page, label: str):
    """A form field by its exact label; required fields carry a trailing asterisk."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def _seed_kinds() -> None:
    """The kinds of art. 25 come from a data migration; a browser test run after another one
    finds the tables emptied by its clean-up, so they are put back (idempotent)."""
    migration = importlib.import_module("coso.consultations.migrations.0002_consultation_kinds")
    migration.add_kinds(django_apps, None)


def test_a_citizen_comments_on_a_section_from_a_phone(phone, phone_shot, tree, commune_officer):
    # given the commune has put a draft with two articles to the people, online
    _seed_kinds()
    consultation = actions.create_consultation(
        by=commune_officer,
        unit=tree.commune,
        kind=ConsultationKind.objects.get(code="commune-decision"),
        title="Dự thảo quy định đóng góp xây dựng nhà văn hóa",
        opens_on=today() - dt.timedelta(days=3),
        closes_on=today() + dt.timedelta(days=14),
        channels=(Channel.PORTAL, Channel.MEETING),
        sections=(
            ("Điều 1. Phạm vi", "Quy định việc đóng góp xây dựng nhà văn hóa."),
            ("Điều 2. Mức đóng góp", "Mỗi hộ đóng góp 500.000 đồng, chia làm hai đợt."),
        ),
    )
    actions.open_consultation(consultation, by=commune_officer)

    # when an anonymous citizen opens the commune's portal page on a phone
    phone.goto(f"/cong-khai/{tree.commune.pk}/")
    expect(phone.get_by_role("heading", name="Xã Thanh Miện")).to_be_visible()
    expect(phone.get_by_text("còn 14 ngày")).to_be_visible()
    phone_shot("01-portal")

    # ... opens the consultation and reads article 2
    phone.get_by_role("link", name=consultation.title).click()
    article = phone.locator(
        "section", has=phone.get_by_role("heading", name="Điều 2. Mức đóng góp")
    )
    expect(article).to_contain_text("Mỗi hộ đóng góp 500.000 đồng")
    article.scroll_into_view_if_needed()
    phone_shot("02-draft")

    # ... and comments on that article, leaving a phone number
    article.get_by_role("link", name="Góp ý về mục này").click()
    expect(field(phone, "Ý kiến của bạn về")).to_have_value(str(consultation.sections.last().pk))
    field(phone, "Nội dung ý kiến").fill("Đề nghị chia làm ba đợt cho các hộ khó khăn.")
    field(phone, "Họ và tên").fill("Nguyễn Văn An")
    field(phone, "Số điện thoại hoặc thư điện tử").fill("0912 345 678")
    phone_shot("03-comment-form")
    phone.get_by_role("button", name="Gửi ý kiến").click()

    # then they see the confirmation
    expect(
        phone.get_by_role("heading", name="Cảm ơn bạn: ý kiến đã được tiếp nhận")
    ).to_be_visible()
    phone_shot("04-confirmation")
    # the page fits the phone's width: nothing to scroll sideways
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE_VIEWPORT["width"]

    # and the comment is kept on article 2 with the phone number, which is never shown
    comment = Comment.objects.get()
    assert comment.section.heading == "Điều 2. Mức đóng góp"
    assert comment.contact == "0912345678"
    phone.goto(f"/cong-khai/lay-y-kien/{consultation.pk}/")
    expect(phone.get_by_text("Đã nhận 1 ý kiến.")).to_be_visible()
    assert "0912" not in phone.content()
