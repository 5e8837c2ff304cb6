"""The inspection boards' figures flow into the periodic report of the unit above them."""

from __future__ import annotations

import datetime as dt

from coso.core.dates import today
from coso.oversight import actions
from coso.oversight.figures import report_figures


def test_board_and_recommendations_are_counted_for_the_commune_and_the_province(
    tree, world, commune_officer
):
    year_start, year_end = dt.date(today().year - 1, 1, 1), dt.date(today().year + 1, 12, 31)

    commune = report_figures(tree.commune, year_start, year_end)
    assert commune["inspection-boards-active"] == 1
    assert commune["inspection-board-recommendations"] == 1
    assert commune["inspection-board-recommendations-accepted"] == 0

    item = actions.record_answer(
        world.recommendation, by=commune_officer, answer="Đồng ý.", answered_on=today()
    )
    actions.close_recommendation(
        item, by=commune_officer, outcome="done", closed_on=today(), note="Đã thực hiện."
    )
    province = report_figures(tree.province, year_start, year_end)
    # The other commune's board (forming, not recognised) does not count as active.
    assert province["inspection-boards-active"] == 1
    assert province["inspection-board-recommendations-accepted"] == 1


def test_a_period_before_the_board_counts_nothing(tree, world):
    long_ago = report_figures(tree.commune, dt.date(2001, 1, 1), dt.date(2001, 12, 31))
    assert long_ago == {
        "inspection-boards-active": 0,
        "inspection-board-recommendations": 0,
        "inspection-board-recommendations-accepted": 0,
    }
