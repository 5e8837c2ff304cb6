"""The rule set of categories: the law's lists, seeded by a reversible migration, extensible."""

from __future__ import annotations

import datetime as dt

import pytest

from coso.disclosure import actions, rules
from coso.disclosure.forms import category_choices
from coso.disclosure.models import DisclosureCategory
from coso.units.models import UnitKind

pytestmark = pytest.mark.django_db

KINDS = (UnitKind.COMMUNE, UnitKind.RESIDENTIAL, UnitKind.AGENCY, UnitKind.ENTERPRISE)


def test_every_kind_has_consultation_result_and_other():
    # Other apps publish consultation results under this code, whatever the unit's kind.
    for kind in KINDS:
        codes = set(
            DisclosureCategory.objects.filter(unit_kind=kind).values_list("code", flat=True)
        )
        assert {"consultation_result", "other"} <= codes, kind


def test_the_commune_list_has_the_14_kinds_of_article_11():
    # Law 10/2022/QH15, art. 11: fourteen kinds of information the commune discloses.
    commune = list(DisclosureCategory.objects.filter(unit_kind=UnitKind.COMMUNE))
    assert len(commune) == 14
    assert all("Điều 11" in c.citation for c in commune)


def test_items_7_to_12_are_broadcast_three_consecutive_days():
    # Law 10/2022/QH15, art. 13: items 7-12 of art. 11 also go on the loudspeakers 3 days.
    commune = list(DisclosureCategory.objects.filter(unit_kind=UnitKind.COMMUNE).order_by("order"))
    broadcast = [c.order for c in commune if c.broadcast_days]
    assert broadcast == [7, 8, 9, 10, 11, 12]
    assert all(c.broadcast_days == 3 and "Điều 13" in c.broadcast_citation for c in commune[6:12])


def test_postings_last_30_days_with_the_citation_beside_the_number():
    # Law on Access to Information 2016, art. 21 (commune); Decree 04/2015 (agency), verify.
    for category in DisclosureCategory.objects.all():
        assert category.min_posting_days == 30
        assert category.min_posting_citation
    agency = DisclosureCategory.objects.filter(unit_kind=UnitKind.AGENCY)
    assert all("04/2015" in c.min_posting_citation for c in agency)


def test_agencies_disclose_within_3_working_days():
    # Decree 04/2015/NĐ-CP, art. 4 (verify against Law art. 47).
    for category in DisclosureCategory.objects.filter(unit_kind=UnitKind.AGENCY):
        assert category.deadline_working_days == 3
        assert "3 ngày làm việc" in category.deadline_citation
    assert not DisclosureCategory.objects.filter(
        unit_kind=UnitKind.COMMUNE, deadline_working_days__isnull=False
    ).exists()


def test_the_seed_migration_reverses_and_reapplies():
    # given the seeded rule set
    before = sorted(DisclosureCategory.objects.values_list("unit_kind", "code", "name"))

    # when the migration is reversed, then applied again
    rules.uninstall(DisclosureCategory)
    emptied = DisclosureCategory.objects.count()
    rules.install(DisclosureCategory)

    # then it removed everything it installed and put back the same rows
    assert emptied == 0
    assert sorted(DisclosureCategory.objects.values_list("unit_kind", "code", "name")) == before


def test_reversing_keeps_categories_in_use(tree, commune_officer):
    # given a category with a disclosure
    actions.publish_disclosure(
        by=commune_officer,
        unit=tree.commune,
        category_code="ngan_sach",
        title="Dự toán",
        starts_on=dt.date(2025, 3, 10),
    )

    rules.uninstall(DisclosureCategory)

    assert list(DisclosureCategory.objects.values_list("code", flat=True)) == ["ngan_sach"]


def test_an_administrator_extends_the_list(tree, commune_officer):
    # given a category an administrator added in the admin
    DisclosureCategory.objects.create(
        unit_kind=UnitKind.COMMUNE,
        code="phong_chay",
        name="Phương án phòng cháy, chữa cháy rừng",
        citation="Quyết định của UBND tỉnh",
        min_posting_days=15,
        order=99,
    )

    # then officers choose it, and publish under it
    assert ("phong_chay", "Phương án phòng cháy, chữa cháy rừng") in category_choices("commune")
    item = actions.publish_disclosure(
        by=commune_officer,
        unit=tree.commune,
        category_code="phong_chay",
        title="Phương án phòng cháy năm 2025",
        starts_on=dt.date(2025, 3, 10),
        ends_on=dt.date(2025, 3, 24),
    )
    assert item.warnings() == []  # 15 days meet the 15-day minimum of this category


def test_an_inactive_category_is_no_longer_offered(tree, commune_officer):
    DisclosureCategory.objects.filter(unit_kind=UnitKind.COMMUNE, code="dat_dai").update(
        active=False
    )

    assert "dat_dai" not in dict(category_choices("commune"))
    with pytest.raises(actions.ValidationError) as exc:
        actions.publish_disclosure(
            by=commune_officer,
            unit=tree.commune,
            category_code="dat_dai",
            title="Quy hoạch",
            starts_on=dt.date(2025, 3, 10),
        )
    assert "category" in exc.value.message_dict
