"""The dashboard's "Periodic reports" panel: completeness by child and a trend sparkline."""

import pytest
from django.urls import reverse

from coso.reports.tests import conftest_overview
from coso.reports.tests.conftest_overview import report, require
from coso.reports.tests.test_totals_query_counts import build

from .conftest import links_of
from .test_query_counts import DASHBOARD_QUERIES

overview_form = conftest_overview.overview_form

# The panel's own: the latest requirement, completeness (2), the key indicator, trend (2).
WITH_REPORTS_QUERIES = DASHBOARD_QUERIES - 1 + 5


def test_panel_shows_completeness_with_links_and_a_trend(
    tree, province_officer, overview_form, login
):
    officer = province_officer
    first = require(officer, tree.province, overview_form, year=2023, number=2)
    report(first, tree.commune, officer, {"received": "4"})
    latest = require(officer, tree.province, overview_form, year=2024, number=1)
    report(latest, tree.bloc, officer, {"received": "10"})
    report(latest, tree.commune, officer, {"received": "7"})

    response = login(officer).get(reverse("dashboard:unit", args=[tree.province.pk]))

    assert response.status_code == 200
    panel = response.context["reports"]
    assert panel["requirement"] == latest
    assert (panel["total"].required, panel["total"].submitted) == (6, 2)
    assert [p.value for p in panel["points"]] == [4, 17]
    completeness = reverse("reports:completeness", args=[latest.pk])
    links = links_of(response)
    assert (completeness, "2") in links and (completeness, "6") in links
    assert (f"{completeness}?unit={tree.bloc.pk}", "1/3") in links
    page = response.content.decode()
    assert "<polyline" in page and 'data-testid="reports-panel"' in page


def test_panel_says_when_the_unit_required_no_report(tree, commune_officer, login):
    response = login(commune_officer).get(reverse("dashboard:unit", args=[tree.commune.pk]))

    assert response.status_code == 200
    assert response.context["reports"] is None
    assert 'data-testid="reports-panel"' in response.content.decode()


@pytest.mark.parametrize("children", [3, 12])
def test_panel_query_count_does_not_grow_with_children(
    tree,
    root_admin,
    province_officer,
    overview_form,
    admin,
    login,
    django_assert_num_queries,
    children,
):
    body, requirement = build(root_admin, province_officer, tree.province, overview_form, children)
    client = login(admin)

    with django_assert_num_queries(WITH_REPORTS_QUERIES):
        response = client.get(reverse("dashboard:unit", args=[body.pk]))

    assert response.status_code == 200
    assert response.context["reports"]["total"].required == 3 * children
