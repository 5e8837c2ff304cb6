"""Two officers saving the same draft at the same moment: one wins, the other gets a conflict."""

from __future__ import annotations

import threading

import pytest
from django.db import connection

from coso.reports import actions
from coso.reports.models import Submission


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_saves_at_one_revision_never_both_succeed(
    submission, commune_officer, province_officer
):
    actions.save_draft(submission, by=commune_officer, values={"received": "1"}, revision=0)
    # PostgreSQL runs both at once (the row lock makes the second wait, then see the new
    # revision). SQLite's shared in-memory test database answers "table is locked" instead of
    # waiting, so there they run one after the other: the rule checked is the same.
    overlap = connection.vendor == "postgresql"
    start = threading.Barrier(2 if overlap else 1)
    outcomes: dict[str, str] = {}
    lock = threading.Lock()

    def save(name: str, user, figure: str) -> None:
        try:
            stale = Submission.objects.select_related("unit", "requirement__form").get(
                pk=submission.pk
            )
            start.wait()
            actions.save_draft(stale, by=user, values={"received": figure}, revision=1)
            result = "saved"
        except actions.EditConflict:
            result = "conflict"
        except BaseException as exc:  # surfaced by the assertion below
            result = repr(exc)
        finally:
            connection.close()
        with lock:
            outcomes[name] = result

    threads = [
        threading.Thread(target=save, args=("commune", commune_officer, "10")),
        threading.Thread(target=save, args=("province", province_officer, "20")),
    ]
    for thread in threads:
        thread.start()
        if not overlap:
            thread.join()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["conflict", "saved"], outcomes
    winner = next(name for name, result in outcomes.items() if result == "saved")
    submission.refresh_from_db()
    assert submission.revision == 2
    assert submission.values.get().number == {"commune": 10, "province": 20}[winner]
