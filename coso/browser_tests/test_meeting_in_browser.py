"""A secretary holds an officials' conference on a phone, in real headless Chromium (390x844).

She opens the meeting, checks people in from the list and by a personal code while the quorum
updates on the page (not valid at three of six, valid at exactly two thirds), a motion is voted
by show of hands and adopted, the meeting ends, and the minutes are downloaded as DOCX and PDF and
read back. Elements are found by the ids the pages give them, not by their wording.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterator

import pypdf
import pytest
from django.utils import timezone
from docx import Document
from playwright.sync_api import expect

from conftest import PASSWORD, make_user
from coso.browser_tests.conftest import ARTIFACTS
from coso.meetings.models import Meeting, MeetingStatus, Motion, ParticipantRole
from coso.meetings.tests.conftest import make_meeting, seat

PHONE = {"width": 390, "height": 844}
MOTION = "Thông qua Quy chế chi tiêu nội bộ năm 2027"


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


def _today_at_noon() -> dt.timedelta:
    noon = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time(12)))
    return noon - timezone.now()


def _download(page, locator) -> bytes:
    with page.expect_download() as info:
        locator.click()
    with open(info.value.path(), "rb") as handle:
        return handle.read()


def _words(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def test_secretary_checks_in_reaches_quorum_votes_and_downloads_the_minutes(phone, shot, tree):
    secretary = make_user("thuky", "Mai Thị Thư Ký", tree.office)
    # Given the office's conference, noticed for today: five staff and the secretary convened
    meeting = make_meeting(
        tree.office, status=MeetingStatus.NOTICED, starts_in=_today_at_noon(), participants=5
    )
    me = seat(meeting, secretary, role=ParticipantRole.SECRETARY)
    people = list(meeting.participants.exclude(pk=me.pk).order_by("pk"))
    page = phone
    quorum = page.locator("section#quorum").first

    # The secretary signs in and opens the check-in page
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(secretary.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r".*/bang-dieu-khien/.*|.*/$"))
    page.goto(f"/hoi-nghi/{meeting.pk}/diem-danh/")
    expect(quorum).to_have_attribute("data-convened", "6")
    expect(quorum).to_have_attribute("data-needed", "4")
    shot("01-check-in-page")

    # Opens the meeting
    page.locator("#hold-open").click()
    expect(page.locator("#hold-end")).to_be_visible()
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.IN_PROGRESS

    # Checks in herself and two others from the list: three of six is not a quorum
    for participant in (me, people[0], people[1]):
        page.locator(f"#checkin-{participant.pk}").click()
        expect(page.locator(f"#participant-{participant.pk}")).to_have_attribute(
            "data-present", "true"
        )
    expect(quorum).to_have_attribute("data-present", "3")
    expect(quorum).to_have_attribute("data-valid", "false")
    shot("02-three-of-six")

    # Checks in a fourth by the code on her invitation, typed in lower case: exactly two thirds
    page.locator("#id_code").fill(people[2].code.lower())
    page.locator("#checkin-code-form button").first.click()
    expect(page.locator("#code-result")).to_contain_text(people[2].full_name)
    expect(quorum).to_have_attribute("data-present", "4")
    expect(quorum).to_have_attribute("data-valid", "true")
    shot("03-quorum-reached")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    # Puts a motion to a show of hands, records the counts and closes it: adopted (3 of 4)
    page.goto(f"/hoi-nghi/{meeting.pk}/bieu-quyet/")
    form = page.locator("#motion-form")
    if not form.is_visible():
        page.locator("details:has(#motion-form) > summary").click()
    form.locator('input[name="title"]').fill(MOTION)
    form.locator('select[name="method"]').select_option("hands")
    page.locator("#motion-add").click()
    motion = Motion.objects.get(meeting=meeting, title=MOTION)
    page.locator(f"#motion-open-{motion.pk}").click()
    hands = page.locator(f"#hands-form-{motion.pk}")
    hands.locator('input[name="yes"]').fill("3")
    hands.locator('input[name="no"]').fill("1")
    hands.locator('input[name="abstain"]').fill("0")
    page.locator(f"#hands-save-{motion.pk}").click()
    page.locator(f"#motion-close-{motion.pk}").click()
    result = page.locator(f"#motion-result-{motion.pk}")
    expect(result).to_have_attribute("data-adopted", "true")
    expect(result).to_have_attribute("data-yes", "3")
    shot("04-motion-adopted")

    # Ends the meeting from its page (confirming the dialog)
    page.goto(f"/hoi-nghi/{meeting.pk}/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#hold-end").click()
    expect(page.locator("#minutes-docx")).to_be_visible()
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.HELD
    shot("05-meeting-held")

    # Downloads the minutes: both files open and say who came and what was decided
    word = _download(page, page.locator("#minutes-docx"))
    document = Document(io.BytesIO(word))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    docx_text = _words(" ".join([p.text for p in document.paragraphs] + cells))
    pdf = _download(page, page.locator("#minutes-pdf"))
    pdf_text = _words(" ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    for text in (docx_text, pdf_text):
        assert "BIÊN BẢN" in text
        assert MOTION in text
        assert "ĐƯỢC THÔNG QUA (3/4" in text
        assert secretary.full_name in text
        for participant in people:
            assert participant.full_name in text
        assert "Vắng" in text  # the annex marks the two who did not come
