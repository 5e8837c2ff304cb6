"""Compliance: the categories required every year that a unit has not disclosed yet, the
postings to look at, and the same rolled up over each child's subtree in a fixed number of
queries (issue 4, item 2)."""

from __future__ import annotations

import datetime as dt

from coso.disclosure import actions
from coso.disclosure.compliance import subtree_compliance, unit_compliance
from coso.disclosure.models import DisclosureCategory
from coso.units import actions as unit_actions
from coso.units.models import UnitKind

from .conftest import publish

COMMUNE_REQUIRED = [
    "ke_hoach_kt_xh",
    "ngan_sach",
    "thu_tuc_hanh_chinh",
    "quy_dong_gop",
    "vay_von_ho_ngheo",
]


def test_the_communes_missing_categories(tree, world):
    report = unit_compliance(tree.commune, 2025)

    assert [c.code for c in report.required] == COMMUNE_REQUIRED
    # the budget and the plan (two versions, counted once) are disclosed; a draft is not
    assert [c.code for c in report.missing] == COMMUNE_REQUIRED[2:]
    assert (report.done, report.percent) == (2, 40)
    assert report.flagged == []


def test_another_year_starts_from_nothing(tree, world):
    report = unit_compliance(tree.commune, 2024)

    assert [c.code for c in report.missing] == COMMUNE_REQUIRED
    assert report.percent == 0


def test_postings_ended_early_short_or_without_broadcast_are_listed(tree, commune_officer, world):
    # given a list of poor households ended early and a fee list never broadcast
    poor = publish(commune_officer, tree.commune, "vay_von_ho_ngheo", title="Hộ nghèo")
    actions.add_channel(
        poor,
        by=commune_officer,
        method="loudspeaker",
        starts_on=dt.date(2025, 3, 10),
        ends_on=dt.date(2025, 3, 12),
    )
    poor = actions.end_posting_early(
        poor, by=commune_officer, ended_on=dt.date(2025, 3, 14), reason="Chưa được xét duyệt"
    )
    fees = publish(commune_officer, tree.commune, "phi_le_phi", title="Phí chợ", days=40)

    report = unit_compliance(tree.commune, 2025)

    # the ended posting still counts as disclosed, and both are listed to look at
    assert "vay_von_ho_ngheo" not in [c.code for c in report.missing]
    assert {d.pk for d in report.flagged} == {poor.pk, fees.pk}


def test_the_roll_up_counts_each_childs_subtree(tree, world):
    result = subtree_compliance(tree.province, 2025)

    commune = result.for_child(tree.commune)  # the commune (5 required) and its village (1)
    assert (commune.units, commune.expected, commune.done, commune.missing) == (2, 6, 3, 3)
    assert commune.flagged == 1  # the village's contributions were not broadcast 3 days
    ward = result.for_child(tree.other_commune)
    assert (ward.units, ward.expected, ward.done, ward.missing) == (1, 5, 1, 4)
    bloc = result.for_child(tree.bloc)  # the agency (7 required) and the enterprise (3)
    assert (bloc.units, bloc.expected, bloc.done, bloc.missing) == (2, 10, 0, 10)
    totals = result.totals
    assert (totals.units, totals.expected, totals.done, totals.missing) == (5, 21, 4, 17)
    assert totals.flagged == 1


def test_upper_levels_see_the_same_figures(tree, world):
    province = subtree_compliance(tree.province, 2025).totals
    central = subtree_compliance(tree.central, 2025)

    assert central.for_child(tree.province) == province
    assert central.totals == province


def test_closed_units_and_rule_changes_are_followed(tree, root_admin, world):
    unit_actions.close_unit(tree.other_commune, by=root_admin, closed_on=dt.date(2025, 3, 1))
    DisclosureCategory.objects.filter(unit_kind=UnitKind.AGENCY, code="danh_gia").update(
        required_every_year=False
    )

    result = subtree_compliance(tree.province, 2025)

    assert result.for_child(tree.other_commune).units == 0
    assert result.for_child(tree.bloc).expected == 9
    assert result.totals.expected == 15


def test_the_roll_up_costs_the_same_queries_however_big_the_tree(
    tree, root_admin, commune_officer, world, django_assert_num_queries
):
    with django_assert_num_queries(4):
        small = subtree_compliance(tree.province, 2025)

    # given ten more communes with three villages each, and disclosures in some
    for i in range(10):
        commune = unit_actions.create_unit(
            by=root_admin, parent=tree.province, name=f"Xã Số {i}", kind=UnitKind.COMMUNE
        )
        for j in range(3):
            unit_actions.create_unit(
                by=root_admin, parent=commune, name=f"Thôn {j}", kind=UnitKind.RESIDENTIAL
            )
        if i % 2:
            publish(root_admin, commune, title=f"Ngân sách xã {i}")

    with django_assert_num_queries(4):
        big = subtree_compliance(tree.province, 2025)
    with django_assert_num_queries(2):
        unit_compliance(tree.commune, 2025)

    assert big.totals.expected == small.totals.expected + 10 * (5 + 3)
    assert big.totals.done == small.totals.done + 5
