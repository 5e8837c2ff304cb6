"""Every persona × every page of inspections: who gets 200, a redirect, 403 or 404; refusals
change nothing.

The province inspects the commune and the office (the employee works there, as staff: staff
see nothing of inspections); the committee member sits in the team; the other commune is only
in a draft plan, which the inspected units do not see yet.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.inspections import actions
from coso.inspections.models import (
    CorrectiveAction,
    Finding,
    InspectionPlan,
    InspectionTarget,
    SelfInspectionCampaign,
    SelfInspectionReport,
    TeamMember,
)

from .conftest import days, ddmm


@pytest.fixture
def reported(world, commune_officer):
    return actions.report_action(world.overdue, by=commune_officer, note="Đã niêm yết.")


def _request(name: str, world, campaign, committee, tree, reported):
    commune_report = campaign.reports.get(unit=tree.commune)
    return {
        "list": ("get", reverse("inspections:list"), None),
        "create": (
            "post",
            reverse("inspections:create"),
            {
                "committee": committee.pk,
                "year": days(0).year,
                "title": "Kiểm tra mới",
                "starts_on": ddmm(days(1)),
                "ends_on": ddmm(days(20)),
            },
        ),
        "view_plan": ("get", reverse("inspections:detail", args=[world.plan.pk]), None),
        "view_draft": ("get", reverse("inspections:detail", args=[world.draft.pk]), None),
        "view_target": ("get", reverse("inspections:target", args=[world.commune_target.pk]), None),
        "view_office": ("get", reverse("inspections:target", args=[world.office_target.pk]), None),
        "add_target": (
            "post",
            reverse("inspections:target_add", args=[world.draft.pk]),
            {"target-unit": tree.commune.pk, "target-planned_on": ddmm(days(-30))},
        ),
        "add_member": (
            "post",
            reverse("inspections:member_add", args=[world.plan.pk]),
            {"member-name": "Phạm Văn Thêm", "member-title": "Chuyên viên"},
        ),
        "record_finding": (
            "post",
            reverse("inspections:finding_add", args=[world.office_target.pk]),
            {"finding-text": "Cơ quan chưa tổ chức hội nghị cán bộ, công chức."},
        ),
        "add_action": (
            "post",
            reverse("inspections:action_add", args=[world.commune_target.pk]),
            {"action-description": "Bổ sung hòm thư góp ý", "action-deadline": ddmm(days(9))},
        ),
        "view_action": ("get", reverse("inspections:action", args=[world.upcoming.pk]), None),
        "report_action": (
            "post",
            reverse("inspections:action_report", args=[world.upcoming.pk]),
            {"note": "Đã thực hiện."},
        ),
        "accept_action": (
            "post",
            reverse("inspections:action_accept", args=[reported.pk]),
            {"note": "Đạt"},
        ),
        "actions": ("get", reverse("inspections:actions"), None),
        "campaigns": ("get", reverse("inspections:campaigns"), None),
        "create_campaign": (
            "post",
            reverse("inspections:campaign_create"),
            {
                "committee": committee.pk,
                "year": days(0).year,
                "title": "Tự kiểm tra quý",
                "unit_kinds": ["commune"],
                "deadline": ddmm(days(15)),
            },
        ),
        "view_campaign": ("get", reverse("inspections:campaign", args=[campaign.pk]), None),
        "submit_self": (
            "post",
            reverse("inspections:self_report", args=[commune_report.pk]),
            {"result": "Đã tự kiểm tra.", "assessment": "good"},
        ),
        "close_campaign": ("post", reverse("inspections:campaign_close", args=[campaign.pk]), {}),
    }[name]


MANAGER = {
    "list": 200,
    "create": 302,
    "view_plan": 200,
    "view_draft": 200,
    "view_target": 200,
    "view_office": 200,
    "add_target": 302,
    "add_member": 302,
    "record_finding": 302,
    "add_action": 302,
    "view_action": 200,
    "report_action": 403,
    "accept_action": 302,
    "actions": 200,
    "campaigns": 200,
    "create_campaign": 302,
    "view_campaign": 200,
    "submit_self": 403,
    "close_campaign": 302,
}
LISTS = {"list": 200, "actions": 200, "campaigns": 200}
NOTHING = {name: 404 for name in MANAGER} | LISTS | {"create": 403, "create_campaign": 403}
EXPECTED = {
    "admin": MANAGER,
    "province_officer": MANAGER,
    # in the team, reads the province's work, records findings, decides nothing
    "committee_member": MANAGER
    | {
        "create": 403,
        "add_target": 403,
        "add_member": 403,
        "add_action": 403,
        "accept_action": 403,
        "create_campaign": 403,
        "close_campaign": 403,
    },
    # the inspected commune: its own target, actions and self-inspection, nothing else
    "commune_officer": NOTHING
    | {
        "view_plan": 200,
        "view_target": 200,
        "add_member": 403,
        "add_action": 403,
        "view_action": 200,
        "report_action": 302,
        "accept_action": 403,
        "view_campaign": 200,
        "submit_self": 302,
        "close_campaign": 403,
    },
    "other_commune_officer": NOTHING | {"view_campaign": 200, "close_campaign": 403},
    "employee": NOTHING,
    "citizen": NOTHING,
    "anonymous": {name: 302 for name in MANAGER},
}
WRITES = {
    "create",
    "add_target",
    "add_member",
    "record_finding",
    "add_action",
    "report_action",
    "accept_action",
    "create_campaign",
    "submit_self",
    "close_campaign",
}


def _snapshot() -> tuple:
    return (
        sorted(InspectionPlan.objects.values_list("pk", "status", "title")),
        sorted(InspectionTarget.objects.values_list("pk", "unit_id", "concluded_on")),
        sorted(TeamMember.objects.values_list("pk", "name")),
        sorted(Finding.objects.values_list("pk", "text")),
        sorted(CorrectiveAction.objects.values_list("pk", "status", "report_note")),
        sorted(SelfInspectionCampaign.objects.values_list("pk", "status")),
        sorted(SelfInspectionReport.objects.values_list("pk", "submitted_on")),
    )


@pytest.mark.parametrize("action", list(MANAGER))
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(
    client, personas, tree, world, campaign, committee, reported, persona, action
):
    # given a persona (or nobody) signed in
    client = client_as(client, personas, persona)
    method, url, data = _request(action, world, campaign, committee, tree, reported)
    before = _snapshot()

    # when they try the action
    response = getattr(client, method)(url, data) if data is not None else client.get(url)

    # then they get the expected answer, and only an allowed write changes anything
    expected = EXPECTED[persona][action]
    assert response.status_code == expected, (persona, action)
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    changed = _snapshot() != before
    if action in WRITES:
        assert changed is (expected == 302 and persona != "anonymous")
    else:
        assert not changed
