"""The demo's convention of Thanh Miện loads through the real actions: in force, two versions."""

from __future__ import annotations

from django.urls import reverse

from coso.conventions.models import Convention, VersionStatus
from coso.core.dates import today
from coso.demo import places
from coso.demo.builder import DemoBuilder
from coso.demo.conventions import TITLE, build_conventions
from coso.units.models import UnitKind


def test_the_demo_has_a_convention_in_force_with_two_versions(root_admin, client):
    builder = DemoBuilder(today=today())
    builder.admin = root_admin
    province = builder.unit("Thành phố Hải Phòng", UnitKind.PROVINCE, None)
    town = builder.unit(places.THANH_MIEN_TOWN, UnitKind.COMMUNE, province)
    for name in places.THANH_MIEN_COMMUNITIES:
        builder.unit(name, UnitKind.RESIDENTIAL, town)

    build_conventions(builder)

    convention = Convention.objects.get(title=TITLE)
    first, second = convention.versions.order_by("number")
    assert first.status == VersionStatus.SUPERSEDED
    assert second.status == VersionStatus.IN_FORCE
    assert first.in_force_from < first.superseded_on == second.in_force_from < today()
    assert convention.reviews.count() == 1
    assert second.matter.adopted and second.matter.status == "sent"
    page = client.get(reverse("conventions_public:detail", args=[convention.pk]))
    assert "Điều 4. Việc cưới, việc tang" in page.content.decode()
    portal = client.get(reverse("portal:unit", kwargs={"unit_id": town.pk})).content.decode()
    assert TITLE in portal
