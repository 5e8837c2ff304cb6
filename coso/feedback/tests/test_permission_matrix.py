"""Every persona against every page and step of a commune's feedback item."""

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.feedback.access import (
    can_answer_feedback,
    can_handle_feedback,
    can_record_feedback,
    can_view_feedback,
)
from coso.feedback.models import EventKind, Feedback
from coso.feedback.tests.conftest import make_feedback

MANAGERS = {"admin", "province_officer", "commune_officer"}
READERS = MANAGERS | {"committee_member"}
STEPS = (
    "classify",
    "assign",
    "transfer",
    "merge",
    "note",
    "answer",
    "close",
    "publish",
    "unpublish",
)


def _expected_post(persona: str) -> set[int]:
    if persona == "anonymous":
        return {302}
    if persona in MANAGERS:
        return {200, 302}  # the form back with its message, or done
    if persona in READERS:
        return {403}
    return {404}


@pytest.mark.parametrize("persona", PERSONAS)
def test_pages_and_steps(client, personas, tree, persona):
    item = make_feedback(tree.commune)
    client = client_as(client, personas, persona)

    detail = client.get(reverse("feedback:detail", args=[item.pk]))
    listing = client.get(reverse("feedback:list"))
    create = client.get(reverse("feedback:create"))
    statuses = {
        step: client.post(reverse(f"feedback:{step}", args=[item.pk])).status_code for step in STEPS
    }

    if persona == "anonymous":
        assert detail.status_code == listing.status_code == create.status_code == 302
    else:
        assert detail.status_code == (200 if persona in READERS else 404)
        assert listing.status_code == 200
        # Any officer records what their own unit received.
        officers = MANAGERS | {"other_commune_officer"}
        assert create.status_code == (200 if persona in officers else 403)
    for step, status in statuses.items():
        assert status in _expected_post(persona), (step, status)
    # Empty posts change nothing, whoever sends them.
    item.refresh_from_db()
    assert item.status == "received"
    assert list(item.events.values_list("kind", flat=True)) == [EventKind.RECEIVED]


@pytest.mark.parametrize("persona", PERSONAS[:-1])
def test_policy_functions(personas, tree, persona):
    user = getattr(personas, persona)
    item = make_feedback(tree.commune)

    assert can_view_feedback(user, item) == (persona in READERS)
    assert can_handle_feedback(user, item) == (persona in MANAGERS)
    assert can_answer_feedback(user, item) == (persona in MANAGERS)
    assert can_record_feedback(user, tree.commune) == (persona in MANAGERS)


def test_the_sender_reads_their_own_item_and_nothing_else(client, personas, tree):
    own = make_feedback(tree.commune, by=personas.citizen)
    other = make_feedback(tree.commune)
    client.force_login(personas.citizen)

    assert client.get(reverse("feedback:detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("feedback:detail", args=[other.pk])).status_code == 404
    assert (
        client.post(reverse("feedback:answer", args=[own.pk]), {"text": "Tự trả lời"}).status_code
        == 403
    )
    assert Feedback.objects.get(pk=own.pk).answer == ""


def test_an_employee_handler_reads_and_answers_but_does_not_transfer(client, personas, tree):
    from coso.feedback import actions

    item = make_feedback(tree.office)
    actions.assign(item, by=personas.province_officer, handler=personas.employee)
    client.force_login(personas.employee)

    assert client.get(reverse("feedback:detail", args=[item.pk])).status_code == 200
    assert (
        client.post(
            reverse("feedback:transfer", args=[item.pk]),
            {"to_unit": tree.commune.pk, "reason": "x"},
        ).status_code
        == 403
    )
    response = client.post(reverse("feedback:answer", args=[item.pk]), {"text": "Đã xử lý."})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.answered_by == personas.employee


def test_the_sender_never_reads_internal_notes(client, personas, tree):
    from coso.feedback import actions

    own = make_feedback(tree.commune, by=personas.citizen)
    actions.add_note(own, by=personas.commune_officer, text="Người này hay khiếu nại.")
    client.force_login(personas.citizen)

    page = client.get(reverse("feedback:detail", args=[own.pk])).content.decode()
    api = client.get(f"/api/v1/feedback/{own.pk}").json()

    assert "Người này hay khiếu nại." not in page
    assert [e["kind"] for e in api["events"]] == ["received"]
