"""The counting board enters paper ballots on a phone, in real headless Chromium (390x844).

An officer prepares the ballots of a household ballot, downloads the printed ballots, enters
them by code (one code twice: refused with a Vietnamese message), closes the vote and downloads
the minutes. Every file is read back. Buttons are found by where they post, not by their
wording, so the test does not depend on the translation of a label.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator

import pypdf
import pytest
from django.urls import reverse
from docx import Document
from playwright.sync_api import expect

from conftest import PASSWORD
from coso.browser_tests.conftest import ARTIFACTS
from coso.community import actions
from coso.community.models import (
    BallotCode,
    DecisionMethod,
    Matter,
    MatterKind,
    MatterStatus,
    Vote,
)

PHONE = {"width": 390, "height": 844}
VIETNAMESE = re.compile("[ăâđêôơưạảãàáằắẳẵặầấẩẫậẹẻẽèéềếểễệịỉĩìíọỏõòóồốổỗộờớởỡợụủũùúừứửữựỵỷỹỳý]")


@pytest.fixture
def phone(browser, live_server) -> Iterator:
    context = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        accept_downloads=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def shot(phone, request):
    folder = ARTIFACTS / request.node.name
    folder.mkdir(parents=True, exist_ok=True)

    def _shot(step: str) -> None:
        phone.screenshot(path=str(folder / f"{step}.png"), full_page=True)

    return _shot


def _text(pages: list[str]) -> str:
    return unicodedata.normalize("NFC", " ".join(" ".join(pages).split()))


def _download(page, locator) -> bytes:
    with page.expect_download() as info:
        locator.click()
    path = info.value.path()
    with open(path, "rb") as handle:
        return handle.read()


def test_counting_board_enters_paper_ballots_on_a_phone(phone, shot, tree, commune_officer):
    # Given a household ballot of Thôn Đông's five households
    village = tree.village
    for number in range(1, 6):
        actions.add_household(
            by=commune_officer,
            unit=village,
            code=f"H{number:03d}",
            representative_name=f"Nguyễn Văn Hộ {number}",
        )
    matter = actions.open_matter(
        by=commune_officer,
        unit=village,
        kind=MatterKind.INFRASTRUCTURE,
        title="Đóng góp làm đường trục thôn",
        description="Mỗi hộ góp 500.000 đồng để bê tông hóa đường trục thôn?",
        method=DecisionMethod.BALLOT,
    )
    url = {
        name: reverse(f"community:{name}", args=[matter.pk])
        for name in ("detail", "counting", "prepare_ballots", "ballots_pdf", "close", "minutes")
    }
    url["minutes_pdf"] = reverse("community:minutes_pdf", args=[matter.pk])
    url["minutes_docx"] = reverse("community:minutes_docx", args=[matter.pk])
    page = phone

    # The officer signs in on the phone and opens the counting page
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(commune_officer.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r".*/bang-dieu-khien/.*"))
    page.goto(url["counting"])
    shot("01-counting-page-before-ballots")

    # Prepares the ballots (the community app's action) and downloads them
    page.locator(f'form[action="{url["prepare_ballots"]}"] button').click()
    page.wait_for_url(f"**{url['detail']}")
    assert BallotCode.objects.filter(matter=matter).count() == 5
    page.goto(url["counting"])
    pdf = _download(page, page.locator(f'a[href="{url["ballots_pdf"]}"]'))
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 5
    codes = list(BallotCode.objects.filter(matter=matter).order_by("household__code"))
    sheets = [unicodedata.normalize("NFC", p.extract_text()) for p in reader.pages]
    for sheet, ballot in zip(sheets, codes, strict=True):
        assert ballot.household.representative_name in sheet
        assert "-".join(ballot.code[i : i + 4] for i in range(0, 12, 4)) in sheet
    shot("02-ballots-prepared")

    code_box = page.locator('input[name="code"]')
    submit = page.locator("#counting-panel form button")

    def enter(code: str, choice: str) -> None:
        code_box.fill(code)
        page.locator(f'input[name="choice"][value="{choice}"]').check()
        submit.click()

    # Enters the first ballot as printed, with its dashes
    enter("-".join(codes[0].code[i : i + 4] for i in range(0, 12, 4)), "yes")
    expect(page.locator("#tally-voted")).to_have_text("1/5")
    expect(page.locator("#tally-yes")).to_have_text("1")
    shot("03-first-ballot-entered")

    # Enters the second ballot as a phone's scanner types it, in lower case
    enter(codes[1].code.lower(), "no")
    expect(page.locator("#tally-voted")).to_have_text("2/5")
    expect(page.locator("#tally-no")).to_have_text("1")

    # Enters the first code again: refused with a Vietnamese message, nothing recorded
    enter(codes[0].code, "no")
    error = page.locator("#counting-panel .error").first
    expect(error).to_contain_text(codes[0].code)
    assert VIETNAMESE.search(error.inner_text()), error.inner_text()
    expect(page.locator("#tally-voted")).to_have_text("2/5")
    shot("04-reused-code-refused")
    assert Vote.objects.filter(matter=matter).count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # Closes the vote (the community app's action) and downloads the minutes
    page.locator(f'form[action="{url["close"]}"] button').click()
    page.wait_for_url(f"**{url['detail']}")
    matter = Matter.objects.get(pk=matter.pk)
    assert matter.status == MatterStatus.CLOSED and matter.adopted is False
    page.goto(url["minutes"])
    page.locator('input[name="chair"]').fill("Nguyễn Văn Trưởng")
    page.locator('input[name="chair_role"]').fill("Trưởng thôn")
    shot("05-minutes-form")
    minutes = _download(page, page.locator(f'button[formaction="{url["minutes_pdf"]}"]'))
    text = _text([p.extract_text() for p in pypdf.PdfReader(io.BytesIO(minutes)).pages])
    for expected in (
        "BIÊN BẢN KIỂM PHIẾU",
        "Số phiếu thu vào 2 phiếu",
        "Số hộ gia đình đồng ý: 1/5 hộ, bằng 20%",
        "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15",
        "KHÔNG ĐƯỢC THÔNG QUA",
        "Nguyễn Văn Trưởng",
    ):
        assert expected in text, expected
    word = _download(page, page.locator(f'button[formaction="{url["minutes_docx"]}"]'))
    paragraphs = " ".join(p.text for p in Document(io.BytesIO(word)).paragraphs)
    assert "KHÔNG ĐƯỢC THÔNG QUA" in unicodedata.normalize("NFC", paragraphs)
    shot("06-minutes-downloaded")
