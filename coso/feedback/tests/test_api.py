"""The JSON API: the same access and actions as the pages."""

import pytest

from coso.feedback.models import Feedback, Status
from coso.feedback.tests.conftest import SENDER_NAME, make_feedback, received_days_ago


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


def test_list_filters_and_pagination(client, tree, commune_officer):
    received_days_ago(make_feedback(tree.commune, title="Quá hạn"), 30)
    make_feedback(tree.village, title="Ở thôn", kind_code="complaint")
    make_feedback(tree.other_commune, title="Phường khác")
    client.force_login(commune_officer)

    everything = client.get("/api/v1/feedback/").json()
    overdue = client.get("/api/v1/feedback/", {"overdue": "true"}).json()
    village = client.get("/api/v1/feedback/", {"unit_id": tree.village.pk}).json()
    complaints = client.get("/api/v1/feedback/", {"kind": "complaint"}).json()
    one = client.get("/api/v1/feedback/", {"limit": 1}).json()

    assert everything["count"] == 2
    assert {i["title"] for i in everything["items"]} == {"Quá hạn", "Ở thôn"}
    assert [i["title"] for i in overdue["items"]] == ["Quá hạn"]
    assert overdue["items"][0]["overdue"] is True
    assert [i["title"] for i in village["items"]] == ["Ở thôn"]
    assert [i["title"] for i in complaints["items"]] == ["Ở thôn"]
    assert len(one["items"]) == 1 and one["count"] == 2
    # A reflection's sender is known to its unit's officers.
    assert everything["items"][0]["sender"]["name"] == SENDER_NAME


def test_officer_entry_and_handling(client, tree, commune_officer, second_officer):
    client.force_login(commune_officer)

    created = _post(
        client,
        "/api/v1/feedback/",
        {
            "unit_id": tree.commune.pk,
            "source": "phone",
            "kind": "reflection",
            "field": "environment",
            "title": "Khói từ lò gạch",
            "content": "Lò gạch ở Thôn Đông đốt than gây khói cả ngày.",
            "sender_name": "Lý Văn Khói",
        },
    )
    pk = created.json()["id"]
    classified = _post(client, f"/api/v1/feedback/{pk}/classify", {"kind": "complaint"})
    assigned = _post(client, f"/api/v1/feedback/{pk}/assign", {"handler_id": second_officer.pk})
    noted = _post(client, f"/api/v1/feedback/{pk}/notes", {"text": "Đã kiểm tra lò gạch."})
    answered = _post(client, f"/api/v1/feedback/{pk}/answer", {"text": "Đã yêu cầu lò gạch dừng."})
    again = _post(client, f"/api/v1/feedback/{pk}/answer", {"text": "Lần hai."})
    closed = _post(client, f"/api/v1/feedback/{pk}/close", {"reason": ""})

    assert created.status_code == 201 and created.json()["tracking_code"].startswith("PA-")
    assert classified.json()["kind_code"] == "complaint"
    assert assigned.json()["handler_id"] == second_officer.pk
    assert noted.status_code == 200 and noted.json()["is_public"] is False
    assert answered.json()["status"] == "answered"
    assert again.status_code == 400 and "text" in again.json()["detail"]
    assert closed.json()["status"] == "closed"


def test_transfer_to_a_closed_or_unknown_unit(client, tree, commune_officer, root_admin):
    from coso.core.dates import today
    from coso.units import actions as unit_actions

    item = make_feedback(tree.commune)
    unit_actions.close_unit(tree.other_commune, by=root_admin, closed_on=today())
    client.force_login(commune_officer)
    url = f"/api/v1/feedback/{item.pk}/transfer"

    closed = _post(client, url, {"to_unit_id": tree.other_commune.pk, "reason": "Không đúng nơi"})
    unknown = _post(client, url, {"to_unit_id": 987654, "reason": "Không đúng nơi"})
    moved = _post(client, url, {"to_unit_id": tree.office.pk, "reason": "Thuộc văn phòng tỉnh"})

    assert closed.status_code == 400
    assert "không còn tiếp nhận" in closed.json()["detail"]["to_unit"][0]
    assert unknown.status_code == 400
    # The commune officer no longer reaches the item: they get the receipt only.
    assert moved.status_code == 200 and moved.json()["unit_id"] == tree.office.pk
    assert Feedback.objects.get(pk=item.pk).unit == tree.office


@pytest.mark.parametrize(
    ("persona", "read", "answer"),
    [
        ("commune_officer", 200, 200),
        ("province_officer", 200, 200),
        ("committee_member", 200, 403),
        ("other_commune_officer", 404, 404),
        ("employee", 404, 404),
        ("citizen", 404, 404),
    ],
)
def test_api_permissions(client, personas, tree, persona, read, answer):
    item = make_feedback(tree.commune)
    client.force_login(getattr(personas, persona))

    assert client.get(f"/api/v1/feedback/{item.pk}").status_code == read
    assert (
        _post(client, f"/api/v1/feedback/{item.pk}/answer", {"text": "Trả lời."}).status_code
        == answer
    )
    expected = Status.ANSWERED if answer == 200 else Status.RECEIVED
    assert Feedback.objects.get(pk=item.pk).status == expected


def test_anonymous_callers_get_401(client, tree):
    item = make_feedback(tree.commune)

    assert client.get("/api/v1/feedback/").status_code == 401
    assert client.get(f"/api/v1/feedback/{item.pk}").status_code == 401


def test_bad_bodies_answer_400_or_422(client, tree, commune_officer):
    client.force_login(commune_officer)
    base = {"unit_id": tree.commune.pk, "source": "phone", "title": "Tiêu đề", "content": ""}

    empty = _post(client, "/api/v1/feedback/", base)
    huge = _post(client, "/api/v1/feedback/", {**base, "content": "x" * 100_000})
    wrong_source = _post(client, "/api/v1/feedback/", {**base, "source": "pigeon"})
    wrong_kind = _post(client, "/api/v1/feedback/", {**base, "kind": "nope", "content": "x" * 20})

    assert empty.status_code == 400 and "content" in empty.json()["detail"]
    assert huge.status_code == 400 and "content" in huge.json()["detail"]
    assert wrong_source.status_code == 422
    assert wrong_kind.status_code == 400 and "kind" in wrong_kind.json()["detail"]
    assert not Feedback.objects.exists()


def test_the_list_costs_the_same_queries_for_5_or_30_items(
    client, tree, commune_officer, second_officer, django_assert_max_num_queries
):
    from coso.feedback import actions

    client.force_login(commune_officer)
    for n in range(30):
        item = make_feedback(tree.commune, title=f"Phản ánh {n}")
        if n % 2:
            actions.assign(item, by=commune_officer, handler=second_officer)
    client.get("/api/v1/feedback/")

    with django_assert_max_num_queries(8):
        page = client.get("/api/v1/feedback/", {"limit": 30}).json()

    assert len(page["items"]) == 30
