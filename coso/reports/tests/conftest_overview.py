"""Fixtures of the overview tests (completeness, totals, trends, pre-fill), imported explicitly.

The province requires a half-year report two levels down: the bloc (which aggregates its
agencies in its own report), Xã Thanh Miện, Phường Quy Nhơn, and below them Văn phòng UBND
tỉnh, Công ty Cà phê and Thôn Đông.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

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
from coso.units.models import Unit, User

DEADLINE = dt.date(2024, 6, 15)


def on_day(day: dt.date, hour: int = 9) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


@pytest.fixture
def overview_form(db) -> ReportForm:
    form = ReportForm.objects.create(code="tong-hop-thu", name="Biểu tổng hợp thử")
    figures = FormSection.objects.create(form=form, title="Số liệu", order=1)
    words = FormSection.objects.create(form=form, title="Đánh giá", order=2)

    def add(code: str, kind: str, order: int, section=figures, **extra) -> Indicator:
        return Indicator.objects.create(
            form=form, section=section, code=code, label=code, kind=kind, order=order, **extra
        )

    received = add("received", IndicatorKind.INTEGER, 1, is_key=True)
    resolved = add("resolved", IndicatorKind.INTEGER, 2)
    add("rate", IndicatorKind.PERCENT, 3)
    add("committee", IndicatorKind.BOOLEAN, 4)
    add("results", IndicatorKind.NARRATIVE, 1, section=words)
    ValidationRule.objects.create(
        form=form, left=resolved, operator=RuleOperator.LTE, right=received
    )
    return form


def require(
    by: User,
    unit: Unit,
    form: ReportForm,
    *,
    year: int = 2024,
    number: int = 1,
    levels_down: int = 2,
    deadline: dt.date | None = None,
) -> ReportRequirement:
    return actions.create_requirement(
        by=by,
        unit=unit,
        title=f"Sơ kết 6 tháng {number}/{year}",
        form=form,
        period=actions.get_period(PeriodKind.HALF_YEAR, year, number),
        deadline=deadline or dt.date(year, 6 if number == 1 else 12, 15),
        receiving_office="Ban Dân vận",
        levels_down=levels_down,
    )


@pytest.fixture
def half_year(tree, province_officer, overview_form) -> ReportRequirement:
    return require(province_officer, tree.province, overview_form, deadline=DEADLINE)


def report(
    requirement: ReportRequirement,
    unit: Unit,
    by: User,
    values: dict[str, object],
    *,
    on: dt.date | None = None,
    submit: bool = True,
) -> Submission:
    """The unit fills its report and (unless submit=False) submits it, first on day `on`."""
    submission = requirement.submissions.get(unit=unit)
    submission = actions.save_draft(submission, by=by, values=values, revision=submission.revision)
    if submit:
        submission = actions.submit(submission, by=by)
        when = on_day(on or requirement.deadline)
        Submission.objects.filter(pk=submission.pk).update(
            first_submitted_at=when, submitted_at=when
        )
        submission.refresh_from_db()
    return submission
