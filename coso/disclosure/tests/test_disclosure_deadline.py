"""Decree 04/2015/NĐ-CP, art. 4 (verify against Law 10/2022/QH15, art. 47): an agency
discloses within 3 working days of issue. Counted on the holiday calendar; late is a warning."""

from __future__ import annotations

import datetime as dt

from coso.core.models import CalendarDay
from coso.disclosure.models import Disclosure

from .conftest import publish


def test_within_three_working_days_is_in_time(tree, admin):
    # issued Friday 7/3/2025: the 3rd working day after it is Wednesday 12/3
    item = publish(
        admin,
        tree.office,
        "danh_gia",
        issued_on=dt.date(2025, 3, 7),
        starts_on=dt.date(2025, 3, 12),
    )

    assert item.due_by == dt.date(2025, 3, 12)
    assert not item.is_late
    assert item.warnings() == []


def test_the_fourth_working_day_is_late(tree, admin):
    item = publish(
        admin,
        tree.office,
        "danh_gia",
        issued_on=dt.date(2025, 3, 7),
        starts_on=dt.date(2025, 3, 13),
    )

    assert item.is_late
    [warning] = item.warnings()
    assert "12/03/2025" in warning and "04/2015" in warning
    assert list(Disclosure.objects.flagged()) == [item]


def test_a_holiday_of_the_calendar_does_not_count(tree, admin):
    # given Monday 10/3/2025 marked a holiday by the administrator
    CalendarDay.objects.create(date=dt.date(2025, 3, 10), name="Nghỉ bù")

    item = publish(
        admin,
        tree.office,
        "danh_gia",
        issued_on=dt.date(2025, 3, 7),
        starts_on=dt.date(2025, 3, 13),
    )

    assert item.due_by == dt.date(2025, 3, 13)
    assert not item.is_late


def test_communes_have_no_such_deadline(tree, commune_officer):
    item = publish(
        commune_officer,
        tree.commune,
        issued_on=dt.date(2025, 1, 2),
        starts_on=dt.date(2025, 3, 13),
    )

    assert item.due_by is None and not item.is_late
