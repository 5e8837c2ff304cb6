"""A committee's work through the API: seat members, assign follow-ups, record what was found."""

import datetime as dt

from coso.units import actions
from coso.units.models import FollowUpNote


def test_from_seat_to_follow_up_note(client, tree, committee, province_officer, citizen):
    client.force_login(province_officer)

    # given a new member seated on the province committee
    seat = client.post(
        f"/api/v1/committees/{committee.pk}/members",
        {"user_id": citizen.pk, "position": "deputy", "title": "Phó Trưởng ban"},
        content_type="application/json",
    )
    assert seat.status_code == 201
    # and assigned to follow the other commune
    follow = client.post(
        f"/api/v1/committee-members/{seat.json()['id']}/follows",
        {"unit_id": tree.other_commune.pk},
        content_type="application/json",
    )
    assert follow.status_code == 201
    assert follow.json()["unit_name"] == "Phường Quy Nhơn"

    # when the member records a visit
    client.force_login(citizen)
    note = client.post(
        f"/api/v1/follows/{follow.json()['id']}/notes",
        {"visited_on": "2024-05-02", "findings": "Đã tổ chức hội nghị nhân dân."},
        content_type="application/json",
    )

    # then the note is kept for the unit, and the committee shows who follows what
    assert note.status_code == 201
    assert FollowUpNote.objects.get().unit == tree.other_commune
    client.force_login(province_officer)
    members = client.get(f"/api/v1/committees/{committee.pk}").json()["members"]
    followed = {m["user"]["id"]: [f["unit_id"] for f in m["follows"]] for m in members}
    assert followed[citizen.pk] == [tree.other_commune.pk]


def test_a_second_head_is_refused_with_the_field(client, committee, province_officer, citizen):
    client.force_login(province_officer)
    body = {"user_id": province_officer.pk, "position": "head"}
    assert (
        client.post(
            f"/api/v1/committees/{committee.pk}/members", body, content_type="application/json"
        ).status_code
        == 201
    )

    response = client.post(
        f"/api/v1/committees/{committee.pk}/members",
        {"user_id": citizen.pk, "position": "head"},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "position" in response.json()["detail"]


def test_a_note_dated_in_the_future_is_refused(client, committee_member):
    client.force_login(committee_member)
    follow = committee_member.committee_seats.get().follows.get()
    tomorrow = dt.date.today() + dt.timedelta(days=2)

    response = client.post(
        f"/api/v1/follows/{follow.pk}/notes",
        {"visited_on": tomorrow.isoformat(), "findings": "Đã kiểm tra."},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "visited_on" in response.json()["detail"]
    assert not FollowUpNote.objects.exists()


def test_committee_detail_queries_do_not_grow_with_members(
    client, tree, committee, province_officer, personas, django_assert_num_queries
):
    for person in (personas.citizen, personas.employee, personas.commune_officer):
        seat = actions.add_committee_member(
            committee, by=province_officer, user=person, position="member"
        )
        actions.assign_follow(seat, by=province_officer, unit=tree.other_commune)
    client.force_login(province_officer)

    # session, user, committee, roles, members with their users, follows with their units
    with django_assert_num_queries(6):
        response = client.get(f"/api/v1/committees/{committee.pk}")

    assert len(response.json()["members"]) == 4
