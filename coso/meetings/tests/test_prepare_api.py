"""The JSON API of preparing a meeting: same rules and permissions as the pages, errors as
{"detail": ...} in Vietnamese."""

from __future__ import annotations

import datetime as dt

from coso.core.dates import format_date, today
from coso.meetings.models import KindCode, Meeting, MeetingStatus, ParticipantRole

from .conftest import make_meeting, seat

API = "/api/v1"


def _start(days: int) -> str:
    return f"{(today() + dt.timedelta(days=days)).isoformat()}T08:00:00+07:00"


def test_an_officer_creates_prepares_and_notices_a_meeting(tree, province_officer, employee, login):
    client = login(province_officer)
    response = client.post(
        f"{API}/meetings/",
        {"unit_id": tree.office.pk, "kind": KindCode.OFFICIALS_CONFERENCE, "starts_at": _start(20)},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    meeting_id = body["id"]
    assert body["status"] == MeetingStatus.DRAFT
    assert "Điều 51" in body["citation"]
    assert body["latest_notice_day"] == (today() + dt.timedelta(days=13)).isoformat()
    response = client.post(
        f"{API}/meetings/{meeting_id}/agenda",
        {"title": "Báo cáo tổng kết"},
        content_type="application/json",
    )
    assert response.status_code == 201
    response = client.post(
        f"{API}/meetings/{meeting_id}/participants/staff", {}, content_type="application/json"
    )
    assert response.status_code == 201
    assert [p["full_name"] for p in response.json()] == [employee.display_name]
    response = client.post(
        f"{API}/meetings/{meeting_id}/participants",
        {"full_name": "Khách", "role": ParticipantRole.GUEST},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["is_convened"] is False
    response = client.post(
        f"{API}/meetings/{meeting_id}/notice", {}, content_type="application/json"
    )
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == MeetingStatus.NOTICED
    assert body["convened"] == 1 and body["guests"] == 1
    assert body["agenda"][0]["title"] == "Báo cáo tổng kết"


def test_a_meeting_too_soon_for_its_notice_answers_400_in_vietnamese(tree, province_officer, login):
    response = login(province_officer).post(
        f"{API}/meetings/",
        {"unit_id": tree.office.pk, "kind": KindCode.OFFICIALS_CONFERENCE, "starts_at": _start(2)},
        content_type="application/json",
    )
    assert response.status_code == 400
    message = response.json()["detail"]["starts_at"][0]
    assert format_date(today() + dt.timedelta(days=7)) in message
    assert "thông báo" in message
    assert not Meeting.objects.exists()


def test_the_list_filters_and_hides_other_units(tree, commune_officer, login):
    mine = make_meeting(
        tree.commune, code=KindCode.COMMUNE_DIALOGUE, title="Đối thoại với Nhân dân"
    )
    make_meeting(tree.other_commune, code=KindCode.COMMUNE_DIALOGUE)
    client = login(commune_officer)
    response = client.get(f"{API}/meetings/", {"q": "doi thoai nhan dan"})
    assert [m["id"] for m in response.json()["items"]] == [mine.pk]
    response = client.get(f"{API}/meetings/", {"status": "held"})
    assert response.json()["count"] == 0


def test_reading_and_changing_follow_the_pages_rules(
    office_meeting, employee, commune_officer, login
):
    url = f"{API}/meetings/{office_meeting.pk}"
    assert login(commune_officer).get(url).status_code == 404
    client = login(employee)
    assert client.get(url).status_code == 200
    response = client.patch(url, {"venue": "Phòng họp 3"}, content_type="application/json")
    assert response.status_code == 403
    assert client.get(f"{url}/participants").status_code == 403
    assert Meeting.objects.get(pk=office_meeting.pk).venue == "Hội trường tầng 2"


def test_a_participant_sends_a_question_and_sees_only_their_own(
    office_meeting, employee, secretary, login
):
    seat(office_meeting, employee)
    seat(office_meeting, secretary)
    login(secretary).post(
        f"{API}/meetings/{office_meeting.pk}/questions",
        {"text": "Câu hỏi của người khác"},
        content_type="application/json",
    )
    client = login(employee)
    response = client.post(
        f"{API}/meetings/{office_meeting.pk}/questions",
        {"text": "Về phụ cấp"},
        content_type="application/json",
    )
    assert response.status_code == 201
    response = client.get(f"{API}/meetings/{office_meeting.pk}/questions")
    assert [q["text"] for q in response.json()] == ["Về phụ cấp"]
    response = client.post(
        f"{API}/meetings/{office_meeting.pk}/questions",
        {"text": ""},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "text" in response.json()["detail"]


def test_patch_moves_the_meeting_and_keeps_the_rest(office_meeting, province_officer, login):
    client = login(province_officer)
    response = client.patch(
        f"{API}/meetings/{office_meeting.pk}",
        {"starts_at": _start(30), "venue": "Phòng họp 3"},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    office_meeting.refresh_from_db()
    assert office_meeting.venue == "Phòng họp 3"
    assert office_meeting.title
