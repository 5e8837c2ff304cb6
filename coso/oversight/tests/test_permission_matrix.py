"""Every persona × every page of the oversight boards: who gets 200, a redirect, 403 or 404;
refusals change nothing.

Personas: those of the root conftest, and `board_member`, a citizen who sits on the commune's
board with an account and holds no role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.core.dates import today
from coso.oversight import actions
from coso.oversight.models import (
    Activity,
    Board,
    BoardMember,
    BoardPlan,
    PlanItem,
    Recommendation,
)

from .conftest import next_monday

D = "%d/%m/%Y"


def _request(name: str, world, tree):
    start = next_monday(28)
    rec = world.recommendation
    member = world.board.members.exclude(user__isnull=False).first()
    return {
        "list": ("get", reverse("oversight:list"), None),
        "list_unit": ("get", reverse("oversight:list") + f"?unit={tree.commune.pk}", None),
        "recommendations": ("get", reverse("oversight:recommendations"), None),
        "create": (
            "post",
            reverse("oversight:create") + f"?unit={tree.commune.pk}",
            {
                "unit": tree.commune.pk,
                "kind": "investment",
                "project_name": "Kênh mương nội đồng thôn Tây",
                "election_method": "front_decision",
                "elected_on": today().strftime(D),
            },
        ),
        "view": ("get", reverse("oversight:detail", args=[world.board.pk]), None),
        "view_sibling": ("get", reverse("oversight:detail", args=[world.sibling.pk]), None),
        "edit": (
            "post",
            reverse("oversight:edit", args=[world.board.pk]),
            {
                "name": "Ban Thanh tra nhân dân xã (đổi tên)",
                "election_method": "community_meetings",
                "elected_on": world.board.elected_on.strftime(D),
            },
        ),
        "add_member": (
            "post",
            reverse("oversight:member_add", args=[world.forming.pk]),
            {"full_name": "Người mới", "position": "member"},
        ),
        "edit_member": ("get", reverse("oversight:member_edit", args=[member.pk]), None),
        "remove_member": ("post", reverse("oversight:member_remove", args=[member.pk]), {}),
        "recognise": (
            "post",
            reverse("oversight:recognise", args=[world.forming.pk]),
            {"decision_number": "20/QĐ-MTTQ", "recognised_on": today().strftime(D)},
        ),
        "end": (
            "post",
            reverse("oversight:end", args=[world.board.pk]),
            {"status": "ended", "ended_on": today().strftime(D), "reason": ""},
        ),
        "plan_create": (
            "post",
            reverse("oversight:plan_create", args=[world.board.pk]),
            {"period_kind": "quarter", "year": today().year, "number": 1},
        ),
        "plan_view": ("get", reverse("oversight:plan_detail", args=[world.plan.pk]), None),
        "plan_item_add": (
            "post",
            reverse("oversight:plan_item_add", args=[world.plan.pk]),
            {"content": "Giám sát thu chi quỹ", "starts_on": world.plan.starts_on.strftime(D)},
        ),
        "activity_create": (
            "post",
            reverse("oversight:activity_create", args=[world.board.pk]),
            {
                "kind": "supervision",
                "subject": "Việc thi công đường",
                "starts_on": start.strftime(D),
                "notice_sent_on": today().strftime(D),
                "notice_to": "UBND xã",
            },
        ),
        "activity_view": ("get", reverse("oversight:activity_detail", args=[world.done.pk]), None),
        "findings": (
            "post",
            reverse("oversight:activity_findings", args=[world.done.pk]),
            {"findings": "Đúng tiến độ.", "findings_on": today().strftime(D)},
        ),
        "recommendation_add": (
            "post",
            reverse("oversight:recommendation_add", args=[world.done.pk]),
            {
                "text": "Đề nghị công khai.",
                "addressed_to": "UBND xã",
                "sent_on": today().strftime(D),
            },
        ),
        "answer": (
            "post",
            reverse("oversight:recommendation_answer", args=[rec.pk]),
            {f"a{rec.pk}-answer": "Đồng ý.", f"a{rec.pk}-answered_on": today().strftime(D)},
        ),
        "cancel": (
            "post",
            reverse("oversight:activity_cancel", args=[world.planned.pk]),
            {"reason": "Hoãn do mưa bão."},
        ),
    }[name]


PAGES = (
    "list",
    "list_unit",
    "recommendations",
    "create",
    "view",
    "view_sibling",
    "edit",
    "add_member",
    "edit_member",
    "remove_member",
    "recognise",
    "end",
    "plan_create",
    "plan_view",
    "plan_item_add",
    "activity_create",
    "activity_view",
    "findings",
    "recommendation_add",
    "answer",
    "cancel",
)
MANAGER = {name: 302 for name in PAGES} | {
    "list": 200,
    "list_unit": 200,
    "recommendations": 200,
    "view": 200,
    "view_sibling": 200,
    "edit_member": 200,
    "plan_view": 200,
    "activity_view": 200,
}
OUTSIDER = {name: 404 for name in PAGES} | {"list": 200, "recommendations": 200}
READER = {name: 403 for name in PAGES} | {
    "list": 200,
    "list_unit": 200,
    "recommendations": 200,
    "view": 200,
    "view_sibling": 200,
    "plan_view": 200,
    "activity_view": 200,
}
# The board's own member: records the board's work, does not manage the board.
WORK = {
    "plan_create",
    "plan_item_add",
    "activity_create",
    "findings",
    "recommendation_add",
    "answer",
    "cancel",
}
MEMBER = (
    OUTSIDER
    | {"view": 200, "plan_view": 200, "activity_view": 200}
    | {name: 302 for name in WORK}
    | {"edit": 403, "edit_member": 403, "remove_member": 403, "end": 403}
)
EXPECTED = {
    "admin": MANAGER,
    "province_officer": MANAGER,
    "commune_officer": MANAGER | {"view_sibling": 404},
    "other_commune_officer": OUTSIDER | {"view_sibling": 200},
    "employee": OUTSIDER,
    "committee_member": READER,
    "citizen": OUTSIDER,
    "board_member": MEMBER,
    "anonymous": {name: 302 for name in PAGES},
}


def _snapshot() -> tuple:
    return (
        sorted(Board.objects.values_list("pk", "status", "name")),
        BoardMember.objects.count(),
        BoardPlan.objects.count(),
        PlanItem.objects.count(),
        sorted(Activity.objects.values_list("pk", "status", "findings")),
        sorted(Recommendation.objects.values_list("pk", "status")),
    )


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("persona", [*PERSONAS, "board_member"])
def test_permission_matrix(client, personas, board_member, world, tree, persona, page):
    personas.board_member = board_member
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
    assert list(client.get(reverse("oversight:list")).context["page_obj"]) == []
    assert list(client.get(reverse("oversight:recommendations")).context["page_obj"]) == []


def test_a_board_member_lists_only_their_board(client, world, board_member):
    client.force_login(board_member)
    boards = list(client.get(reverse("oversight:list")).context["page_obj"])
    assert boards == [world.board]
    recommendations = list(client.get(reverse("oversight:recommendations")).context["page_obj"])
    assert recommendations == [world.recommendation]
    page = client.get(reverse("oversight:detail", args=[world.board.pk])).content.decode()
    assert "Thêm thành viên" not in page
    assert "Kiểm tra, giám sát mới" in page


def test_a_member_of_an_ended_board_records_nothing(
    client, world, tree, commune_officer, board_member
):
    actions.end_board(world.board, by=commune_officer, status="ended", ended_on=today())
    client.force_login(board_member)
    _method, url, data = _request("activity_create", world, tree)

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Chỉ Ban đã được công nhận" in response.content.decode()
    assert Activity.objects.count() == 2
