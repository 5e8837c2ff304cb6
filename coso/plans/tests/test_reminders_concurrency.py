"""Two workers running at the same moment still remind and e-mail each person once."""

import datetime as dt
import threading

import pytest
from django.core import mail
from django.db import connection

from coso.core.models import Notification
from coso.plans import actions
from coso.plans.models import Timing
from coso.plans.reminders import send_due_reminders


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_runs_create_and_send_everything_once(
    tree, province_officer, commune_officer, other_commune_officer
):
    plan = actions.create_plan(
        by=province_officer,
        unit=tree.province,
        title="Kế hoạch năm 2024",
        number="04-KH/BCĐ",
        issued_on=dt.date(2024, 1, 24),
        subordinate_plans_due=dt.date(2024, 3, 1),
    )
    for n in range(30):
        actions.add_task(
            plan, by=province_officer, title=f"Việc {n}", timing=Timing.QUARTER, quarter=1
        )
    actions.issue_plan(plan, by=province_officer)
    # PostgreSQL runs both at once. SQLite serialises writers anyway, and its shared in-memory
    # test database answers "table is locked" instead of waiting, so there they run in turn.
    overlap = connection.vendor == "postgresql"
    start = threading.Barrier(2 if overlap else 1)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait()
            send_due_reminders(dt.date(2024, 4, 10))
        except BaseException as exc:  # surfaced by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
        if not overlap:
            thread.join()
    for thread in threads:
        thread.join()

    assert errors == []
    # 30 tasks for the province officer, one missing plan for each commune officer
    assert Notification.objects.filter(recipient=province_officer).count() == 30
    assert Notification.objects.filter(recipient=commune_officer).count() == 1
    assert Notification.objects.filter(recipient=other_commune_officer).count() == 1
    # one e-mail each to the province and commune officers (the other has no address)
    assert sorted(m.to[0] for m in mail.outbox) == ["tinh@example.org", "xa@example.org"]
