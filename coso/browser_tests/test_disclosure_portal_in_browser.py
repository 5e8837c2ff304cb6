"""A citizen reads a disclosure on a phone, without signing in: the unit's portal, the list of
what it disclosed, one item with its files and its version history (issue 4, "How we will know")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from coso.disclosure import actions

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture
def phone(browser, live_server) -> Iterator:
    """A phone-sized page (390 x 844) with no session: an anonymous citizen."""
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport={"width": 390, "height": 844}
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def phone_screenshot(phone, request):
    from .conftest import ARTIFACTS

    folder = ARTIFACTS / request.node.name
    folder.mkdir(parents=True, exist_ok=True)

    def _shot(step: str):
        path = folder / f"{step}.png"
        phone.screenshot(path=str(path), full_page=True)
        return path

    return _shot


@pytest.fixture
def disclosures(tree, commune_officer):
    """The commune's budget with its table, and its yearly plan corrected once; a draft."""
    today = dt.date.today()
    budget = actions.create_disclosure(
        by=commune_officer,
        unit=tree.commune,
        category_code="ngan_sach",
        title=f"Công khai dự toán ngân sách xã năm {today.year}",
        body="Tổng thu ngân sách 12.500 triệu đồng; tổng chi 12.500 triệu đồng.",
        starts_on=today - dt.timedelta(days=3),
        ends_on=today + dt.timedelta(days=40),
    )
    actions.add_file(
        budget,
        by=commune_officer,
        file=SimpleUploadedFile("bieu-du-toan.pdf", PDF, content_type="application/pdf"),
        title="Biểu dự toán thu, chi ngân sách",
    )
    actions.publish(budget, by=commune_officer)
    plan = actions.publish_disclosure(
        by=commune_officer,
        unit=tree.commune,
        category_code="ke_hoach_kt_xh",
        title=f"Kế hoạch phát triển kinh tế - xã hội năm {today.year}",
        body="Thu ngân sách 11.900 triệu đồng.",
        starts_on=today - dt.timedelta(days=20),
        ends_on=today + dt.timedelta(days=25),
    )
    corrected = actions.correct_disclosure(
        plan,
        by=commune_officer,
        correction_note="Sửa chỉ tiêu thu ngân sách theo Nghị quyết HĐND xã.",
        body="Thu ngân sách 12.500 triệu đồng.",
        starts_on=today - dt.timedelta(days=2),
    )
    actions.create_disclosure(
        by=commune_officer,
        unit=tree.commune,
        category_code="dat_dai",
        title="Phương án bồi thường (bản nháp)",
        starts_on=today,
    )
    return budget, plan, corrected


def _fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_a_citizen_reads_a_disclosure_on_a_phone(phone, phone_screenshot, tree, disclosures):
    budget, plan, corrected = disclosures
    page = phone

    # The unit's portal page shows what is posted now, without signing in.
    page.goto(f"/cong-khai/{tree.commune.pk}/")
    section = page.locator("section", has=page.get_by_role("heading", name="Thông tin công khai"))
    expect(section.get_by_role("link", name=budget.title)).to_be_visible()
    phone_screenshot("00-portal")
    section.get_by_role("link", name=re.compile("Tất cả 2 nội dung đã công khai")).click()

    # The list of everything the unit disclosed, by category.
    expect(page.get_by_role("heading", name="Thông tin công khai")).to_be_visible()
    expect(page.get_by_role("link", name=budget.title)).to_be_visible()
    expect(page.get_by_text("Phương án bồi thường (bản nháp)")).to_have_count(0)
    assert _fits_the_screen(page)
    phone_screenshot("01-unit-list")

    # The citizen opens the budget and sees its file.
    page.get_by_role("link", name=budget.title).click()
    expect(page.get_by_role("heading", name=budget.title)).to_be_visible()
    expect(page.get_by_text("Tổng thu ngân sách 12.500 triệu đồng")).to_be_visible()
    file_link = page.get_by_role("link", name="Biểu dự toán thu, chi ngân sách")
    expect(file_link).to_be_visible()
    assert _fits_the_screen(page)
    phone_screenshot("02-budget")
    with page.expect_download() as download:
        file_link.click()
    assert download.value.suggested_filename == "bieu-du-toan.pdf"

    # Then the corrected plan: the current version and its history with dates.
    page.get_by_role("link", name="Thông tin công khai").first.click()
    page.get_by_role("link", name=corrected.title).click()
    expect(page.get_by_text("Thu ngân sách 12.500 triệu đồng.")).to_be_visible()
    history = page.get_by_test_id("versions")
    expect(history).to_contain_text("Phiên bản 1")
    expect(history).to_contain_text("Phiên bản 2")
    expect(history).to_contain_text("Sửa chỉ tiêu thu ngân sách theo Nghị quyết HĐND xã.")
    expect(history).to_contain_text(plan.starts_on.strftime("%d/%m/%Y"))
    assert _fits_the_screen(page)
    phone_screenshot("03-corrected-plan")

    # The earlier version stays readable and leads back to the current one.
    history.get_by_role("link", name="Phiên bản 1").click()
    expect(page.get_by_text("Thu ngân sách 11.900 triệu đồng.")).to_be_visible()
    expect(page.get_by_text("Phiên bản này đã được thay thế bằng bản đính chính.")).to_be_visible()
    phone_screenshot("04-earlier-version")
    page.get_by_role("link", name=re.compile("Xem phiên bản hiện hành")).click()
    expect(page).to_have_url(re.compile(rf"/cong-khai/thong-tin/{corrected.pk}/$"))
