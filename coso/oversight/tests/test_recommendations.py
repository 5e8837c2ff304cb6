"""A recommendation is sent, answered, then done or not accepted; without an answer after the
rule's working days it is overdue, and the summary page counts it up the tree."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.core.dates import today
from coso.core.errors import InvalidTransition
from coso.core.models import AuditEntry
from coso.core.workdays import add_working_days
from coso.oversight import actions
from coso.oversight.models import OversightRule, Recommendation, RecommendationStatus


def test_a_recommendation_goes_from_sent_to_answered_to_done(world, board_member):
    item = world.recommendation
    assert item.status == RecommendationStatus.SENT
    assert item.answer_due_on == add_working_days(item.sent_on, 15)

    item = actions.record_answer(
        item, by=board_member, answer="UBND xã sẽ niêm yết trong tuần.", answered_on=today()
    )
    assert item.status == RecommendationStatus.ANSWERED
    assert not item.is_overdue

    item = actions.close_recommendation(
        item, by=board_member, outcome="done", closed_on=today(), note="Đã niêm yết."
    )
    assert item.status == RecommendationStatus.DONE
    assert not item.is_open


def test_not_accepted_needs_a_reason(world, commune_officer):
    item = actions.record_answer(
        world.recommendation, by=commune_officer, answer="Không có kinh phí.", answered_on=today()
    )
    with pytest.raises(ValidationError) as refused:
        actions.close_recommendation(
            item, by=commune_officer, outcome="not_accepted", closed_on=today()
        )
    assert "note" in refused.value.message_dict
    item = actions.close_recommendation(
        item, by=commune_officer, outcome="not_accepted", closed_on=today(), note="Hết kinh phí."
    )
    assert item.status == RecommendationStatus.NOT_ACCEPTED


def test_no_follow_up_before_the_answer_and_no_second_answer(world, commune_officer):
    with pytest.raises(InvalidTransition):
        actions.close_recommendation(
            world.recommendation, by=commune_officer, outcome="done", closed_on=today()
        )
    actions.record_answer(
        world.recommendation, by=commune_officer, answer="Đồng ý.", answered_on=today()
    )
    with pytest.raises(InvalidTransition):
        actions.record_answer(
            world.recommendation, by=commune_officer, answer="Lần hai.", answered_on=today()
        )


def test_an_unanswered_recommendation_becomes_overdue_after_fifteen_working_days(
    world, commune_officer
):
    long_ago = today() - dt.timedelta(days=19)
    old = actions.add_recommendation(
        world.done,
        by=commune_officer,
        text="Đề nghị sửa lại biển báo.",
        addressed_to="UBND xã",
        sent_on=long_ago,
    )
    due = add_working_days(long_ago, 15)

    assert old.is_overdue == (due < today())
    assert list(Recommendation.objects.overdue(due + dt.timedelta(days=1))) == [old]
    assert list(Recommendation.objects.overdue(due)) == []


def test_the_overdue_period_is_a_rule(world, commune_officer):
    OversightRule.objects.filter(code=OversightRule.ANSWER_WORKING_DAYS).update(value=2)
    item = actions.add_recommendation(
        world.done,
        by=commune_officer,
        text="Đề nghị bổ sung chứng từ.",
        addressed_to="UBND xã",
        sent_on=today() - dt.timedelta(days=10),
    )
    assert item.is_overdue


def test_the_summary_rolls_up_to_the_province(
    client, world, tree, province_officer, commune_officer
):
    OversightRule.objects.filter(code=OversightRule.ANSWER_WORKING_DAYS).update(value=2)
    actions.add_recommendation(
        world.done,
        by=commune_officer,
        text="Đề nghị kiểm tra lại hóa đơn.",
        addressed_to="UBND xã",
        sent_on=today() - dt.timedelta(days=15),
    )
    client.force_login(province_officer)

    response = client.get(reverse("oversight:recommendations"), {"unit": tree.province.pk})

    page = response.content.decode()
    assert response.status_code == 200
    assert "Khuyến nghị chưa được trả lời" in page
    assert "Xã Thanh Miện" in page
    rows = {row["unit"].name: row for row in response.context["rows"]}
    assert rows["Xã Thanh Miện"]["unanswered"] == 2
    assert rows["Xã Thanh Miện"]["overdue"] == 1
    assert response.context["total"]["overdue"] == 1


def test_the_summary_lists_only_overdue_when_asked(client, world, commune_officer):
    client.force_login(commune_officer)
    response = client.get(reverse("oversight:recommendations"), {"show": "overdue"})
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == []


def test_every_step_is_audited_with_its_author(world, board_member):
    actions.record_answer(
        world.recommendation, by=board_member, answer="Đồng ý.", answered_on=today()
    )
    entry = AuditEntry.objects.filter(
        content_type__model="recommendation", object_pk=str(world.recommendation.pk)
    ).latest("timestamp")
    assert entry.actor == board_member
    assert "status" in entry.changes_dict
    assert entry.unit_path == world.board.unit_path
    assert AuditEntry.objects.filter(content_type__model="board").exists()
    assert AuditEntry.objects.filter(content_type__model="boardmember").count() >= 5
    assert AuditEntry.objects.filter(content_type__model="activity").exists()


def test_pages_record_the_workflow(client, world, board_member):
    client.force_login(board_member)
    item = world.recommendation
    response = client.post(
        reverse("oversight:recommendation_answer", args=[item.pk]),
        {
            f"a{item.pk}-answer": "Đã tiếp thu.",
            f"a{item.pk}-answered_on": today().strftime("%d/%m/%Y"),
        },
    )
    assert response.status_code == 302
    response = client.post(
        reverse("oversight:recommendation_close", args=[item.pk]),
        {
            f"c{item.pk}-outcome": "done",
            f"c{item.pk}-closed_on": today().strftime("%d/%m/%Y"),
            f"c{item.pk}-note": "Đã thực hiện.",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == RecommendationStatus.DONE
    page = client.get(
        reverse("oversight:activity_detail", args=[item.activity_id])
    ).content.decode()
    assert "Đã thực hiện." in page
