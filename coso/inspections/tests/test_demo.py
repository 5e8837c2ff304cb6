"""The demo's inspections of Quảng Trị load through the real actions."""

from __future__ import annotations

from django.urls import reverse

from coso.core.dates import today
from coso.demo import places
from coso.demo.builder import DemoBuilder
from coso.demo.inspections import CAMPAIGN_TITLE, NEXT_PLAN_TITLE, PLAN_TITLE, build_inspections
from coso.inspections.dashboard import dashboard_panel
from coso.inspections.models import (
    ActionStatus,
    CorrectiveAction,
    InspectionPlan,
    PlanStatus,
    SelfInspectionCampaign,
)
from coso.units import actions as unit_actions
from coso.units.models import Role, UnitKind


def test_the_demo_has_a_concluded_inspection_an_issued_one_and_a_self_inspection(
    root_admin, client
):
    # given Quảng Trị with its committee, office, enterprises and a few communes
    builder = DemoBuilder(today=today())
    builder.admin = root_admin
    province = builder.unit("Tỉnh Quảng Trị", UnitKind.PROVINCE, None)
    bloc = builder.unit(places.QT_BLOC, UnitKind.PARTY_BODY, province)
    office = builder.unit(places.QT_OFFICE, UnitKind.AGENCY, bloc, staff_count=85)
    for name, workers in places.QT_ENTERPRISES[:2]:
        builder.unit(name, UnitKind.ENTERPRISE, bloc, staff_count=workers)
    communes = [builder.unit(n, UnitKind.COMMUNE, province) for n in places.QT_COMMUNES[:10]]
    builder.steering_officer = builder.officer(province, Role.STEERING_OFFICER)
    unit_actions.create_committee(
        by=builder.steering_officer, unit=province, name="Ban Chỉ đạo tỉnh Quảng Trị"
    )

    # when the demo's inspections are built
    build_inspections(builder)

    # then one inspection is concluded with an overdue action, one is issued
    plan = InspectionPlan.objects.get(title=PLAN_TITLE)
    assert plan.status == PlanStatus.CONCLUDED
    assert InspectionPlan.objects.get(title=NEXT_PLAN_TITLE).status == PlanStatus.ISSUED
    statuses = sorted(CorrectiveAction.objects.values_list("status", flat=True))
    assert statuses.count(ActionStatus.DONE) == 1 and ActionStatus.REPORTED in statuses
    commune = builder.units[places.QT_DEMO_COMMUNE]
    assert dashboard_panel(commune, on=today())["inspected"]["count"] >= 1
    assert dashboard_panel(province, on=today())["inspecting"]["count"] >= 2
    # and a self-inspection in which some communes, not the demo one, have reported
    campaign = SelfInspectionCampaign.objects.get(title=CAMPAIGN_TITLE.format(year=today().year))
    assert campaign.reports.count() == len(communes)
    reported = campaign.reports.filter(submitted_on__isnull=False)
    assert reported.count() == len(communes) - 1
    assert not campaign.reports.get(unit=commune).is_submitted
    client.force_login(builder.officer_of(commune))
    page = client.get(reverse("inspections:target", args=[plan.targets.get(unit=commune).pk]))
    assert "Niêm yết công khai dự toán" in page.content.decode()
    assert office.inspections.get().is_concluded
