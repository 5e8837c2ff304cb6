"""Each kind's deadline: working days skip weekends and Tết; complaints count calendar days."""

import datetime as dt

from coso.feedback.tests.conftest import make_feedback


def test_a_reflection_received_on_a_thursday_is_due_ten_working_days_later(tree, commune_officer):
    item = make_feedback(tree.commune, by=commune_officer, received_on=dt.date(2026, 11, 5))

    # Fri 6, Mon 9 … Fri 13, Mon 16 … Thu 19: two weekends skipped.
    assert item.due_on == dt.date(2026, 11, 19)


def test_the_tet_holiday_does_not_count(tree, commune_officer):
    # Received Friday 13/02/2026; Tết Nguyên đán 16-20/02/2026 is in the seeded calendar.
    item = make_feedback(tree.commune, by=commune_officer, received_on=dt.date(2026, 2, 13))

    assert item.due_on == dt.date(2026, 3, 6)


def test_a_recommendation_follows_the_same_rule(tree, commune_officer):
    item = make_feedback(
        tree.commune,
        by=commune_officer,
        kind_code="recommendation",
        received_on=dt.date(2026, 2, 13),
    )

    assert item.due_on == dt.date(2026, 3, 6)


def test_a_complaint_counts_thirty_calendar_days_holidays_included(tree, commune_officer):
    item = make_feedback(
        tree.commune, by=commune_officer, kind_code="complaint", received_on=dt.date(2026, 2, 13)
    )

    assert item.due_on == dt.date(2026, 3, 15)


def test_a_denunciation_counts_thirty_calendar_days(tree, commune_officer):
    item = make_feedback(
        tree.commune,
        by=commune_officer,
        kind_code="denunciation",
        received_on=dt.date(2026, 4, 29),
    )

    assert item.due_on == dt.date(2026, 5, 29)
