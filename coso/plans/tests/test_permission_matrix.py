"""Every persona × every page of plans: who gets 200, a redirect, 403 or 404; refusals change nothing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS
from coso.plans.models import Plan, PlanSection, Task, TaskEvidence

from .conftest import pdf_file


def _request(name: str, world, tree):
    """(method, url, data) of each action, aimed at the commune's records unless named otherwise."""
    task = world.commune_task
    return {
        "list": ("get", reverse("plans:list"), None),
        "view_own_unit": ("get", reverse("plans:detail", args=[world.commune_issued.pk]), None),
        "view_ancestor_issued": (
            "get",
            reverse("plans:detail", args=[world.province_issued.pk]),
            None,
        ),
        "view_ancestor_draft": (
            "get",
            reverse("plans:detail", args=[world.province_draft.pk]),
            None,
        ),
        "view_sibling": ("get", reverse("plans:detail", args=[world.ward_issued.pk]), None),
        "create": (
            "post",
            reverse("plans:create") + f"?unit={tree.commune.pk}",
            {
                "unit": tree.commune.pk,
                "kind": "plan",
                "number": "99-KH/UBND",
                "issued_on": "01/02/2024",
                "title": "Kế hoạch mới",
                "sections-TOTAL_FORMS": "0",
                "sections-INITIAL_FORMS": "0",
            },
        ),
        "edit": (
            "post",
            reverse("plans:edit", args=[world.commune_draft.pk]),
            {"kind": "plan", "number": "13-KH/UBND", "issued_on": "24/01/2024", "title": "Sửa"},
        ),
        "issue": ("post", reverse("plans:issue", args=[world.commune_draft.pk]), {}),
        "add_task": (
            "post",
            reverse("plans:task_add", args=[world.commune_issued.pk]),
            {"title": "Nhiệm vụ mới", "timing": "month", "month": "5"},
        ),
        "change_status": (
            "post",
            reverse("plans:task_status", args=[task.pk]),
            {"status": "in_progress"},
        ),
        "progress": ("post", reverse("plans:task_progress", args=[task.pk]), {"progress": "40"}),
        "upload_evidence": (
            "post",
            reverse("plans:evidence_add", args=[task.pk]),
            {"note": "Ảnh hội nghị", "file": pdf_file("anh.pdf")},
        ),
        "download_evidence": (
            "get",
            reverse("plans:evidence_download", args=[world.evidence.pk]),
            None,
        ),
        "derive": (
            "post",
            reverse("plans:derive", args=[world.province_issued.pk]),
            {
                "unit": tree.commune.pk,
                "kind": "plan",
                "number": "30-KH/UBND",
                "issued_on": "01/02/2024",
                "title": "Kế hoạch của xã",
                "tasks": [t.pk for t in world.province_issued.tasks.all()],
            },
        ),
    }[name]


MANAGER = {
    "list": 200,
    "view_own_unit": 200,
    "view_ancestor_issued": 200,
    "view_ancestor_draft": 200,
    "view_sibling": 200,
    "create": 302,
    "edit": 302,
    "issue": 302,
    "add_task": 302,
    "change_status": 302,
    "progress": 302,
    "upload_evidence": 302,
    "download_evidence": 200,
    "derive": 302,
}
OUTSIDER = {name: 404 for name in MANAGER} | {"list": 200}
EXPECTED = {
    "admin": MANAGER,
    "province_officer": MANAGER,
    "commune_officer": MANAGER | {"view_ancestor_draft": 404, "view_sibling": 404},
    # The ward officer reads the province's issued plan and its own, and may derive for its
    # own ward only: choosing the commune is refused by the form (200, nothing created).
    "other_commune_officer": OUTSIDER
    | {"view_ancestor_issued": 200, "view_sibling": 200, "derive": 200},
    # Staff of the provincial office read the province's issued plan but change nothing.
    "employee": OUTSIDER | {"view_ancestor_issued": 200, "derive": 403},
    # A committee member reads everything in the province and changes nothing.
    "committee_member": {name: 403 for name in MANAGER}
    | {name: 200 for name in MANAGER if name.startswith(("list", "view", "download"))},
    "citizen": OUTSIDER,
    "anonymous": {name: 302 for name in MANAGER},
}
WRITES = {
    "create",
    "edit",
    "issue",
    "add_task",
    "change_status",
    "progress",
    "upload_evidence",
    "derive",
}


def _snapshot() -> tuple:
    return (
        sorted(Plan.objects.values_list("pk", "status", "title", "number")),
        sorted(Task.objects.values_list("pk", "title", "status", "progress")),
        TaskEvidence.objects.count(),
        PlanSection.objects.count(),
    )


@pytest.mark.parametrize("action", list(MANAGER))
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(request, client, tree, world, persona, action):
    # given a persona (or nobody) signed in
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    method, url, data = _request(action, world, tree)
    before = _snapshot()

    # when they try the action
    response = getattr(client, method)(url, data) if data is not None else client.get(url)

    # then they get the expected answer
    expected = EXPECTED[persona][action]
    assert response.status_code == expected, (persona, action)
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))
    changed = _snapshot() != before
    if action in WRITES:
        assert changed is (expected == 302 and persona != "anonymous")
    else:
        assert not changed
    if action == "download_evidence" and expected == 200:
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert "attachment" in response["Content-Disposition"]
