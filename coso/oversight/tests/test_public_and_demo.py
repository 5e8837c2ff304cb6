"""The public section lists active boards and their members' names and positions, nothing
else; the demo's boards load through the real actions."""

from __future__ import annotations

from django.template.loader import render_to_string

from conftest import make_user
from coso.core.dates import today
from coso.demo import places
from coso.demo.builder import DemoBuilder
from coso.demo.oversight import ANSWERED_SUBJECT, OVERDUE_SUBJECT, build_oversight
from coso.oversight import actions
from coso.oversight.models import Board, BoardKind, BoardStatus, Recommendation
from coso.oversight.public import portal_context
from coso.units.models import UnitKind


def test_the_portal_section_shows_names_and_positions_only(world, tree, django_assert_num_queries):
    with django_assert_num_queries(2):
        context = portal_context(tree.commune)
    html = render_to_string("oversight/portal_section.html", {"section": context})

    assert [b.pk for b in context["boards"]] == [world.board.pk]
    assert "Nguyễn Văn An" in html and "Trưởng ban" in html
    assert "thanhvien" not in html  # the member's account
    assert "Việc thu chi quỹ" not in html  # nothing of the board's internal work
    assert world.forming.name not in html  # not recognised yet


def test_the_demo_has_boards_plans_and_recommendations(root_admin):
    builder = DemoBuilder(today=today())
    builder.admin = root_admin
    province = builder.unit("Thành phố Hải Phòng", UnitKind.PROVINCE, None)
    town = builder.unit(places.THANH_MIEN_TOWN, UnitKind.COMMUNE, province)
    for name in places.THANH_MIEN_COMMUNITIES:
        builder.unit(name, UnitKind.RESIDENTIAL, town)
    builder.unit(places.QT_OFFICE, UnitKind.AGENCY, province, staff_count=85)

    build_oversight(builder)

    board = Board.objects.get(unit=town)
    assert board.status == BoardStatus.ACTIVE
    assert board.members.count() == len(places.THANH_MIEN_COMMUNITIES)
    assert board.plans.get().items.count() == 4
    answered = Recommendation.objects.get(activity__subject=ANSWERED_SUBJECT)
    overdue = Recommendation.objects.get(activity__subject=OVERDUE_SUBJECT)
    assert answered.status == "answered"
    assert overdue.is_overdue
    office_board = Board.objects.get(kind=BoardKind.AGENCY)
    assert office_board.status == BoardStatus.ACTIVE


def test_a_linked_member_account_may_be_changed(world, commune_officer, board_member):
    other = make_user("nguoikhac", "Người Khác")
    seat = world.board.members.get(user=board_member)
    actions.update_member(
        seat, by=commune_officer, full_name=seat.full_name, position=seat.position, user=other
    )
    seat.refresh_from_db()
    assert seat.user == other
