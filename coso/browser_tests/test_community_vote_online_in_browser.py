"""A household representative signs in on a phone, opens the matter, votes online, sees the
receipt and cannot vote again (Law 10/2022/QH15, art. 17: one vote per household)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from conftest import PASSWORD, make_user
from coso.community import actions
from coso.community.models import DecisionMethod, Household, MatterKind, Vote


@pytest.fixture
def phone(browser, live_server) -> Iterator:
    """A page the size of a common phone (390 × 844)."""
    context = browser.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def shot(phone, request):
    from coso.browser_tests.conftest import ARTIFACTS

    folder = ARTIFACTS / request.node.name
    folder.mkdir(parents=True, exist_ok=True)

    def _shot(step: str):
        path = folder / f"{step}.png"
        phone.screenshot(path=str(path), full_page=True)
        return path

    return _shot


def test_household_representative_votes_online_once(phone, shot, tree, commune_officer):
    # Given Thôn Đông with 3 households; the representative of household TD-01 has an account
    village = tree.village
    representative = make_user("daidien", "Ngô Thị Hoa", village)
    for n in range(1, 4):
        actions.add_household(
            by=commune_officer,
            unit=village,
            code=f"TD-0{n}",
            representative_name="Ngô Thị Hoa" if n == 1 else f"Chủ hộ {n}",
            representative_user=representative if n == 1 else None,
        )
    matter = actions.open_matter(
        by=commune_officer,
        unit=village,
        kind=MatterKind.OTHER,
        title="Chọn ngày tổng vệ sinh môi trường hằng tháng",
        description="Sáng Chủ nhật cuối tháng, mỗi hộ cử một người.",
        method=DecisionMethod.ONLINE,
    )

    # When she signs in on her phone
    phone.goto("/bieu-quyet/cua-toi/")
    phone.get_by_label("Tên đăng nhập").fill("daidien")
    phone.get_by_label("Mật khẩu").fill(PASSWORD)
    phone.get_by_role("button", name="Đăng nhập").click()
    phone.wait_for_url("**/bieu-quyet/cua-toi/")
    shot("01-my-matters")
    # and opens the matter
    phone.get_by_role("link", name=matter.title).click()
    phone.wait_for_url(f"**/bieu-quyet/{matter.pk}/bo-phieu/")
    assert phone.get_by_text("TD-01").first.is_visible()
    # the page fits the phone: nothing wider than the screen
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    shot("02-vote-form")

    # and votes "agree"
    phone.get_by_label("Tán thành", exact=True).check()
    phone.get_by_role("button", name="Gửi biểu quyết của hộ").click()

    # Then she sees the receipt and no form
    receipt = phone.locator("#receipt")
    receipt.wait_for()
    assert "Hộ đã biểu quyết" in receipt.inner_text()
    assert "Tán thành" in receipt.inner_text()
    assert phone.locator("input[name=choice]").count() == 0
    shot("03-receipt")

    # And coming back to the matter never shows a second form
    phone.goto(f"/bieu-quyet/{matter.pk}/bo-phieu/")
    phone.locator("#receipt").wait_for()
    assert phone.locator("input[name=choice]").count() == 0
    shot("04-back-again")

    household = Household.objects.get(code="TD-01")
    vote = Vote.objects.get(matter=matter)
    assert (vote.household, vote.choice, vote.cast_by) == (household, "yes", representative)
