"""The demo's consultations of Thanh Miện load through the real actions."""

from __future__ import annotations

from django.urls import reverse

from coso.consultations.models import ConsultationStatus
from coso.core.dates import today
from coso.demo import places
from coso.demo.builder import DemoBuilder
from coso.demo.consultations import OPEN_TITLE, PUBLISHED_TITLE, build_consultations
from coso.disclosure.models import Disclosure
from coso.units.models import UnitKind


def test_the_demo_has_an_open_consultation_and_a_published_synthesis(root_admin, client):
    # given the town of Thanh Miện with its residential communities
    builder = DemoBuilder(today=today())
    builder.admin = root_admin
    province = builder.unit("Thành phố Hải Phòng", UnitKind.PROVINCE, None)
    town = builder.unit(places.THANH_MIEN_TOWN, UnitKind.COMMUNE, province)

    # when the demo's consultations are built
    build_consultations(builder)

    # then one is open with comments and one has its synthesis published and disclosed
    open_one = town.consultations.get(title=OPEN_TITLE)
    assert open_one.accepting_comments
    assert open_one.comments.count() == 3
    published = town.consultations.get(title=PUBLISHED_TITLE)
    assert published.status == ConsultationStatus.PUBLISHED
    assert Disclosure.objects.filter(pk=published.disclosure_id).exists()
    page = client.get(reverse("portal:unit", kwargs={"unit_id": town.pk})).content.decode()
    assert OPEN_TITLE in page and PUBLISHED_TITLE in page
