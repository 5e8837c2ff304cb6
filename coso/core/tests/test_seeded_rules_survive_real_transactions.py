"""Tests with real transactions empty the tables when they end; the rows that migrations seed
(the holiday calendar, the law's rule sets) must be back for the next such test, or its
deadlines would be counted without holidays."""

import datetime as dt

import pytest

from coso.core.models import CalendarDay
from coso.core.workdays import is_working_day

real_transactions = pytest.mark.django_db(transaction=True)


@real_transactions
@pytest.mark.parametrize("run", [1, 2])
def test_the_seeded_holiday_calendar_is_there_in_every_transactional_test(run):
    # given a test with real transactions, after another one has emptied every table
    # then the calendar shipped with coso is still there: 2 September is a holiday
    assert CalendarDay.objects.filter(date__year=2026).count() >= 10
    assert not is_working_day(dt.date(2026, 9, 2))
    CalendarDay.objects.all().delete()  # what a flush does, and what the next run must survive
