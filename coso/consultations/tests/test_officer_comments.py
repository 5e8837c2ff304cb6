"""Officers enter the comments received through the other channels (Law 10/2022/QH15, art. 27:
meetings, the suggestion box, the hotline, the Fatherland Front …), with the channel."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.consultations.models import Comment
from coso.core.dates import today

from .conftest import time_passes


def _data(**changes) -> dict:
    data = {
        "channel": "box",
        "received_on": today().strftime("%d/%m/%Y"),
        "section": "",
        "text": "Thư góp ý bỏ hòm thư: đề nghị thêm đèn chiếu sáng.",
        "name": "",
        "contact": "",
    }
    return data | changes


def test_an_officer_records_a_comment_from_the_suggestion_box(login, consultation, commune_officer):
    client = login(commune_officer)
    section = consultation.sections.first()

    response = client.post(
        reverse("consultations:comment_add", args=[consultation.pk]),
        _data(section=str(section.pk), name="Hộ ông Phạm Văn Đức"),
    )

    assert response.status_code == 302
    saved = Comment.objects.get()
    assert saved.channel == "box"
    assert saved.section == section
    assert saved.entered_by == commune_officer
    assert saved.author is None


def test_a_comment_received_after_the_period_is_refused(login, consultation, commune_officer):
    consultation = time_passes(consultation, 25)
    client = login(commune_officer)

    response = client.post(
        reverse("consultations:comment_add", args=[consultation.pk]),
        _data(received_on=today().strftime("%d/%m/%Y")),
    )

    assert response.status_code == 200
    assert "ý kiến nhận ngoài thời gian này không được ghi nhận" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_comment_received_within_the_period_is_entered_after_it(
    login, consultation, commune_officer
):
    # the box is opened after the period: what it held was received within it
    consultation = time_passes(consultation, 25)
    client = login(commune_officer)

    response = client.post(
        reverse("consultations:comment_add", args=[consultation.pk]),
        _data(received_on=consultation.closes_on.strftime("%d/%m/%Y")),
    )

    assert response.status_code == 302
    assert Comment.objects.get().received_on == consultation.closes_on


def test_a_day_that_has_not_come_is_refused(login, tree, commune_officer):
    from .conftest import make_consultation

    consultation = make_consultation(
        commune_officer, tree.commune, opens_on=today() - dt.timedelta(days=2)
    )
    client = login(commune_officer)
    tomorrow = (today() + dt.timedelta(days=1)).strftime("%d/%m/%Y")

    response = client.post(
        reverse("consultations:comment_add", args=[consultation.pk]), _data(received_on=tomorrow)
    )

    assert response.status_code == 200
    assert "Ngày này chưa đến." in response.content.decode()
    assert not Comment.objects.exists()
