"""Two officers following the same question as feedback at the same moment: one item, once."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from coso.feedback.models import Feedback
from coso.meetings import followup
from coso.meetings.models import Meeting, Question, QuestionStatus
from coso.meetings.tests.test_followup_world import held_meeting


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_forwards_make_one_feedback_item(tree, province_officer, admin, secretary):
    world = held_meeting(tree, by=province_officer, secretary=secretary)
    # PostgreSQL runs both at once (the row lock makes the second wait, then see the question
    # forwarded). SQLite's test database answers "table is locked" instead of waiting, so there
    # they run one after the other with the same stale copy: the rule checked is the same.
    overlap = connection.vendor == "postgresql"
    start = threading.Barrier(2 if overlap else 1)
    outcomes: dict[str, str] = {}
    lock = threading.Lock()

    def forward(name: str, user, whole_meeting: bool) -> None:
        try:
            start.wait()
            if whole_meeting:
                meeting = Meeting.objects.select_related("unit", "kind").get(pk=world.meeting.pk)
                made = followup.forward_questions(meeting, by=user)
                result = f"forwarded {len(made)}"
            else:
                stale = Question.objects.select_related("meeting__unit", "meeting__kind").get(
                    pk=world.raised.pk
                )
                followup.forward_question(stale, by=user)
                result = "forwarded 1"
        except ValidationError:
            result = "refused"
        except BaseException as exc:  # surfaced by the assertion below
            result = repr(exc)
        finally:
            connection.close()
        with lock:
            outcomes[name] = result

    threads = [
        threading.Thread(target=forward, args=("one", province_officer, False)),
        threading.Thread(target=forward, args=("all", admin, True)),
    ]
    for thread in threads:
        thread.start()
        if not overlap:
            thread.join()
    for thread in threads:
        thread.join()

    # the single forward first (the sweep then takes the other question), or the sweep first
    # (the single forward is then refused): either way two items, the raised question's once
    assert sorted(outcomes.values()) in (
        ["forwarded 1", "forwarded 1"],
        ["forwarded 2", "refused"],
    ), outcomes
    assert Feedback.objects.count() == 2
    assert Question.objects.filter(status=QuestionStatus.FORWARDED).count() == 2
    assert Feedback.objects.filter(meeting_question=world.raised).count() == 1
