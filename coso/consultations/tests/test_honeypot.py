"""The public form resists robots without any third-party service: a field people never see
(hidden off-screen, out of the tab order) that form-filling robots fill in."""

from __future__ import annotations

from django.urls import reverse

from coso.consultations.models import Comment

from .conftest import PHONE


def _data(**changes) -> dict:
    data = {
        "section": "",
        "text": "Nội dung quảng cáo vay tiền nhanh",
        "name": "Robot",
        "contact": PHONE,
        "website": "",
    }
    return data | changes


def test_a_filled_honeypot_is_answered_as_success_and_nothing_is_kept(client, consultation):
    # when a robot fills every field, the hidden one included
    response = client.post(
        reverse("consultations_public:comment", args=[consultation.pk]),
        _data(website="http://spam.example"),
    )

    # then it is sent to the same confirmation as a person (it learns nothing) ...
    assert response.status_code == 302
    assert response["Location"] == reverse("consultations_public:thanks", args=[consultation.pk])
    # ... and no comment exists
    assert not Comment.objects.exists()


def test_a_person_leaves_the_honeypot_empty_and_is_heard(client, consultation):
    response = client.post(
        reverse("consultations_public:comment", args=[consultation.pk]),
        _data(text="Đề nghị công khai danh sách hộ đã đóng góp."),
    )

    assert response.status_code == 302
    assert Comment.objects.count() == 1


def test_the_honeypot_is_hidden_from_people_and_keyboards(client, consultation):
    body = client.get(reverse("consultations_public:detail", args=[consultation.pk])).content
    page = body.decode()

    field = page[page.index('name="website"') - 400 : page.index('name="website"') + 80]
    assert 'aria-hidden="true"' in field
    assert 'tabindex="-1"' in field
    assert "left:-10000px" in field
