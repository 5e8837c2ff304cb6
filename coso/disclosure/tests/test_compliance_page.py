"""The compliance page: the unit's own year, and the roll-up with links down the tree."""

from __future__ import annotations

from django.urls import reverse


def test_the_communes_page_lists_what_is_missing(client, tree, commune_officer, world):
    client.force_login(commune_officer)

    response = client.get(reverse("disclosure:compliance", args=[tree.commune.pk]), {"year": 2025})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Nhiệm vụ, quyền hạn của cán bộ, công chức cấp xã" in page  # not disclosed yet
    assert [c.code for c in response.context["own"].missing] == [
        "thu_tuc_hanh_chinh",
        "quy_dong_gop",
        "vay_von_ho_ngheo",
    ]
    # the village below: its contributions lacked the 3 loudspeaker days
    [(child, rollup)] = response.context["rows"]
    assert child == tree.village and rollup.flagged == 1 and rollup.missing == 0
    assert reverse("disclosure:compliance", args=[tree.village.pk]) in page


def test_the_province_sees_its_subtree_rolled_up(
    client, tree, province_officer, world, django_assert_max_num_queries
):
    client.force_login(province_officer)

    with django_assert_max_num_queries(12):
        response = client.get(
            reverse("disclosure:compliance", args=[tree.province.pk]), {"year": 2025}
        )

    assert response.context["own"] is None  # a province has no list of its own
    rows = {child.name: rollup.missing for child, rollup in response.context["rows"]}
    assert rows == {
        "Đảng ủy Khối Cơ quan và Doanh nghiệp tỉnh": 10,
        "Xã Thanh Miện": 3,
        "Phường Quy Nhơn": 4,
    }
    page = response.content.decode()
    assert 'data-testid="total-missing">17<' in page
    for child in (tree.bloc, tree.commune, tree.other_commune):
        assert reverse("disclosure:compliance", args=[child.pk]) in page


def test_the_home_link_opens_the_users_top_unit(client, province_officer, tree):
    client.force_login(province_officer)

    response = client.get(reverse("disclosure:compliance_home"))

    assert response["Location"] == reverse("disclosure:compliance", args=[tree.province.pk])


def test_someone_without_a_role_has_no_compliance_page(client, citizen):
    client.force_login(citizen)
    assert client.get(reverse("disclosure:compliance_home")).status_code == 404
