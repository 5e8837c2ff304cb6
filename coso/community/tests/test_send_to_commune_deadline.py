"""Law 10/2022/QH15, art. 20; Decree 59/2023: the result is sent to the commune People's
Committee and Fatherland Front within 5 working days, counted on the holiday calendar."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from coso.community import actions
from coso.community.models import MatterStatus
from coso.core.models import CalendarDay


def _close_on(monkeypatch, officer, matter, day: dt.date):
    monkeypatch.setattr("coso.community.actions.today", lambda: day)
    return actions.close_voting(by=officer, matter=matter)


def test_deadline_is_five_working_days_after_the_decision(
    monkeypatch, commune_officer, online_matter
):
    # Given a decision on Thursday 12 June 2025
    matter = _close_on(monkeypatch, commune_officer, online_matter, dt.date(2025, 6, 12))
    # Then it must be sent by Thursday 19 June (weekend skipped)
    assert matter.decided_on == dt.date(2025, 6, 12)
    assert matter.send_deadline == dt.date(2025, 6, 19)


def test_holidays_of_the_calendar_do_not_count(monkeypatch, commune_officer, online_matter):
    # Given the administrator's calendar has 30/4, 1/5 and 2/5/2025 off (seeded by core)
    assert CalendarDay.objects.filter(date=dt.date(2025, 5, 2), is_working_day=False).exists()
    # When decided on Tuesday 29 April 2025
    matter = _close_on(monkeypatch, commune_officer, online_matter, dt.date(2025, 4, 29))
    # Then the 5 working days are 5, 6, 7, 8, 9 May
    assert matter.send_deadline == dt.date(2025, 5, 9)


def test_overdue_until_sent(monkeypatch, commune_officer, online_matter):
    matter = _close_on(monkeypatch, commune_officer, online_matter, dt.date(2025, 6, 12))
    # On the deadline it is not yet overdue; the day after it is
    monkeypatch.setattr("coso.core.dates.today", lambda: dt.date(2025, 6, 19))
    assert matter.is_overdue is False
    monkeypatch.setattr("coso.core.dates.today", lambda: dt.date(2025, 6, 20))
    assert matter.is_overdue is True
    # Once sent, no longer overdue
    monkeypatch.setattr("coso.community.actions.today", lambda: dt.date(2025, 6, 20))
    matter = actions.mark_sent_to_commune(
        by=commune_officer, matter=matter, sent_on=dt.date(2025, 6, 20)
    )
    assert matter.status == MatterStatus.SENT
    assert matter.is_overdue is False


def test_sent_date_cannot_precede_the_decision_or_be_in_the_future(
    monkeypatch, commune_officer, online_matter
):
    matter = _close_on(monkeypatch, commune_officer, online_matter, dt.date(2025, 6, 12))
    with pytest.raises(ValidationError):
        actions.mark_sent_to_commune(
            by=commune_officer, matter=matter, sent_on=dt.date(2025, 6, 11)
        )
    with pytest.raises(ValidationError):
        actions.mark_sent_to_commune(
            by=commune_officer, matter=matter, sent_on=dt.date(2025, 6, 13)
        )
    matter.refresh_from_db()
    assert matter.status == MatterStatus.CLOSED


def test_an_open_matter_cannot_be_sent(commune_officer, online_matter):
    with pytest.raises(ValidationError):
        actions.mark_sent_to_commune(by=commune_officer, matter=online_matter)


def test_detail_page_shows_the_overdue_badge(monkeypatch, client, commune_officer, online_matter):
    _close_on(monkeypatch, commune_officer, online_matter, dt.date(2025, 6, 12))
    monkeypatch.setattr("coso.core.dates.today", lambda: dt.date(2025, 7, 1))
    client.force_login(commune_officer)
    page = client.get(
        f"/bieu-quyet/{online_matter.pk}/", HTTP_ACCEPT_LANGUAGE="vi"
    ).content.decode()
    assert "19/06/2025" in page
    assert 'class="badge overdue"' in page
