"""Fixtures of the reports API tests: a small form and a province's half-year requirement.

Imported explicitly by the test_api_* files (the package conftest belongs to the lead).
"""

import datetime as dt

import pytest

from coso.reports import actions
from coso.reports.models import (
    FormSection,
    Indicator,
    IndicatorKind,
    PeriodKind,
    ReportForm,
    ReportRequirement,
    RuleOperator,
    Submission,
    ValidationRule,
)

__all__ = ["api_form", "api_requirement", "commune_submission"]


@pytest.fixture
def api_form(db) -> ReportForm:
    """received (required) ≥ resolved, plus one field of every other kind."""
    form = ReportForm.objects.create(code="thu-nghiem-api", name="Biểu thử nghiệm API")
    section = FormSection.objects.create(form=form, title="Phản ánh, kiến nghị")
    add = Indicator.objects.create
    received = add(
        form=form,
        section=section,
        code="received",
        label="Tiếp nhận",
        kind=IndicatorKind.INTEGER,
        required=True,
        order=1,
    )
    resolved = add(
        form=form, section=section, code="resolved", label="Đã giải quyết", kind="integer", order=2
    )
    add(form=form, section=section, code="rate", label="Tỷ lệ", kind=IndicatorKind.PERCENT, order=3)
    add(form=form, section=section, code="held", label="Đã tổ chức", kind="boolean", order=4)
    add(form=form, section=section, code="held_on", label="Ngày tổ chức", kind="date", order=5)
    narrative = FormSection.objects.create(form=form, title="Đánh giá chung", order=1)
    add(form=form, section=narrative, code="results", label="Kết quả", kind="narrative")
    ValidationRule.objects.create(
        form=form, left=resolved, operator=RuleOperator.LTE, right=received
    )
    return form


@pytest.fixture
def api_requirement(tree, province_officer, api_form) -> ReportRequirement:
    return actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title="Sơ kết 6 tháng đầu năm 2024",
        form=api_form,
        period=actions.get_period(PeriodKind.HALF_YEAR, 2024, 1),
        deadline=dt.date(2024, 6, 15),
        receiving_office="Ban Dân vận Tỉnh ủy",
    )


@pytest.fixture
def commune_submission(tree, api_requirement) -> Submission:
    return api_requirement.submissions.get(unit=tree.commune)


def submitted(submission: Submission, officer) -> Submission:
    """The commune's report, filled and sent to the province."""
    submission = actions.save_draft(
        submission,
        by=officer,
        values={"received": "12", "resolved": "9"},
        revision=submission.revision,
    )
    return actions.submit(submission, by=officer)
