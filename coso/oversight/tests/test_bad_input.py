"""Bad input through pages and the API: a Vietnamese message on the right field, nothing
saved, never a 500."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from coso.core.dates import today
from coso.oversight.models import Activity, Board, BoardMember, Recommendation

D = "%d/%m/%Y"


@pytest.fixture
def safe_client(commune_officer):
    client = Client(raise_request_exception=False)
    client.force_login(commune_officer)
    return client


@pytest.mark.parametrize(
    "url",
    [
        "/giam-sat/999999/",
        "/giam-sat/99999999999999999999999/",
        "/giam-sat/hoat-dong/999999/",
        "/giam-sat/ke-hoach/999999/",
        "/giam-sat/thanh-vien/999999/sua/",
        "/giam-sat/tao-moi/?unit=abc",
        "/giam-sat/?unit=99999999999999999999",
        "/giam-sat/khuyen-nghi/?unit=-1",
    ],
)
def test_unknown_addresses_answer_404(safe_client, world, url):
    assert safe_client.get(url).status_code == 404


def test_strange_filters_do_not_crash(safe_client, world):
    response = safe_client.get(reverse("oversight:list"), {"kind": "xyz", "page": "abc"})
    assert response.status_code == 200
    response = safe_client.get(reverse("oversight:recommendations"), {"show": "<script>"})
    assert response.status_code == 200


def test_a_board_without_dates_is_refused_field_by_field(safe_client, tree):
    response = safe_client.post(
        reverse("oversight:create") + f"?unit={tree.commune.pk}",
        {
            "unit": tree.commune.pk,
            "kind": "commune",
            "election_method": "x",
            "elected_on": "31/02/2025",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_elected_on-error"' in page
    assert 'id="id_election_method-error"' in page
    assert not Board.objects.exists()


def test_a_board_elected_in_the_future_is_refused(safe_client, tree):
    response = safe_client.post(
        reverse("oversight:create") + f"?unit={tree.commune.pk}",
        {
            "unit": tree.commune.pk,
            "kind": "commune",
            "election_method": "community_meetings",
            "elected_on": (today() + dt.timedelta(days=3)).strftime(D),
        },
    )
    assert response.status_code == 200
    assert "Ngày này chưa tới." in response.content.decode()
    assert not Board.objects.exists()


def test_a_very_long_name_and_an_unknown_account_are_refused(safe_client, world):
    count = BoardMember.objects.count()
    response = safe_client.post(
        reverse("oversight:member_add", args=[world.forming.pk]),
        {"full_name": "A" * 100_000, "position": "member", "user": "khong-co-ai"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'id="id_full_name-error"' in page
    assert "Không có tài khoản nào có tên đăng nhập này." in page
    assert BoardMember.objects.count() == count


def test_a_community_of_another_commune_is_refused(safe_client, world, tree, root_admin):
    from coso.units import actions as unit_actions

    elsewhere = unit_actions.create_unit(
        by=root_admin, parent=tree.other_commune, name="Khu phố 1", kind="residential"
    )
    response = safe_client.post(
        reverse("oversight:member_add", args=[world.forming.pk]),
        {"full_name": "Người ngoài", "position": "member", "community": elsewhere.pk},
    )
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()


def test_an_activity_ending_before_it_starts_is_refused(safe_client, world):
    count = Activity.objects.count()
    start = today() + dt.timedelta(days=30)
    response = safe_client.post(
        reverse("oversight:activity_create", args=[world.board.pk]),
        {
            "kind": "inspection",
            "subject": "Việc xây cầu",
            "starts_on": start.strftime(D),
            "ends_on": (start - dt.timedelta(days=2)).strftime(D),
            "notice_sent_on": today().strftime(D),
            "notice_to": "UBND xã",
        },
    )
    assert response.status_code == 200
    assert 'id="id_ends_on-error"' in response.content.decode()
    assert Activity.objects.count() == count


def test_an_answer_before_the_recommendation_was_sent_is_refused(safe_client, world):
    item = world.recommendation
    response = safe_client.post(
        reverse("oversight:recommendation_answer", args=[item.pk]),
        {
            f"a{item.pk}-answer": "Đã trả lời.",
            f"a{item.pk}-answered_on": (item.sent_on - dt.timedelta(days=1)).strftime(D),
        },
    )
    assert response.status_code == 200
    assert "Ngày trả lời không thể trước ngày gửi kiến nghị." in response.content.decode()
    item.refresh_from_db()
    assert item.answer == ""


def test_an_empty_recommendation_is_refused(safe_client, world):
    count = Recommendation.objects.count()
    response = safe_client.post(
        reverse("oversight:recommendation_add", args=[world.done.pk]),
        {"text": "   ", "addressed_to": "", "sent_on": today().strftime(D)},
    )
    assert response.status_code == 200
    assert Recommendation.objects.count() == count


def test_a_second_plan_for_the_same_period_is_refused(safe_client, world):
    response = safe_client.post(
        reverse("oversight:plan_create", args=[world.board.pk]),
        {"period_kind": "year", "year": today().year},
    )
    assert response.status_code == 200
    assert "Ban đã có kế hoạch cho kỳ này." in response.content.decode()


def test_a_quarter_five_is_refused(safe_client, world):
    response = safe_client.post(
        reverse("oversight:plan_create", args=[world.board.pk]),
        {"period_kind": "half", "year": today().year, "number": 3},
    )
    assert response.status_code == 200
    assert "Hãy chọn 6 tháng đầu năm (1) hoặc 6 tháng cuối năm (2)." in response.content.decode()


def test_get_on_a_post_only_address_is_refused(safe_client, world):
    assert (
        safe_client.get(reverse("oversight:recognise", args=[world.forming.pk])).status_code == 405
    )


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/oversight/boards/999999",
        "/api/v1/oversight/boards/99999999999999999999999",
        "/api/v1/oversight/boards/?unit_id=99999999999999999999",
        "/api/v1/oversight/recommendations/?status=xyz",
    ],
)
def test_the_api_answers_bad_input_without_crashing(safe_client, world, url):
    assert safe_client.get(url).status_code in (200, 404, 422)
