"""Completeness and totals cost the same queries for 3 children as for 12, at any depth."""

import pytest

from coso.reports import queries
from coso.units import actions as unit_actions
from coso.units.models import UnitKind

from . import conftest_overview
from .conftest_overview import report, require

overview_form = conftest_overview.overview_form


def build(root_admin, officer, parent, form, n: int):
    """A party body with n communes of two villages each, all asked for a report."""
    body = unit_actions.create_unit(
        by=root_admin, parent=parent, name=f"Đảng ủy {n}", kind=UnitKind.PARTY_BODY
    )
    requirement = require(officer, body, form, levels_down=2)
    for i in range(n):
        commune = unit_actions.create_unit(
            by=root_admin, parent=body, name=f"Xã {i}", kind=UnitKind.COMMUNE
        )
        villages = [
            unit_actions.create_unit(
                by=root_admin, parent=commune, name=f"Thôn {i}.{j}", kind=UnitKind.RESIDENTIAL
            )
            for j in range(2)
        ]
        requirement.submissions.model.objects.bulk_create(
            [
                requirement.submissions.model(requirement=requirement, unit=u, unit_path=u.path)
                for u in [commune, *villages]
            ]
        )
        if i % 2:
            report(requirement, commune, officer, {"received": "5"})
        else:
            report(requirement, villages[0], officer, {"received": "2"})
            report(requirement, villages[1], officer, {"received": "1"})
    return body, requirement


@pytest.mark.parametrize("children", [3, 12])
def test_query_counts_do_not_grow(
    tree, root_admin, province_officer, overview_form, django_assert_num_queries, children
):
    body, requirement = build(root_admin, province_officer, tree.province, overview_form, children)

    with django_assert_num_queries(2):
        completeness = queries.completeness_by_child(requirement, body)
    with django_assert_num_queries(3):
        totals = queries.totals_by_child(requirement, body)

    assert completeness.total.required == 3 * children
    assert len(totals.rows) == children
    odd, even = children // 2, children - children // 2
    assert totals.total.values["received"] == 5 * odd + 3 * even
