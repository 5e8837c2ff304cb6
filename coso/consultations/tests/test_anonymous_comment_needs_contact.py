"""Anyone may comment without an account, but must leave a name and a phone number or an e-mail
address (so the officers can answer); a signed-in citizen need not."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.consultations import actions
from coso.consultations.models import Comment


def _post(client, consultation, **fields):
    data = {"section": "", "text": "Đề nghị làm rõ thời hạn đóng góp.", "name": "", "contact": ""}
    return client.post(
        reverse("consultations_public:comment", args=[consultation.pk]), data | fields
    )


def test_an_anonymous_comment_without_a_contact_is_refused(client, consultation):
    # when an anonymous visitor sends a comment with a name but no contact
    response = _post(client, consultation, name="Trần Văn Cường")

    # then the contact field says it is needed, and nothing is saved
    assert response.status_code == 200
    assert "Nhập số điện thoại hoặc địa chỉ thư điện tử" in response.content.decode()
    assert not Comment.objects.exists()


def test_an_anonymous_comment_without_a_name_is_refused(client, consultation):
    response = _post(client, consultation, contact="0912345678")

    assert response.status_code == 200
    assert "Vui lòng nhập họ và tên" in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("contact", ["12345", "abc", "091234567890123", "an@", "@example.org"])
def test_a_contact_that_is_neither_a_phone_nor_an_e_mail_is_refused(client, consultation, contact):
    response = _post(client, consultation, name="Trần Văn Cường", contact=contact)

    assert response.status_code == 200
    assert "Nhập số điện thoại (ví dụ 0912 345 678) hoặc địa chỉ thư điện tử" in (
        response.content.decode()
    )
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("0912 345 678", "0912345678"),
        ("+84 912.345.678", "+84912345678"),
        ("(024) 3825 1234", "02438251234"),
        ("an.nguyen@example.org", "an.nguyen@example.org"),
    ],
)
def test_a_phone_or_an_e_mail_is_accepted(client, consultation, typed, kept):
    response = _post(client, consultation, name="Trần Văn Cường", contact=typed)

    assert response.status_code == 302
    assert Comment.objects.get().contact == kept


def test_a_signed_in_citizen_comments_without_typing_a_contact(client, consultation, citizen):
    # given a citizen signed in (their account has no phone nor e-mail)
    client.force_login(citizen)

    # when they send a comment leaving name and contact empty
    response = _post(client, consultation)

    # then it is recorded under their account's name
    assert response.status_code == 302
    saved = Comment.objects.get()
    assert saved.author == citizen
    assert saved.name == "Đỗ Thị Dân"


def test_the_action_needs_a_contact_from_anonymous_callers_too(consultation):
    with pytest.raises(ValidationError) as caught:
        actions.submit_comment(
            consultation=consultation, by=None, text="Ý kiến không có liên hệ.", name="An"
        )

    assert "contact" in caught.value.message_dict
    assert not Comment.objects.exists()
