"""Each step of an inspection is in the audit log, with who did it, under the right unit."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType

from coso.core.models import AuditEntry
from coso.inspections import actions
from coso.inspections.models import (
    CorrectiveAction,
    Finding,
    InspectionPlan,
    InspectionTarget,
    SelfInspectionReport,
)


def _entries(model, pk):
    return AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model), object_pk=str(pk)
    ).order_by("timestamp", "pk")


def test_the_plan_its_findings_and_conclusion_name_who_acted(
    world, tree, province_officer, committee_member
):
    plan_entries = list(_entries(InspectionPlan, world.plan.pk))
    assert all(e.actor == province_officer for e in plan_entries)
    assert [e.changes_dict.get("status", [None, None])[1] for e in plan_entries][-2:] == [
        "issued",
        "in_progress",
    ]
    assert plan_entries[0].unit_path == tree.province.path

    (recorded,) = _entries(Finding, world.finding.pk)
    assert recorded.actor == committee_member
    concluded = _entries(InspectionTarget, world.commune_target.pk).last()
    assert concluded.actor == province_officer and "conclusion" in concluded.changes_dict


def test_reporting_and_accepting_a_corrective_action_are_audited(
    world, tree, commune_officer, province_officer
):
    actions.report_action(world.upcoming, by=commune_officer, note="Đã niêm yết.")
    actions.accept_action(world.upcoming, by=province_officer, note="Đạt")

    entries = list(_entries(CorrectiveAction, world.upcoming.pk))
    assert [e.actor for e in entries[-2:]] == [commune_officer, province_officer]
    assert entries[-1].changes_dict["status"] == ["reported", "done"]
    assert entries[-1].unit_path == tree.commune.path


def test_a_self_inspection_result_is_audited(campaign, tree, commune_officer):
    report = campaign.reports.get(unit=tree.commune)

    actions.submit_self_inspection(report, by=commune_officer, result="Đã làm.", assessment="good")

    last = _entries(SelfInspectionReport, report.pk).last()
    assert last.actor == commune_officer and "result" in last.changes_dict
