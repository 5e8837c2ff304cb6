"""Publishing the synthesis (Law 10/2022/QH15, arts. 28-29): once the period is over, every
comment grouped and every group answered, the table goes on the portal and the result is
itself disclosed (art. 11: results of consultations)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.consultations import actions
from coso.consultations.models import ConsultationStatus
from coso.disclosure.models import Disclosure, DisclosureStatus

from .conftest import publish, time_passes


def _group_and_answer(consultation, by):
    ids = list(consultation.comments.visible().values_list("pk", flat=True))
    group = actions.group_comments(consultation, by=by, comments=ids, new_title="Mức đóng góp")
    actions.answer_group(group, by=by, response="adopted", response_text="Chia ba đợt.")
    return group


def test_publishing_puts_the_table_on_the_portal_and_creates_a_disclosure(
    login, world, commune_officer, client
):
    # given the period is over, the comments are grouped and answered
    consultation = time_passes(world.open, 21)
    _group_and_answer(consultation, commune_officer)

    # when the officer publishes the synthesis from the consultation's page
    officer = login(commune_officer)
    response = officer.post(
        reverse("consultations:publish", args=[consultation.pk]),
        {"summary": "Tiếp thu ý kiến chia nhỏ đợt đóng góp."},
        HTTP_HOST="localhost",
    )

    # then the consultation is published ...
    assert response.status_code == 302
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.PUBLISHED
    # ... a disclosure of the "consultation result" category exists, linking to the page ...
    disclosure = Disclosure.objects.get(pk=consultation.disclosure_id)
    assert disclosure.category.code == "consultation_result"
    assert disclosure.status == DisclosureStatus.PUBLISHED
    assert disclosure.unit == consultation.unit
    assert consultation.title in disclosure.title
    assert disclosure.link.endswith(reverse("consultations_public:detail", args=[consultation.pk]))
    assert "Số ý kiến nhận được: 3" in disclosure.body
    # ... and the public page shows the table with the answer
    officer.logout()
    page = client.get(reverse("consultations_public:detail", args=[consultation.pk]))
    body = page.content.decode()
    assert "Tổng hợp, tiếp thu, giải trình ý kiến" in body
    assert "Chia ba đợt." in body
    assert "Tiếp thu ý kiến chia nhỏ đợt đóng góp." in body


def test_without_a_known_public_address_the_disclosure_has_no_link(world, commune_officer):
    # given a site whose public address is not configured (COSO_BASE_URL empty)
    consultation = time_passes(world.open, 21)

    # when the synthesis is published outside a request
    publish(consultation, commune_officer)

    # then the disclosure exists all the same, without a link
    consultation.refresh_from_db()
    assert Disclosure.objects.get(pk=consultation.disclosure_id).link == ""


def test_publishing_before_the_period_ends_is_refused(world, commune_officer):
    _group_and_answer(world.open, commune_officer)

    with pytest.raises(ValidationError) as caught:
        actions.publish_synthesis(world.open, by=commune_officer)

    assert any("lấy ý kiến" in m or "comment period" in m for m in caught.value.messages)
    world.open.refresh_from_db()
    assert world.open.status == ConsultationStatus.OPEN
    assert not Disclosure.objects.exists()


def test_publishing_with_ungrouped_comments_or_unanswered_groups_is_refused(
    login, world, commune_officer
):
    # given the period is over and one comment is still outside any group
    consultation = time_passes(world.open, 21)
    first, second, whole = world.comments
    group = actions.group_comments(
        consultation, by=commune_officer, comments=[first.pk, second.pk], new_title="Mức"
    )

    # when the officer tries to publish
    client = login(commune_officer)
    response = client.post(reverse("consultations:publish", args=[consultation.pk]), follow=True)

    # then the page lists what is missing and nothing is published
    body = response.content.decode()
    assert "1 ý kiến chưa được xếp vào nhóm." in body
    assert "1 nhóm ý kiến chưa được trả lời." in body
    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.OPEN
    assert not Disclosure.objects.exists()
    assert group.pk


def test_a_hidden_comment_need_not_be_grouped(world, commune_officer):
    consultation = time_passes(world.open, 21)
    actions.hide_comment(world.comments[2], by=commune_officer, reason="Nội dung không liên quan")

    publish(consultation, commune_officer)

    consultation.refresh_from_db()
    assert consultation.status == ConsultationStatus.PUBLISHED


def test_a_consultation_without_comments_publishes_an_empty_table(tree, commune_officer, client):
    from .conftest import make_consultation

    consultation = time_passes(make_consultation(commune_officer, tree.commune), 30)

    publish(consultation, commune_officer)

    body = client.get(reverse("consultations_public:detail", args=[consultation.pk])).content
    assert "Không có ý kiến nào." in body.decode()


def test_once_published_nothing_changes_any_more(world, commune_officer):
    consultation = time_passes(world.open, 21)
    publish(consultation, commune_officer)
    group = consultation.groups.get()

    for attempt in (
        lambda: actions.answer_group(
            group, by=commune_officer, response="explained", response_text="Khác"
        ),
        lambda: actions.hide_comment(world.comments[0], by=commune_officer, reason="Sai"),
        lambda: actions.publish_synthesis(consultation, by=commune_officer),
        lambda: actions.group_comments(
            consultation, by=commune_officer, comments=[world.comments[0].pk], new_title="Mới"
        ),
    ):
        with pytest.raises(ValidationError):
            attempt()
    assert Disclosure.objects.count() == 1
