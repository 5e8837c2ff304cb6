"""The reminders page (/nhac-viec/): one's own reminders, newest first, marked read on request."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from coso.core.models import Notification
from coso.core.notifications import Reminder, notify

URL = "/nhac-viec/"


def remind(user, key, message, *, days_ago=0):
    notify([Reminder(user.pk, key, message, "/ke-hoach/")])
    note = Notification.objects.get(recipient=user, key=key)
    note.created_at = timezone.now() - dt.timedelta(days=days_ago)
    note.save(update_fields=["created_at"])
    return note


def test_page_lists_own_reminders_newest_first_with_the_unread_marked(
    login, commune_officer, other_commune_officer, django_assert_max_num_queries
):
    remind(commune_officer, "a", "Nhắc việc cũ", days_ago=3)
    remind(commune_officer, "b", "Nhắc việc mới", days_ago=0)
    remind(other_commune_officer, "a", "Việc của phường khác")
    client = login(commune_officer)

    with django_assert_max_num_queries(8):
        response = client.get(URL)

    body = response.content.decode()
    assert response.status_code == 200
    assert body.index("Nhắc việc mới") < body.index("Nhắc việc cũ")
    assert "Việc của phường khác" not in body
    assert body.count('class="unread"') == 2
    assert f'href="{reverse("notifications")}">' in body
    assert response.context["unread_notifications"] == 2  # the count in the top bar


def test_marking_all_read_clears_only_ones_own(login, commune_officer, other_commune_officer):
    remind(commune_officer, "a", "Nhắc việc")
    remind(other_commune_officer, "a", "Việc của phường khác")
    client = login(commune_officer)

    response = client.post(URL)

    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=commune_officer, read_at=None).exists()
    assert Notification.objects.filter(recipient=other_commune_officer, read_at=None).exists()
    page = client.get(URL)
    assert 'class="unread"' not in page.content.decode()
    assert "Nhắc việc" in page.content.decode()
    assert page.context["unread_notifications"] == 0


def test_a_user_without_reminders_sees_an_empty_list(login, citizen):
    response = login(citizen).get(URL)

    assert response.status_code == 200
    assert response.context["page_obj"].paginator.count == 0


def test_reminders_page_needs_a_login(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert "next=" in response["Location"]


def test_long_lists_are_paginated(login, commune_officer):
    notify(Reminder(commune_officer.pk, f"k{n}", f"Việc {n}") for n in range(45))

    response = login(commune_officer).get(URL, {"page": 2})

    assert response.status_code == 200
    assert len(response.context["page_obj"]) == 15
