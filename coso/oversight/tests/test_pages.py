"""The pages a commune officer lives in: record a board, its members, its recognition, a plan
with contents, an inspection with findings and a recommendation."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.core.dates import today
from coso.oversight.models import (
    Activity,
    Board,
    BoardPlan,
    BoardStatus,
    PlanItem,
    Recommendation,
)

from .conftest import make_board, next_monday

D = "%d/%m/%Y"


def test_an_officer_records_a_board_then_its_members_and_its_recognition(
    client, tree, villages, commune_officer
):
    client.force_login(commune_officer)
    response = client.post(
        reverse("oversight:create") + f"?unit={tree.commune.pk}",
        {
            "unit": tree.commune.pk,
            "kind": "commune",
            "election_method": "community_meetings",
            "elected_on": (today() - dt.timedelta(days=10)).strftime(D),
        },
    )
    board = Board.objects.get()
    assert response.status_code == 302
    assert board.name == "Ban Thanh tra nhân dân Xã Thanh Miện"
    assert board.status == BoardStatus.FORMING

    for i, village in enumerate(villages[:4]):
        client.post(
            reverse("oversight:member_add", args=[board.pk]),
            {
                "full_name": f"Thành viên {i}",
                "position": "head" if i == 0 else "member",
                "community": village.pk,
            },
        )
    recognise = {"decision_number": "05/QĐ-MTTQ", "recognised_on": today().strftime(D)}
    response = client.post(reverse("oversight:recognise", args=[board.pk]), recognise)

    # refused with the reason shown where the officer looks, nothing changed
    assert response.status_code == 200
    page = response.content.decode()
    assert "Ban có 4 thành viên: cần ít nhất 5." in page
    board.refresh_from_db()
    assert board.status == BoardStatus.FORMING

    client.post(
        reverse("oversight:member_add", args=[board.pk]),
        {"full_name": "Thành viên 4", "position": "member", "community": villages[4].pk},
    )
    response = client.post(reverse("oversight:recognise", args=[board.pk]), recognise)
    assert response.status_code == 302
    board.refresh_from_db()
    assert board.status == BoardStatus.ACTIVE
    page = client.get(reverse("oversight:detail", args=[board.pk])).content.decode()
    assert "Thành phần đúng quy định" in page
    assert "Công nhận theo quyết định số 05/QĐ-MTTQ" in page


def test_a_plan_with_contents_and_an_activity_with_findings(client, world, commune_officer):
    client.force_login(commune_officer)
    year = today().year
    response = client.post(
        reverse("oversight:plan_create", args=[world.board.pk]),
        {"period_kind": "half", "year": year, "number": 2},
    )
    plan = BoardPlan.objects.get(period_kind="half")
    assert response.status_code == 302
    assert plan.title == f"Kế hoạch hoạt động 6 tháng (kỳ 2) năm {year}"
    assert (plan.starts_on, plan.ends_on) == (dt.date(year, 7, 1), dt.date(year, 12, 31))

    response = client.post(
        reverse("oversight:plan_item_add", args=[plan.pk]),
        {"content": "Giám sát việc làm đường", "starts_on": f"01/08/{year}"},
    )
    assert response.status_code == 302
    item = PlanItem.objects.get(plan=plan)

    start = next_monday(28)
    response = client.post(
        reverse("oversight:activity_create", args=[world.board.pk]),
        {
            "kind": "supervision",
            "subject": "Việc làm đường",
            "plan_item": item.pk,
            "starts_on": start.strftime(D),
            "notice_sent_on": today().strftime(D),
            "notice_to": "UBND xã",
        },
    )
    assert response.status_code == 302
    activity = Activity.objects.get(subject="Việc làm đường")
    assert activity.plan_item == item
    assert activity.ends_on == start

    page = client.get(reverse("oversight:activity_detail", args=[world.done.pk])).content.decode()
    assert "Sổ sách đầy đủ." in page
    response = client.post(
        reverse("oversight:recommendation_add", args=[world.done.pk]),
        {
            "text": "Đề nghị niêm yết công khai.",
            "addressed_unit": world.board.unit.pk,
            "sent_on": today().strftime(D),
        },
    )
    assert response.status_code == 302
    created = Recommendation.objects.get(text="Đề nghị niêm yết công khai.")
    assert created.addressed_to == "Xã Thanh Miện"


def test_the_list_filters_by_kind_and_unit(client, world, province_officer):
    client.force_login(province_officer)
    response = client.get(reverse("oversight:list"), {"kind": "investment"})
    assert list(response.context["page_obj"]) == [world.forming]
    response = client.get(reverse("oversight:list"), {"unit": world.sibling.unit.pk})
    assert list(response.context["page_obj"]) == [world.sibling]
    response = client.get(reverse("oversight:list"), {"q": "thanh mien"})
    assert world.board in list(response.context["page_obj"])


def test_the_list_is_paginated_in_few_queries(
    client, tree, province_officer, django_assert_max_num_queries
):
    for i in range(30):
        make_board(
            province_officer,
            tree.commune,
            kind="investment",
            project_name=f"Dự án số {i}",
        )
    client.force_login(province_officer)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("oversight:list"))
    assert len(response.context["page_obj"]) == 25
    assert response.context["page_obj"].paginator.num_pages == 2


def test_ending_an_investment_board_when_its_project_ends(client, world, commune_officer):
    client.force_login(commune_officer)
    response = client.post(
        reverse("oversight:end", args=[world.forming.pk]),
        {"status": "dissolved", "ended_on": today().strftime(D), "reason": ""},
    )
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()

    response = client.post(
        reverse("oversight:end", args=[world.forming.pk]),
        {"status": "dissolved", "ended_on": today().strftime(D), "reason": "Dự án đã hoàn thành"},
    )
    assert response.status_code == 302
    world.forming.refresh_from_db()
    assert world.forming.status == BoardStatus.DISSOLVED
