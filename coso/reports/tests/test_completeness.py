"""Completeness of a requirement by child unit: required, on time, late, missing."""

import datetime as dt

from coso.reports import actions, queries
from coso.units import actions as unit_actions

from . import conftest_overview
from .conftest_overview import DEADLINE, report

half_year = conftest_overview.half_year
overview_form = conftest_overview.overview_form


def by_unit(table):
    return {row.unit.name: row for row in table.rows}


def test_on_time_late_and_missing_per_child_subtree(tree, half_year, province_officer):
    officer = province_officer
    report(half_year, tree.bloc, officer, {"received": "4"}, on=DEADLINE - dt.timedelta(days=3))
    late = report(half_year, tree.office, officer, {"received": "2"}, on=DEADLINE + dt.timedelta(1))
    actions.return_submission(late, by=officer, reason="Thiếu số liệu")
    report(half_year, tree.enterprise, officer, {"received": "1"}, submit=False)
    report(half_year, tree.commune, officer, {"received": "3"}, on=DEADLINE)
    report(half_year, tree.other_commune, officer, {"received": "5"}, on=dt.date(2024, 7, 2))

    table = queries.completeness_by_child(half_year, tree.province)

    rows = by_unit(table)
    bloc = rows[tree.bloc.name]
    assert (bloc.required, bloc.on_time, bloc.late, bloc.missing) == (3, 1, 1, 1)
    commune = rows[tree.commune.name]
    assert (commune.required, commune.on_time, commune.late, commune.missing) == (2, 1, 0, 1)
    other = rows[tree.other_commune.name]
    assert (other.required, other.on_time, other.late, other.missing) == (1, 0, 1, 0)
    total = table.total
    assert (total.required, total.on_time, total.late, total.missing) == (6, 2, 2, 2)
    assert total.submitted == 4
    # missing first
    assert [r.unit.name for r in table.rows] == [
        tree.bloc.name,
        tree.commune.name,
        tree.other_commune.name,
    ]


def test_drill_down_shows_the_units_below_and_the_units_own_report(
    tree, half_year, province_officer
):
    report(half_year, tree.bloc, province_officer, {"received": "4"})
    report(half_year, tree.office, province_officer, {"received": "2"})

    table = queries.completeness_by_child(half_year, tree.bloc)

    rows = by_unit(table)
    assert set(rows) == {tree.office.name, tree.enterprise.name}
    assert rows[tree.office.name].on_time == 1 and rows[tree.enterprise.name].missing == 1
    assert (table.total.required, table.total.submitted) == (2, 1)
    assert table.own is not None and table.own.on_time == 1


def test_a_submission_submitted_late_then_returned_stays_late(tree, half_year, province_officer):
    submission = report(
        half_year, tree.commune, province_officer, {"received": "3"}, on=dt.date(2024, 6, 20)
    )
    submission = actions.return_submission(submission, by=province_officer, reason="Sửa lại")

    row = by_unit(queries.completeness_by_child(half_year, tree.province))[tree.commune.name]

    assert (row.late, row.missing) == (1, 1)  # the commune late; its village missing


def test_a_unit_closed_before_reporting_is_no_longer_expected(
    tree, half_year, province_officer, root_admin
):
    report(half_year, tree.office, province_officer, {"received": "2"})
    unit_actions.close_unit(tree.village, by=root_admin, closed_on=dt.date(2024, 5, 1))
    unit_actions.close_unit(tree.office, by=root_admin, closed_on=dt.date(2024, 7, 1))

    rows = by_unit(queries.completeness_by_child(half_year, tree.province))

    assert rows[tree.commune.name].required == 1  # the village is gone from the count
    assert rows[tree.bloc.name].required == 3  # the office reported before it closed
    assert rows[tree.bloc.name].on_time == 1


def test_a_closed_child_with_nothing_sent_is_not_listed(tree, half_year, root_admin):
    unit_actions.close_unit(tree.other_commune, by=root_admin, closed_on=dt.date(2024, 5, 1))

    table = queries.completeness_by_child(half_year, tree.province)

    assert tree.other_commune.name not in by_unit(table)
    assert table.total.required == 5


def test_two_queries_whatever_the_number_of_children(tree, half_year, django_assert_num_queries):
    with django_assert_num_queries(2):
        queries.completeness_by_child(half_year, tree.province)
