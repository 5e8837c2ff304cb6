"""Two secretaries tapping the same person at the same moment: they are checked in once."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from coso.meetings import hold
from coso.meetings.models import Participant, ParticipantRole
from coso.meetings.quorum import attendance_of

from .conftest import seat
from .test_hold_actions import open_today


def _race(calls) -> list[str]:
    """Run the calls in threads; PostgreSQL overlaps them (the row locks make the later ones
    wait, then see the person checked in). SQLite's test database answers "table is locked"
    instead of waiting, so there they run one after the other with the same stale copies."""
    overlap = connection.vendor == "postgresql"
    start = threading.Barrier(len(calls) if overlap else 1)
    outcomes: list[str] = []
    lock = threading.Lock()

    def run(call) -> None:
        try:
            start.wait()
            call()
            result = "checked_in"
        except ValidationError:
            result = "refused"
        except BaseException as exc:  # surfaced by the assertions
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
def test_concurrent_check_ins_of_one_person_count_once(tree, province_officer, secretary):
    meeting = open_today(tree.office, participants=6)
    seat(meeting, secretary, role=ParticipantRole.SECRETARY)
    person = meeting.participants.get(full_name="Nguyễn Văn An")
    stale_list = Participant.objects.select_related("meeting").get(pk=person.pk)
    stale_door = Participant.objects.select_related("meeting").get(pk=person.pk)

    outcomes = _race(
        [
            lambda: hold.check_in(stale_list, by=province_officer),
            lambda: hold.check_in(stale_door, by=secretary),
            lambda: hold.check_in_by_code(meeting, by=secretary, code=person.code),
        ]
    )

    assert outcomes == ["checked_in", "refused", "refused"], outcomes
    assert attendance_of(meeting).present == 1


@pytest.mark.django_db(transaction=True)
def test_check_ins_racing_the_end_of_the_meeting_are_kept_or_refused(tree, province_officer):
    meeting = open_today(tree.office, participants=4)
    people = list(meeting.participants.all())

    outcomes = _race(
        [
            lambda: hold.end_meeting(meeting, by=province_officer),
            *[(lambda p=p: hold.check_in(p, by=province_officer)) for p in people],
        ]
    )

    assert len(outcomes) == 5 and all(o in ("checked_in", "refused") for o in outcomes), outcomes
    meeting.refresh_from_db()
    assert meeting.status == "held"
    # What the minutes will count is what was checked in before the end, nothing after it.
    late = meeting.participants.filter(checked_in_at__gt=meeting.ended_at)
    assert not late.exists()
