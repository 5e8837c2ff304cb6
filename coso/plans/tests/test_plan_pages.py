"""Creating, finding, editing, issuing and withdrawing plans through their pages."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.plans.models import BasisKind, Plan, PlanStatus

from .conftest import make_plan


def test_plan_search_without_diacritics_and_by_number(login, tree, root_admin, province_officer):
    make_plan(root_admin, tree.province, "04-KH/BCĐ", issue=True, title="Kế hoạch dân chủ ở cơ sở")
    make_plan(root_admin, tree.commune, "12-KH/UBND", issue=True, title="Kế hoạch tuyên truyền")
    client = login(province_officer)

    by_words = client.get(reverse("plans:list"), {"q": "dan chu co so"}).content.decode()
    by_number = client.get(reverse("plans:list"), {"q": "12-KH"}).content.decode()

    assert "Kế hoạch dân chủ ở cơ sở" in by_words and "Kế hoạch tuyên truyền" not in by_words
    assert "Kế hoạch tuyên truyền" in by_number and "Kế hoạch dân chủ ở cơ sở" not in by_number


def test_plan_list_filters_by_unit_year_kind_and_status(login, tree, root_admin, province_officer):
    make_plan(root_admin, tree.province, "01-KH", issue=True, title="KH tỉnh 2024")
    make_plan(root_admin, tree.commune, "02-KH", issue=False, title="KH xã 2024")
    make_plan(root_admin, tree.commune, "03-KH", issue=True, title="KH xã 2025", year=2025)
    client = login(province_officer)
    url = reverse("plans:list")

    commune = client.get(url, {"unit": tree.commune.pk}).content.decode()
    year = client.get(url, {"year": 2025}).content.decode()
    drafts = client.get(url, {"status": "draft"}).content.decode()
    programs = client.get(url, {"kind": "program"}).content.decode()

    assert "KH xã 2024" in commune and "KH xã 2025" in commune and "KH tỉnh 2024" not in commune
    assert "KH xã 2025" in year and "KH xã 2024" not in year
    assert "KH xã 2024" in drafts and "KH tỉnh 2024" not in drafts
    assert "Không tìm thấy kế hoạch nào." in programs


def test_create_plan_with_upper_plan_then_add_task_and_issue(
    login, tree, root_admin, commune_officer
):
    upper = make_plan(root_admin, tree.province, "04-KH/BCĐ", issue=True)
    client = login(commune_officer)
    create_url = reverse("plans:create") + f"?unit={tree.commune.pk}"
    assert upper.number in client.get(create_url).content.decode()

    response = client.post(
        create_url,
        {
            "unit": tree.commune.pk,
            "kind": "program",
            "number": "15-CTr/UBND",
            "place": "Thanh Miện",
            "issued_on": "05/02/2024",
            "title": "Chương trình công tác năm 2024",
            "legal_texts": "Luật số 10/2022/QH15\nNghị định số 59/2023/NĐ-CP",
            "upper_plan": upper.pk,
            "signer_name": "Nguyễn Văn A",
            "sections-TOTAL_FORMS": "0",
            "sections-INITIAL_FORMS": "0",
        },
    )
    plan = Plan.objects.get(number="15-CTr/UBND")
    assert response["Location"] == reverse("plans:task_add", args=[plan.pk])
    assert plan.parent_plan == upper
    assert [b.kind for b in plan.bases.all()] == [BasisKind.UPPER_PLAN, "legal", "legal"]

    # issuing without tasks is refused with a message
    refused = client.post(reverse("plans:issue", args=[plan.pk]), follow=True)
    assert "Kế hoạch phải có ít nhất một nhiệm vụ trước khi ban hành." in refused.content.decode()

    client.post(
        reverse("plans:task_add", args=[plan.pk]), {"title": "Hội nghị", "timing": "ad_hoc"}
    )
    client.post(reverse("plans:issue", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED

    html = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert "CHƯƠNG TRÌNH" in html and "Đột xuất" in html and "05/02/2024" in html
    assert "Nghị định số 59/2023/NĐ-CP" in html

    client.post(reverse("plans:withdraw", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.WITHDRAWN


def test_edit_plan_and_add_a_section(login, tree, root_admin, commune_officer):
    plan = make_plan(root_admin, tree.commune, "12-KH/UBND", issue=False)
    client = login(commune_officer)

    client.post(
        reverse("plans:edit", args=[plan.pk]),
        {"kind": "plan", "number": "12-KH/UBND", "issued_on": "10/01/2024", "title": "Tên mới"},
    )
    client.post(
        reverse("plans:section_add", args=[plan.pk]),
        {"section-number": "II.", "section-title": "Nhiệm vụ", "section-body": ""},
    )

    plan.refresh_from_db()
    assert (plan.title, plan.issued_on) == ("Tên mới", dt.date(2024, 1, 10))
    assert [s.title for s in plan.sections.all()] == ["Nhiệm vụ"]


def test_create_page_without_a_unit_offers_the_units_the_officer_manages(
    login, tree, commune_officer
):
    html = login(commune_officer).get(reverse("plans:create")).content.decode()

    assert "Xã Thanh Miện" in html
    assert "Phường Quy Nhơn" not in html
    assert "Thôn Đông" not in html  # a residential community does not issue plans


def test_plan_list_is_in_vietnamese(login, province_officer):
    html = login(province_officer).get(reverse("plans:list")).content.decode()

    assert "Chương trình, kế hoạch" in html
    assert "Nhiệm vụ quá hạn" in html
