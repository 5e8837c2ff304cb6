"""The demo's sessions, class and order load through the real actions."""

from __future__ import annotations

from coso.core.dates import today
from coso.demo import places
from coso.demo.builder import DemoBuilder
from coso.demo.propaganda import TOWN_CONFERENCE, build_propaganda
from coso.propaganda import coverage
from coso.propaganda.models import Order, Session, TrainingClass
from coso.units.models import UnitKind


def test_the_demo_has_sessions_a_class_and_an_order(root_admin):
    builder = DemoBuilder(today=today())
    builder.admin = root_admin
    province = builder.unit("Thành phố Hải Phòng", UnitKind.PROVINCE, None)
    town = builder.unit(places.THANH_MIEN_TOWN, UnitKind.COMMUNE, province)
    builder.unit("Xã Ninh Giang", UnitKind.COMMUNE, province)
    for name in places.THANH_MIEN_COMMUNITIES:
        builder.unit(name, UnitKind.RESIDENTIAL, town)
    builder.unit(places.QT_OFFICE, UnitKind.AGENCY, province, staff_count=85)

    build_propaganda(builder)

    conference = Session.objects.get(title=TOWN_CONFERENCE)
    assert conference.total_reached == 256
    assert conference.texts.count() == 2
    assert Session.objects.count() == 3
    training = TrainingClass.objects.get()
    assert training.participants.count() == len(places.THANH_MIEN_COMMUNITIES)
    assert 0 < training.participants.filter(attended=True).count() < training.participants.count()
    order = Order.objects.get()
    assert coverage.progress(order) == coverage.Progress(total=2, covered=1)
