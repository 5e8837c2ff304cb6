"""Inspections held and the corrections they required flow into the inspecting unit's report."""

from __future__ import annotations

import datetime as dt

from coso.core.dates import today
from coso.inspections import actions
from coso.inspections.figures import report_figures


def _this_year() -> tuple[dt.date, dt.date]:
    return today() - dt.timedelta(days=200), today() + dt.timedelta(days=200)


def test_the_province_counts_its_inspection_and_the_corrections_required(tree, world):
    figures = report_figures(tree.province, *_this_year())

    assert figures == {"inspections": 1, "violations-found": 2, "violations-corrected": 0}


def test_a_correction_accepted_as_done_is_counted_as_corrected(
    tree, world, commune_officer, province_officer
):
    actions.report_action(world.overdue, by=commune_officer, note="Đã niêm yết đầy đủ.")
    actions.accept_action(world.overdue, by=province_officer)

    assert report_figures(tree.province, *_this_year())["violations-corrected"] == 1


def test_the_inspected_commune_does_not_count_the_province_inspection_as_its_own(tree, world):
    assert report_figures(tree.commune, *_this_year())["inspections"] == 0
