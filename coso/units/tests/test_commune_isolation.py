"""A user of one commune cannot see another commune's internal records, on any units page."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from coso.units import actions


@pytest.fixture
def commune_records(tree, admin, province_officer, committee_member, follow):
    committee = actions.create_committee(
        by=province_officer, unit=tree.commune, name="Ban Chỉ đạo xã Thanh Miện"
    )
    actions.record_follow_up(
        follow, by=committee_member, visited_on=dt.date(2024, 3, 2), findings="Nội bộ xã"
    )
    return committee


def test_other_commune_officer_gets_404_everywhere(
    login, tree, other_commune_officer, commune_records, follow
):
    client = login(other_commune_officer)
    urls = [
        reverse("units:detail", args=[tree.commune.pk]),
        reverse("units:detail", args=[tree.village.pk]),
        reverse("units:people", args=[tree.commune.pk]),
        reverse("units:committees", args=[tree.commune.pk]),
        reverse("units:committee", args=[commune_records.pk]),
        reverse("units:assignment", args=[follow.pk]),
        reverse("units:audit", args=[tree.commune.pk]),
    ]

    statuses = {url: client.get(url).status_code for url in urls}

    assert set(statuses.values()) == {404}


def test_other_commune_officer_sees_only_their_own_commune(
    login, tree, other_commune_officer, commune_records
):
    client = login(other_commune_officer)

    tree_page = client.get(reverse("units:tree")).content.decode()
    searched = client.get(reverse("units:tree"), {"q": "thon dong"}).content.decode()
    own = client.get(reverse("units:detail", args=[tree.other_commune.pk])).content.decode()

    assert "Phường Quy Nhơn" in tree_page and "Xã Thanh Miện" not in tree_page
    assert "Thôn Đông" not in searched
    # the province is named in the breadcrumb but is not a link
    assert "Tỉnh Gia Lai" in own
    assert reverse("units:detail", args=[tree.province.pk]) not in own
