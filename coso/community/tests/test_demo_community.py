"""The demo's households and decisions build quickly through the real actions, and the demo
household representative can sign in and vote."""

import datetime as dt
import time

from coso.community.models import Household, Matter, MatterStatus
from coso.demo import places
from coso.demo.builder import DEMO_PASSWORD, DemoBuilder
from coso.demo.community import REPRESENTATIVE_USERNAME, build_community
from coso.units.models import UnitKind


def test_demo_community(client, root_admin, tree):
    builder = DemoBuilder(today=dt.date(2025, 6, 2))
    builder.admin = root_admin
    town = builder.unit(places.THANH_MIEN_TOWN, UnitKind.COMMUNE, tree.province)
    for name in places.THANH_MIEN_COMMUNITIES[:2]:
        builder.unit(name, UnitKind.RESIDENTIAL, town)
    started = time.monotonic()
    build_community(builder)
    assert time.monotonic() - started < 4
    assert Household.objects.count() == 80
    adopted = Matter.objects.get(status=MatterStatus.CLOSED)
    assert adopted.adopted is True and adopted.yes_count == 27 and adopted.households_total == 40
    online = Matter.objects.get(method="online")
    assert online.status == MatterStatus.OPEN and online.votes.count() == 14
    assert client.login(username=REPRESENTATIVE_USERNAME, password=DEMO_PASSWORD)
    page = client.get(f"/bieu-quyet/{online.pk}/bo-phieu/").content.decode()
    assert 'name="choice"' in page and "TT-040" in page
