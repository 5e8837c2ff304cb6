"""Indicator totals rolled up the tree without double counting."""

from decimal import Decimal

from coso.reports import actions, queries

from . import conftest_overview
from .conftest_overview import report

half_year = conftest_overview.half_year
overview_form = conftest_overview.overview_form


def by_unit(table):
    return {row.unit.name: row.values for row in table.rows}


def test_an_intermediate_units_own_aggregate_replaces_its_units_figures(
    tree, half_year, province_officer
):
    officer = province_officer
    # The bloc's own report already includes its office and enterprise.
    report(half_year, tree.bloc, officer, {"received": "10", "resolved": "8"})
    report(half_year, tree.office, officer, {"received": "6", "resolved": "5"})
    report(half_year, tree.enterprise, officer, {"received": "4", "resolved": "3"})
    report(half_year, tree.commune, officer, {"received": "7", "resolved": "7"})

    table = queries.totals_by_child(half_year, tree.province)

    rows = by_unit(table)
    assert rows[tree.bloc.name]["received"] == 10
    assert rows[tree.commune.name]["received"] == 7
    assert rows[tree.other_commune.name]["received"] is None
    assert table.total.values["received"] == 17
    assert table.total.values["resolved"] == 15
    assert [i.code for i in table.indicators] == ["received", "resolved", "rate", "committee"]


def test_when_the_intermediate_unit_has_not_submitted_its_units_figures_count(
    tree, half_year, province_officer
):
    officer = province_officer
    report(half_year, tree.bloc, officer, {"received": "10"}, submit=False)  # a draft
    report(half_year, tree.office, officer, {"received": "6"})
    report(half_year, tree.enterprise, officer, {"received": "4"})

    table = queries.totals_by_child(half_year, tree.province)

    assert by_unit(table)[tree.bloc.name]["received"] == 6 + 4  # the draft does not hide them
    assert table.total.values["received"] == 10


def test_drilling_into_the_bloc_shows_its_units_own_figures(tree, half_year, province_officer):
    officer = province_officer
    report(half_year, tree.bloc, officer, {"received": "10"})
    report(half_year, tree.office, officer, {"received": "6"})
    report(half_year, tree.enterprise, officer, {"received": "4"})

    table = queries.totals_by_child(half_year, tree.bloc)

    assert by_unit(table) == {
        tree.office.name: {"received": 6, "resolved": None, "rate": None, "committee": None},
        tree.enterprise.name: {"received": 4, "resolved": None, "rate": None, "committee": None},
    }
    assert table.total.values["received"] == 10


def test_percentages_are_averaged_and_yes_counted(tree, half_year, province_officer):
    officer = province_officer
    report(half_year, tree.commune, officer, {"rate": "80", "committee": "có"})
    report(half_year, tree.other_commune, officer, {"rate": "50", "committee": "không"})
    report(half_year, tree.bloc, officer, {"rate": "95", "committee": "có"})

    table = queries.totals_by_child(half_year, tree.province)

    assert table.total.values["rate"] == Decimal("75.00")
    assert table.total.values["committee"] == 2


def test_drafts_and_returned_reports_do_not_count(tree, half_year, province_officer):
    officer = province_officer
    report(half_year, tree.commune, officer, {"received": "7"}, submit=False)
    returned = report(half_year, tree.other_commune, officer, {"received": "5"})
    actions.return_submission(returned, by=officer, reason="Sai số liệu")
    accepted = report(half_year, tree.bloc, officer, {"received": "3"})
    actions.accept_submission(accepted, by=officer)

    table = queries.totals_by_child(half_year, tree.province)

    assert table.total.values["received"] == 3
    assert by_unit(table)[tree.commune.name]["received"] is None


def test_a_returned_intermediate_report_uncovers_the_figures_below(
    tree, half_year, province_officer
):
    officer = province_officer
    bloc = report(half_year, tree.bloc, officer, {"received": "10"})
    report(half_year, tree.office, officer, {"received": "6"})
    actions.return_submission(bloc, by=officer, reason="Thiếu")

    table = queries.totals_by_child(half_year, tree.province)

    assert table.total.values["received"] == 6
