import datetime as dt

import pytest
from django.urls import reverse

from coso.plans import actions as plan_actions
from coso.units import actions as unit_actions
from coso.units.models import UnitKind

from .conftest import YEAR, links_of, make_plan


def coverage_url(unit, year: int = YEAR) -> str:
    return f"{reverse('dashboard:coverage', args=[unit.pk])}?year={year}"


@pytest.fixture
def plans_of_2024(tree, root_admin, province_officer):
    """Issued: the commune and the office. Not issued: the enterprise (draft), the other commune
    (withdrawn), the bloc (only 2023). A closed commune's issued plan no longer counts."""
    make_plan(province_officer, tree.commune, number="12-KH/UBND")
    make_plan(province_officer, tree.office, number="30-KH/VP")
    make_plan(province_officer, tree.enterprise, number="01-KH/CT", issue=False)
    withdrawn = make_plan(province_officer, tree.other_commune, number="07-KH/UBND")
    plan_actions.withdraw_plan(withdrawn, by=province_officer)
    make_plan(province_officer, tree.bloc, year=2023, number="02-KH/ĐUK")
    closed = unit_actions.create_unit(
        by=root_admin, parent=tree.province, name="Xã Đã Sáp Nhập", kind=UnitKind.COMMUNE
    )
    make_plan(province_officer, closed, number="09-KH/UBND")
    unit_actions.close_unit(closed, by=root_admin, closed_on=dt.date(2025, 7, 1))
    return closed


def test_totals_count_planning_units_of_the_subtree_that_issued_this_year(
    tree, plans_of_2024, province_officer, login
):
    response = login(province_officer).get(coverage_url(tree.province))

    page = response.content.decode()
    # expected: bloc, office, enterprise, commune, other commune (not the department, the
    # village, nor the closed commune); issued: commune and office
    assert 'data-testid="total-issued">2<' in page
    assert 'data-testid="total-expected">5<' in page


def test_each_child_shows_its_own_plan_and_its_subtree_with_a_drill_down_link(
    tree, plans_of_2024, province_officer, login
):
    response = login(province_officer).get(coverage_url(tree.province))

    links = links_of(response)
    assert (coverage_url(tree.bloc), "1 / 3") in links  # office of bloc, enterprise, office
    assert (coverage_url(tree.commune), "1 / 1") in links
    assert (coverage_url(tree.other_commune), "0 / 1") in links
    page = response.content.decode()
    assert "12-KH/UBND" in page and "20/01/2024" in page
    assert "Xã Đã Sáp Nhập" not in page


def test_children_without_a_plan_come_first(tree, plans_of_2024, province_officer, login):
    response = login(province_officer).get(coverage_url(tree.province))

    names = [row["unit"].name for row in response.context["rows"]]
    assert names == [tree.bloc.name, tree.other_commune.name, tree.commune.name]
    assert response.context["missing_children"] == 2


def test_residential_and_department_units_are_not_expected_to_plan(
    tree, plans_of_2024, commune_officer, login
):
    response = login(commune_officer).get(coverage_url(tree.commune))

    page = response.content.decode()
    assert 'data-testid="total-expected">0<' in page
    assert (coverage_url(tree.village), "0 / 0") in links_of(response)
    assert "missing-children" not in page


def test_dashboard_summarises_coverage_and_links_to_the_coverage_view(
    tree, plans_of_2024, admin, login
):
    response = login(admin).get(reverse("dashboard:unit", args=[tree.central.pk]), {"year": YEAR})

    links = links_of(response)
    # under the centre: the province and the five planning units below it
    assert (coverage_url(tree.central), "2") in links
    assert (coverage_url(tree.central), "6") in links


def test_other_years_are_not_counted(tree, plans_of_2024, province_officer, login):
    response = login(province_officer).get(coverage_url(tree.province, 2023))

    assert 'data-testid="total-issued">1<' in response.content.decode()  # the bloc's 2023 plan
