"""A small form with one indicator of every kind, and a province requirement addressed to the
communes, for the submission page tests (imported explicitly by those test files;
the fixtures are named apart from their functions so the imports shadow nothing)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext

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

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf_file(name: str = "bien-ban.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def vi(message: str) -> str:
    """The message as a Vietnamese user reads it (the catalogue is produced separately)."""
    with translation.override("vi"):
        return gettext(message)


@pytest.fixture(name="filling_form")
def filling_form_fixture(db) -> ReportForm:
    form = ReportForm.objects.create(code="thu-nghiem-nop", name="Biểu thử nghiệm")
    figures = FormSection.objects.create(form=form, title="I. Phản ánh, kiến nghị", order=1)
    others = FormSection.objects.create(form=form, title="II. Đánh giá chung", order=2)

    def add(section, code, label, kind, **extra):
        return Indicator.objects.create(
            form=form, section=section, code=code, label=label, kind=kind, **extra
        )

    received = add(
        figures, "received", "Số phản ánh tiếp nhận", IndicatorKind.INTEGER, required=True, order=1
    )
    resolved = add(figures, "resolved", "Số phản ánh đã giải quyết", IndicatorKind.INTEGER, order=2)
    add(figures, "rate", "Tỷ lệ hộ gia đình tham gia", IndicatorKind.PERCENT, order=3)
    add(figures, "budget", "Kinh phí (triệu đồng)", IndicatorKind.DECIMAL, order=4)
    add(others, "has_board", "Có Ban Thanh tra nhân dân", IndicatorKind.BOOLEAN, order=1)
    add(
        others,
        "rating",
        "Tự đánh giá",
        IndicatorKind.CHOICE,
        choices=["Tốt", "Khá", "Trung bình"],
        order=2,
    )
    add(others, "conference_on", "Ngày hội nghị", IndicatorKind.DATE, order=3)
    add(others, "contact", "Người lập báo cáo", IndicatorKind.TEXT, order=4)
    add(others, "results", "Kết quả đạt được", IndicatorKind.NARRATIVE, order=5)
    ValidationRule.objects.create(
        form=form, left=resolved, operator=RuleOperator.LTE, right=received
    )
    return form


@pytest.fixture(name="requirement")
def requirement_fixture(tree, province_officer, filling_form) -> ReportRequirement:
    return actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title="Sơ kết 6 tháng đầu năm 2024",
        form=filling_form,
        period=actions.get_period(PeriodKind.HALF_YEAR, 2024, 1),
        deadline=dt.date(2024, 6, 15),
        receiving_office="Ban Dân vận Tỉnh ủy",
    )


@pytest.fixture(name="submission")
def submission_fixture(tree, requirement) -> Submission:
    """The commune's report to the province."""
    return requirement.submissions.get(unit=tree.commune)


def filled(revision: int, action: str = "save", **values: str) -> dict[str, str]:
    """A POST of the values form: every indicator (blank unless given) plus the revision."""
    codes = [
        "received",
        "resolved",
        "rate",
        "budget",
        "has_board",
        "rating",
        "conference_on",
        "contact",
        "results",
    ]
    data = {f"v_{code}": values.get(code, "") for code in codes}
    data.update({"revision": str(revision), "action": action})
    return data
