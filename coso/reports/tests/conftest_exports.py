"""Fixtures of the export tests: a small form with numbers and narratives, a requirement of
the province, and Xã Thanh Miện's submitted report. Import them explicitly."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest

from coso.reports import actions
from coso.reports.models import (
    FormSection,
    Indicator,
    IndicatorKind,
    PeriodKind,
    ReportForm,
    ReportRequirement,
    Submission,
)

NARRATIVE = "Công tác tuyên truyền được đẩy mạnh; người dân đồng thuận cao."


@pytest.fixture
def export_form(db) -> ReportForm:
    form = ReportForm.objects.create(code="xuat-thu", name="Biểu báo cáo dân chủ ở cơ sở")
    figures = FormSection.objects.create(form=form, title="Tuyên truyền, phổ biến", order=1)
    results = FormSection.objects.create(form=form, title="Đánh giá chung", order=2)
    specs = [
        (figures, "sessions", "Số buổi tuyên truyền", IndicatorKind.INTEGER),
        (figures, "people", "Số lượt người tham dự", IndicatorKind.INTEGER),
        (figures, "budget", "Kinh phí (triệu đồng)", IndicatorKind.DECIMAL),
        (figures, "coverage", "Tỷ lệ hộ gia đình được phổ biến", IndicatorKind.PERCENT),
        (figures, "committee", "Đã kiện toàn Ban Chỉ đạo", IndicatorKind.BOOLEAN),
        (results, "results", "Kết quả đạt được", IndicatorKind.NARRATIVE),
        (results, "shortcomings", "Hạn chế, nguyên nhân", IndicatorKind.NARRATIVE),
    ]
    for order, (section, code, label, kind) in enumerate(specs):
        Indicator.objects.create(
            form=form, section=section, code=code, label=label, kind=kind, order=order
        )
    return form


@pytest.fixture
def export_requirement(tree, province_officer, export_form) -> ReportRequirement:
    return actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title="Sơ kết 6 tháng đầu năm 2024",
        form=export_form,
        period=actions.get_period(PeriodKind.HALF_YEAR, 2024, 1),
        deadline=dt.date(2099, 6, 15),
        receiving_office="Ban Dân vận Tỉnh ủy",
    )


@pytest.fixture
def commune_report(tree, export_requirement, commune_officer) -> Submission:
    submission = export_requirement.submissions.get(unit=tree.commune)
    submission = actions.save_draft(
        submission,
        by=commune_officer,
        values={
            "sessions": "12",
            "people": "1250",
            "budget": "15,5",
            "coverage": "87.5",
            "committee": "có",
            "results": NARRATIVE,
        },
        revision=0,
    )
    return actions.submit(submission, by=commune_officer)


def libreoffice_converts(content: bytes, suffix: str, tmp_path: Path, target: str) -> bool:
    """Convert with LibreOffice when it is installed; True when it is not (it is optional)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return True
    source = tmp_path / f"in{suffix}"
    source.write_bytes(content)
    subprocess.run(
        [soffice, "--headless", "--convert-to", target, "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return (tmp_path / f"in.{target.split(':')[0]}").stat().st_size > 0


def as_stream(content: bytes) -> io.BytesIO:
    return io.BytesIO(content)
