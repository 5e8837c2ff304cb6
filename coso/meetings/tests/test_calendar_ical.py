"""The iCalendar feeds, parsed back with the icalendar library as a calendar app would."""

import datetime as dt

import icalendar
import pytest
from django.urls import reverse
from django.utils import timezone

from coso.meetings.calendar import reset_feed
from coso.meetings.models import KindCode, MeetingStatus

from .conftest import make_meeting, seat
from .test_calendar_page import meeting_at, on


def events_of(response) -> dict[str, icalendar.Event]:
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    return {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}


def private_url(user) -> str:
    return reverse("meetings_public:private_feed", args=[reset_feed(by=user).token])


def test_the_private_feed_has_every_field_a_calendar_app_needs(client, commune_officer, tree):
    # given a meeting of the commune with an end, and one without
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=3)
    meeting = make_meeting(
        tree.commune,
        code=KindCode.COMMUNE_DIALOGUE,
        title="Đối thoại với Nhân dân năm 2026",
        venue="Hội trường UBND xã",
        description="Lắng nghe ý kiến về đường liên thôn.",
        status=MeetingStatus.NOTICED,
    )
    meeting.starts_at = start
    meeting.ends_at = start + dt.timedelta(hours=3)
    meeting.save()
    short = meeting_at(tree.commune, start + dt.timedelta(days=1), title="Tiếp công dân")

    # when the officer's calendar app reads the private feed (no session)
    response = client.get(private_url(commune_officer))

    # then each meeting is an event with its UID, times, place, text, link and status
    events = events_of(response)
    event = events["Đối thoại với Nhân dân năm 2026"]
    assert str(event["UID"]) == f"meeting-{meeting.pk}@testserver"
    assert event.decoded("DTSTART") == start
    assert event.decoded("DTEND") == start + dt.timedelta(hours=3)
    assert str(event["LOCATION"]) == "Hội trường UBND xã"
    assert "Lắng nghe ý kiến về đường liên thôn." in str(event["DESCRIPTION"])
    assert tree.commune.name in str(event["DESCRIPTION"])
    assert str(event["URL"]) == "http://testserver" + reverse("meetings:detail", args=[meeting.pk])
    assert str(event["STATUS"]) == "CONFIRMED"
    # a meeting without an end lasts two hours; a draft is tentative
    assert events["Tiếp công dân"].decoded("DTEND") - events["Tiếp công dân"].decoded(
        "DTSTART"
    ) == dt.timedelta(hours=2)
    assert str(events["Tiếp công dân"]["STATUS"]) == "TENTATIVE"
    assert short.pk != meeting.pk


def test_a_cancelled_meeting_is_cancelled_in_the_calendar(client, commune_officer, tree):
    make_meeting(
        tree.commune,
        title="Hội nghị bị hủy",
        status=MeetingStatus.CANCELLED,
        cancelled_reason="Mưa bão",
    )

    events = events_of(client.get(private_url(commune_officer)))

    assert str(events["Hội nghị bị hủy"]["STATUS"]) == "CANCELLED"
    assert "Mưa bão" in str(events["Hội nghị bị hủy"]["DESCRIPTION"])


def test_the_private_feed_lists_only_what_the_person_may_see(
    client, employee, tree, django_assert_max_num_queries
):
    make_meeting(tree.office, title="Hội nghị của văn phòng")
    make_meeting(tree.commune, title="Họp của xã")
    invited = make_meeting(tree.commune, title="Họp xã có mời")
    seat(invited, employee)
    url = private_url(employee)

    with django_assert_max_num_queries(5):
        response = client.get(url)

    assert set(events_of(response)) == {"Hội nghị của văn phòng", "Họp xã có mời"}
    assert "no-store" in response["Cache-Control"]


def test_meetings_long_past_are_left_out_of_the_feed(client, commune_officer, tree):
    make_meeting(tree.commune, title="Năm ngoái nữa", starts_in=-dt.timedelta(days=500))
    make_meeting(tree.commune, title="Tháng trước", starts_in=-dt.timedelta(days=30))

    events = events_of(client.get(private_url(commune_officer)))

    assert set(events) == {"Tháng trước"}


def test_a_reset_address_stops_working(client, commune_officer):
    old = private_url(commune_officer)

    new = private_url(commune_officer)

    assert client.get(old).status_code == 404
    assert client.get(new).status_code == 200


@pytest.mark.parametrize("token", ["khong-co", "x" * 41, "%20"])
def test_an_unknown_token_answers_404(client, db, token):
    assert client.get(f"/cong-khai/hoi-nghi/lich-rieng/{token}.ics").status_code == 404


def test_the_feed_of_a_deactivated_person_answers_404(client, commune_officer):
    url = private_url(commune_officer)
    commune_officer.is_active = False
    commune_officer.save()

    assert client.get(url).status_code == 404


def test_the_public_feed_lists_only_the_unit_s_public_meetings(client, tree):
    # given public and private meetings of the commune, in every status
    public = make_meeting(
        tree.commune, title="Đối thoại công khai", is_public=True, status=MeetingStatus.NOTICED
    )
    make_meeting(tree.commune, title="Họp nội bộ", status=MeetingStatus.NOTICED)
    make_meeting(tree.commune, title="Dự thảo", is_public=True, status=MeetingStatus.DRAFT)
    make_meeting(
        tree.commune,
        title="Hủy trước khi thông báo",
        is_public=True,
        status=MeetingStatus.CANCELLED,
    )
    make_meeting(
        tree.commune,
        title="Hủy sau khi thông báo",
        is_public=True,
        status=MeetingStatus.CANCELLED,
        noticed_at=timezone.now(),
        cancelled_reason="Lý do nội bộ",
    )
    make_meeting(
        tree.other_commune, title="Của phường", is_public=True, status=MeetingStatus.NOTICED
    )

    # when anyone reads the commune's public feed
    response = client.get(reverse("meetings_public:unit_feed", args=[tree.commune.pk]))

    # then only what the public may know is in it, and a cancellation after the notice
    events = events_of(response)
    assert set(events) == {"Đối thoại công khai", "Hủy sau khi thông báo"}
    assert str(events["Hủy sau khi thông báo"]["STATUS"]) == "CANCELLED"
    assert "Lý do nội bộ" not in response.content.decode()
    assert str(events["Đối thoại công khai"]["URL"]).endswith(
        reverse("meetings_public:detail", args=[public.pk])
    )
    assert "public" in response["Cache-Control"]


def test_the_public_feed_of_a_closed_or_unknown_unit_answers_404(client, tree):
    tree.village.closed_on = dt.date(2025, 7, 1)
    tree.village.save()

    assert client.get(f"/cong-khai/hoi-nghi/don-vi/{tree.village.pk}/lich.ics").status_code == 404
    assert client.get("/cong-khai/hoi-nghi/don-vi/999999/lich.ics").status_code == 404


def test_times_are_exact_in_utc(client, commune_officer, tree):
    meeting_at(tree.commune, on(dt.date(2026, 12, 1), 7, 30), title="Sáng sớm")

    response = client.get(private_url(commune_officer))

    assert "DTSTART:20261201T003000Z" in response.content.decode()
