"""The steering flow an officer lives in, in real headless Chromium on a phone-sized screen."""

import datetime as dt
import re

from playwright.sync_api import expect

from conftest import PASSWORD
from coso.plans.models import Plan, PlanStatus


def field(page, label: str):
    """A form field by its exact label; required fields carry a trailing asterisk."""
    return page.get_by_label(re.compile(rf"^{re.escape(label)}( \*)?$"))


def sign_in(page, user) -> None:
    page.goto("/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r".*/bang-dieu-khien/\d+/.*"))


def add_task(page, title: str, *, timing: str, **choice) -> None:
    page.get_by_role("link", name="Thêm nhiệm vụ").first.click()
    field(page, "Nhiệm vụ").fill(title)
    page.get_by_role("radio", name=timing).check()
    if "quarter" in choice:
        field(page, "Quý").select_option(str(choice["quarter"]))
    if "due_date" in choice:
        page.get_by_role("textbox", name="Hạn hoàn thành").fill(choice["due_date"])
    page.locator("main form button.primary").click()
    expect(page.get_by_text(title).first).to_be_visible()


def test_officer_plans_derives_and_sees_coverage(page, screenshot, tree, province_officer):
    year = dt.date.today().year
    sign_in(page, province_officer)

    # Create the province's plan with two tasks.
    page.goto(f"/ke-hoach/tao-moi/?unit={tree.province.pk}")
    field(page, "Số ký hiệu").fill("04-KH/BCĐ")
    field(page, "Ngày").fill(f"24/01/{year}")
    field(page, "Trích yếu").fill(f"Kế hoạch thực hiện dân chủ ở cơ sở năm {year}")
    screenshot("01-plan-form")
    page.get_by_role("button", name="Lưu và thêm nhiệm vụ").click()
    field(page, "Nhiệm vụ").fill("Tuyên truyền Luật Thực hiện dân chủ ở cơ sở")
    page.get_by_role("radio", name="Quý").check()
    field(page, "Quý").select_option("1")
    page.locator("main form button.primary").click()
    add_task(page, "Sơ kết 6 tháng", timing="Hạn hoàn thành", due_date=f"15/06/{year}")
    page.get_by_role("button", name="Ban hành").click()
    expect(page.get_by_text("Sơ kết 6 tháng").first).to_be_visible()
    screenshot("02-plan-issued")
    parent = Plan.objects.get(unit=tree.province, number="04-KH/BCĐ")
    assert parent.status == PlanStatus.ISSUED
    assert parent.tasks.count() == 2

    # Derive the commune's plan, carrying one of the two tasks down.
    page.get_by_role("link", name=re.compile("Xây dựng kế hoạch")).click()
    field(page, "Đơn vị").select_option(str(tree.commune.pk))
    field(page, "Số ký hiệu").fill("12-KH/UBND")
    field(page, "Ngày").fill(f"01/02/{year}")
    page.get_by_label("Tuyên truyền Luật", exact=False).uncheck()
    screenshot("03-derive-form")
    page.locator("form button.primary").click()
    expect(page.get_by_text("Sơ kết 6 tháng").first).to_be_visible()
    child = Plan.objects.get(unit=tree.commune)
    assert child.parent_plan == parent
    assert [t.source_task.title for t in child.tasks.all()] == ["Sơ kết 6 tháng"]
    page.get_by_role("button", name="Ban hành").click()
    screenshot("04-child-issued")

    # The province's dashboard shows that one of its two communes has issued its plan.
    page.goto(f"/bang-dieu-khien/{tree.province.pk}/bao-phu/?year={year}")
    screenshot("05-coverage")
    commune_row = page.locator("tr", has_text="Xã Thanh Miện").first
    expect(commune_row).to_contain_text("12-KH/UBND")
    other_row = page.locator("tr", has_text="Phường Quy Nhơn").first
    expect(other_row).to_contain_text(re.compile("chưa ban hành", re.IGNORECASE))
    page.goto(f"/bang-dieu-khien/{tree.province.pk}/?year={year}")
    screenshot("06-dashboard")
