"""A self-inspection campaign: who must report, who has reported, who is late."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.inspections import actions
from coso.inspections.models import SelfInspectionCampaign, SelfInspectionReport
from coso.inspections.views import campaign_completeness
from coso.units import actions as unit_actions

from .conftest import days


def _age(campaign: SelfInspectionCampaign, by_days: int) -> SelfInspectionCampaign:
    """As if `by_days` had passed: the deadline and the results move back."""
    delta = dt.timedelta(days=by_days)
    SelfInspectionCampaign.objects.filter(pk=campaign.pk).update(deadline=campaign.deadline - delta)
    for report in campaign.reports.filter(submitted_on__isnull=False):
        SelfInspectionReport.objects.filter(pk=report.pk).update(
            submitted_on=report.submitted_on - delta
        )
    campaign.refresh_from_db()
    return campaign


def test_ordering_names_every_open_unit_of_the_chosen_kinds_below(
    tree, root_admin, province_officer, committee
):
    unit_actions.close_unit(tree.enterprise, by=root_admin, closed_on=days(-1), reason="Giải thể")
    campaign = actions.create_campaign(
        by=province_officer,
        committee=committee,
        year=2026,
        title="Tự kiểm tra",
        unit_kinds=["commune", "agency", "enterprise"],
        deadline=days(10),
    )

    actions.open_campaign(campaign, by=province_officer)

    names = set(campaign.reports.values_list("unit__name", flat=True))
    assert names == {"Xã Thanh Miện", "Phường Quy Nhơn", "Văn phòng UBND tỉnh"}


def test_who_reported_and_who_is_late(campaign, tree, commune_officer, other_commune_officer):
    actions.submit_self_inspection(
        campaign.reports.get(unit=tree.commune),
        by=commune_officer,
        result="Đã tự kiểm tra đủ nội dung.",
        assessment="good",
    )
    # before the deadline, nobody is late
    counts = campaign_completeness(campaign, campaign.reports.all())
    assert (counts["total"], counts["reported"], counts["pending"], counts["late"]) == (4, 1, 3, 0)
    assert counts["percent"] == 25

    # after it, the units without a result are late; a late result counts as reported late
    campaign = _age(campaign, 11)
    actions.submit_self_inspection(
        campaign.reports.get(unit=tree.other_commune),
        by=other_commune_officer,
        result="Báo cáo muộn.",
        assessment="fair",
    )
    counts = campaign_completeness(campaign, campaign.reports.all())
    assert (counts["reported"], counts["late"], counts["reported_late"]) == (2, 2, 1)
    late = campaign.reports.get(unit=tree.office)
    assert late.is_late() and not late.is_submitted


def test_the_campaign_page_shows_progress_and_the_late_units(
    campaign, tree, login, province_officer, commune_officer
):
    actions.submit_self_inspection(
        campaign.reports.get(unit=tree.commune),
        by=commune_officer,
        result="Đã tự kiểm tra.",
        assessment="good",
    )
    campaign = _age(campaign, 11)
    client = login(province_officer)

    page = client.get(reverse("inspections:campaign", args=[campaign.pk])).content.decode()
    late = client.get(
        reverse("inspections:campaign", args=[campaign.pk]) + "?loc=late"
    ).content.decode()

    assert 'aria-valuenow="25"' in page
    assert "đơn vị đã gửi kết quả" in page
    assert "Phường Quy Nhơn" in late and "Công ty Cổ phần Cà phê Gia Lai" in late
    assert "Xã Thanh Miện" not in late.split("Đơn vị đã báo cáo")[1]


def test_a_unit_officer_sees_only_its_own_result_and_sends_it(
    campaign, tree, login, commune_officer
):
    client = login(commune_officer)
    report = campaign.reports.get(unit=tree.commune)

    page = client.get(reverse("inspections:campaign", args=[campaign.pk])).content.decode()
    assert "Xã Thanh Miện" in page and "Phường Quy Nhơn" not in page

    response = client.post(
        reverse("inspections:self_report", args=[report.pk]),
        {"result": "Đơn vị đã tự kiểm tra, khắc phục tồn tại.", "assessment": "fair"},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.submitted_on == days(0) and report.get_assessment_display() == "Khá"
