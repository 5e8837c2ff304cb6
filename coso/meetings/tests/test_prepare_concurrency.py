"""Two officers (or a participant with a double tap) doing the same thing at the same moment:
each thread has its own database connection; the locked meeting row settles the race, so
nothing is lost and nothing counted twice."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from conftest import make_user
from coso.core.models import Notification
from coso.meetings import actions
from coso.meetings.models import Meeting, MeetingStatus, Participant, Question

from .conftest import make_meeting, seat

THREADS = 6


def _at_once(work) -> list:
    def run(_):
        try:
            return work()
        except ValidationError as exc:
            return exc
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        return list(pool.map(run, range(THREADS)))


@pytest.mark.django_db(transaction=True)
def test_inviting_all_staff_at_once_invites_each_person_once(tree, province_officer):
    staff = [make_user(f"cb{n}", f"Cán bộ {n}", tree.office) for n in range(10)]
    meeting = make_meeting(tree.office)
    results = _at_once(
        lambda: actions.add_staff(Meeting.objects.get(pk=meeting.pk), by=province_officer)
    )
    added = sum(len(r) for r in results if isinstance(r, list))
    assert added == len(staff)
    assert Participant.objects.filter(meeting=meeting).count() == len(staff)


@pytest.mark.django_db(transaction=True)
def test_publishing_the_notice_twice_at_once_publishes_and_tells_once(
    tree, province_officer, employee
):
    meeting = make_meeting(tree.office, participants=2)
    seat(meeting, employee)
    results = _at_once(
        lambda: actions.publish_notice(Meeting.objects.get(pk=meeting.pk), by=province_officer)
    )
    assert sum(isinstance(r, Meeting) for r in results) == 1
    assert all(isinstance(r, (Meeting, ValidationError)) for r in results)
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.NOTICED
    assert Notification.objects.filter(recipient=employee).count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_double_tap_sends_the_question_once(tree, employee):
    meeting = make_meeting(tree.office)
    seat(meeting, employee)
    _at_once(
        lambda: actions.send_question(
            Meeting.objects.get(pk=meeting.pk), by=employee, text="Về chế độ phụ cấp"
        )
    )
    assert Question.objects.filter(meeting=meeting).count() == 1
