from conftest import PASSWORD


def test_officer_signs_in_and_lands_on_the_dashboard(page, screenshot, province_officer, tree):
    page.goto("/")
    assert "/dang-nhap/" in page.url
    page.get_by_label("Tên đăng nhập").fill(province_officer.username)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    screenshot("01-login")
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"**/bang-dieu-khien/{tree.province.pk}/**")
    screenshot("02-dashboard")
    assert page.title().endswith("coso")
