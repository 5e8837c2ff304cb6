"""Deadlines in working days skip weekends and the administrator's holiday calendar."""

import datetime as dt

import pytest

from coso.core.models import CalendarDay
from coso.core.workdays import add_working_days, is_working_day, working_days_between

D = dt.date


@pytest.mark.django_db
def test_five_working_days_from_a_friday_end_the_next_friday():
    # given a decision taken on Friday 6 November 2026 and no holiday that week
    # when the 5-working-day deadline to send it to the commune is counted
    # then the weekend does not count
    assert add_working_days(D(2026, 11, 6), 5) == D(2026, 11, 13)


@pytest.mark.django_db
def test_the_seeded_holidays_do_not_count():
    # given the calendar shipped with coso: 30/4 and 1/5/2026 are holidays (Thu, Fri)
    assert not is_working_day(D(2026, 4, 30))
    # when 3 working days are counted from Wednesday 29 April 2026
    # then Thursday, Friday and the weekend are skipped: Mon 4, Tue 5, Wed 6 May
    assert add_working_days(D(2026, 4, 29), 3) == D(2026, 5, 6)


@pytest.mark.django_db
def test_a_holiday_added_by_the_administrator_counts_at_once():
    # given Tuesday 24 November 2026, a working day
    assert is_working_day(D(2026, 11, 24))
    # when the administrator adds it to the calendar
    CalendarDay.objects.create(date=D(2026, 11, 24), name="Ngày Văn hóa Việt Nam")
    # then deadlines step over it
    assert not is_working_day(D(2026, 11, 24))
    assert add_working_days(D(2026, 11, 23), 1) == D(2026, 11, 25)


@pytest.mark.django_db
def test_a_saturday_worked_in_exchange_counts():
    # given Saturday 26 April 2025, worked in exchange for Friday 2 May (seeded)
    assert is_working_day(D(2025, 4, 26))
    assert not is_working_day(D(2025, 5, 2))
    # then from Friday 25 April, one working day later is that Saturday
    assert add_working_days(D(2025, 4, 25), 1) == D(2025, 4, 26)


@pytest.mark.django_db
def test_tet_holiday_pushes_a_deadline_by_a_week():
    # given Tết 2026: Monday 16 to Friday 20 February are holidays
    # when 5 working days are counted from Friday 13 February
    # then they run from Monday 23 to Friday 27 February
    assert add_working_days(D(2026, 2, 13), 5) == D(2026, 2, 27)
    assert working_days_between(D(2026, 2, 13), D(2026, 2, 27)) == 5


@pytest.mark.django_db
def test_counting_between_two_days_matches_adding():
    start = D(2026, 8, 28)  # Friday before the National Day holidays (1 and 2 September)
    for count in range(0, 15):
        assert working_days_between(start, add_working_days(start, count)) == count


@pytest.mark.django_db
def test_zero_days_from_a_sunday_is_the_next_working_day():
    assert add_working_days(D(2026, 11, 22), 0) == D(2026, 11, 23)
    assert working_days_between(D(2026, 11, 30), D(2026, 11, 23)) == -5
    with pytest.raises(ValueError):
        add_working_days(D(2026, 11, 22), -1)
