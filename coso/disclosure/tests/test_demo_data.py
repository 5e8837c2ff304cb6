"""The demo's disclosures of Thanh Miện, built through the real actions."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

from conftest import make_user
from coso.demo import places
from coso.demo.disclosure import build_disclosure
from coso.disclosure.compliance import unit_compliance
from coso.disclosure.models import Disclosure, DisclosureStatus
from coso.units import actions as unit_actions
from coso.units.models import Role, UnitKind

from .conftest import TODAY


def _builder(tree, root_admin, today: dt.date) -> SimpleNamespace:
    town = unit_actions.create_unit(
        by=root_admin, parent=tree.province, name=places.THANH_MIEN_TOWN, kind=UnitKind.COMMUNE
    )
    community = unit_actions.create_unit(
        by=root_admin,
        parent=town,
        name=places.THANH_MIEN_COMMUNITIES[0],
        kind=UnitKind.RESIDENTIAL,
    )
    officers: dict[int, object] = {}

    def officer_of(unit):
        if unit.pk not in officers:
            user = make_user(f"canbo{unit.pk}", f"Cán bộ {unit.name}", unit)
            unit_actions.assign_role(by=root_admin, user=user, unit=unit, role=Role.UNIT_OFFICER)
            officers[unit.pk] = user
        return officers[unit.pk]

    units = {town.name: town, community.name: community}
    return SimpleNamespace(units=units, officer_of=officer_of, today=today, town=town)


def test_the_demo_builds_what_it_promises(tree, root_admin):
    builder = _builder(tree, root_admin, TODAY)

    build_disclosure(builder)

    town = builder.town
    items = Disclosure.objects.filter(unit=town)
    assert items.filter(status=DisclosureStatus.DRAFT).count() == 1
    assert items.filter(status=DisclosureStatus.ENDED_EARLY).count() == 1
    corrected = items.get(version=2)
    assert corrected.supersedes.status == DisclosureStatus.SUPERSEDED
    budget = items.get(category__code="ngan_sach")
    assert budget.files.count() == 1 and budget.channels.filter(photo__gt="").count() == 1
    flagged = unit_compliance(town, 2025).flagged
    assert {d.category.code for d in flagged} == {"doi_tuong_thu_huong", "vay_von_ho_ngheo"}
    assert Disclosure.objects.exclude(unit=town).get().category.code == "quy_dong_gop"
