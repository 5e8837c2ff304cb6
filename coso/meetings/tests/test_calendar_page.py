"""A unit's calendar page and the person's private calendar address."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import PERSONAS, client_as
from coso.meetings.models import CalendarFeed, KindCode, MeetingStatus

from .conftest import make_meeting, seat

URL = reverse("meetings:calendar")


def on(day: dt.date, hour: int = 8, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime(day.year, day.month, day.day, hour, minute))


def meeting_at(unit, when: dt.datetime, **fields):
    meeting = make_meeting(unit, **fields)
    meeting.starts_at = when
    meeting.save()
    return meeting


def test_the_month_shows_the_meetings_of_the_unit_on_their_day(client, commune_officer, tree):
    # given a dialogue on 15/03/2026 and a reception day on 02/04/2026
    dialogue = meeting_at(
        tree.commune,
        on(dt.date(2026, 3, 15), 14, 30),
        code=KindCode.COMMUNE_DIALOGUE,
        title="Đối thoại với Nhân dân quý I",
    )
    meeting_at(tree.commune, on(dt.date(2026, 4, 2)), code=KindCode.CITIZEN_RECEPTION)
    client.force_login(commune_officer)

    # when the officer opens March 2026
    response = client.get(URL, {"unit": tree.commune.pk, "thang": "2026-03"})

    # then the dialogue is on the 15th, in the grid and in the phone list, and April's is not
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["days"] == [(dt.date(2026, 3, 15), [dialogue])]
    assert page.count("Đối thoại với Nhân dân quý I") == 2
    assert "14:30" in page
    assert reverse("meetings:detail", args=[dialogue.pk]) in page
    assert "?thang=2026-02&amp;unit=" in page and "?thang=2026-04&amp;unit=" in page


def test_the_grid_starts_on_monday_and_covers_the_month(client, commune_officer):
    client.force_login(commune_officer)

    response = client.get(URL, {"thang": "2026-03"})

    weeks = response.context["weeks"]
    assert weeks[0][0]["day"] == dt.date(2026, 2, 23)  # the Monday before 1/3/2026
    assert weeks[-1][-1]["day"] == dt.date(2026, 4, 5)
    assert all(len(week) == 7 for week in weeks)


def test_previous_and_next_cross_the_year(client, commune_officer):
    client.force_login(commune_officer)

    response = client.get(URL, {"thang": "2026-01"})

    assert response.context["previous"] == dt.date(2025, 12, 1)
    assert response.context["next"] == dt.date(2026, 2, 1)


@pytest.mark.parametrize("month", ["abc", "2026-13", "2026-00", "99999-01", "2026-1-1"])
def test_a_bad_month_shows_this_month(client, commune_officer, month):
    client.force_login(commune_officer)

    response = client.get(URL, {"thang": month})

    assert response.status_code == 200
    assert response.context["first"] == timezone.localdate().replace(day=1)


def test_the_page_shows_only_meetings_the_person_may_see(
    client, commune_officer, citizen, tree, django_assert_max_num_queries
):
    mine = meeting_at(tree.commune, on(dt.date(2026, 3, 10)), title="Họp của xã")
    meeting_at(tree.other_commune, on(dt.date(2026, 3, 11)), title="Họp của phường")
    invited = meeting_at(tree.office, on(dt.date(2026, 3, 12)), title="Hội nghị có mời")
    seat(invited, commune_officer)
    client.force_login(commune_officer)

    with django_assert_max_num_queries(10):
        response = client.get(URL, {"thang": "2026-03"})

    shown = [m for _day, items in response.context["days"] for m in items]
    assert shown == [mine, invited]


def test_a_cancelled_meeting_is_struck_out(client, commune_officer, tree):
    meeting_at(tree.commune, on(dt.date(2026, 3, 10)), status=MeetingStatus.CANCELLED)
    client.force_login(commune_officer)

    response = client.get(URL, {"thang": "2026-03"})

    assert 'class="cal-ev cancelled"' in response.content.decode()


# Who may open the commune's calendar.
EXPECTED = {
    "admin": 200,
    "province_officer": 200,
    "committee_member": 200,
    "commune_officer": 200,
    "other_commune_officer": 404,
    "employee": 404,
    "citizen": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix_of_the_unit_calendar(client, personas, tree, persona):
    client = client_as(client, personas, persona)

    response = client.get(URL, {"unit": tree.commune.pk})

    assert response.status_code == EXPECTED[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_everyone_signed_in_has_their_own_calendar(client, personas, persona):
    client = client_as(client, personas, persona)

    response = client.get(URL)

    assert response.status_code == (302 if persona == "anonymous" else 200)


def test_the_private_address_is_created_then_replaced(client, citizen):
    client.force_login(citizen)
    assert client.get(URL).context["feed_url"] == ""

    # when the person creates their address
    response = client.post(reverse("meetings:calendar_feed_reset"), follow=True)

    # then it is shown, ending in the token
    feed = CalendarFeed.objects.get(user=citizen)
    assert response.context["feed_url"].endswith(f"/cong-khai/hoi-nghi/lich-rieng/{feed.token}.ics")

    # and making a new one changes the token, with an audited change
    old = feed.token
    client.post(reverse("meetings:calendar_feed_reset"))
    feed.refresh_from_db()
    assert feed.token != old
    assert CalendarFeed.objects.filter(user=citizen).count() == 1


def test_resetting_keeps_the_unit_of_the_page(client, commune_officer, tree):
    client.force_login(commune_officer)

    response = client.post(reverse("meetings:calendar_feed_reset"), {"unit": tree.commune.pk})

    assert response["Location"] == f"{URL}?unit={tree.commune.pk}"


def test_the_reset_only_answers_a_post(client, citizen):
    client.force_login(citizen)

    assert client.get(reverse("meetings:calendar_feed_reset")).status_code == 405
    assert not CalendarFeed.objects.exists()


def test_the_calendar_api_lists_the_month(client, commune_officer, tree):
    meeting = meeting_at(tree.commune, on(dt.date(2026, 3, 10)), venue="Nhà văn hóa xã")
    client.force_login(commune_officer)

    response = client.get("/api/v1/meetings/calendar/", {"month": "2026-03"})

    [item] = response.json()
    assert item["id"] == meeting.pk and item["venue"] == "Nhà văn hóa xã"
    assert item["ends_at"].startswith("2026-03-10T03:00:00")  # two hours after 8:00 in Vietnam
    assert item["url"].endswith(reverse("meetings:detail", args=[meeting.pk]))


def test_the_calendar_api_hides_other_units(client, commune_officer, tree):
    client.force_login(commune_officer)

    response = client.get("/api/v1/meetings/calendar/", {"unit_id": tree.other_commune.pk})

    assert response.status_code == 404


def test_the_feed_api_creates_and_shows_the_private_address(client, citizen):
    client.force_login(citizen)
    assert client.get("/api/v1/meetings/calendar-feed/").json() == {"url": None}

    created = client.post("/api/v1/meetings/calendar-feed/reset/").json()["url"]

    token = CalendarFeed.objects.get(user=citizen).token
    assert created.endswith(f"/lich-rieng/{token}.ics")
    assert client.get("/api/v1/meetings/calendar-feed/").json() == {"url": created}
