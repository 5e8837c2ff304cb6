"""Bad input: a clear Vietnamese message on the right field, nothing half-saved, never a 500."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coso.core.errors import InvalidTransition
from coso.inspections import actions
from coso.inspections.actions import ActionSpec
from coso.inspections.models import ActionStatus, CorrectiveAction, InspectionTarget

from .conftest import days, ddmm, finding


def test_a_target_outside_the_inspecting_units_subtree_is_refused(world, tree, province_officer):
    for unit in (tree.central, tree.province):
        with pytest.raises(ValidationError) as exc:
            actions.add_target(world.draft, by=province_officer, unit=unit, planned_on=days(-30))
        assert exc.value.message_dict["unit"] == ["Chọn một đơn vị trực thuộc Tỉnh Gia Lai."]
    assert world.draft.targets.count() == 1


def test_the_page_refuses_a_target_outside_the_subtree_on_its_field(
    world, tree, login, province_officer
):
    client = login(province_officer)

    response = client.post(
        reverse("inspections:target_add", args=[world.draft.pk]),
        {"target-unit": tree.central.pk, "target-planned_on": ddmm(days(-30))},
    )

    assert response.status_code == 400
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert world.draft.targets.count() == 1


def test_a_planned_date_outside_the_schedule_and_a_twice_named_unit(world, tree, province_officer):
    with pytest.raises(ValidationError) as exc:
        actions.add_target(world.draft, by=province_officer, unit=tree.office, planned_on=days(90))
    assert "planned_on" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        actions.add_target(
            world.draft, by=province_officer, unit=tree.other_commune, planned_on=days(-30)
        )
    assert exc.value.message_dict["unit"] == ["Đơn vị này đã có trong kế hoạch."]


def test_a_deadline_before_the_conclusion_date_saves_nothing(
    world, province_officer, committee_member
):
    target = world.office_target
    finding(target, committee_member)

    with pytest.raises(ValidationError) as exc:
        actions.conclude_target(
            target,
            by=province_officer,
            conclusion="Yêu cầu chấn chỉnh.",
            concluded_on=days(-10),
            actions=[
                ActionSpec("Đúng hạn", days(5)),
                ActionSpec("Hạn trước ngày kết luận", days(-11)),
            ],
        )

    assert exc.value.message_dict["deadline"] == [
        f"Thời hạn không được trước ngày kết luận ({ddmm(days(-10))})."
    ]
    target = InspectionTarget.objects.get(pk=target.pk)
    assert not target.is_concluded and target.conclusion == ""
    assert not target.actions.exists()


def test_the_conclusion_page_shows_the_deadline_error_on_the_action_row(
    world, login, province_officer, committee_member
):
    finding(world.office_target, committee_member)
    client = login(province_officer)

    response = client.post(
        reverse("inspections:target_conclude", args=[world.office_target.pk]),
        {
            "conclusion-conclusion": "Yêu cầu chấn chỉnh.",
            "conclusion-concluded_on": ddmm(days(-2)),
            "actions-TOTAL_FORMS": "1",
            "actions-INITIAL_FORMS": "0",
            "actions-0-description": "Tổ chức hội nghị cán bộ",
            "actions-0-deadline": ddmm(days(-3)),
        },
    )

    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_actions-0-deadline-error"' in page
    assert "Thời hạn không được trước ngày kết luận" in page
    assert not CorrectiveAction.objects.filter(target=world.office_target).exists()


def test_reporting_twice_is_refused_everywhere(world, login, commune_officer):
    actions.report_action(world.upcoming, by=commune_officer, note="Đã làm.")

    with pytest.raises(InvalidTransition):
        actions.report_action(world.upcoming, by=commune_officer, note="Lần hai.")
    client = login(commune_officer)
    page = client.post(
        reverse("inspections:action_report", args=[world.upcoming.pk]), {"note": "Lần ba."}
    )
    api = client.post(
        f"/api/v1/inspections/corrective-actions/{world.upcoming.pk}/report",
        {"note": "Lần bốn."},
        content_type="application/json",
    )

    assert page.status_code == 400
    assert "Không thể chuyển trạng thái" in page.content.decode()
    assert api.status_code == 400
    world.upcoming.refresh_from_db()
    assert world.upcoming.report_note == "Đã làm."
    assert world.upcoming.status == ActionStatus.REPORTED


def test_a_self_inspection_result_is_sent_once(campaign, tree, login, commune_officer):
    report = campaign.reports.get(unit=tree.commune)
    client = login(commune_officer)
    url = reverse("inspections:self_report", args=[report.pk])
    client.post(url, {"result": "Lần một.", "assessment": "good"})

    again = client.post(url, {"result": "Lần hai.", "assessment": "weak"})

    assert again.status_code == 400
    assert "đã được gửi ngày" in again.content.decode()
    report.refresh_from_db()
    assert report.result == "Lần một." and report.assessment == "good"


def test_empty_long_and_wrong_type_input_gets_field_messages(
    world, campaign, tree, login, commune_officer, committee_member
):
    member = login(committee_member)
    empty = member.post(
        reverse("inspections:finding_add", args=[world.office_target.pk]), {"finding-text": " "}
    )
    assert empty.status_code == 400 and "Trường này là bắt buộc." in empty.content.decode()
    long = member.post(
        reverse("inspections:finding_add", args=[world.office_target.pk]),
        {"finding-text": "x" * 100_000},
    )
    assert long.status_code == 400 and "20000" in long.content.decode().replace(".", "")
    assert not world.office_target.findings.exists()

    unit = login(commune_officer)
    fake = SimpleUploadedFile("bien-ban.pdf", b"not a pdf at all", content_type="application/pdf")
    response = unit.post(
        reverse("inspections:action_report", args=[world.upcoming.pk]),
        {"note": "Đã làm.", "file": fake},
    )
    assert response.status_code == 400
    assert "Nội dung tệp không đúng với loại tệp" in response.content.decode()
    world.upcoming.refresh_from_db()
    assert world.upcoming.status == ActionStatus.OPEN


def test_a_campaign_deadline_in_the_past_is_refused_on_its_field(
    login, province_officer, committee
):
    client = login(province_officer)

    response = client.post(
        reverse("inspections:campaign_create"),
        {
            "committee": committee.pk,
            "year": days(0).year,
            "title": "Tự kiểm tra",
            "unit_kinds": ["commune"],
            "deadline": ddmm(days(-1)),
        },
    )

    assert response.status_code == 200
    assert 'id="id_deadline-error"' in response.content.decode()
    assert "Thời hạn không được ở quá khứ." in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/kiem-tra/abc/",
        "/kiem-tra/99999999999999999999/",
        "/kiem-tra/don-vi/0/",
        "/kiem-tra/khac-phuc/-1/",
        "/kiem-tra/khac-phuc/?unit=abc&state=overdue",
        "/kiem-tra/khac-phuc/?unit=99999999999999999999",
        "/kiem-tra/khac-phuc/?unit=1&side=nowhere&state=xyz",
        "/kiem-tra/?year=abc&status=nope&page=zz",
        "/kiem-tra/tu-kiem-tra/?year=99999&page=-3",
        "/kiem-tra/tu-kiem-tra/bao-cao/123456789/",
        "/api/v1/inspections/plans/abc",
        "/api/v1/inspections/plans/99999999999999999999",
        "/api/v1/inspections/targets/0",
        "/api/v1/inspections/corrective-actions/?unit_id=99999999999999999999",
        "/api/v1/inspections/corrective-actions/?state=whatever",
        "/api/v1/inspections/self-inspections/abc",
    ],
)
def test_an_id_that_is_not_an_id_never_answers_500(world, campaign, login, province_officer, url):
    response = login(province_officer).get(url)

    assert response.status_code in (200, 404, 422)


def test_the_campaign_id_in_a_post_that_is_not_a_committee(login, province_officer, committee):
    response = login(province_officer).post(
        reverse("inspections:create"),
        {"committee": "abc", "year": "20x", "title": "", "starts_on": "31/02/2026"},
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_committee-error"' in page and 'id="id_starts_on-error"' in page
