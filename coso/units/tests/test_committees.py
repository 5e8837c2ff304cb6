"""Steering committees: create, seat members, assign units to follow, record follow-ups."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.units import actions
from coso.units.models import (
    CommitteePosition,
    FollowAssignment,
    FollowUpNote,
    SteeringCommittee,
    User,
)


def _person(username: str, full_name: str) -> User:
    return User.objects.create_user(username=username, password="x", full_name=full_name)


def test_province_officer_creates_a_committee(login, tree, province_officer):
    response = login(province_officer).post(
        reverse("units:committee_create", args=[tree.commune.pk]),
        {"name": "Ban Chỉ đạo xã Thanh Miện", "established_on": "05/01/2024"},
    )

    committee = SteeringCommittee.objects.get(name="Ban Chỉ đạo xã Thanh Miện")
    assert response.status_code == 302
    assert committee.unit == tree.commune
    assert committee.established_on == dt.date(2024, 1, 5)


def test_committee_list_shows_the_committee(login, tree, committee, committee_member):
    response = login(committee_member).get(reverse("units:committees", args=[tree.province.pk]))

    assert "Ban Chỉ đạo thực hiện dân chủ ở cơ sở tỉnh" in response.content.decode()


def test_members_are_listed_head_then_deputies_then_members(
    login, tree, committee, committee_member, province_officer
):
    # given a deputy and a head seated after the member
    for username, name, position in [
        ("pho", "Phó Ban Một", CommitteePosition.DEPUTY),
        ("truong", "Trưởng Ban Một", CommitteePosition.HEAD),
    ]:
        actions.add_committee_member(
            committee, by=province_officer, user=_person(username, name), position=position
        )

    # when
    page = (
        login(province_officer)
        .get(reverse("units:committee", args=[committee.pk]))
        .content.decode()
    )

    # then
    assert page.index("Trưởng Ban Một") < page.index("Phó Ban Một") < page.index("Vũ Văn Ủy Viên")
    assert "Trưởng ban" in page and "Phó Trưởng ban" in page


def test_adding_a_member_through_the_page(login, tree, committee, province_officer, citizen):
    response = login(province_officer).post(
        reverse("units:member_add", args=[committee.pk]),
        {"username": "congdan", "position": CommitteePosition.MEMBER, "title": "Ủy viên"},
    )

    assert response.status_code == 302
    assert committee.members.filter(user=citizen).exists()


def test_a_second_head_is_a_field_error(login, tree, committee, province_officer, snapshot):
    actions.add_committee_member(
        committee, by=province_officer, user=_person("truong", "Trưởng Ban"), position="head"
    )
    _person("truong2", "Trưởng Ban Hai")
    before = snapshot()

    response = login(province_officer).post(
        reverse("units:member_add", args=[committee.pk]),
        {"username": "truong2", "position": CommitteePosition.HEAD},
    )

    assert response.status_code == 200
    assert "Ban Chỉ đạo này đã có Trưởng ban." in response.content.decode()
    assert snapshot() == before


def test_assigning_a_unit_to_follow(login, tree, committee, seat, province_officer):
    response = login(province_officer).post(
        reverse("units:follow_assign", args=[seat.pk]),
        {"unit": tree.other_commune.pk, "assigned_on": "01/02/2024"},
    )

    assert response.status_code == 302
    assignment = FollowAssignment.objects.get(member=seat, unit=tree.other_commune)
    assert assignment.assigned_on == dt.date(2024, 2, 1)


def test_following_a_unit_outside_the_committee_is_refused(
    login, tree, root_admin, committee, seat, admin, snapshot
):
    # given a unit beside the province, under the root
    outside = actions.create_unit(
        by=root_admin, parent=tree.central, name="Tỉnh Khác", kind="province"
    )
    before = snapshot()

    response = login(admin).post(
        reverse("units:follow_assign", args=[seat.pk]), {"unit": outside.pk}
    )

    assert response.status_code == 200
    assert "unit" in response.context["form"].errors
    assert snapshot() == before


def test_member_records_a_follow_up_and_sees_it(login, tree, committee_member, follow):
    client = login(committee_member)

    response = client.post(
        reverse("units:assignment", args=[follow.pk]),
        {
            "visited_on": "02/03/2024",
            "findings": "Xã đã niêm yết công khai kế hoạch",
            "recommendations": "Bổ sung biên bản",
        },
        follow=True,
    )

    note = FollowUpNote.objects.get()
    assert note.author == committee_member and note.unit == tree.commune
    page = response.content.decode()
    assert "Xã đã niêm yết công khai kế hoạch" in page
    assert "02/03/2024" in page


def test_my_followed_units_show_the_latest_note_date(login, tree, committee_member, follow):
    actions.record_follow_up(
        follow, by=committee_member, visited_on=dt.date(2024, 3, 2), findings="Lần 1"
    )
    actions.record_follow_up(
        follow, by=committee_member, visited_on=dt.date(2024, 5, 9), findings="Lần 2"
    )

    response = login(committee_member).get(reverse("units:my_follows"))

    page = response.content.decode()
    assert "Đơn vị tôi phụ trách" in page
    assert "Xã Thanh Miện" in page
    assert "09/05/2024" in page
    assert "02/03/2024" not in page


def test_ending_an_assignment_removes_it_from_my_units(
    login, tree, committee_member, follow, province_officer
):
    login(province_officer).post(
        reverse("units:follow_end", args=[follow.pk]), {"ended_on": "30/06/2024"}
    )
    follow.refresh_from_db()

    page = login(committee_member).get(reverse("units:my_follows")).content.decode()

    assert follow.ended_on == dt.date(2024, 6, 30)
    assert "Bạn chưa được phân công phụ trách đơn vị nào." in page


def test_no_follow_up_on_an_ended_assignment(login, tree, committee_member, follow, admin):
    actions.end_follow(follow, by=admin, ended_on=dt.date(2024, 6, 30))

    response = login(committee_member).post(
        reverse("units:assignment", args=[follow.pk]),
        {"visited_on": "01/07/2024", "findings": "Muộn"},
    )

    assert response.status_code == 403
    assert not FollowUpNote.objects.exists()
