"""Which meetings a unit must hold, by when, and whether it has: the frequency rules at their
edges."""

import datetime as dt

import pytest
from django.utils import timezone

from coso.meetings.models import KindCode, MeetingStatus
from coso.meetings.obligations import (
    ObligationStatus,
    deadline_of,
    subtree_rollup,
    unit_obligations,
)

from .conftest import kind, make_meeting


def at(day: dt.date, hour: int = 8) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour))


def meeting_on(unit, code, day: dt.date, status=MeetingStatus.HELD, **fields):
    """A meeting of `unit` starting on `day` (the tests fix the date they look from)."""
    meeting = make_meeting(unit, code=code, status=status, **fields)
    meeting.starts_at = at(day)
    meeting.save()
    return meeting


def by_code(obligations):
    return {o.kind.code: o for o in obligations}


def test_a_workers_conference_is_not_required_at_9_workers(tree):
    tree.enterprise.staff_count = 9
    tree.enterprise.save()

    owed = by_code(unit_obligations(tree.enterprise, 2025, on=dt.date(2025, 6, 1)))

    assert KindCode.WORKERS_CONFERENCE not in owed
    assert KindCode.WORKPLACE_DIALOGUE not in owed


def test_a_workers_conference_is_required_from_10_workers(tree):
    tree.enterprise.staff_count = 10
    tree.enterprise.save()

    owed = by_code(unit_obligations(tree.enterprise, 2025, on=dt.date(2025, 6, 1)))

    assert owed[KindCode.WORKERS_CONFERENCE].status == ObligationStatus.NOT_YET
    assert KindCode.WORKPLACE_DIALOGUE in owed
    assert KindCode.DIALOGUE_ON_REQUEST not in owed  # held on request: never due


def test_an_agency_owes_the_officials_conference_whatever_its_size(tree):
    owed = by_code(unit_obligations(tree.office, 2025, on=dt.date(2025, 6, 1)))

    assert list(owed) == [KindCode.OFFICIALS_CONFERENCE]
    assert unit_obligations(tree.department, 2025, on=dt.date(2025, 6, 1)) == []


def test_the_officials_conference_for_2025_is_due_by_31_march_2026(tree):
    assert deadline_of(kind(KindCode.OFFICIALS_CONFERENCE), 2025) == dt.date(2026, 3, 31)

    on_deadline = by_code(unit_obligations(tree.office, 2025, on=dt.date(2026, 3, 31)))
    day_after = by_code(unit_obligations(tree.office, 2025, on=dt.date(2026, 4, 1)))

    assert on_deadline[KindCode.OFFICIALS_CONFERENCE].status == ObligationStatus.NOT_YET
    assert on_deadline[KindCode.OFFICIALS_CONFERENCE].deadline == dt.date(2026, 3, 31)
    assert day_after[KindCode.OFFICIALS_CONFERENCE].status == ObligationStatus.OVERDUE


def test_a_conference_held_in_march_counts_for_the_year_it_serves(tree):
    meeting_on(tree.office, KindCode.OFFICIALS_CONFERENCE, dt.date(2026, 3, 20), year=2025)

    for_2025 = by_code(unit_obligations(tree.office, 2025, on=dt.date(2026, 4, 1)))
    for_2026 = by_code(unit_obligations(tree.office, 2026, on=dt.date(2026, 4, 1)))

    assert for_2025[KindCode.OFFICIALS_CONFERENCE].status == ObligationStatus.HELD
    assert for_2026[KindCode.OFFICIALS_CONFERENCE].status == ObligationStatus.NOT_YET


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (MeetingStatus.DRAFT, ObligationStatus.PLANNED),
        (MeetingStatus.NOTICED, ObligationStatus.PLANNED),
        (MeetingStatus.IN_PROGRESS, ObligationStatus.PLANNED),
        (MeetingStatus.HELD, ObligationStatus.HELD),
        (MeetingStatus.CLOSED, ObligationStatus.HELD),
        (MeetingStatus.CANCELLED, ObligationStatus.NOT_YET),
    ],
)
def test_a_meeting_counts_as_planned_or_held_by_its_status(tree, status, expected):
    meeting_on(tree.office, KindCode.OFFICIALS_CONFERENCE, dt.date(2026, 3, 20), status, year=2025)

    owed = by_code(unit_obligations(tree.office, 2025, on=dt.date(2026, 3, 1)))

    assert owed[KindCode.OFFICIALS_CONFERENCE].status == expected


def test_a_planned_conference_not_held_by_the_deadline_is_overdue(tree):
    meeting_on(
        tree.office,
        KindCode.OFFICIALS_CONFERENCE,
        dt.date(2026, 3, 30),
        MeetingStatus.NOTICED,
        year=2025,
    )

    owed = by_code(unit_obligations(tree.office, 2025, on=dt.date(2026, 4, 1)))

    assert owed[KindCode.OFFICIALS_CONFERENCE].status == ObligationStatus.OVERDUE


def test_a_closed_unit_owes_nothing(tree):
    tree.office.closed_on = dt.date(2025, 7, 1)
    tree.office.save()

    assert unit_obligations(tree.office, 2025, on=dt.date(2026, 4, 1)) == []


