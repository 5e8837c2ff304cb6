"""Two officers adding the same account to a class, or ordering the same text, at the same
moment: one row, once."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from coso.core.dates import today
from coso.propaganda import actions
from coso.propaganda.models import Order, Trainee, TrainingClass

from .conftest import make_text


def _race(calls) -> list[str]:
    # PostgreSQL runs both at once (the row lock makes the second wait); SQLite's test database
    # answers "table is locked" instead of waiting, so there they run one after the other.
    overlap = connection.vendor == "postgresql"
    start = threading.Barrier(len(calls) if overlap else 1)
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(call) -> None:
        try:
            start.wait()
            call()
            result = "done"
        except ValidationError:
            result = "refused"
        except BaseException as exc:  # surfaced by the assertion below
            result = repr(exc)
        finally:
            connection.close()
        with lock:
            outcomes.append(result)

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
        if not overlap:
            thread.join()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


@pytest.mark.django_db(transaction=True)
def test_the_same_account_is_added_once(tree, commune_officer, province_officer, employee):
    training = actions.create_class(
        by=commune_officer, unit=tree.commune, title="Lớp C", starts_on=today()
    )

    def add(by):
        return lambda: actions.add_participant(
            TrainingClass.objects.get(pk=training.pk), by=by, user=employee
        )

    assert _race([add(commune_officer), add(province_officer)]) == ["done", "refused"]
    assert Trainee.objects.filter(training=training).count() == 1


@pytest.mark.django_db(transaction=True)
def test_the_same_order_is_given_once(tree, province_officer, admin):
    text = make_text("903/2099/KH-TEST")

    def order(by):
        return lambda: actions.create_order(
            by=by, unit=tree.province, text=text, due_on=today() + dt.timedelta(days=3)
        )

    assert _race([order(province_officer), order(admin)]) == ["done", "refused"]
    assert Order.objects.count() == 1
