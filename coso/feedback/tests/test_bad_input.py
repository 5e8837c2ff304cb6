"""Bad input: a clear Vietnamese message on the field, nothing half-saved, never a 500."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.core.dates import today
from coso.feedback import actions
from coso.feedback.models import Feedback, FeedbackEvent, Source, Status
from coso.feedback.tests.conftest import kind, make_feedback
from coso.units import actions as unit_actions


def _entry(target, **changes) -> dict:
    data = {
        "unit": target.pk,
        "source": Source.PHONE,
        "received_on": today().strftime("%d/%m/%Y"),
        "kind": kind().pk,
        "title": "Đường ngập nước",
        "content": "Đường từ thôn ra chợ ngập nước khi mưa lớn.",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"content": ""}, "content", "Trường này là bắt buộc"),
        ({"content": "x" * 100_000}, "content", "tối đa 10000"),
        ({"content": "ngắn"}, "content", "vài từ"),
        ({"title": "   "}, "title", ""),
        ({"received_on": "31/02/2026"}, "received_on", "dd/mm/yyyy"),
        ({"received_on": "01/01/2099"}, "received_on", "tương lai"),
        ({"unit": "abc"}, "unit", ""),
        ({"kind": "999999999999"}, "kind", ""),
        ({"source": "portal"}, "source", ""),
    ],
)
def test_officer_entry_refuses_bad_input(login, tree, commune_officer, changes, field, words):
    response = login(commune_officer).post(
        reverse("feedback:create"), _entry(tree.commune, **changes)
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors, errors
    assert words in " ".join(errors[field])
    assert not Feedback.objects.exists()


def test_a_100000_character_answer_is_refused_with_its_length(login, tree, commune_officer):
    item = make_feedback(tree.commune)

    response = login(commune_officer).post(
        reverse("feedback:answer", args=[item.pk]), {"text": "x" * 100_000}
    )

    assert response.status_code == 200
    assert "100000" in " ".join(response.context["answer_form"].errors["text"]).replace(".", "")
    item.refresh_from_db()
    assert item.status == Status.RECEIVED and item.answer == ""


def test_an_empty_answer_is_refused(login, tree, commune_officer):
    item = make_feedback(tree.commune)

    response = login(commune_officer).post(
        reverse("feedback:answer", args=[item.pk]), {"text": " "}
    )

    assert "text" in response.context["answer_form"].errors
    assert not item.events.filter(kind="answered").exists()


def test_a_transfer_to_a_closed_unit_is_refused(login, tree, commune_officer, root_admin):
    item = make_feedback(tree.commune)
    unit_actions.close_unit(tree.other_commune, by=root_admin, closed_on=today(), reason="Sáp nhập")
    tree.other_commune.refresh_from_db()

    response = login(commune_officer).post(
        reverse("feedback:transfer", args=[item.pk]),
        {"to_unit": tree.other_commune.pk, "reason": "Thuộc thẩm quyền phường."},
    )
    with pytest.raises(ValidationError) as exc:
        actions.transfer(item, by=commune_officer, to_unit=tree.other_commune, reason="x")

    assert response.status_code == 200
    assert "to_unit" in response.context["transfer_form"].errors
    assert "không còn tiếp nhận" in exc.value.message_dict["to_unit"][0]
    item.refresh_from_db()
    assert item.unit == tree.commune
    assert not FeedbackEvent.objects.filter(kind="transferred").exists()


def test_an_answer_after_closure_is_refused_on_the_field(login, tree, commune_officer):
    item = make_feedback(tree.commune)
    actions.answer(item, by=commune_officer, text="Đã xử lý.")
    actions.close(item, by=commune_officer)

    response = login(commune_officer).post(
        reverse("feedback:answer", args=[item.pk]), {"text": "Trả lời thêm."}
    )
    with pytest.raises(ValidationError) as exc:
        actions.answer(item, by=commune_officer, text="Trả lời thêm.")

    assert response.status_code == 404 or response.status_code == 200
    assert "đã đóng" in exc.value.message_dict["text"][0]
    item.refresh_from_db()
    assert item.answer == "Đã xử lý."


def test_merging_into_an_unknown_code_is_refused(login, tree, commune_officer):
    item = make_feedback(tree.commune)

    response = login(commune_officer).post(
        reverse("feedback:merge", args=[item.pk]), {"into": "PA-KHONGCO"}
    )

    assert "into" in response.context["merge_form"].errors
    item.refresh_from_db()
    assert item.status == Status.RECEIVED


def test_ids_that_are_not_ids_never_crash(login, tree, commune_officer):
    client = login(commune_officer)
    item = make_feedback(tree.commune)

    assert (
        client.post(reverse("feedback:assign", args=[item.pk]), {"handler": "abc"}).status_code
        == 200
    )
    assert (
        client.post(reverse("feedback:assign", args=[item.pk]), {"handler": "9" * 30}).status_code
        == 200
    )
    assert (
        client.post(
            reverse("feedback:classify", args=[item.pk]), {"kind": "x", "field": "-1"}
        ).status_code
        == 200
    )
    assert (
        client.get(
            reverse("feedback:list"), {"kind": "x", "field": "9" * 40, "unit": "-1"}
        ).status_code
        == 200
    )
    assert client.get("/api/v1/feedback/abc").status_code in (404, 422)
    assert client.get("/api/v1/feedback/99999999999999999999999").status_code in (404, 422)
    assert client.post(
        f"/api/v1/feedback/{item.pk}/assign",
        {"handler_id": 10**30},
        content_type="application/json",
    ).status_code in (400, 422)
