"""The form pages open, and editing a plan or a finding saves it."""

from __future__ import annotations

from django.urls import reverse

from coso.inspections import actions

from .conftest import days, ddmm


def test_every_form_page_opens_for_the_steering_officer(world, login, province_officer):
    client = login(province_officer)
    for url in (
        reverse("inspections:create"),
        reverse("inspections:edit", args=[world.draft.pk]),
        reverse("inspections:campaign_create"),
        reverse("inspections:target", args=[world.office_target.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(reverse("inspections:target", args=[world.office_target.pk])).content
    assert "Ghi kết quả kiểm tra" in page.decode()


def test_editing_the_draft_plan(world, login, province_officer):
    client = login(province_officer)

    response = client.post(
        reverse("inspections:edit", args=[world.draft.pk]),
        {
            "year": days(0).year,
            "number": "07-KH/BCĐ",
            "title": "Kế hoạch kiểm tra đã sửa",
            "content": "Nội dung mới",
            "starts_on": ddmm(days(-40)),
            "ends_on": ddmm(days(30)),
        },
    )

    assert response.status_code == 302
    world.draft.refresh_from_db()
    assert world.draft.title == "Kế hoạch kiểm tra đã sửa" and world.draft.number == "07-KH/BCĐ"


def test_a_schedule_that_leaves_out_a_planned_date_is_refused(world, login, province_officer):
    client = login(province_officer)

    response = client.post(
        reverse("inspections:edit", args=[world.draft.pk]),
        {
            "year": days(0).year,
            "title": "Kế hoạch",
            "starts_on": ddmm(days(-10)),
            "ends_on": ddmm(days(30)),
        },
    )

    assert response.status_code == 200
    assert 'id="id_starts_on-error"' in response.content.decode()


def test_a_team_member_edits_a_finding_until_the_conclusion(
    world, login, committee_member, province_officer
):
    finding = actions.record_finding(
        world.office_target, by=committee_member, text="Chưa tổ chức hội nghị."
    )
    client = login(committee_member)
    url = reverse("inspections:finding_edit", args=[finding.pk])

    assert client.get(url).status_code == 200
    client.post(url, {"text": "Chưa tổ chức hội nghị cán bộ, công chức năm nay."})
    finding.refresh_from_db()
    assert finding.text.endswith("năm nay.")
    assert "hoi nghi can bo" in finding.search_text

    actions.conclude_target(world.office_target, by=province_officer, conclusion="Chấn chỉnh.")
    response = client.post(url, {"text": "Sửa sau kết luận"})
    assert "Đơn vị này đã có kết luận" in response.content.decode()
    finding.refresh_from_db()
    assert finding.text.endswith("năm nay.")
