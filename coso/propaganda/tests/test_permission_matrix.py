"""Every persona × every page of dissemination and training: who gets 200, a redirect, 403 or
404; refusals change nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.core.dates import today
from coso.propaganda.models import Order, Session, Trainee, TrainingClass

D = "%d/%m/%Y"


def _session_data(unit=None) -> dict:
    data = {
        "title": "Phát thanh Luật trên loa truyền thanh",
        "held_on": (today() - dt.timedelta(days=1)).strftime(D),
        "form": "loudspeaker",
        "reached_citizens": "300",
    }
    if unit is not None:
        data["unit"] = unit.pk
    return data


def _request(name: str, world, tree):
    session, training, order = world.session, world.training, world.order
    return {
        "sessions": ("get", reverse("propaganda:sessions"), None),
        "sessions_unit": ("get", reverse("propaganda:sessions") + f"?unit={tree.commune.pk}", None),
        "session_create": (
            "post",
            reverse("propaganda:session_create") + f"?unit={tree.commune.pk}",
            _session_data(tree.commune),
        ),
        "session_view": ("get", reverse("propaganda:session_detail", args=[session.pk]), None),
        "session_edit": (
            "post",
            reverse("propaganda:session_edit", args=[session.pk]),
            _session_data(),
        ),
        "classes": ("get", reverse("propaganda:classes"), None),
        "class_create": (
            "post",
            reverse("propaganda:class_create") + f"?unit={tree.commune.pk}",
            {"unit": tree.commune.pk, "title": "Lớp bồi dưỡng", "starts_on": today().strftime(D)},
        ),
        "class_view": ("get", reverse("propaganda:class_detail", args=[training.pk]), None),
        "participant_add": (
            "post",
            reverse("propaganda:participant_add", args=[training.pk]),
            {"full_name": "Phan Văn Học"},
        ),
        "orders": ("get", reverse("propaganda:orders"), None),
        "order_create": (
            "post",
            reverse("propaganda:order_create") + f"?unit={tree.province.pk}",
            {"unit": tree.province.pk, "text": world.decree.pk, "due_on": today().strftime(D)},
        ),
        "order_view": ("get", reverse("propaganda:order_detail", args=[order.pk]), None),
        "order_cancel": ("post", reverse("propaganda:order_cancel", args=[order.pk]), {}),
        "pending": ("get", reverse("propaganda:pending"), None),
    }[name]


PAGES = (
    "sessions",
    "sessions_unit",
    "session_create",
    "session_view",
    "session_edit",
    "classes",
    "class_create",
    "class_view",
    "participant_add",
    "orders",
    "order_create",
    "order_view",
    "order_cancel",
    "pending",
)
LISTS = {"sessions": 200, "classes": 200, "orders": 200, "pending": 200}
COMMUNE_PAGES = ("sessions_unit", "session_view", "class_view")
MANAGER = (
    {name: 302 for name in PAGES} | LISTS | {p: 200 for p in COMMUNE_PAGES} | {"order_view": 200}
)
OUTSIDER = {name: 404 for name in PAGES} | LISTS
READER = (
    {name: 403 for name in PAGES} | LISTS | {p: 200 for p in COMMUNE_PAGES} | {"order_view": 200}
)
EXPECTED = {
    "admin": MANAGER,
    "province_officer": MANAGER,
    # The commune manages its own records; the province's order is not its to read.
    "commune_officer": MANAGER | {"order_create": 404, "order_view": 404, "order_cancel": 404},
    "other_commune_officer": OUTSIDER,
    "employee": OUTSIDER,
    "committee_member": READER,
    "citizen": OUTSIDER,
    "anonymous": {name: 302 for name in PAGES},
}


def _snapshot() -> tuple:
    return (
        sorted(Session.objects.values_list("pk", "title", "total_reached")),
        sorted(TrainingClass.objects.values_list("pk", "title")),
        Trainee.objects.count(),
        sorted(Order.objects.values_list("pk", "cancelled_on")),
    )


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix(client, personas, world, tree, persona, page):
    method, url, data = _request(page, world, tree)
    before = _snapshot()
    client = client_as(client, personas, persona)

    response = getattr(client, method)(url, data) if data is not None else client.get(url)

    expected = EXPECTED[persona][page]
    assert response.status_code == expected, (persona, page, response.status_code)
    if persona == "anonymous":
        assert "/dang-nhap/" in response["Location"]
    if expected != 302 or persona == "anonymous":
        assert _snapshot() == before
    elif method == "post":
        assert _snapshot() != before, (persona, page)


def test_a_citizen_lists_nothing(client, world, citizen):
    client.force_login(citizen)
    assert list(client.get(reverse("propaganda:sessions")).context["page_obj"]) == []
    assert list(client.get(reverse("propaganda:classes")).context["page_obj"]) == []
    assert list(client.get(reverse("propaganda:orders")).context["page_obj"]) == []


def test_the_other_commune_does_not_see_this_communes_records(client, world, other_commune_officer):
    client.force_login(other_commune_officer)
    assert list(client.get(reverse("propaganda:sessions")).context["page_obj"]) == []


def test_ids_that_cannot_exist_answer_404(client, world, admin):
    client.force_login(admin)
    assert client.get(reverse("propaganda:sessions") + "?unit=abc").status_code == 404
    assert client.get("/tuyen-truyen/buoi/99999999999999999999/").status_code == 404
