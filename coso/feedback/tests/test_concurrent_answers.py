"""Two officers answering the same item at the same moment: it is answered once."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from coso.feedback import actions
from coso.feedback.models import EventKind, Feedback, Status
from coso.feedback.tests.conftest import make_feedback


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_answers_count_once(tree, commune_officer, province_officer):
    item = make_feedback(tree.commune)
    # PostgreSQL runs both at once (the row lock makes the second wait, then see the item
    # answered). SQLite's test database answers "table is locked" instead of waiting, so
    # there they run one after the other with the same stale copy: the rule checked is the same.
    overlap = connection.vendor == "postgresql"
    start = threading.Barrier(2 if overlap else 1)
    outcomes: dict[str, str] = {}
    lock = threading.Lock()

    def answer(name: str, user, text: str) -> None:
        try:
            stale = Feedback.objects.select_related("unit", "kind").get(pk=item.pk)
            start.wait()
            actions.answer(stale, by=user, text=text)
            result = "answered"
        except ValidationError:
            result = "refused"
        except BaseException as exc:  # surfaced by the assertion below
            result = repr(exc)
        finally:
            connection.close()
        with lock:
            outcomes[name] = result

    threads = [
        threading.Thread(target=answer, args=("commune", commune_officer, "Xã trả lời.")),
        threading.Thread(target=answer, args=("province", province_officer, "Tỉnh trả lời.")),
    ]
    for thread in threads:
        thread.start()
        if not overlap:
            thread.join()
    for thread in threads:
        thread.join()

    assert sorted(outcomes.values()) == ["answered", "refused"], outcomes
    winner = next(name for name, result in outcomes.items() if result == "answered")
    item.refresh_from_db()
    assert item.status == Status.ANSWERED
    assert item.answer == {"commune": "Xã trả lời.", "province": "Tỉnh trả lời."}[winner]
    assert item.events.filter(kind=EventKind.ANSWERED).count() == 1
