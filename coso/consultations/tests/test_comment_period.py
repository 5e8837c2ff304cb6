"""A comment is taken only within the period (Law 10/2022/QH15, art. 27): outside it, a clear
Vietnamese message and nothing saved."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.consultations import actions
from coso.consultations.models import Comment
from coso.core.dates import today

from .conftest import PHONE, make_consultation, time_passes


def _post(client, consultation, **changes):
    data = {"section": "", "text": "Đề nghị làm rõ mức đóng góp.", "name": "Lê Thị Bình"}
    data["contact"] = PHONE
    return client.post(
        reverse("consultations_public:comment", args=[consultation.pk]), data | changes
    )


def test_a_comment_within_the_period_is_recorded(client, consultation):
    # given a consultation open today
    # when an anonymous citizen comments leaving a phone number
    response = _post(client, consultation)

    # then they see the confirmation and the comment is kept with its contact
    assert response.status_code == 302
    assert response["Location"] == reverse("consultations_public:thanks", args=[consultation.pk])
    saved = Comment.objects.get()
    assert saved.contact == "0912345678"
    assert saved.channel == "portal"
    assert saved.received_on == today()


def test_a_comment_after_the_period_closed_is_refused_and_not_saved(client, consultation):
    # given a consultation whose period ended yesterday
    consultation = time_passes(consultation, 21)
    assert consultation.closes_on == today() - dt.timedelta(days=1)

    # when a citizen still posts the form (the page was opened before the end)
    response = _post(client, consultation)

    # then a clear Vietnamese message says so and nothing is saved
    assert response.status_code == 200
    body = response.content.decode()
    expected = f"Thời gian lấy ý kiến đã kết thúc ngày {consultation.closes_on:%d/%m/%Y}"
    assert expected in body
    assert not Comment.objects.exists()


def test_the_last_day_of_the_period_still_counts(client, consultation):
    # given a consultation whose period ends today
    consultation = time_passes(consultation, 20)
    assert consultation.closes_on == today()

    # when a citizen comments on that day
    response = _post(client, consultation)

    # then the comment is recorded
    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_a_comment_before_the_period_opens_is_refused(client, tree, commune_officer):
    # given a consultation opened in advance, taking comments from next week
    start = today() + dt.timedelta(days=7)
    consultation = make_consultation(commune_officer, tree.commune, opens_on=start)

    # when a citizen posts a comment today
    response = _post(client, consultation)

    # then they are told when comments start, and nothing is saved
    assert f"Dự thảo nhận ý kiến từ ngày {start:%d/%m/%Y}" in response.content.decode()
    assert not Comment.objects.exists()


def test_the_action_refuses_a_late_comment_whatever_calls_it(consultation):
    consultation = time_passes(consultation, 25)

    with pytest.raises(ValidationError) as caught:
        actions.submit_comment(
            consultation=consultation, by=None, text="Ý kiến muộn.", name="A", contact=PHONE
        )

    assert caught.value.code == "closed"
    assert not Comment.objects.exists()


def test_the_closed_page_shows_no_form(client, consultation):
    consultation = time_passes(consultation, 25)

    response = client.get(reverse("consultations_public:detail", args=[consultation.pk]))

    body = response.content.decode()
    assert "Gửi ý kiến" in body  # the section's heading stays
    assert 'name="text"' not in body
    assert f"Thời gian lấy ý kiến đã kết thúc ngày {consultation.closes_on:%d/%m/%Y}" in body
