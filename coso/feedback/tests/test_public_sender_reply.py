"""Who may reply to an answer (the holder of the code, or the account that sent it), what the
public pages let each persona do, and that a replying sender is never the recorded actor."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.core.models import AuditEntry
from coso.feedback import actions, sender_actions
from coso.feedback.models import EventKind, Feedback, Status
from coso.feedback.tests.conftest import make_denunciation, make_feedback


@pytest.fixture
def answered(tree, commune_officer):
    item = make_feedback(tree.commune)
    return actions.answer(item, by=commune_officer, text="Xã đã khơi thông cống.")


def test_the_code_holder_may_reply(answered):
    item = sender_actions.reply_to_answer(
        feedback=answered, satisfied=True, code=answered.tracking_code
    )

    assert item.status == Status.CLOSED


def test_the_signed_in_sender_may_reply_without_the_code(tree, citizen, commune_officer):
    item = make_feedback(tree.commune, by=citizen)
    actions.answer(item, by=commune_officer, text="Đã xử lý.")

    item = sender_actions.reply_to_answer(
        feedback=item, satisfied=False, reason="Cống vẫn còn tắc sau mưa.", by=citizen
    )

    assert item.status == Status.IN_PROGRESS
    assert item.reopened_count == 1


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_nobody_else_may_reply_without_the_code(answered, personas, persona):
    user = getattr(personas, persona)

    with pytest.raises(PermissionDenied):
        sender_actions.reply_to_answer(feedback=answered, satisfied=True, by=user)

    answered.refresh_from_db()
    assert answered.status == Status.ANSWERED


def test_a_wrong_code_is_refused(answered, tree):
    other = make_feedback(tree.commune, title="Khác")

    with pytest.raises(PermissionDenied):
        sender_actions.reply_to_answer(feedback=answered, satisfied=True, code=other.tracking_code)


def test_a_signed_in_denouncer_replying_is_not_the_recorded_actor(tree, citizen, commune_officer):
    item = make_denunciation(tree.commune, by=citizen)
    actions.assign(item, by=commune_officer, handler=commune_officer)
    actions.answer(item, by=commune_officer, text="Đã xác minh, xử lý kỷ luật cán bộ.")

    sender_actions.reply_to_answer(
        feedback=item, satisfied=False, reason="Chưa xử lý đúng mức.", by=citizen
    )

    event = item.events.get(kind=EventKind.REOPENED)
    assert event.actor is None
    entries = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Feedback), object_pk=str(item.pk)
    )
    assert entries.exists()
    assert not entries.filter(actor=citizen).exists()


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_persona_sees_the_same_public_pages(client, personas, persona, answered, tree):
    client = client_as(client, personas, persona)
    code = answered.tracking_code

    assert client.get(reverse("feedback_public:send", args=[tree.commune.pk])).status_code == 200
    assert client.get(reverse("feedback_public:lookup")).status_code == 200
    page = client.get(reverse("feedback_public:track", args=[code]))
    assert page.status_code == 200
    # the reply form is for whoever holds the code, signed in or not
    assert 'name="satisfied"' in page.content.decode()
    assert client.get(reverse("feedback_public:unit", args=[tree.commune.pk])).status_code == 200
