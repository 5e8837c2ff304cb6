"""The follow-up API: commitments listed, added, corrected, done and dropped; the outcome;
questions followed as feedback; the minutes published and downloaded; the pages' permissions
and Vietnamese refusals."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from docx import Document

from coso.core.dates import today
from coso.feedback.models import FeedbackKind
from coso.meetings.models import Commitment, MeetingStatus
from coso.meetings.tests.test_followup_world import held_meeting

API = "/api/v1/meetings"
JSON = "application/json"


@pytest.fixture
def world(tree, province_officer, secretary):
    return held_meeting(tree, by=province_officer, secretary=secretary)


def test_commitments_are_added_corrected_and_closed(login, world, tree, province_officer):
    client = login(province_officer)
    due = (today() + dt.timedelta(days=15)).isoformat()

    added = client.post(
        f"{API}/{world.meeting.pk}/commitments",
        {"text": "Lắp camera", "owner_unit_id": tree.department.pk, "due_on": due},
        content_type=JSON,
    )
    assert added.status_code == 201 and added.json()["owner_unit_name"] == tree.department.name
    pk = added.json()["id"]
    corrected = client.put(
        f"{API}/commitments/{pk}",
        {"text": "Lắp camera cổng", "owner_unit_id": tree.office.pk, "due_on": due},
        content_type=JSON,
    )
    assert corrected.json()["text"] == "Lắp camera cổng"
    done = client.post(f"{API}/commitments/{pk}/done", {"result": "Đã lắp."}, content_type=JSON)
    assert done.json()["status"] == "done" and done.json()["status_label"] not in ("", "Done")
    dropped = client.post(
        f"{API}/commitments/{world.commitment.pk}/drop", {"reason": "Thôi"}, content_type=JSON
    )
    assert dropped.json()["status"] == "dropped"


def test_the_overdue_filter_and_a_units_subtree(login, world, tree, province_officer):
    Commitment.objects.create(
        meeting=world.meeting,
        text="Việc trễ",
        owner_unit=tree.office,
        due_on=today() - dt.timedelta(days=1),
    )
    client = login(province_officer)

    overdue = client.get(f"{API}/commitments/?state=overdue").json()
    assert [c["text"] for c in overdue["items"]] == ["Việc trễ"] and overdue["items"][0]["overdue"]
    below = client.get(f"{API}/commitments/?unit_id={tree.department.pk}").json()
    assert [c["text"] for c in below["items"]] == ["Bố trí thêm chỗ để xe"]
    assert client.get(f"{API}/commitments/?state=late").status_code == 422


def test_bad_input_answers_400_in_vietnamese_and_saves_nothing(
    login, world, tree, province_officer
):
    client = login(province_officer)
    before = Commitment.objects.count()

    refused = client.post(
        f"{API}/{world.meeting.pk}/commitments",
        {"text": "Việc", "owner_unit_id": tree.commune.pk, "due_on": "2020-01-01"},
        content_type=JSON,
    )

    assert refused.status_code == 400
    assert "owner_unit" in refused.json()["detail"] or "due_on" in refused.json()["detail"]
    assert Commitment.objects.count() == before
    missing = client.post(
        f"{API}/{world.meeting.pk}/commitments",
        {"text": "Việc", "owner_unit_id": 999999999, "due_on": "2099-01-01"},
        content_type=JSON,
    )
    assert missing.status_code == 400
    assert "đơn vị chịu trách nhiệm" in missing.json()["detail"]["owner_unit"][0]


def test_outcome_questions_and_minutes(login, world, province_officer):
    client = login(province_officer)
    meeting = world.meeting

    saved = client.post(
        f"{API}/{meeting.pk}/outcome", {"discussion": "Mới", "conclusions": ""}, content_type=JSON
    )
    assert saved.status_code == 200 and saved.json()["discussion"] == "Mới"
    reflection = FeedbackKind.objects.get(code="reflection")
    one = client.post(
        f"{API}/questions/{world.raised.pk}/forward",
        {"feedback_kind_id": reflection.pk},
        content_type=JSON,
    )
    assert one.status_code == 200 and one.json()["tracking_code"]
    rest = client.post(f"{API}/{meeting.pk}/questions/forward", {}, content_type=JSON).json()
    assert [r["question_id"] for r in rest] == [world.ahead.pk]
    again = client.post(f"{API}/questions/{world.raised.pk}/forward", {}, content_type=JSON)
    assert again.status_code == 400 and "đã được theo dõi" in again.json()["detail"]["__all__"][0]

    published = client.post(f"{API}/{meeting.pk}/minutes/publish", {}, content_type=JSON)
    assert published.json()["status"] == MeetingStatus.CLOSED
    minutes = client.get(f"{API}/{meeting.pk}/documents/minutes.docx")
    assert minutes.status_code == 200
    text = "\n".join(p.text for p in Document(io.BytesIO(minutes.content)).paragraphs)
    assert "Mới" in text
    assert client.get(f"{API}/{meeting.pk}/documents/minutes.odt").status_code == 422


def test_the_api_applies_the_pages_permissions(
    login, client, world, employee, commune_officer, secretary
):
    meeting = world.meeting
    staff = login(employee)
    assert staff.get(f"{API}/{meeting.pk}/documents/minutes.pdf").status_code == 403
    assert (
        staff.post(f"{API}/{meeting.pk}/minutes/publish", {}, content_type=JSON).status_code == 403
    )
    outsider = login(commune_officer)
    assert outsider.get(f"{API}/commitments/{world.commitment.pk}").status_code == 404
    assert (
        outsider.post(f"{API}/{meeting.pk}/minutes/publish", {}, content_type=JSON).status_code
        == 404
    )
    clerk = login(secretary)
    assert clerk.get(f"{API}/{meeting.pk}/documents/resolution.pdf").status_code == 200
    client.logout()
    assert client.get(f"{API}/commitments/").status_code == 401
