"""Plans built through the real actions, shared by the page tests of this app."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coso.plans import actions
from coso.plans.models import Timing

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf_file(name: str = "bien-ban.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def make_plan(by, unit, number: str, *, issue: bool, title: str = "", year: int = 2024, **task):
    plan = actions.create_plan(
        by=by,
        unit=unit,
        title=title or f"Kế hoạch thực hiện dân chủ ở cơ sở năm {year} của {unit.name}",
        number=number,
        issued_on=dt.date(year, 1, 24),
    )
    actions.add_task(
        plan,
        by=by,
        title=task.get("task_title", f"Tuyên truyền Luật tại {unit.name}"),
        timing=Timing.QUARTER,
        quarter=task.get("quarter", 2),
    )
    if issue:
        actions.issue_plan(plan, by=by)
    return plan


@pytest.fixture
def world(tree, personas, root_admin):
    """A province plan (issued and a draft), commune plans (issued and draft), a ward plan.

    The commune's issued plan has one task with a PDF as evidence.
    """
    province_issued = make_plan(root_admin, tree.province, "04-KH/BCĐ", issue=True)
    province_draft = make_plan(root_admin, tree.province, "05-KH/BCĐ", issue=False)
    commune_issued = make_plan(root_admin, tree.commune, "12-KH/UBND", issue=True)
    commune_draft = make_plan(root_admin, tree.commune, "13-KH/UBND", issue=False)
    ward_issued = make_plan(root_admin, tree.other_commune, "20-KH/UBND", issue=True)
    commune_task = commune_issued.tasks.get()
    evidence = actions.add_evidence(
        commune_task, by=root_admin, note="Biên bản hội nghị", file=pdf_file()
    )
    return SimpleNamespace(
        province_issued=province_issued,
        province_draft=province_draft,
        commune_issued=commune_issued,
        commune_draft=commune_draft,
        ward_issued=ward_issued,
        commune_task=commune_task,
        evidence=evidence,
    )
