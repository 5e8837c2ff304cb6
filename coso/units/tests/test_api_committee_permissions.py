"""Steering committees through the API: every persona × read / create / change."""

import datetime as dt

import pytest

from conftest import PERSONAS, client_as
from coso.core.models import AuditEntry
from coso.units import actions
from coso.units.models import (
    CommitteeMember,
    CommitteePosition,
    FollowAssignment,
    FollowUpNote,
    SteeringCommittee,
)

READ = {
    "admin": 200,
    "province_officer": 200,
    "commune_officer": 200,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 200,
    "citizen": 404,
    "anonymous": 401,
}
# Committees are managed by steering officers (and administrators) over the unit.
MANAGE = {
    "admin": 201,
    "province_officer": 201,
    "commune_officer": 403,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 403,
    "citizen": 404,
    "anonymous": 401,
}
# A follow-up note is written by the member who follows the unit, or a steering officer.
NOTE = {
    "admin": 201,
    "province_officer": 201,
    "commune_officer": 404,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 201,
    "citizen": 404,
    "anonymous": 401,
}


@pytest.fixture
def commune_committee(tree, personas) -> SteeringCommittee:
    return actions.create_committee(
        by=personas.province_officer,
        unit=tree.commune,
        name="Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Thanh Miện",
        established_on=dt.date(2024, 2, 1),
    )


@pytest.fixture
def commune_seat(commune_committee, personas) -> CommitteeMember:
    return actions.add_committee_member(
        commune_committee,
        by=personas.province_officer,
        user=personas.commune_officer,
        position=CommitteePosition.HEAD,
    )


def _state() -> tuple[int, ...]:
    return (
        SteeringCommittee.objects.count(),
        CommitteeMember.objects.count(),
        FollowAssignment.objects.count(),
        FollowUpNote.objects.count(),
        AuditEntry.objects.count(),
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_read_committee_with_members(client, personas, commune_seat, persona):
    api = client_as(client, personas, persona)

    response = api.get(f"/api/v1/committees/{commune_seat.committee_id}")

    assert response.status_code == READ[persona]
    if response.status_code == 200:
        body = response.json()
        assert body["name"] == "Ban Chỉ đạo thực hiện dân chủ ở cơ sở xã Thanh Miện"
        assert body["established_on"] == "2024-02-01"
        assert [m["user"]["name"] for m in body["members"]] == ["Lê Văn Xã"]
        assert body["members"][0]["position"] == "head"


@pytest.mark.parametrize("persona", PERSONAS)
def test_list_committees_of_a_unit(client, personas, tree, commune_committee, persona):
    api = client_as(client, personas, persona)

    response = api.get(f"/api/v1/units/{tree.commune.pk}/committees")

    assert response.status_code == READ[persona]
    if response.status_code == 200:
        assert [c["id"] for c in response.json()] == [commune_committee.pk]


@pytest.mark.parametrize("persona", PERSONAS)
def test_create_committee(client, personas, tree, persona):
    api = client_as(client, personas, persona)
    before = _state()

    response = api.post(
        f"/api/v1/units/{tree.commune.pk}/committees",
        {"name": "Ban Chỉ đạo xã", "decision_number": "12/QĐ-UBND", "established_on": "2024-03-01"},
        content_type="application/json",
    )

    assert response.status_code == MANAGE[persona]
    if response.status_code == 201:
        committee = SteeringCommittee.objects.get(pk=response.json()["id"])
        assert committee.unit_id == tree.commune.pk
        assert committee.established_on == dt.date(2024, 3, 1)
    else:
        assert "detail" in response.json()
        assert _state() == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_seat_a_member(client, personas, commune_committee, persona):
    api = client_as(client, personas, persona)
    before = _state()

    response = api.post(
        f"/api/v1/committees/{commune_committee.pk}/members",
        {"user_id": personas.citizen.pk, "position": "member", "title": "Ủy viên"},
        content_type="application/json",
    )

    assert response.status_code == MANAGE[persona]
    if response.status_code == 201:
        assert commune_committee.members.get().user == personas.citizen
        assert response.json()["user"]["id"] == personas.citizen.pk
    else:
        assert _state() == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_assign_follow(client, personas, tree, commune_seat, persona):
    api = client_as(client, personas, persona)
    before = _state()

    response = api.post(
        f"/api/v1/committee-members/{commune_seat.pk}/follows",
        {"unit_id": tree.village.pk, "assigned_on": "2024-03-05"},
        content_type="application/json",
    )

    assert response.status_code == MANAGE[persona]
    if response.status_code == 201:
        follow = FollowAssignment.objects.get(pk=response.json()["id"])
        assert (follow.member, follow.unit) == (commune_seat, tree.village)
    else:
        assert _state() == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_record_follow_up_note(client, personas, persona):
    # given the committee member follows Xã Thanh Miện
    follow = FollowAssignment.objects.get(member__user=personas.committee_member)
    api = client_as(client, personas, persona)
    before = _state()

    response = api.post(
        f"/api/v1/follows/{follow.pk}/notes",
        {"visited_on": "2024-04-10", "findings": "Xã đã niêm yết công khai kế hoạch."},
        content_type="application/json",
    )

    assert response.status_code == NOTE[persona]
    if response.status_code == 201:
        note = FollowUpNote.objects.get(pk=response.json()["id"])
        assert note.unit_id == follow.unit_id
        assert note.author == getattr(personas, persona)
    else:
        assert _state() == before
