"""A denouncer's identity is seen only by the officer handling the case (and the sender):
never in lists, on another officer's or a committee member's page, in the API, the audit log,
search text, the timeline or notifications (Law on Denunciation 2018, art. 47; issue 5, item 4).
"""

import pytest
from django.urls import reverse

from coso.core.dates import today
from coso.core.models import AuditEntry, Notification
from coso.core.text import fold
from coso.feedback import actions
from coso.feedback.access import can_see_identity
from coso.feedback.reminders import send_feedback_reminders
from coso.feedback.tests.conftest import (
    SECRET_ADDRESS,
    SECRET_EMAIL,
    SECRET_NAME,
    SECRET_PHONE,
    make_denunciation,
    received_days_ago,
)

SECRETS = (SECRET_NAME, SECRET_PHONE, SECRET_EMAIL, SECRET_ADDRESS)


def _leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text or fold(s) in fold(text)]


@pytest.fixture
def case(tree, citizen, commune_officer, second_officer):
    """A denunciation sent by a signed-in citizen, handled by the second officer of the
    commune, assigned by the first one, with a note, a file and reminders."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    item = make_denunciation(
        tree.commune,
        by=citizen,
        files=[
            SimpleUploadedFile(
                f"{SECRET_NAME} - đơn tố cáo.pdf", b"%PDF-1.4 chu ky", "application/pdf"
            )
        ],
    )
    actions.assign(item, by=commune_officer, handler=second_officer)
    actions.add_note(item, by=second_officer, text="Đã làm việc với người tố cáo.")
    received_days_ago(item, 40)
    send_feedback_reminders(today())
    item.refresh_from_db()
    return item


def test_only_the_handler_and_the_sender_may_know_who_sent_it(case, personas, second_officer):
    assert can_see_identity(second_officer, case)
    assert can_see_identity(personas.citizen, case)
    for name in (
        "admin",
        "province_officer",
        "commune_officer",
        "other_commune_officer",
        "employee",
        "committee_member",
    ):
        assert not can_see_identity(getattr(personas, name), case), name


@pytest.mark.parametrize(
    "who", ["commune_officer", "committee_member", "province_officer", "admin"]
)
def test_other_officers_pages_never_show_the_sender(client, case, personas, who):
    client.force_login(getattr(personas, who))

    detail = client.get(reverse("feedback:detail", args=[case.pk]))
    listing = client.get(reverse("feedback:list"))
    due = client.get(reverse("feedback:due"))

    assert detail.status_code == 200 and case.title in detail.content.decode()
    for page in (detail, listing, due):
        assert _leaks(page.content.decode()) == []
    # The denouncer's own letter is not downloadable by them either.
    sent = case.files.get()
    assert client.get(reverse("feedback:file", args=[sent.pk])).status_code == 404


def test_the_handler_sees_the_sender_on_the_detail_page_but_not_in_lists(
    client, case, second_officer
):
    client.force_login(second_officer)

    detail = client.get(reverse("feedback:detail", args=[case.pk])).content.decode()
    listing = client.get(reverse("feedback:list")).content.decode()

    assert SECRET_NAME in detail and SECRET_PHONE in detail
    assert _leaks(listing) == []
    assert client.get(reverse("feedback:file", args=[case.files.get().pk])).status_code == 200


def test_the_api_gives_the_sender_only_to_the_handler_and_never_in_lists(
    client, case, commune_officer, committee_member, second_officer
):
    for person in (commune_officer, committee_member):
        client.force_login(person)
        one = client.get(f"/api/v1/feedback/{case.pk}")
        many = client.get("/api/v1/feedback/")
        assert one.status_code == 200 and one.json()["sender"] is None
        assert [f for f in one.json()["files"] if not f["with_answer"]] == []
        assert _leaks(one.content.decode()) == [] and _leaks(many.content.decode()) == []

    client.force_login(second_officer)
    one = client.get(f"/api/v1/feedback/{case.pk}").json()
    many = client.get("/api/v1/feedback/").json()
    assert one["sender"]["name"] == SECRET_NAME
    assert many["items"][0]["sender"] is None


def test_the_audit_log_never_names_the_denouncer(client, case, citizen, commune_officer):
    # Every entry of the commune's subtree: what the unit's audit page shows.
    entries = list(AuditEntry.objects.filter(unit_path__startswith=case.unit_path))
    assert {e.content_type.model for e in entries} >= {"feedback", "feedbackevent", "feedbackfile"}
    for entry in entries:
        text = f"{entry.object_repr} {entry.changes} {entry.additional_data} {entry.actor_email}"
        assert _leaks(text) == [], entry
        assert entry.actor_id != citizen.pk
        assert citizen.display_name not in text

    client.force_login(commune_officer)
    page = client.get(reverse("units:audit", args=[case.unit_id])).content.decode()
    assert _leaks(page) == [] and citizen.display_name not in page


def test_search_text_timeline_and_notifications_never_hold_the_sender(case, citizen):
    assert _leaks(case.search_text) == []
    assert fold(SECRET_NAME) not in case.search_text
    for event in case.events.all():
        assert _leaks(event.text) == []
        assert event.actor_id != citizen.pk
    messages = list(Notification.objects.values_list("message", flat=True))
    assert messages  # the handler, their superior were told
    assert all(_leaks(m) == [] for m in messages)


def test_a_denunciation_from_the_public_page_is_protected_the_same_way(
    client, tree, commune_officer
):
    item = make_denunciation(tree.commune)
    client.force_login(commune_officer)

    assert _leaks(client.get(reverse("feedback:detail", args=[item.pk])).content.decode()) == []
    assert _leaks(client.get(f"/api/v1/feedback/{item.pk}").content.decode()) == []


def test_a_signed_in_sender_of_a_reflection_is_not_the_audited_actor(tree, citizen):
    from coso.feedback.tests.conftest import make_feedback

    item = make_feedback(tree.commune, by=citizen)

    assert item.sender_user == citizen
    assert not AuditEntry.objects.filter(actor=citizen).exists()


def test_a_denunciation_sent_signed_in_over_http_leaves_no_trace_of_its_sender(
    client, tree, citizen
):
    client.force_login(citizen)

    response = client.post(
        "/api/v1/feedback/",
        {
            "unit_id": tree.commune.pk,
            "source": "account",
            "kind": "denunciation",
            "title": "Tố cáo lạm thu",
            "content": "Trưởng thôn thu tiền đóng góp không có biên lai.",
            "sender_name": SECRET_NAME,
        },
        content_type="application/json",
    )

    assert response.status_code == 201
    assert response.json()["sender"]["name"] == SECRET_NAME  # the sender sees their own
    entries = AuditEntry.objects.filter(content_type__app_label="feedback")
    assert entries.exists()
    assert not entries.filter(actor=citizen).exists()
    assert not entries.exclude(remote_addr=None).exists()
