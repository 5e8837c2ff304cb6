"""Bad input on the public pages: a clear Vietnamese message on the right field, nothing
half-saved, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from coso.core.dates import today
from coso.feedback.models import Feedback, FeedbackEvent, FeedbackFile
from coso.feedback.public import normalize_code
from coso.feedback.tests.conftest import kind, make_feedback
from coso.units.models import Unit


@pytest.fixture
def client():
    return Client(raise_request_exception=False)  # a crash answers 500 instead of raising


def data(**changes) -> dict:
    return {
        "kind": kind("reflection").pk,
        "title": "Cống thoát nước bị tắc",
        "content": "Cống thoát nước đầu Thôn Đông bị tắc, nước tràn vào nhà dân.",
        "sender_name": "Đỗ Văn Hùng",
        "sender_phone": "0912 111 222",
        "website": "",
        **changes,
    }


def send(client, unit_id, **changes):
    return client.post(reverse("feedback_public:send", args=[unit_id]), data(**changes))


def field_error(response, field: str) -> str:
    form = response.context["form"]
    return " ".join(form.errors.get(field, []))


def nothing_saved() -> bool:
    return not (
        Feedback.objects.exists() or FeedbackEvent.objects.exists() or FeedbackFile.objects.exists()
    )


def test_empty_content_is_refused_on_its_field(client, tree):
    response = send(client, tree.commune.pk, content="")

    assert response.status_code == 200
    assert field_error(response, "content") == "Hãy mô tả sự việc (ít nhất vài từ)."
    assert nothing_saved()


def test_content_of_only_spaces_is_refused(client, tree):
    response = send(client, tree.commune.pk, content="      \n   ")

    assert response.status_code == 200
    assert field_error(response, "content") == "Hãy mô tả sự việc (ít nhất vài từ)."
    assert nothing_saved()


def test_a_100000_character_message_is_refused_with_its_length(client, tree):
    response = send(client, tree.commune.pk, content="x" * 100_000)

    assert response.status_code == 200
    message = field_error(response, "content")
    assert "tối đa 10000 ký tự" in message
    assert "100000" in message
    assert nothing_saved()


def test_no_kind_and_no_subject_are_refused(client, tree):
    response = send(client, tree.commune.pk, kind="", title="")

    assert field_error(response, "kind") == "Hãy chọn loại phản ánh, kiến nghị."
    assert field_error(response, "title") == "Hãy ghi một tiêu đề ngắn."
    assert nothing_saved()


def test_a_kind_that_does_not_exist_is_refused(client, tree):
    response = send(client, tree.commune.pk, kind="999999999999999999999")

    assert response.status_code == 200
    assert field_error(response, "kind")
    assert nothing_saved()


def test_without_a_name_or_a_contact_the_unit_could_not_answer(client, tree):
    response = send(client, tree.commune.pk, sender_name="", sender_phone="")

    assert field_error(response, "sender_name") == "Hãy để lại họ tên để đơn vị trả lời bạn."
    assert "số điện thoại hoặc địa chỉ thư điện tử" in field_error(response, "sender_phone")
    assert nothing_saved()


def test_an_e_mail_alone_is_enough_to_answer(client, tree):
    response = send(client, tree.commune.pk, sender_phone="", sender_email="hung@example.org")

    assert response.status_code == 302
    assert Feedback.objects.get().sender_email == "hung@example.org"


def test_a_phone_number_that_is_not_one_is_refused(client, tree):
    response = send(client, tree.commune.pk, sender_phone="gọi tôi đi")

    assert "số điện thoại hợp lệ" in field_error(response, "sender_phone")
    assert nothing_saved()


def test_a_denunciation_needs_the_denouncers_address(client, tree):
    response = send(client, tree.commune.pk, kind=kind("denunciation").pk)

    assert "phải ghi rõ địa chỉ" in field_error(response, "sender_address")
    assert nothing_saved()


def test_a_complaint_needs_the_address_too(client, tree):
    response = send(client, tree.commune.pk, kind=kind("complaint").pk)

    assert "phải ghi rõ địa chỉ" in field_error(response, "sender_address")
    assert nothing_saved()


@pytest.mark.parametrize(
    ("latitude", "longitude", "field"),
    [("95", "108", "latitude"), ("14", "", "latitude"), ("abc", "108", "latitude")],
)
def test_coordinates_out_of_range_or_half_given_are_refused(
    client, tree, latitude, longitude, field
):
    response = send(client, tree.commune.pk, latitude=latitude, longitude=longitude)

    assert response.status_code == 200
    assert field_error(response, field)
    assert nothing_saved()


def test_coordinates_are_kept(client, tree):
    response = send(client, tree.commune.pk, latitude="13.983450", longitude="108.001230")

    assert response.status_code == 302
    item = Feedback.objects.get()
    assert str(item.latitude) == "13.983450"
    assert str(item.longitude) == "108.001230"


def test_a_unit_that_does_not_exist_answers_a_clear_404(client, tree):
    for unit_id in (999_999, 99_999_999_999_999_999_999):
        url = f"/cong-khai/phan-anh/gui/{unit_id}/"
        for response in (client.get(url), client.post(url, data())):
            assert response.status_code == 404
            assert "Đơn vị này không tồn tại hoặc đã giải thể" in response.content.decode()
    assert nothing_saved()


def test_a_closed_unit_no_longer_receives_feedback(client, tree):
    Unit.objects.filter(pk=tree.village.pk).update(closed_on=today())

    response = send(client, tree.village.pk)

    assert response.status_code == 404
    assert "không còn tiếp nhận phản ánh" in response.content.decode()
    assert nothing_saved()


def test_an_inactive_kind_cannot_be_chosen(client, tree):
    reflection = kind("reflection")
    reflection.is_active = False
    reflection.save()

    response = send(client, tree.commune.pk, kind=reflection.pk)

    assert field_error(response, "kind")
    assert nothing_saved()


# --- Codes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    ["PA-7K3M9Q2X", "pa-7k3m9q2x", " pa 7k3m 9q2x ", "PA7K3M9Q2X", "7K3M-9Q2X", "pa.7k3m.9q2x"],
)
def test_codes_are_read_whatever_the_case_spaces_and_dashes(typed):
    assert normalize_code(typed) == "PA-7K3M9Q2X"


@pytest.mark.parametrize("typed", ["", "PA-", "PA-12345678", "PA-7K3M9Q2", "<script>", "x" * 5000])
def test_what_cannot_be_a_code_is_recognised(typed):
    assert normalize_code(typed) is None


def test_lookup_with_a_code_typed_loosely_finds_the_item(client, tree):
    item = make_feedback(tree.commune)
    typed = " " + item.tracking_code.lower().replace("-", " ") + " "

    response = client.get(reverse("feedback_public:lookup"), {"code": typed})

    assert response.status_code == 302
    assert response["Location"] == reverse("feedback_public:track", args=[item.tracking_code])


def test_a_loose_code_in_the_address_redirects_to_the_item(client, tree):
    item = make_feedback(tree.commune)

    response = client.get(f"/cong-khai/phan-anh/{item.tracking_code.lower()}/")

    assert response.status_code == 302
    assert response["Location"] == reverse("feedback_public:track", args=[item.tracking_code])


def test_a_code_that_does_not_exist_answers_404_with_the_form_again(client, tree):
    make_feedback(tree.commune)

    for response in (
        client.get(reverse("feedback_public:lookup"), {"code": "PA-ZZZZZZZZ"}),
        client.get("/cong-khai/phan-anh/PA-ZZZZZZZZ/"),
        client.get("/cong-khai/phan-anh/PA-ZZZZZZZZ/da-gui/"),
    ):
        assert response.status_code == 404
        page = response.content.decode()
        assert "Không có phản ánh, kiến nghị nào có mã tra cứu này" in page
        assert 'name="code"' in page


@pytest.mark.parametrize("code", ["abc", "PA-0000", "%3Cscript%3E", "x" * 300])
def test_a_malformed_code_is_explained_never_a_500(client, code):
    response = client.get(reverse("feedback_public:lookup"), {"code": code})
    assert response.status_code == 400
    assert "Đây không phải là mã tra cứu" in response.content.decode()

    response = client.get(f"/cong-khai/phan-anh/{code}/")
    assert response.status_code == 404
    assert "Đây không phải là mã tra cứu" in response.content.decode()


def test_an_empty_lookup_asks_for_the_code(client):
    response = client.get(reverse("feedback_public:lookup"), {"code": ""})

    assert response.status_code == 400
    assert "Hãy nhập mã tra cứu bạn đã nhận" in response.content.decode()


def test_replies_with_bad_input_never_crash(client, tree):
    item = make_feedback(tree.commune)
    url = reverse("feedback_public:reply", args=[item.tracking_code])

    assert client.post(url, {"satisfied": "maybe"}).status_code == 200
    assert client.post(url, {}).status_code == 200
    assert client.post(url, {"satisfied": "no", "reason": "x" * 100_000}).status_code == 200
    assert client.get(url).status_code == 302
    assert (
        client.post("/cong-khai/phan-anh/PA-ZZZZZZZZ/y-kien/", {"satisfied": "yes"}).status_code
        == 404
    )
    item.refresh_from_db()
    assert item.reopened_count == 0 and item.sender_satisfied is None


def test_published_answer_pages_of_missing_records_answer_404(client, tree):
    assert client.get("/cong-khai/phan-anh/tra-loi/999999/").status_code == 404
    assert client.get("/cong-khai/phan-anh/tra-loi/999999/tep/1/").status_code == 404
    assert client.get("/cong-khai/phan-anh/don-vi/999999/").status_code == 404
    assert client.get("/cong-khai/phan-anh/PA-ZZZZZZZZ/tep/1/").status_code == 404
