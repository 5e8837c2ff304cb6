"""Meetings held fill the conference, dialogue and reception lines of the periodic report."""

import datetime as dt

from django.utils import timezone

from coso.meetings.figures import report_figures
from coso.meetings.models import KindCode, MeetingStatus, Question

from .conftest import make_meeting


def _held(unit, code, days_ago, status=MeetingStatus.HELD):
    return make_meeting(unit, code=code, status=status, starts_in=-dt.timedelta(days=days_ago))


def test_held_meetings_of_the_subtree_count_in_their_period(tree):
    _held(tree.office, KindCode.OFFICIALS_CONFERENCE, 3)
    _held(tree.enterprise, KindCode.WORKERS_CONFERENCE, 4, MeetingStatus.CLOSED)
    dialogue = _held(tree.enterprise, KindCode.WORKPLACE_DIALOGUE, 5)
    Question.objects.create(meeting=dialogue, text="Tiền ăn ca có được tăng không?")
    Question.objects.create(meeting=dialogue, text="Khi nào lắp thêm quạt ở xưởng?")
    _held(tree.commune, KindCode.CITIZEN_RECEPTION, 6)
    _held(tree.commune, KindCode.CITIZEN_RECEPTION, 20)

    today = timezone.localdate()
    figures = report_figures(tree.province, today - dt.timedelta(days=30), today)

    assert figures == {
        "conferences-held": 2,
        "dialogues-held": 1,
        "dialogue-issues": 2,
        "citizen-receptions": 2,
    }


def test_planned_cancelled_other_units_and_other_periods_do_not_count(tree):
    _held(tree.office, KindCode.OFFICIALS_CONFERENCE, 3, MeetingStatus.NOTICED)
    _held(tree.office, KindCode.OFFICIALS_CONFERENCE, 3, MeetingStatus.CANCELLED)
    _held(tree.other_commune, KindCode.CITIZEN_RECEPTION, 3)
    _held(tree.commune, KindCode.CITIZEN_RECEPTION, 60)

    today = timezone.localdate()
    figures = report_figures(tree.commune, today - dt.timedelta(days=30), today)

    assert figures["conferences-held"] == 0
    assert figures["citizen-receptions"] == 0
