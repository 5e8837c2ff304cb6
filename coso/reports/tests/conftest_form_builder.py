"""Fixtures of the form builder tests, imported explicitly by test_form_builder_*.py."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from coso.reports import actions
from coso.reports.models import IndicatorKind, PeriodKind, ReportForm, RuleOperator


@pytest.fixture
def province_form(tree, province_officer) -> SimpleNamespace:
    """A form of the province, built through the real actions: received, resolved, a note."""
    form = actions.create_form(
        by=province_officer, owner_unit=tree.province, code="bieu-tinh", name="Biểu mẫu của tỉnh"
    )
    section = actions.add_section(form, by=province_officer, title="Phản ánh, kiến nghị")
    received = actions.add_indicator(
        section,
        by=province_officer,
        code="received",
        label="Tiếp nhận",
        kind=IndicatorKind.INTEGER,
        required=True,
    )
    resolved = actions.add_indicator(
        section, by=province_officer, code="resolved", label="Đã giải quyết", kind="integer"
    )
    note = actions.add_indicator(
        section, by=province_officer, code="note", label="Ghi chú", kind=IndicatorKind.TEXT
    )
    rule = actions.add_rule(
        form, by=province_officer, left=resolved, operator=RuleOperator.LTE, right=received
    )
    return SimpleNamespace(
        form=form, section=section, received=received, resolved=resolved, note=note, rule=rule
    )


def require_form(tree, province_officer, form: ReportForm):
    """A requirement of the province for `form`: one submission per unit just below it."""
    return actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title="Sơ kết 6 tháng đầu năm 2024",
        form=form,
        period=actions.get_period(PeriodKind.HALF_YEAR, 2024, 1),
        deadline=dt.date(2024, 6, 15),
        receiving_office="Ban Dân vận Tỉnh ủy",
    )
