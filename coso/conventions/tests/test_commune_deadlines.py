"""Decree 61/2023/NĐ-CP: the dossier goes to the commune within 5 working days of the
households' approval, and the commune decides within 5 working days of receiving it. Both
count working days with the administrator's holiday calendar (core.CalendarDay)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.community.models import Matter
from coso.conventions import actions
from coso.conventions.models import ConventionVersion
from coso.core.models import CalendarDay

from .conftest import comment_period_passes, households_vote, post_for_comment, working

D = dt.date


def _approved_on(version, officer, households, day: dt.date) -> ConventionVersion:
    """Approved by 6 of 10 households; the meeting is dated `day` (as if held then)."""
    version = comment_period_passes(post_for_comment(version, officer))
    matter = households_vote(version, officer, households, yes=6)
    Matter.objects.filter(pk=matter.pk).update(decided_on=day)
    return actions.record_households_decision(version, by=officer)


def test_the_dossier_deadline_skips_the_weekend(convention, commune_officer, households):
    # given approval on Friday 22 August 2025
    version = _approved_on(working(convention), commune_officer, households, D(2025, 8, 22))

    # then the dossier is due on Friday 29 August: Saturday and Sunday do not count
    assert version.submission_deadline == D(2025, 8, 29)


def test_the_commune_deadline_skips_a_weekend_and_the_holidays(
    convention, commune_officer, households
):
    # given the dossier reached the commune on Thursday 28 August 2025 (1 and 2 September are
    # holidays of the seeded calendar, 30-31 August a weekend)
    version = _approved_on(working(convention), commune_officer, households, D(2025, 8, 22))

    version = actions.submit_to_commune(version, by=commune_officer, submitted_on=D(2025, 8, 28))

    # then the commune decides by Monday 8 September: Fri 29, Wed 3, Thu 4, Fri 5, Mon 8
    assert version.decision_deadline == D(2025, 9, 8)
    assert version.submitted_late is False


def test_a_holiday_the_administrator_adds_moves_the_deadline(
    convention, commune_officer, households
):
    CalendarDay.objects.create(date=D(2025, 9, 5), name="Ngày nghỉ bù của địa phương")
    version = _approved_on(working(convention), commune_officer, households, D(2025, 8, 22))

    version = actions.submit_to_commune(version, by=commune_officer, submitted_on=D(2025, 8, 28))

    assert version.decision_deadline == D(2025, 9, 9)


def test_a_late_dossier_and_a_late_decision_show_as_overdue(
    login, convention, commune_officer, households
):
    # given approval in August 2025 and no dossier sent since
    version = _approved_on(working(convention), commune_officer, households, D(2025, 8, 22))
    client = login(commune_officer)

    # then the convention's pages show the dossier overdue
    detail = client.get(reverse("conventions:version", args=[version.pk])).content.decode()
    assert "Quá hạn gửi hồ sơ" in detail
    listing = client.get(reverse("conventions:list")).content.decode()
    assert "Quá hạn gửi hồ sơ" in listing

    # when it is finally sent (late) in September, the commune's decision is overdue in turn
    version = actions.submit_to_commune(version, by=commune_officer, submitted_on=D(2025, 9, 10))
    assert version.submitted_late
    detail = client.get(reverse("conventions:version", args=[version.pk])).content.decode()
    assert "nộp muộn" in detail
    assert "Quá hạn quyết định" in detail


def test_a_dossier_cannot_be_sent_before_approval_nor_in_the_future(
    convention, commune_officer, households
):
    import pytest
    from django.core.exceptions import ValidationError

    version = _approved_on(working(convention), commune_officer, households, D(2025, 8, 22))

    with pytest.raises(ValidationError):
        actions.submit_to_commune(version, by=commune_officer, submitted_on=D(2025, 8, 21))
    with pytest.raises(ValidationError):
        actions.submit_to_commune(
            version, by=commune_officer, submitted_on=dt.date.today() + dt.timedelta(days=400)
        )
