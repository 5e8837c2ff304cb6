"""The demo's feedback of Thanh Miện loads through the real actions, in every state."""

from __future__ import annotations

from coso.core.dates import today
from coso.demo import places
from coso.demo.builder import DemoBuilder
from coso.demo.feedback import build_feedback
from coso.feedback.access import can_see_identity
from coso.feedback.models import Feedback, Status
from coso.units.models import UnitKind


def test_the_demo_has_feedback_in_every_state(root_admin):
    builder = DemoBuilder(today=today())
    builder.admin = root_admin
    central = builder.unit("Ban Chỉ đạo Trung ương", UnitKind.PARTY_BODY, None)
    province = builder.unit("Thành phố Hải Phòng", UnitKind.PROVINCE, central)
    town = builder.unit(places.THANH_MIEN_TOWN, UnitKind.COMMUNE, province)
    for name in places.THANH_MIEN_COMMUNITIES[:2]:
        builder.unit(name, UnitKind.RESIDENTIAL, town)
    qt = builder.unit("Tỉnh Quảng Trị", UnitKind.PROVINCE, central)
    builder.unit(places.QT_OFFICE, UnitKind.AGENCY, qt, staff_count=85)

    build_feedback(builder)

    items = Feedback.objects.all()
    assert 25 <= items.count() <= 35
    assert set(items.values_list("status", flat=True)) == set(Status.values)
    assert items.overdue(today()).exists()
    assert items.filter(answer_published_at__isnull=False).exists()
    assert items.filter(received_by__kind=UnitKind.RESIDENTIAL, unit=town).exists()
    denunciation = items.get(kind__code="denunciation")
    officer = builder.officer_of(town)
    assert not can_see_identity(officer, denunciation)
    assert can_see_identity(denunciation.handler, denunciation)
    assert items.filter(unit__kind=UnitKind.AGENCY).count() == 4