def test_citizen_reception_is_due_twice_a_month(tree):
    meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2026, 1, 5))
    meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2026, 1, 20))
    meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2026, 2, 10))

    owed = by_code(unit_obligations(tree.commune, 2026, on=dt.date(2026, 2, 20)))
    reception = owed[KindCode.CITIZEN_RECEPTION]

    january, february = reception.periods[0], reception.periods[1]
    assert (january.held, january.status_on(dt.date(2026, 2, 20))) == (2, ObligationStatus.HELD)
    assert (february.held, february.status_on(dt.date(2026, 2, 20))) == (
        1,
        ObligationStatus.NOT_YET,
    )
    # January and February have begun: four days are due so far, three held.
    assert (reception.required, reception.held) == (4, 3)
    assert reception.status == ObligationStatus.NOT_YET
    assert reception.deadline == dt.date(2026, 2, 28)


def test_a_month_with_one_reception_day_is_overdue_once_it_ends(tree):
    meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2026, 1, 5))
    meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2026, 1, 20))
    meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2026, 2, 10))

    on_last_day = by_code(unit_obligations(tree.commune, 2026, on=dt.date(2026, 2, 28)))
    next_day = by_code(unit_obligations(tree.commune, 2026, on=dt.date(2026, 3, 1)))

    assert on_last_day[KindCode.CITIZEN_RECEPTION].status == ObligationStatus.NOT_YET
    assert next_day[KindCode.CITIZEN_RECEPTION].status == ObligationStatus.OVERDUE


def test_a_reception_day_counts_in_the_month_it_starts_in_vietnam(tree):
    # 31/01/2026 at 23:30 in Hà Nội is still January, though it is 16:30 UTC.
    meeting = meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2026, 1, 31))
    meeting.starts_at = timezone.make_aware(dt.datetime(2026, 1, 31, 23, 30))
    meeting.save()

    owed = by_code(unit_obligations(tree.commune, 2026, on=dt.date(2026, 2, 1)))

    assert owed[KindCode.CITIZEN_RECEPTION].periods[0].held == 1
    assert owed[KindCode.CITIZEN_RECEPTION].periods[1].held == 0


def test_the_commune_dialogue_is_due_by_the_end_of_the_year(tree):
    owed = by_code(unit_obligations(tree.commune, 2025, on=dt.date(2025, 12, 31)))
    late = by_code(unit_obligations(tree.commune, 2025, on=dt.date(2026, 1, 1)))

    assert owed[KindCode.COMMUNE_DIALOGUE].status == ObligationStatus.NOT_YET
    assert owed[KindCode.COMMUNE_DIALOGUE].deadline == dt.date(2025, 12, 31)
    assert late[KindCode.COMMUNE_DIALOGUE].status == ObligationStatus.OVERDUE


def test_an_administrator_changes_the_rule_and_the_deadline_follows(tree):
    officials = kind(KindCode.OFFICIALS_CONFERENCE)
    officials.due_months_after_year_end = 14
    officials.save()

    assert deadline_of(officials, 2025) == dt.date(2027, 2, 28)


def test_the_subtree_counts_units_by_status_in_four_queries(tree, django_assert_num_queries):
    # given the office held its conference, the enterprise (12 workers) planned its own,
    # the commune received citizens twice in January and the village held nothing
    tree.enterprise.staff_count = 12
    tree.enterprise.save()
    meeting_on(tree.office, KindCode.OFFICIALS_CONFERENCE, dt.date(2026, 3, 2), year=2025)
    meeting_on(
        tree.enterprise,
        KindCode.WORKERS_CONFERENCE,
        dt.date(2026, 3, 30),
        MeetingStatus.NOTICED,
        year=2025,
    )
    meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2025, 1, 5))
    meeting_on(tree.commune, KindCode.CITIZEN_RECEPTION, dt.date(2025, 1, 20))

    # when the province looks at 2025 in mid-March 2026
    with django_assert_num_queries(4):
        rollup = subtree_rollup(tree.province, 2025, on=dt.date(2026, 3, 15))

    # then one row per child unit that owes something, counted over its subtree
    names = [row.unit.name for row in rollup.rows]
    assert names == [tree.bloc.name, tree.commune.name, tree.other_commune.name]
    codes = [k.code for k in rollup.kinds]
    bloc = dict(zip(codes, rollup.rows[0].cells, strict=True))
    assert bloc[KindCode.OFFICIALS_CONFERENCE].held == 1
    assert bloc[KindCode.WORKERS_CONFERENCE].planned == 1
    assert bloc[KindCode.WORKPLACE_DIALOGUE].overdue == 1  # due by 31/12/2025
    assert bloc[KindCode.CITIZEN_RECEPTION] is None
    commune = dict(zip(codes, rollup.rows[1].cells, strict=True))
    assert commune[KindCode.CITIZEN_RECEPTION].overdue == 1  # February 2025 had none
    assert commune[KindCode.COMMUNITY_CONFERENCE].single is not None  # the village alone
    assert commune[KindCode.COMMUNITY_CONFERENCE].status == ObligationStatus.OVERDUE
    assert rollup.totals.units == 8
    assert (rollup.totals.held, rollup.totals.planned) == (1, 1)


def test_the_unit_itself_has_its_own_row(tree):
    rollup = subtree_rollup(tree.commune, 2025, on=dt.date(2025, 6, 1))

    assert [(row.unit.name, row.is_self) for row in rollup.rows] == [
        (tree.commune.name, True),
        (tree.village.name, False),
    ]


def test_the_roll_up_keeps_one_kind_when_asked(tree):
    reception = kind(KindCode.CITIZEN_RECEPTION)

    rollup = subtree_rollup(tree.province, 2025, on=dt.date(2025, 6, 1), kind_id=reception.pk)

    assert [k.code for k in rollup.kinds] == [KindCode.CITIZEN_RECEPTION]
    assert rollup.totals.units == 2
