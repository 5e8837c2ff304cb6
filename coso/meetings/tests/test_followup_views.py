"""The follow-up pages: who may see and do what (every persona), the downloads of the minutes
from the meeting's page, forms refusing bad input in Vietnamese with nothing saved, the
commitments list with its overdue filter and a fixed number of queries."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from docx import Document

from conftest import PERSONAS, client_as
from coso.core.dates import today
from coso.feedback.models import Feedback
from coso.meetings.models import Commitment, CommitmentStatus, MeetingStatus
from coso.meetings.tests.conftest import make_meeting, seat
from coso.meetings.tests.test_followup_world import held_meeting


@pytest.fixture
def world(tree, province_officer, secretary):
    return held_meeting(tree, by=province_officer, secretary=secretary)


# Who reaches the provincial office's meeting: the managers above it run it; its staff and the
# province's steering committee member read it.
RUNS = {"admin", "province_officer"}
READS = RUNS | {"employee", "committee_member"}


def _expected(persona: str, allowed: set[str], *, readers: set[str] = READS) -> int:
    if persona == "anonymous":
        return 302
    if persona in allowed:
        return 200
    return 403 if persona in readers else 404


@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix_of_the_follow_up_pages(client, personas, world, persona):
    client = client_as(client, personas, persona)
    pk = world.meeting.pk
    pages = {
        reverse("meetings:followup", args=[pk]): READS,
        reverse("meetings:document", args=[pk, "minutes", "docx"]): RUNS,
        reverse("meetings:document", args=[pk, "resolution", "pdf"]): RUNS,
        reverse("meetings:followup_outcome", args=[pk]): RUNS,
        reverse("meetings:commitment_add", args=[pk]): RUNS,
        reverse("meetings:commitment", args=[world.commitment.pk]): READS,
        reverse("meetings:commitment_edit", args=[world.commitment.pk]): RUNS,
    }
    for url, allowed in pages.items():
        assert client.get(url).status_code == _expected(persona, allowed), url
    expected_list = 302 if persona == "anonymous" else 200
    assert client.get(reverse("meetings:commitments")).status_code == expected_list


@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix_of_the_follow_up_changes(client, personas, world, persona):
    client = client_as(client, personas, persona)
    c = world.commitment
    other = Commitment.objects.create(
        meeting=world.meeting, text="Việc khác", owner_unit=c.owner_unit, due_on=c.due_on
    )
    posts = [
        (reverse("meetings:commitment_done", args=[c.pk]), {"done-result": "Xong"}),
        (reverse("meetings:commitment_drop", args=[other.pk]), {"drop-reason": "Thôi"}),
        (reverse("meetings:question_forward", args=[world.raised.pk]), {}),
        (reverse("meetings:questions_forward", args=[world.meeting.pk]), {}),
        (reverse("meetings:minutes_publish", args=[world.meeting.pk]), {}),
    ]
    for url, data in posts:
        status = client.post(url, data).status_code
        if persona == "anonymous":
            assert status == 302
        elif persona in RUNS:
            assert status == 302, url  # done, then redirected back
        else:
            assert status == (403 if persona in READS else 404), url
    c.refresh_from_db()
    other.refresh_from_db()
    world.meeting.refresh_from_db()
    changed = persona in RUNS
    assert (c.status, other.status) == (("done", "dropped") if changed else ("open", "open"))
    assert (world.meeting.status == MeetingStatus.CLOSED) == changed
    assert Feedback.objects.exists() == changed


def test_the_meeting_page_offers_the_minutes_to_download_by_stable_ids(
    client, login, world, province_officer
):
    page = login(province_officer).get(reverse("meetings:followup", args=[world.meeting.pk]))

    html = page.content.decode()
    for element in ("minutes-docx", "minutes-pdf", "resolution-docx", "resolution-pdf"):
        assert f'id="{element}"' in html
    response = client.get(reverse("meetings:document", args=[world.meeting.pk, "minutes", "docx"]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert (
        'filename="bien-ban-hoi-nghi-can-bo-cong-chuc-vien-chuc-nam-2025.docx"'
        in (response["Content-Disposition"])
    )
    text = "\n".join(p.text for p in Document(io.BytesIO(response.content)).paragraphs)
    assert "Số người có mặt: 10 người" in text


def test_the_hub_page_shows_the_follow_up_section(login, world, province_officer):
    page = login(province_officer).get(reverse("meetings:detail", args=[world.meeting.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="minutes-docx"' in html and "Bố trí thêm chỗ để xe" in html


def test_staff_read_the_minutes_once_published_and_see_no_officer_buttons(login, world, employee):
    world.meeting.status = MeetingStatus.CLOSED
    world.meeting.save()
    client = login(employee)

    html = client.get(reverse("meetings:followup", args=[world.meeting.pk])).content.decode()

    assert 'id="minutes-pdf"' in html
    assert "publish-minutes" not in html and "add-commitment" not in html
    url = reverse("meetings:document", args=[world.meeting.pk, "minutes", "pdf"])
    assert client.get(url).content.startswith(b"%PDF")


def test_an_unknown_document_or_format_is_not_found(login, world, province_officer):
    client = login(province_officer)
    for document, fmt in (("minutes", "odt"), ("agenda", "pdf")):
        url = reverse("meetings:document", args=[world.meeting.pk, document, fmt])
        assert client.get(url).status_code == 404
    assert client.get("/hoi-nghi/999999999999999999999/sau-hoi-nghi/").status_code == 404


def test_a_secretary_without_a_role_runs_the_record_but_does_not_publish(login, world, secretary):
    client = login(secretary)
    pk = world.meeting.pk

    assert client.get(reverse("meetings:followup_outcome", args=[pk])).status_code == 200
    assert client.get(reverse("meetings:document", args=[pk, "minutes", "docx"])).status_code == 200
    response = client.post(reverse("meetings:minutes_publish", args=[pk]))
    assert response.status_code == 403


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"text": "", "due_on": "01/01/2099"}, "text", "bắt buộc"),
        ({"text": "Việc", "due_on": "31/02/2026"}, "due_on", "dd/mm/yyyy"),
        ({"text": "Việc", "due_on": "01/01/2020"}, "due_on", "trước ngày hội nghị"),
        ({"text": "Việc", "due_on": "01/01/2099", "owner_unit": "abc"}, "owner_unit", "Hãy chọn"),
    ],
)
def test_a_bad_commitment_form_shows_a_vietnamese_message_and_saves_nothing(
    login, world, tree, province_officer, data, field, message
):
    before = Commitment.objects.count()
    data = {"owner_unit": tree.office.pk, **data}

    response = login(province_officer).post(
        reverse("meetings:commitment_add", args=[world.meeting.pk]), data
    )

    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert Commitment.objects.count() == before


def test_adding_a_commitment_from_the_form_returns_to_the_meeting(
    login, world, tree, province_officer
):
    response = login(province_officer).post(
        reverse("meetings:commitment_add", args=[world.meeting.pk]),
        {"text": "Lắp camera", "owner_unit": tree.department.pk, "due_on": "01/01/2099"},
    )

    assert response.status_code == 302
    assert response["Location"].endswith(f"/hoi-nghi/{world.meeting.pk}/#sau-hoi-nghi")
    assert Commitment.objects.filter(text="Lắp camera", owner_unit=tree.department).exists()


def test_an_overlong_discussion_is_refused_on_the_form(login, world, province_officer):
    response = login(province_officer).post(
        reverse("meetings:followup_outcome", args=[world.meeting.pk]),
        {"discussion": "x" * 20_001, "conclusions": ""},
    )
    assert response.status_code == 400
    assert "20000" in " ".join(response.context["form"].errors["discussion"]).replace(".", "")
    world.meeting.refresh_from_db()
    assert world.meeting.discussion.startswith("Các ý kiến")


def test_marking_done_with_no_result_says_so(login, world, province_officer):
    response = login(province_officer).post(
        reverse("meetings:commitment_done", args=[world.commitment.pk]), {"done-result": ""}
    )
    assert response.status_code == 400
    assert response.context["done_form"].errors["result"]
    world.commitment.refresh_from_db()
    assert world.commitment.status == CommitmentStatus.OPEN


def test_publishing_twice_is_a_message_not_an_error(login, world, province_officer):
    client = login(province_officer)
    url = reverse("meetings:minutes_publish", args=[world.meeting.pk])
    client.post(url)

    response = client.post(url, follow=True)

    assert response.status_code == 200
    assert "Biên bản đã được công bố." in response.content.decode()


def test_commitments_list_filters_overdue_in_a_fixed_number_of_queries(
    login, world, tree, province_officer, django_assert_num_queries
):
    for n in range(3):
        late = Commitment.objects.create(
            meeting=world.meeting,
            text=f"Việc trễ {n}",
            owner_unit=tree.department,
            due_on=today() - dt.timedelta(days=n + 1),
        )
    Commitment.objects.filter(pk=late.pk).update(status=CommitmentStatus.DONE)
    client = login(province_officer)
    url = reverse("meetings:commitments") + f"?state=overdue&unit={tree.office.pk}"
    client.get(url)  # warm the session and the user's roles

    with django_assert_num_queries(7):
        response = client.get(url)

    items = list(response.context["page_obj"])
    assert [c.text for c in items] == ["Việc trễ 1", "Việc trễ 0"]
    assert response.context["counts"]["overdue"] == 2


def test_commitments_of_another_commune_stay_out_of_the_list(
    login, tree, commune_officer, other_commune_officer
):
    meeting = make_meeting(
        tree.commune, code="commune_dialogue", by=commune_officer, status=MeetingStatus.HELD
    )
    Commitment.objects.create(
        meeting=meeting, text="Sửa đường thôn Đông", owner_unit=tree.village, due_on=today()
    )

    mine = login(commune_officer).get(reverse("meetings:commitments"))
    assert [c.text for c in mine.context["page_obj"]] == ["Sửa đường thôn Đông"]
    theirs = login(other_commune_officer).get(reverse("meetings:commitments"))
    assert list(theirs.context["page_obj"]) == []


def test_a_participant_sees_feedback_codes_but_officers_get_the_link(
    login, world, province_officer, employee
):
    seat(world.meeting, employee)
    client = login(province_officer)
    client.post(reverse("meetings:question_forward", args=[world.raised.pk]))
    code = Feedback.objects.get().tracking_code

    officer_html = client.get(reverse("meetings:followup", args=[world.meeting.pk])).content
    assert b'data-testid="feedback-link"' in officer_html and code.encode() in officer_html
    staff_html = login(employee).get(reverse("meetings:followup", args=[world.meeting.pk])).content
    assert code.encode() in staff_html
