"""The rules of composition of each kind of board, at their edges: warnings on the board's
page, refusals when its recognition is recorded."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.oversight import actions
from coso.oversight.composition import composition_problems
from coso.oversight.models import BoardKind, BoardStatus, CompositionRule, Position
from coso.units import actions as unit_actions
from coso.units.models import UnitKind

from .conftest import add_members, make_board, recognise


def codes(board) -> set[str]:
    return {p.code for p in composition_problems(board)}


# --- Commune board ----------------------------------------------------------------------------


def test_a_commune_board_of_four_is_refused_and_of_five_recognised(tree, villages, commune_officer):
    board = make_board(commune_officer, tree.commune, members=4, communities=villages)

    with pytest.raises(ValidationError) as refused:
        recognise(board, commune_officer)
    assert "cần ít nhất 5" in " ".join(refused.value.message_dict["members"])
    board.refresh_from_db()
    assert board.status == BoardStatus.FORMING

    add_members(board, commune_officer, 1, communities=villages, start=4)
    assert recognise(board, commune_officer).status == BoardStatus.ACTIVE


def test_a_residential_community_without_a_member_is_a_warning(tree, villages, commune_officer):
    # given five members, two of them from Thôn Đông and none from Thôn Trung
    communities = [villages[0], villages[0], villages[1], villages[2], villages[3]]
    board = make_board(commune_officer, tree.commune, members=5, communities=communities)

    problems = {p.code: p for p in composition_problems(board)}

    assert "Thôn Trung" in problems["community_missing"].message
    assert "Thôn Đông" in problems["community_twice"].message
    assert not problems["community_missing"].hard
    # a warning does not block the recognition
    assert recognise(board, commune_officer).status == BoardStatus.ACTIVE


def test_the_board_page_shows_the_warnings_in_vietnamese(client, tree, villages, commune_officer):
    board = make_board(commune_officer, tree.commune, members=4, communities=villages[1:])
    client.force_login(commune_officer)

    page = client.get(reverse("oversight:detail", args=[board.pk])).content.decode()

    assert "Ban có 4 thành viên: cần ít nhất 5." in page
    assert "Thôn Đông chưa có thành viên trong Ban." in page
    assert "Điều 36" in page


def test_a_commune_official_cannot_sit_on_the_commune_board(tree, villages, commune_officer):
    board = make_board(commune_officer, tree.commune, members=4, communities=villages)
    actions.add_member(
        board,
        by=commune_officer,
        full_name="Lê Văn Xã",
        community=villages[4],
        is_commune_official=True,
    )

    with pytest.raises(ValidationError) as refused:
        recognise(board, commune_officer)
    assert "Lê Văn Xã là cán bộ, công chức cấp xã" in " ".join(
        refused.value.message_dict["members"]
    )


def test_the_commune_board_term_defaults_to_five_years(tree, commune_officer):
    board = make_board(commune_officer, tree.commune)
    assert board.term_ends_on.year == board.term_starts_on.year + 5


def test_a_commune_has_one_board_at_a_time(tree, commune_officer):
    make_board(commune_officer, tree.commune)
    with pytest.raises(ValidationError) as refused:
        make_board(commune_officer, tree.commune)
    assert "kind" in refused.value.message_dict


# --- Agency board -----------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "allowed"), [(2, False), (3, True), (9, True), (10, False)])
def test_an_agency_board_has_three_to_nine_members(tree, province_officer, count, allowed):
    board = make_board(province_officer, tree.office, kind=BoardKind.AGENCY, members=count)

    if allowed:
        assert recognise(board, province_officer).status == BoardStatus.ACTIVE
    else:
        with pytest.raises(ValidationError) as refused:
            recognise(board, province_officer)
        assert "members" in refused.value.message_dict


def test_the_agency_board_term_defaults_to_two_years(tree, province_officer):
    board = make_board(province_officer, tree.office, kind=BoardKind.AGENCY)
    assert board.term_ends_on.year == board.term_starts_on.year + 2


@pytest.mark.parametrize(("staff", "allowed"), [(7, False), (8, True)])
def test_no_board_in_an_agency_of_seven_staff_or_fewer(
    tree, root_admin, province_officer, staff, allowed
):
    agency = unit_actions.create_unit(
        by=root_admin,
        parent=tree.bloc,
        name="Ban Quản lý dự án",
        kind=UnitKind.AGENCY,
        staff_count=staff,
    )
    if allowed:
        assert make_board(province_officer, agency, kind=BoardKind.AGENCY).pk
    else:
        with pytest.raises(ValidationError) as refused:
            make_board(province_officer, agency, kind=BoardKind.AGENCY)
        assert "7 người trở xuống" in " ".join(refused.value.message_dict["unit"])


def test_an_agency_whose_staff_dropped_cannot_have_its_board_recognised(
    tree, root_admin, province_officer
):
    board = make_board(province_officer, tree.office, kind=BoardKind.AGENCY, members=3)
    tree.office.staff_count = 6
    tree.office.save()
    board.refresh_from_db()

    with pytest.raises(ValidationError) as refused:
        recognise(board, province_officer)
    assert "unit" in refused.value.message_dict


def test_the_head_of_the_agency_cannot_be_a_member(tree, province_officer):
    board = make_board(province_officer, tree.office, kind=BoardKind.AGENCY, members=3)
    actions.add_member(
        board,
        by=province_officer,
        full_name="Chánh Văn phòng",
        position=Position.MEMBER,
        is_unit_leader=True,
    )

    assert "unit_leader" in codes(board)
    with pytest.raises(ValidationError) as refused:
        recognise(board, province_officer)
    assert "kế toán trưởng" in " ".join(refused.value.message_dict["members"])


def test_an_agency_board_belongs_to_an_agency(tree, commune_officer):
    with pytest.raises(ValidationError) as refused:
        make_board(commune_officer, tree.commune, kind=BoardKind.AGENCY)
    assert "unit" in refused.value.message_dict


# --- Investment board and the rule set --------------------------------------------------------


def test_an_investment_board_needs_five_members_and_a_project(tree, commune_officer):
    board = make_board(commune_officer, tree.commune, kind=BoardKind.INVESTMENT, members=4)
    assert "too_few_members" in codes(board)
    add_members(board, commune_officer, 1, start=4)
    assert recognise(board, commune_officer).status == BoardStatus.ACTIVE

    with pytest.raises(ValidationError) as refused:
        make_board(commune_officer, tree.commune, kind=BoardKind.INVESTMENT, project_name=" ")
    assert "project_name" in refused.value.message_dict


def test_a_project_has_one_supervision_board(tree, commune_officer):
    make_board(commune_officer, tree.commune, kind=BoardKind.INVESTMENT)
    with pytest.raises(ValidationError) as refused:
        make_board(
            commune_officer,
            tree.commune,
            kind=BoardKind.INVESTMENT,
            project_name="duong be tong lien thon dong - tay",
        )
    assert "project_name" in refused.value.message_dict


def test_two_heads_are_refused(tree, province_officer):
    board = make_board(province_officer, tree.office, kind=BoardKind.AGENCY, members=3)
    actions.add_member(board, by=province_officer, full_name="Người thứ tư", position="head")
    assert "several_heads" in codes(board)


def test_an_administrator_may_change_the_minimum(tree, villages, commune_officer):
    CompositionRule.objects.filter(kind=BoardKind.COMMUNE).update(min_members=3)
    board = make_board(commune_officer, tree.commune, members=3, communities=villages)

    assert "too_few_members" not in codes(board)
