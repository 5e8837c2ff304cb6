"""The JSON API answers what the pages show, with the same refusals."""

from __future__ import annotations

import datetime as dt

from coso.core.dates import today
from coso.propaganda.models import Session


def _session_payload(unit, **extra) -> dict:
    return {
        "unit_id": unit.pk,
        "held_on": (today() - dt.timedelta(days=1)).isoformat(),
        "title": "Tin bài trên trang thông tin điện tử xã",
        "form": "website",
        "reached_citizens": 250,
        **extra,
    }


def test_sessions_are_listed_and_created(world, tree, commune_officer, login):
    client = login(commune_officer)
    listed = client.get("/api/v1/propaganda/sessions/", {"q": "dan chu"}).json()
    assert listed["count"] == 1 and listed["items"][0]["total_reached"] == 100

    response = client.post(
        "/api/v1/propaganda/sessions/",
        _session_payload(tree.commune, text_ids=[world.law.pk]),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["total_reached"] == 250 and body["texts"][0]["id"] == world.law.pk
    detail = client.get(f"/api/v1/propaganda/sessions/{body['id']}").json()
    assert detail["form_label"]


def test_a_negative_number_answers_400_with_the_field(tree, commune_officer, login):
    response = login(commune_officer).post(
        "/api/v1/propaganda/sessions/",
        _session_payload(tree.commune, reached_youth=-1),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "reached_youth" in response.json()["detail"]
    assert not Session.objects.exists()


def test_unknown_texts_and_other_units_are_refused(world, tree, commune_officer, login):
    client = login(commune_officer)
    response = client.post(
        "/api/v1/propaganda/sessions/",
        _session_payload(tree.commune, text_ids=[10**30]),
        content_type="application/json",
    )
    assert response.status_code in (400, 422)
    response = client.post(
        "/api/v1/propaganda/sessions/",
        _session_payload(tree.other_commune),
        content_type="application/json",
    )
    assert response.status_code == 404


def test_classes_orders_coverage_and_pending(
    world, tree, province_officer, other_commune_officer, login
):
    client = login(province_officer)
    classes = client.get("/api/v1/propaganda/classes/").json()
    assert classes["items"][0]["id"] == world.training.pk
    assert client.get(f"/api/v1/propaganda/classes/{world.training.pk}").status_code == 200
    orders = client.get("/api/v1/propaganda/orders/").json()
    assert orders["items"][0]["units_total"] == 2 and orders["items"][0]["units_covered"] == 1
    coverage = client.get(f"/api/v1/propaganda/orders/{world.order.pk}/coverage").json()
    assert {u["unit_id"]: u["covered"] for u in coverage["units"]} == {
        tree.commune.pk: True,
        tree.other_commune.pk: False,
    }
    response = client.post(
        "/api/v1/propaganda/orders/",
        {
            "unit_id": tree.province.pk,
            "text_id": world.decree.pk,
            "due_on": today().isoformat(),
            "unit_kinds": ["agency"],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["units_total"] == 1

    other = login(other_commune_officer)
    pending = other.get("/api/v1/propaganda/pending/", {"unit_id": tree.other_commune.pk}).json()
    assert [p["order_id"] for p in pending] == [world.order.pk]
    assert other.get(f"/api/v1/propaganda/orders/{world.order.pk}/coverage").status_code == 404


def test_a_class_with_bad_dates_answers_400(tree, commune_officer, login):
    response = login(commune_officer).post(
        "/api/v1/propaganda/classes/",
        {
            "unit_id": tree.commune.pk,
            "title": "Lớp B",
            "starts_on": today().isoformat(),
            "ends_on": (today() - dt.timedelta(days=2)).isoformat(),
        },
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "ends_on" in response.json()["detail"]
