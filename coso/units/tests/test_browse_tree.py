"""Browsing the tree level by level: roots, a unit, its breadcrumb and its children."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.units import actions
from coso.units.models import UnitKind


def test_tree_page_lists_the_units_where_the_user_holds_roles(login, tree, employee):
    response = login(employee).get(reverse("units:tree"))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Văn phòng UBND tỉnh" in page
    assert "Tỉnh Gia Lai" not in page


def test_superuser_sees_the_root(login, tree, root_admin):
    response = login(root_admin).get(reverse("units:tree"))

    assert "Ban Chỉ đạo Trung ương" in response.content.decode()


def test_unit_page_shows_kind_staff_children_and_counts(login, tree, province_officer):
    response = login(province_officer).get(reverse("units:detail", args=[tree.office.pk]))

    page = response.content.decode()
    assert "Văn phòng UBND tỉnh" in page
    assert "Cơ quan, đơn vị sự nghiệp công lập" in page
    assert "85" in page
    assert "Phòng Hành chính - Tổ chức" in page


def test_breadcrumb_links_only_the_ancestors_the_user_may_see(login, tree, commune_officer):
    response = login(commune_officer).get(reverse("units:detail", args=[tree.village.pk]))

    page = response.content.decode()
    assert f'href="{reverse("units:detail", args=[tree.commune.pk])}"' in page
    assert "Tỉnh Gia Lai" in page
    assert f'href="{reverse("units:detail", args=[tree.province.pk])}"' not in page


def test_closed_children_come_last_marked_with_date_and_merge(login, tree, admin):
    # given the village is merged into a new one
    newer = actions.create_unit(
        by=admin, parent=tree.commune, name="Thôn Đông Mới", kind=UnitKind.RESIDENTIAL
    )
    actions.close_unit(
        tree.village, by=admin, closed_on=dt.date(2025, 7, 1), reason="Sáp nhập", merged_into=newer
    )

    # when
    page = login(admin).get(reverse("units:detail", args=[tree.commune.pk])).content.decode()

    # then the open village comes first, the closed one is marked
    assert page.index("Thôn Đông Mới") < page.index("Đã giải thể/sáp nhập</span> <span")
    assert "01/07/2025" in page
    assert "sáp nhập vào" in page


def test_closed_children_can_be_hidden(login, tree, admin):
    actions.close_unit(tree.village, by=admin, closed_on=dt.date(2025, 7, 1))
    url = reverse("units:detail", args=[tree.commune.pk])

    shown = login(admin).get(url).content.decode()
    hidden = login(admin).get(url, {"closed": "hide"}).content.decode()

    assert "Thôn Đông" in shown
    assert "Thôn Đông" not in hidden.split("Đơn vị trực thuộc</h2>")[1]


def test_closed_unit_page_shows_date_reason_and_merged_into(login, tree, admin):
    actions.close_unit(
        tree.village,
        by=admin,
        closed_on=dt.date(2025, 7, 1),
        reason="Sắp xếp thôn",
        merged_into=tree.commune,
    )

    page = login(admin).get(reverse("units:detail", args=[tree.village.pk])).content.decode()

    assert "Đã giải thể/sáp nhập" in page
    assert "01/07/2025" in page
    assert "Sắp xếp thôn" in page
    assert "Sáp nhập vào" in page
