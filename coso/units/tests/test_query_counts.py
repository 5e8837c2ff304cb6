"""Lists cost the same number of queries whatever their length (5 rows or 30 rows)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from coso.units import actions
from coso.units.models import Unit, UnitKind

# Per request: session, user, unread reminders, the user's grants; then the page's own queries.
TREE_PAGE_QUERIES = 8
ROOTS_PAGE_QUERIES = 7
SEARCH_QUERIES = 7
AUDIT_QUERIES = 7


def _villages(admin, parent, count: int, *, closed: int = 0) -> None:
    for i in range(count):
        unit = actions.create_unit(
            by=admin, parent=parent, name=f"Thôn Mới số {i + 1}", kind=UnitKind.RESIDENTIAL
        )
        if i < closed:
            actions.close_unit(unit, by=admin, closed_on=dt.date(2025, 7, 1), merged_into=parent)


@pytest.mark.parametrize("rows", [5, 30])
def test_unit_page(login, tree, admin, django_assert_num_queries, rows):
    _villages(admin, tree.commune, rows, closed=2)
    client = login(admin)

    with django_assert_num_queries(TREE_PAGE_QUERIES):
        response = client.get(reverse("units:detail", args=[tree.commune.pk]))

    assert response.status_code == 200


@pytest.mark.parametrize("rows", [5, 30])
def test_roots_page(client, root_admin, tree, django_assert_num_queries, rows):
    for i in range(rows):
        actions.create_unit(by=root_admin, parent=None, name=f"Gốc {i}", kind=UnitKind.PARTY_BODY)
    client.force_login(root_admin)

    with django_assert_num_queries(ROOTS_PAGE_QUERIES):
        response = client.get(reverse("units:tree"))

    assert response.status_code == 200


@pytest.mark.parametrize("rows", [5, 30])
def test_search_results(login, tree, admin, django_assert_num_queries, rows):
    _villages(admin, tree.village, rows)
    client = login(admin)

    with django_assert_num_queries(SEARCH_QUERIES):
        response = client.get(reverse("units:tree"), {"q": "thon moi so"})

    assert "Xã Thanh Miện › Thôn Đông" in response.content.decode()


@pytest.mark.parametrize("rows", [5, 30])
def test_audit_list(login, tree, admin, django_assert_num_queries, rows):
    for i in range(rows):
        actions.rename_unit(tree.village, by=admin, name=f"Thôn Đông {i}")
    client = login(admin)

    with django_assert_num_queries(AUDIT_QUERIES):
        response = client.get(reverse("units:audit", args=[tree.village.pk]))

    assert f"Thôn Đông {rows - 1}" in response.content.decode()


@pytest.mark.parametrize("rows", [5, 30])
def test_audit_list_naming_related_records(
    login, tree, admin, seat, province_officer, django_assert_num_queries, rows
):
    # given follow assignments, whose log entries name a unit and a committee member
    _villages(admin, tree.commune, rows)
    for village in Unit.objects.get_children(tree.commune).exclude(pk=tree.village.pk):
        actions.assign_follow(seat, by=province_officer, unit=village)
    client = login(admin)

    # when: the page, plus one query for the units and one for the members it names
    with django_assert_num_queries(AUDIT_QUERIES + 2):
        response = client.get(reverse("units:audit", args=[tree.commune.pk]))

    # then
    assert "Vũ Văn Ủy Viên (Thành viên)" in response.content.decode()
