"""The notice of an inspection or supervision goes out at least 5 working days before it starts:
weekends and the holidays of the calendar do not count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.core.models import CalendarDay
from coso.oversight import actions
from coso.oversight.models import Activity, ActivityKind, OversightRule

from .conftest import next_monday


@pytest.fixture
def start(world) -> dt.date:
    """A Monday three weeks ahead, with no holiday of the seeded calendar in the fortnight
    before it (each test adds the holidays it needs)."""
    day = next_monday(21)
    CalendarDay.objects.filter(date__range=(day - dt.timedelta(days=21), day)).delete()
    return day


def schedule(world, by, *, starts_on: dt.date, notice_sent_on: dt.date):
    return actions.create_activity(
        world.board,
        by=by,
        kind=ActivityKind.INSPECTION,
        subject="Việc sử dụng đất công ích",
        starts_on=starts_on,
        ends_on=starts_on,
        notice_sent_on=notice_sent_on,
        notice_to="Ủy ban nhân dân xã",
    )


def test_a_notice_on_the_monday_before_a_monday_start_is_in_time(world, commune_officer, start):
    activity = schedule(
        world, commune_officer, starts_on=start, notice_sent_on=start - dt.timedelta(days=7)
    )
    assert activity.notice_sent_on == start - dt.timedelta(days=7)


def test_a_notice_on_the_tuesday_before_is_refused_across_the_weekend(
    world, commune_officer, start
):
    tuesday = start - dt.timedelta(days=6)
    before = Activity.objects.count()

    with pytest.raises(ValidationError) as refused:
        schedule(world, commune_officer, starts_on=start, notice_sent_on=tuesday)

    message = " ".join(refused.value.message_dict["notice_sent_on"])
    assert "ít nhất 5 ngày làm việc" in message
    assert "Điều 39" in message
    assert (start - dt.timedelta(days=7)).strftime("%d/%m/%Y") in message
    assert Activity.objects.count() == before


def test_a_holiday_in_between_does_not_count(world, commune_officer, start):
    CalendarDay.objects.create(date=start - dt.timedelta(days=5), name="Ngày nghỉ lễ")

    with pytest.raises(ValidationError) as refused:
        schedule(
            world, commune_officer, starts_on=start, notice_sent_on=start - dt.timedelta(days=7)
        )
    friday = start - dt.timedelta(days=10)
    assert friday.strftime("%d/%m/%Y") in " ".join(refused.value.message_dict["notice_sent_on"])

    assert schedule(world, commune_officer, starts_on=start, notice_sent_on=friday).pk


def test_the_number_of_days_is_a_rule(world, commune_officer, start):
    wednesday = start - dt.timedelta(days=5)
    with pytest.raises(ValidationError):
        schedule(world, commune_officer, starts_on=start, notice_sent_on=wednesday)

    OversightRule.objects.filter(code=OversightRule.NOTICE_WORKING_DAYS).update(value=3)

    assert schedule(world, commune_officer, starts_on=start, notice_sent_on=wednesday).pk


def test_the_form_shows_the_refusal_on_the_notice_field(client, world, commune_officer, start):
    client.force_login(commune_officer)

    response = client.post(
        reverse("oversight:activity_create", args=[world.board.pk]),
        {
            "kind": "inspection",
            "subject": "Việc sử dụng đất công ích",
            "starts_on": start.strftime("%d/%m/%Y"),
            "notice_sent_on": (start - dt.timedelta(days=1)).strftime("%d/%m/%Y"),
            "notice_to": "UBND xã",
        },
    )

    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_notice_sent_on-error"' in page
    assert "ít nhất 5 ngày làm việc" in page


def test_a_reschedule_is_checked_again(world, commune_officer):
    with pytest.raises(ValidationError) as refused:
        actions.update_activity(
            world.planned, by=commune_officer, starts_on=world.planned.notice_sent_on
        )
    assert "notice_sent_on" in refused.value.message_dict
