"""A report that stops counting (returned) lets the reports below it count again, and back."""

from coso.reports import actions, queries

from . import conftest_overview
from .conftest_overview import report, require

overview_form = conftest_overview.overview_form


def test_returning_and_resubmitting_the_blocs_summary_moves_the_totals(
    tree, province_officer, overview_form
):
    requirement = require(province_officer, tree.province, overview_form, levels_down=3)
    report(requirement, tree.office, province_officer, {"received": "6"})
    report(requirement, tree.enterprise, province_officer, {"received": "2"})
    bloc = report(requirement, tree.bloc, province_officer, {"received": "10"})

    def province_total():
        return queries.totals_by_child(requirement, tree.province).total.values["received"]

    assert province_total() == 10  # the bloc's summary already includes its agencies

    bloc = actions.return_submission(bloc, by=province_officer, reason="Rà soát lại số liệu")
    assert province_total() == 8  # its units' own reports count while it is corrected

    bloc = actions.save_draft(
        bloc, by=province_officer, values={"received": "9"}, revision=bloc.revision
    )
    actions.submit(bloc, by=province_officer)
    assert province_total() == 9
