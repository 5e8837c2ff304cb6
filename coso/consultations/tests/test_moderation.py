"""Officers hide abusive comments, with a reason; the change is audited and the comment leaves
the public counts and the synthesis."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from coso.consultations.models import Comment
from coso.core.models import AuditEntry


def test_hiding_needs_a_reason_and_is_audited(login, world, commune_officer, client):
    abusive = world.comments[2]
    officer = login(commune_officer)
    url = reverse("consultations:comment_hide", args=[abusive.pk])

    # without a reason the page asks for one and nothing changes
    refused = officer.post(url, {"reason": "  "})
    assert refused.status_code == 200
    assert "Trường này là bắt buộc." in refused.content.decode()
    abusive.refresh_from_db()
    assert not abusive.hidden

    # with a reason the comment is hidden, and the audit log names the officer
    response = officer.post(url, {"reason": "Lời lẽ xúc phạm"})
    assert response.status_code == 302
    abusive.refresh_from_db()
    assert abusive.hidden
    assert abusive.hidden_reason == "Lời lẽ xúc phạm"
    assert abusive.hidden_by == commune_officer
    entry = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_pk=str(abusive.pk)
    ).latest("timestamp")
    assert entry.actor == commune_officer
    assert "hidden" in entry.changes_dict

    # the public page counts only the comments still shown
    officer.logout()
    page = client.get(reverse("consultations_public:detail", args=[world.open.pk]))
    assert "Đã nhận 2 ý kiến." in page.content.decode()


def test_the_audit_log_never_holds_a_contact_in_clear(world):
    comment = world.comments[1]
    entry = AuditEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment), object_pk=str(comment.pk)
    ).get()

    assert "an@example.org" not in str(entry.changes)


def test_a_hidden_comment_can_be_shown_again(login, world, commune_officer):
    comment = world.comments[0]
    officer = login(commune_officer)
    officer.post(reverse("consultations:comment_hide", args=[comment.pk]), {"reason": "Nhầm lẫn"})

    listed = officer.get(reverse("consultations:comments", args=[world.open.pk]) + "?an=1")
    assert "Nhầm lẫn" in listed.content.decode()
    officer.post(reverse("consultations:comment_show", args=[comment.pk]))

    comment.refresh_from_db()
    assert not comment.hidden
    assert comment.hidden_reason == ""
