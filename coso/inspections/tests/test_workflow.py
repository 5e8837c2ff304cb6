"""Every status change of a plan, a corrective action and a campaign, and the refused ones."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.core.errors import InvalidTransition
from coso.inspections import actions
from coso.inspections.models import ActionStatus, CampaignStatus, PlanStatus

from .conftest import conclude, days, finding, make_plan, prepare


def test_a_plan_goes_from_draft_to_concluded_through_the_pages(
    login, tree, province_officer, committee, committee_member
):
    officer = login(province_officer)
    # given a draft with a leader and a unit
    plan = make_plan(province_officer, committee)
    (target,) = prepare(plan, province_officer, [tree.commune], member=committee_member)

    # when it is issued, started
    officer.post(reverse("inspections:issue", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED and plan.issued_at
    officer.post(reverse("inspections:start", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.IN_PROGRESS

    # a team member records findings, the officer concludes with a corrective action
    member = login(committee_member)
    response = member.post(
        reverse("inspections:finding_add", args=[target.pk]),
        {"finding-text": "Chưa niêm yết công khai dự toán.", "finding-shortcomings": "Chậm"},
    )
    assert response.status_code == 302
    officer = login(province_officer)
    response = officer.post(
        reverse("inspections:target_conclude", args=[target.pk]),
        {
            "conclusion-conclusion": "Yêu cầu chấn chỉnh việc công khai.",
            "conclusion-concluded_on": days(0).strftime("%d/%m/%Y"),
            "actions-TOTAL_FORMS": "2",
            "actions-INITIAL_FORMS": "0",
            "actions-0-description": "Niêm yết dự toán tại trụ sở",
            "actions-0-deadline": days(15).strftime("%d/%m/%Y"),
            "actions-0-owner": "",
            "actions-1-description": "",
            "actions-1-deadline": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    target.refresh_from_db()
    assert target.is_concluded
    assert target.actions.get().description == "Niêm yết dự toán tại trụ sở"

    # then the inspection is concluded and the page says so
    officer.post(reverse("inspections:conclude", args=[plan.pk]))
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONCLUDED
    page = officer.get(reverse("inspections:detail", args=[plan.pk])).content.decode()
    assert "Đã kết luận" in page


def test_issuing_needs_a_unit_and_a_leader(tree, province_officer, committee):
    plan = make_plan(province_officer, committee)

    with pytest.raises(ValidationError) as exc:
        actions.issue_plan(plan, by=province_officer)

    assert len(exc.value.messages) == 2
    plan.refresh_from_db()
    assert plan.status == PlanStatus.DRAFT


def test_a_status_cannot_be_skipped_or_repeated(tree, province_officer, committee):
    plan = make_plan(province_officer, committee)
    prepare(plan, province_officer, [tree.commune])

    with pytest.raises(InvalidTransition):
        actions.start_plan(plan, by=province_officer)
    with pytest.raises(InvalidTransition):
        actions.conclude_plan(plan, by=province_officer)
    actions.issue_plan(plan, by=province_officer)
    with pytest.raises(InvalidTransition):
        actions.issue_plan(plan, by=province_officer)


def test_the_plan_concludes_only_when_every_unit_is_concluded(world, province_officer):
    with pytest.raises(ValidationError) as exc:
        actions.conclude_plan(world.plan, by=province_officer)

    assert "Văn phòng UBND tỉnh" in exc.value.messages[0]
    world.plan.refresh_from_db()
    assert world.plan.status == PlanStatus.IN_PROGRESS


def test_findings_wait_for_the_start_and_stop_at_the_conclusion(
    world, tree, province_officer, committee
):
    draft_target = world.draft.targets.get()
    with pytest.raises(ValidationError):
        actions.record_finding(draft_target, by=province_officer, text="Sớm quá")
    with pytest.raises(ValidationError):
        finding(world.commune_target, province_officer)
    assert world.commune_target.findings.count() == 1


def test_a_conclusion_needs_findings(world, province_officer):
    with pytest.raises(ValidationError):
        conclude(world.office_target, province_officer)

    world.office_target.refresh_from_db()
    assert not world.office_target.is_concluded


def test_targets_and_team_freeze_when_the_inspection_starts(world, tree, province_officer):
    with pytest.raises(ValidationError):
        actions.add_target(world.plan, by=province_officer, unit=tree.village, planned_on=days(0))
    with pytest.raises(ValidationError):
        actions.remove_target(world.office_target, by=province_officer)
    assert world.plan.targets.count() == 2


def test_a_corrective_action_is_reported_sent_back_and_accepted(
    world, login, commune_officer, province_officer
):
    action = world.upcoming
    unit = login(commune_officer)

    # the commune reports what it did
    response = unit.post(
        reverse("inspections:action_report", args=[action.pk]),
        {"note": "Đã niêm yết dự toán tại trụ sở và nhà văn hóa."},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == ActionStatus.REPORTED and action.reported_by == commune_officer

    # the province sends it back with a reason, then accepts the second report
    officer = login(province_officer)
    officer.post(reverse("inspections:action_return", args=[action.pk]), {"note": "Thiếu ảnh"})
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN and action.review_note == "Thiếu ảnh"
    actions.report_action(action, by=commune_officer, note="Bổ sung ảnh chụp bảng niêm yết.")
    officer.post(reverse("inspections:action_accept", args=[action.pk]), {"note": "Đạt"})
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.done_on == days(0)
    page = officer.get(reverse("inspections:action", args=[action.pk])).content.decode()
    assert "Đã hoàn thành" in page


def test_sending_back_needs_a_reason(world, commune_officer, province_officer):
    actions.report_action(world.upcoming, by=commune_officer, note="Đã làm.")

    with pytest.raises(ValidationError) as exc:
        actions.return_action(world.upcoming, by=province_officer, note=" ")

    assert "note" in exc.value.message_dict
    world.upcoming.refresh_from_db()
    assert world.upcoming.status == ActionStatus.REPORTED


def test_an_open_action_cannot_be_accepted(world, province_officer):
    with pytest.raises(InvalidTransition):
        actions.accept_action(world.upcoming, by=province_officer)


def test_a_campaign_goes_from_draft_to_closed(
    campaign, tree, province_officer, commune_officer, other_commune_officer
):
    assert campaign.status == CampaignStatus.OPEN
    report = campaign.reports.get(unit=tree.commune)
    actions.submit_self_inspection(
        report, by=commune_officer, result="Đã tự kiểm tra", assessment="good"
    )

    actions.close_campaign(campaign, by=province_officer)

    campaign.refresh_from_db()
    assert campaign.status == CampaignStatus.CLOSED
    late = campaign.reports.get(unit=tree.other_commune)
    with pytest.raises(ValidationError):
        actions.submit_self_inspection(
            late, by=other_commune_officer, result="Muộn", assessment="fair"
        )
    with pytest.raises(InvalidTransition):
        actions.open_campaign(campaign, by=province_officer)
