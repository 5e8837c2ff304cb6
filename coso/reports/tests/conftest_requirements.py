"""Fixtures of the requirement pages' tests, imported explicitly by those files."""

from __future__ import annotations

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
)
from coso.units import actions as unit_actions
from coso.units.models import UnitKind

__all__ = ["another_province", "create_data", "half_year_requirement", "report_form"]


@pytest.fixture
def report_form(db) -> ReportForm:
    form = ReportForm.objects.create(code="bao-cao-dan-chu", name="Biểu báo cáo dân chủ ở cơ sở")
    section = FormSection.objects.create(form=form, title="Tiếp công dân")
    Indicator.objects.create(
        form=form,
        section=section,
        code="receptions",
        label="Số buổi tiếp công dân",
        kind=IndicatorKind.INTEGER,
    )
    return form


@pytest.fixture
def half_year_requirement(tree, province_officer, report_form) -> ReportRequirement:
    """The province asks its children (bloc, commune, ward) for the first half of 2024."""
    return actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title="Sơ kết 6 tháng đầu năm 2024",
        form=report_form,
        period=actions.get_period(PeriodKind.HALF_YEAR, 2024, 1),
        deadline=dt.date(2024, 6, 15),
        receiving_office="Ban Dân vận Tỉnh ủy (qua Phòng Tổng hợp)",
    )


@pytest.fixture
def another_province(tree, root_admin):
    province = unit_actions.create_unit(
        by=root_admin, parent=tree.central, name="Tỉnh Quảng Trị", kind=UnitKind.PROVINCE
    )
    commune = unit_actions.create_unit(
        by=root_admin, parent=province, name="Xã Cam Lộ", kind=UnitKind.COMMUNE
    )
    return province, commune


def create_data(report_form: ReportForm, **changes) -> dict:
    """A valid POST of the create page: half-year 1 of 2025, all units one level down."""
    data = {
        "title": "Sơ kết 6 tháng đầu năm 2025",
        "form": report_form.pk,
        "period_kind": "half",
        "year": "2025",
        "number": "1",
        "period_start": "",
        "period_end": "",
        "deadline": "15/06/2025",
        "receiving_office": "Ban Dân vận Tỉnh ủy (qua Phòng Tổng hợp)",
        "target_mode": "all",
        "levels_down": "1",
    }
    return data | changes
