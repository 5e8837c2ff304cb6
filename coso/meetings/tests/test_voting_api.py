"""The voting API calls the same access checks and actions as the pages."""

from __future__ import annotations

import json

import pytest

from coso.meetings import voting
from coso.meetings.models import Motion, MotionBallot, VoteMethod, VoteStatus

from .voting_support import in_progress, present, voter

API = "/api/v1/meetings"


def _post(client, url, data=None):
    return client.post(url, json.dumps(data or {}), content_type="application/json")


@pytest.fixture
def meeting(tree):
    meeting = in_progress(tree.office)
    present(meeting, 10)
    return meeting


def test_an_officer_runs_a_show_of_hands_through_the_api(client, province_officer, meeting):
    client.force_login(province_officer)
    created = _post(client, f"{API}/{meeting.pk}/motions", {"title": "Thông qua Quy chế"})
    assert created.status_code == 201
    motion_id = created.json()["id"]
    assert _post(client, f"{API}/motions/{motion_id}/open").json()["status"] == "open"
    too_many = _post(client, f"{API}/motions/{motion_id}/hands", {"yes": 9, "no": 2, "abstain": 0})
    assert too_many.status_code == 400 and "yes" in too_many.json()["detail"]
    counted = _post(client, f"{API}/motions/{motion_id}/hands", {"yes": 6, "no": 4, "abstain": 0})
    assert counted.json()["yes"] == 6
    closed = _post(client, f"{API}/motions/{motion_id}/close").json()
    assert closed["status"] == "closed" and closed["adopted"] is True
    assert closed["present_at_close"] == 10 and closed["convened_at_close"] == 12
    listed = client.get(f"{API}/{meeting.pk}/votes").json()
    assert [m["id"] for m in listed["motions"]] == [motion_id]


def test_a_participant_votes_once_and_the_counts_stay_hidden_until_closed(
    client, province_officer, meeting
):
    motion = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Bầu", method=VoteMethod.BALLOT),
        by=province_officer,
    )
    client.force_login(voter(meeting, "an"))
    first = _post(client, f"{API}/motions/{motion.pk}/ballots", {"choice": "yes"})
    assert first.status_code == 201 and "yes" not in json.dumps(first.json())
    second = _post(client, f"{API}/motions/{motion.pk}/ballots", {"choice": "no"})
    assert second.status_code == 409
    shown = client.get(f"{API}/{meeting.pk}/votes").json()["motions"][0]
    assert shown["yes"] is None and shown["no"] is None
    assert MotionBallot.objects.count() == 1


def test_a_wrong_choice_answers_422_and_saves_nothing(client, province_officer, meeting):
    motion = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Bầu", method=VoteMethod.BALLOT),
        by=province_officer,
    )
    client.force_login(voter(meeting, "an"))
    answer = _post(client, f"{API}/motions/{motion.pk}/ballots", {"choice": "maybe"})
    assert answer.status_code == 422
    assert not MotionBallot.objects.exists()


def test_closing_without_quorum_answers_400(client, tree, province_officer):
    meeting = in_progress(tree.office)
    present(meeting, 3)
    motion = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Thông qua"), by=province_officer
    )
    client.force_login(province_officer)
    answer = _post(client, f"{API}/motions/{motion.pk}/close")
    assert answer.status_code == 400
    assert Motion.objects.get(pk=motion.pk).status == VoteStatus.OPEN


def test_others_get_403_or_404(client, province_officer, employee, commune_officer, meeting):
    motion = voting.add_motion(meeting, by=province_officer, title="Thông qua")
    client.force_login(employee)
    assert _post(client, f"{API}/motions/{motion.pk}/open").status_code == 403
    assert client.get(f"{API}/{meeting.pk}/votes").status_code == 200
    client.force_login(commune_officer)
    assert _post(client, f"{API}/motions/{motion.pk}/open").status_code == 404
    assert client.get(f"{API}/{meeting.pk}/votes").status_code == 404
    assert client.get(f"{API}/motions/{motion.pk}/not-voted").status_code == 404


def test_an_election_through_the_api(client, province_officer, meeting):
    client.force_login(province_officer)
    election = _post(
        client,
        f"{API}/{meeting.pk}/elections",
        {"title": "Bầu Ban TTND", "seats": 3, "board_kind": "agency", "method": "ballot"},
    ).json()
    refused = _post(
        client,
        f"{API}/elections/{election['id']}/candidates",
        {"full_name": "Chánh Văn phòng", "is_unit_leader": True},
    )
    assert refused.status_code == 400 and "is_unit_leader" in refused.json()["detail"]
    ids = [
        _post(client, f"{API}/elections/{election['id']}/candidates", {"full_name": name}).json()[
            "id"
        ]
        for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung")
    ]
    assert _post(client, f"{API}/elections/{election['id']}/open").status_code == 200
    people = [voter(meeting, f"v{n}") for n in range(3)]
    for user in people:
        client.force_login(user)
        too_many = _post(
            client, f"{API}/elections/{election['id']}/ballots", {"candidate_ids": ids}
        )
        assert too_many.status_code == 400
        cast = _post(
            client, f"{API}/elections/{election['id']}/ballots", {"candidate_ids": ids[:3]}
        )
        assert cast.status_code == 201
    client.force_login(province_officer)
    waiting = client.get(f"{API}/elections/{election['id']}/not-voted").json()
    assert len(waiting) == 10  # the 10 present without accounts
    closed = _post(client, f"{API}/elections/{election['id']}/close").json()
    # 3 of 13 present voted: 3 votes each is more than half of 3 valid ballots
    assert closed["ballots_cast"] == 3
    assert sorted(c["votes"] for c in closed["candidates"]) == [0, 3, 3, 3]
    board = _post(client, f"{API}/elections/{election['id']}/board")
    assert board.status_code == 201


def test_one_motion_election_or_candidate_is_read_by_who_sees_the_meeting(
    client, province_officer, employee, citizen, meeting
):
    motion = voting.add_motion(meeting, by=province_officer, title="Thông qua")
    election = voting.add_election(meeting, by=province_officer, title="Bầu", seats=1)
    candidate = voting.add_candidate(election, by=province_officer, full_name="Nguyễn Văn An")
    urls = [
        f"{API}/motions/{motion.pk}",
        f"{API}/elections/{election.pk}",
        f"{API}/candidates/{candidate.pk}",
    ]
    client.force_login(employee)
    assert [client.get(url).status_code for url in urls] == [200, 200, 200]
    assert client.get(urls[1]).json()["warnings"] == []
    client.force_login(citizen)
    assert [client.get(url).status_code for url in urls] == [404, 404, 404]
