"""Trends of an indicator across the half-years of several years."""

from decimal import Decimal

from coso.reports import queries
from coso.reports.models import PeriodKind

from . import conftest_overview
from .conftest_overview import report, require

overview_form = conftest_overview.overview_form


def test_trend_across_two_years_without_double_counting(
    tree, province_officer, overview_form, django_assert_num_queries
):
    officer = province_officer
    figures = {
        (2023, 1): {tree.bloc: "10", tree.office: "6", tree.commune: "3"},
        (2023, 2): {tree.office: "6", tree.enterprise: "2"},  # the bloc did not report
        (2024, 1): {tree.commune: "9", tree.other_commune: "1"},
    }
    for (year, number), reports in figures.items():
        requirement = require(officer, tree.province, overview_form, year=year, number=number)
        for unit, received in reports.items():
            report(requirement, unit, officer, {"received": received})
    require(officer, tree.province, overview_form, year=2024, number=2)  # nothing reported yet

    with django_assert_num_queries(1):
        points = queries.trend(tree.province, "received", form=overview_form, kind="half")

    assert [(p.period.code, p.value) for p in points] == [
        ("2023S1", Decimal(13)),
        ("2023S2", Decimal(8)),
        ("2024S1", Decimal(10)),
    ]
    assert str(points[0].period.label) == "6 tháng đầu năm 2023"


def test_a_reporting_unit_sees_its_own_reports(tree, province_officer, overview_form):
    officer = province_officer
    for year in (2023, 2024):
        requirement = require(officer, tree.province, overview_form, year=year)
        report(requirement, tree.commune, officer, {"rate": str(40 + year - 2023)})

    points = queries.trend(tree.commune, "rate", kind=PeriodKind.HALF_YEAR)

    assert [p.value for p in points] == [Decimal("40.00"), Decimal("41.00")]


def test_an_other_kind_of_period_is_not_mixed_in(tree, province_officer, overview_form):
    requirement = require(province_officer, tree.province, overview_form, year=2024)
    report(requirement, tree.commune, province_officer, {"received": "3"})

    assert queries.trend(tree.province, "received", kind=PeriodKind.YEAR) == []
