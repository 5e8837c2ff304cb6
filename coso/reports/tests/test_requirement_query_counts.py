"""The requirement page runs a fixed number of queries whatever the number of units asked."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coso.reports import actions
from coso.reports.models import PeriodKind


def _require(tree, by, report_form, levels: int):
    return actions.create_requirement(
        by=by,
        unit=tree.central,
        title=f"Báo cáo {levels} cấp",
        form=report_form,
        period=actions.get_period(PeriodKind.YEAR, 2024),
        deadline=dt.date(2024, 12, 15),
        receiving_office="Văn phòng",
        levels_down=levels,
    )


def _queries(client, requirement) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("reports:requirement", args=[requirement.pk]))
    assert response.status_code == 200
    return len(ctx.captured_queries), len(response.context["page_obj"].object_list)


def test_the_requirement_page_does_not_grow_with_rows(
    login, tree, admin, report_form, django_assert_max_num_queries
):
    one_row = _require(tree, admin, report_form, 1)
    every_row = _require(tree, admin, report_form, 5)
    client = login(admin)

    few, few_rows = _queries(client, one_row)
    many, many_rows = _queries(client, every_row)

    assert (few_rows, many_rows) == (1, 8)
    assert many == few
    with django_assert_max_num_queries(10):
        client.get(reverse("reports:requirement", args=[every_row.pk]))
