"""The JSON API of the hold part: the same rules as the pages, errors as {"detail": ...}."""

from __future__ import annotations

from coso.meetings.models import MeetingStatus, Motion, VoteStatus

from .conftest import make_meeting, seat
from .test_hold_actions import meeting_today, open_today

API = "/api/v1/meetings"


def test_the_api_opens_checks_in_and_ends_a_meeting(tree, province_officer, login):
    meeting = meeting_today(tree.office, participants=3)
    people = list(meeting.participants.all())
    client = login(province_officer)

    opened = client.post(f"{API}/{meeting.pk}/open")
    first = client.post(f"{API}/participants/{people[0].pk}/check-in")
    by_code = client.post(
        f"{API}/{meeting.pk}/check-in-by-code",
        {"code": people[1].code},
        content_type="application/json",
    )
    attendance = client.get(f"{API}/{meeting.pk}/attendance").json()
    ended = client.post(f"{API}/{meeting.pk}/end")

    assert opened.status_code == 200 and opened.json()["status"] == MeetingStatus.IN_PROGRESS
    assert first.json()["present"] is True and first.json()["checkin_method"] == "list"
    assert by_code.json()["id"] == people[1].pk and by_code.json()["checkin_method"] == "code"
    assert attendance["present"] == 2 and attendance["convened"] == 3
    assert attendance["needed"] == 2 and attendance["has_quorum"] is True
    assert ended.json()["status"] == MeetingStatus.HELD


def test_the_api_lists_check_ins_for_the_secretary_only(tree, province_officer, employee, login):
    meeting = open_today(tree.office, participants=3)

    listed = login(province_officer).get(f"{API}/{meeting.pk}/check-in")
    refused = login(employee).get(f"{API}/{meeting.pk}/check-in")

    assert [p["full_name"] for p in listed.json()] == [
        "Lê Văn Cường",
        "Nguyễn Văn An",
        "Trần Thị Bình",
    ]
    assert refused.status_code == 403


def test_the_api_refuses_in_vietnamese_and_changes_nothing(tree, province_officer, login):
    meeting = open_today(tree.office, participants=3)
    Motion.objects.create(meeting=meeting, title="Quy chế dân chủ", status=VoteStatus.OPEN)
    person = meeting.participants.first()
    client = login(province_officer)
    client.post(f"{API}/participants/{person.pk}/check-in")

    twice = client.post(f"{API}/participants/{person.pk}/check-in")
    wrong_code = client.post(
        f"{API}/{meeting.pk}/check-in-by-code", {"code": "SAI"}, content_type="application/json"
    )
    end = client.post(f"{API}/{meeting.pk}/end")

    assert twice.status_code == 400
    assert "đã được điểm danh lúc" in twice.json()["detail"]["__all__"][0]
    assert wrong_code.status_code == 400 and "SAI" in wrong_code.json()["detail"]["code"][0]
    assert end.status_code == 400 and "Quy chế dân chủ" in end.json()["detail"]["__all__"][0]
    assert meeting.participants.filter(checked_in_at__isnull=False).count() == 1


def test_the_api_checks_in_with_the_qr_token(tree, employee, citizen, login):
    meeting = open_today(tree.office, participants=3)
    mine = seat(meeting, employee)

    checked = login(employee).post(f"{API}/check-in/{meeting.checkin_token}")
    stranger = login(citizen).post(f"{API}/check-in/{meeting.checkin_token}")
    unknown = login(citizen).post(f"{API}/check-in/khong-co")

    assert checked.json()["id"] == mine.pk and checked.json()["checkin_method"] == "qr"
    assert stranger.status_code == 400
    assert "không có tên trong danh sách" in stranger.json()["detail"]["__all__"][0]
    assert unknown.status_code == 404


def test_the_api_hides_other_units_meetings(tree, commune_officer, employee, login):
    meeting = make_meeting(tree.office, status=MeetingStatus.IN_PROGRESS, participants=2)
    person = meeting.participants.first()

    hidden = login(commune_officer).get(f"{API}/{meeting.pk}/attendance")
    refused = login(employee).post(f"{API}/participants/{person.pk}/check-in")
    huge = login(employee).get(f"{API}/{'9' * 25}/attendance")

    assert hidden.status_code == 404
    assert refused.status_code == 403
    assert huge.status_code in (404, 422)
    person.refresh_from_db()
    assert not person.is_present


def test_the_api_needs_a_session(tree, client):
    meeting = open_today(tree.office, participants=1)

    assert client.get(f"{API}/{meeting.pk}/attendance").status_code == 401
    assert client.post(f"{API}/check-in/{meeting.checkin_token}").status_code == 401
