"""The overview pages cost the same number of queries for 3 children as for 12."""

import pytest
from django.urls import reverse

from . import conftest_overview
from .test_totals_query_counts import build

overview_form = conftest_overview.overview_form

# session, user, requirement, grants, viewing unit, the tables, crumbs, notification badge
COMPLETENESS_QUERIES = 9
TOTALS_QUERIES = 10
TRENDS_QUERIES = 7


@pytest.mark.parametrize("children", [3, 12])
def test_overview_pages_query_counts(
    tree,
    root_admin,
    province_officer,
    overview_form,
    login,
    django_assert_num_queries,
    children,
):
    body, requirement = build(root_admin, province_officer, tree.province, overview_form, children)
    client = login(province_officer)

    with django_assert_num_queries(COMPLETENESS_QUERIES):
        response = client.get(
            reverse("reports:completeness", args=[requirement.pk]), {"unit": body.pk}
        )
    assert len(response.context["rows"]) == children
    with django_assert_num_queries(TOTALS_QUERIES):
        response = client.get(reverse("reports:totals", args=[requirement.pk]), {"unit": body.pk})
    assert len(response.context["rows"]) == children
    with django_assert_num_queries(TRENDS_QUERIES):
        response = client.get(reverse("reports:trends"), {"unit": body.pk})
    assert len(response.context["points"]) == 1
