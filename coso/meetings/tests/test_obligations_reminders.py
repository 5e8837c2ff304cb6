"""Units are reminded ahead of the deadline of a meeting they must hold and have not planned."""

import datetime as dt

import pytest

from conftest import make_user
from coso.core.models import Notification
from coso.meetings.models import KindCode, MeetingStatus
from coso.meetings.obligation_reminders import send_obligation_reminders
from coso.meetings.obligation_tasks import send_obligation_reminders as task
from coso.units.actions import assign_role
from coso.units.models import Role

from .conftest import kind
from .test_obligations_rules import meeting_on


@pytest.fixture
def office_officer(root_admin, tree):
    user = make_user("vanphong", "Đinh Văn Phòng", tree.office, email="vp@example.org")
    assign_role(by=root_admin, user=user, unit=tree.office, role=Role.UNIT_OFFICER)
    return user


def notes_of(user):
    return list(Notification.objects.filter(recipient=user).order_by("key"))


def officials_notes(user):
    return [n for n in notes_of(user) if KindCode.OFFICIALS_CONFERENCE in n.key]


def test_no_reminder_while_the_deadline_is_more_than_30_days_away(office_officer):
    # 31/3/2026 minus 30 days is 1/3/2026
    send_obligation_reminders(dt.date(2026, 2, 28))

    assert officials_notes(office_officer) == []


def test_the_officers_are_reminded_30_days_before_31_march(office_officer, tree):
    send_obligation_reminders(dt.date(2026, 3, 1))

    [note] = officials_notes(office_officer)
    assert note.key == f"meeting-obligation:{KindCode.OFFICIALS_CONFERENCE}:2025:{tree.office.pk}"
    assert tree.office.name in note.message and "31/03/2026" in note.message
    assert note.url.startswith("/hoi-nghi/tinh-hinh/?unit=")


def test_running_twice_reminds_once(office_officer):
    first = send_obligation_reminders(dt.date(2026, 3, 1))
    second = send_obligation_reminders(dt.date(2026, 3, 2))

    assert first >= 1 and second == 0
    assert len(officials_notes(office_officer)) == 1


def test_no_reminder_when_the_conference_is_planned(office_officer, tree):
    meeting_on(
        tree.office,
        KindCode.OFFICIALS_CONFERENCE,
        dt.date(2026, 3, 25),
        MeetingStatus.NOTICED,
        year=2025,
    )

    send_obligation_reminders(dt.date(2026, 3, 10))

    assert officials_notes(office_officer) == []


def test_a_cancelled_conference_does_not_stop_the_reminder(office_officer, tree):
    meeting_on(
        tree.office,
        KindCode.OFFICIALS_CONFERENCE,
        dt.date(2026, 3, 25),
        MeetingStatus.CANCELLED,
        year=2025,
    )

    send_obligation_reminders(dt.date(2026, 3, 10))

    assert len(officials_notes(office_officer)) == 1


def test_no_reminder_after_the_deadline_has_passed(office_officer):
    send_obligation_reminders(dt.date(2026, 4, 1))

    assert officials_notes(office_officer) == []


def test_officers_above_the_unit_and_its_staff_are_not_reminded(
    office_officer, province_officer, employee
):
    send_obligation_reminders(dt.date(2026, 3, 1))

    assert notes_of(province_officer) == [] and notes_of(employee) == []


def test_a_commune_with_one_reception_day_planned_is_reminded_a_week_before_month_end(
    commune_officer, tree
):
    meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2026, 3, 10))

    send_obligation_reminders(dt.date(2026, 3, 24))

    reception = [n for n in notes_of(commune_officer) if KindCode.CITIZEN_RECEPTION in n.key]
    assert [n.key for n in reception] == [
        f"meeting-obligation:{KindCode.CITIZEN_RECEPTION}:2026-03:{tree.commune.pk}"
    ]
    assert "1" in reception[0].message and "03/2026" in reception[0].message


def test_a_commune_with_both_reception_days_planned_is_not_reminded(commune_officer, tree):
    meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2026, 3, 10))
    meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2026, 3, 27), MeetingStatus.DRAFT)

    send_obligation_reminders(dt.date(2026, 3, 24))

    assert not [n for n in notes_of(commune_officer) if KindCode.CITIZEN_RECEPTION in n.key]


def test_a_kind_an_administrator_sets_to_no_reminder_is_quiet(office_officer):
    officials = kind(KindCode.OFFICIALS_CONFERENCE)
    officials.remind_days_before = 0
    officials.save()

    send_obligation_reminders(dt.date(2026, 3, 30))

    assert officials_notes(office_officer) == []


def test_the_periodic_task_creates_and_emails_the_reminders(
    office_officer, mailoutbox, monkeypatch
):
    monkeypatch.setattr("coso.meetings.obligation_tasks.today", lambda: dt.date(2026, 3, 1))

    result = task.call(reschedule=False)

    assert result == {"reminders": 1, "emails": 1}
    assert mailoutbox[0].to == ["vp@example.org"]
