"""Recognised models flow into the periodic report of the unit that proposed them and above."""

from __future__ import annotations

import datetime as dt

from coso.core.dates import today
from coso.recognition import actions
from coso.recognition.figures import report_figures
from coso.reports import actions as report_actions
from coso.reports import figures as report_figures_module
from coso.reports.builtin_form import CODE
from coso.reports.models import PeriodKind, ReportForm

from .conftest import nominate, recognise

FIGURES_PATH = "coso.recognition.figures.report_figures"


def test_only_recognised_models_of_the_period_and_subtree_count(
    tree, world, commune_officer, province_officer, other_commune_officer
):
    recognise(world.nomination, province_officer)
    refused = nominate(commune_officer, tree.village)
    actions.decide_nomination(refused, by=province_officer, recognised=False, reasons="Chưa đạt")
    nominate(other_commune_officer, tree.other_commune)  # waiting: not counted

    start, end = today() - dt.timedelta(days=7), today()
    assert report_figures(tree.commune, start, end) == {"models-recognised": 1}
    assert report_figures(tree.province, start, end) == {"models-recognised": 1}
    assert report_figures(tree.other_commune, start, end) == {"models-recognised": 0}
    long_ago = report_figures(tree.province, dt.date(2001, 1, 1), dt.date(2001, 12, 31))
    assert long_ago == {"models-recognised": 0}


def test_the_figures_fill_the_periodic_report(
    tree, world, province_officer, commune_officer, settings
):
    settings.COSO_REPORT_FIGURES = [*settings.COSO_REPORT_FIGURES, FIGURES_PATH]
    recognise(world.nomination, province_officer)
    year = today().year
    requirement = report_actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title=f"Báo cáo năm {year}",
        form=ReportForm.objects.get(code=CODE),
        period=report_actions.get_period(PeriodKind.YEAR, year, 1),
        deadline=dt.date(year, 12, 31),
        receiving_office="Ban Dân vận",
        levels_down=2,
    )
    submission = requirement.submissions.get(unit=tree.commune)

    saved, _filled = report_figures_module.prefill_from_records(submission, by=commune_officer)

    values = {v.indicator.code: v.number for v in saved.values.select_related("indicator")}
    assert values["models-recognised"] == 1
