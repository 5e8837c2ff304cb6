"""The meeting list and the meeting's page, and the pages that prepare it, as a user sees them:
search without diacritics, filters, the next step, Vietnamese errors, checked downloads."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from coso.core.dates import format_date, today
from coso.meetings import actions
from coso.meetings.models import (
    KindCode,
    Meeting,
    MeetingStatus,
    Participant,
    ParticipantRole,
    Question,
)

from .conftest import make_meeting, seat

D = "%d/%m/%Y"


def _page(response) -> str:
    return response.content.decode()


# --- The list ---------------------------------------------------------------------------------


def test_the_list_finds_a_meeting_typed_without_diacritics(tree, province_officer, login):
    make_meeting(tree.office, title="Hội nghị cán bộ công chức năm 2025")
    make_meeting(tree.enterprise, code=KindCode.WORKERS_CONFERENCE, title="Hội nghị người lao động")
    client = login(province_officer)
    response = client.get(reverse("meetings:list"), {"q": "can bo cong chuc"})
    assert response.status_code == 200
    titles = [m.title for m in response.context["page_obj"]]
    assert titles == ["Hội nghị cán bộ công chức năm 2025"]


def test_the_list_filters_by_kind_status_and_year(tree, province_officer, login):
    officials = make_meeting(tree.office, year=2025)
    make_meeting(tree.office, year=2026, status=MeetingStatus.NOTICED)
    make_meeting(tree.enterprise, code=KindCode.WORKERS_CONFERENCE, year=2025)
    client = login(province_officer)
    kind_id = officials.kind_id
    response = client.get(
        reverse("meetings:list"), {"kind": kind_id, "status": "draft", "year": "2025"}
    )
    assert [m.pk for m in response.context["page_obj"]] == [officials.pk]


def test_the_list_shows_only_the_users_units_and_invitations(
    tree, commune_officer, employee, login
):
    mine = make_meeting(tree.commune, code=KindCode.COMMUNE_DIALOGUE)
    make_meeting(tree.other_commune, code=KindCode.COMMUNE_DIALOGUE)
    office = make_meeting(tree.office)
    seat(office, commune_officer)
    response = login(commune_officer).get(reverse("meetings:list"))
    assert {m.pk for m in response.context["page_obj"]} == {mine.pk, office.pk}
    assert employee  # the employee sees the office's meeting through their role
    response = login(employee).get(reverse("meetings:list"))
    assert {m.pk for m in response.context["page_obj"]} == {office.pk}


def test_the_list_pages_and_its_queries_do_not_grow_with_meetings(
    tree, province_officer, login, django_assert_max_num_queries
):
    for i in range(3):
        make_meeting(tree.office, title=f"Hội nghị {i}", starts_in=dt.timedelta(days=10 + i))
    client = login(province_officer)
    client.get(reverse("meetings:list"))  # warm the session
    with django_assert_max_num_queries(9) as few:
        client.get(reverse("meetings:list"))
    for i in range(30):
        make_meeting(tree.office, title=f"Hội nghị thêm {i}", starts_in=dt.timedelta(days=20 + i))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("meetings:list"))
    assert len(response.context["page_obj"]) == 25
    assert response.context["page_obj"].paginator.num_pages == 2
    assert "page=2" in _page(response)


def test_a_bad_filter_is_ignored_never_a_500(province_officer, login):
    response = login(province_officer).get(
        reverse("meetings:list"), {"year": "abc", "kind": "x", "unit": "9999999999999999999999"}
    )
    assert response.status_code == 404
    response = login(province_officer).get(reverse("meetings:list"), {"year": "abc", "kind": "x"})
    assert response.status_code == 200


# --- Create and edit --------------------------------------------------------------------------


def test_an_officer_creates_a_meeting_from_the_form(tree, province_officer, login):
    day = today() + dt.timedelta(days=20)
    response = login(province_officer).post(
        reverse("meetings:create"),
        {
            "unit": tree.office.pk,
            "kind": Meeting._meta.get_field("kind")
            .related_model.objects.get(code=KindCode.OFFICIALS_CONFERENCE)
            .pk,
            "starts_on": day.strftime(D),
            "starts_time": "08:00",
            "ends_time": "11:30",
            "venue": "Hội trường A",
        },
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("meetings:detail", args=[meeting.pk])
    local = timezone.localtime(meeting.starts_at)
    assert (local.date(), local.hour) == (day, 8)
    assert timezone.localtime(meeting.ends_at).minute == 30


def test_a_date_too_soon_for_the_notice_shows_a_vietnamese_error_on_the_day(
    tree, province_officer, login
):
    from coso.meetings.models import MeetingKind

    day = today() + dt.timedelta(days=3)
    response = login(province_officer).post(
        reverse("meetings:create"),
        {
            "unit": tree.office.pk,
            "kind": MeetingKind.objects.get(code=KindCode.OFFICIALS_CONFERENCE).pk,
            "starts_on": day.strftime(D),
            "starts_time": "08:00",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["starts_on"]
    assert "thông báo" in errors[0]
    assert format_date(today() + dt.timedelta(days=7)) in errors[0]
    assert not Meeting.objects.exists()


def test_nonsense_in_the_form_gives_field_errors(tree, province_officer, login):
    response = login(province_officer).post(
        reverse("meetings:create"),
        {"unit": "abc", "kind": "", "starts_on": "31/02/2026", "starts_time": "25:99"},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert {"unit", "kind", "starts_on", "starts_time"} <= set(form.errors)
    assert "dd/mm/yyyy" in form.errors["starts_on"][0]
    assert not Meeting.objects.exists()


def test_editing_a_meeting_keeps_its_time_when_untouched(office_meeting, province_officer, login):
    client = login(province_officer)
    response = client.get(reverse("meetings:edit", args=[office_meeting.pk]))
    form = response.context["form"]
    data = {k: form[k].value() for k in form.fields}
    data["starts_on"] = form["starts_on"].value().strftime(D)
    data["starts_time"] = form["starts_time"].value().strftime("%H:%M")
    data["ends_time"] = ""
    data["description"] = "Tổng kết năm"
    data = {k: v for k, v in data.items() if v not in (None, False)}
    response = client.post(reverse("meetings:edit", args=[office_meeting.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    office_meeting.refresh_from_db()
    assert office_meeting.description == "Tổng kết năm"


def test_cancelling_without_a_reason_shows_an_error(office_meeting, province_officer, login):
    response = login(province_officer).post(
        reverse("meetings:cancel", args=[office_meeting.pk]), {"reason": ""}
    )
    assert response.status_code == 400
    assert response.context["cancel_form"].errors["reason"]
    assert Meeting.objects.get(pk=office_meeting.pk).status == MeetingStatus.DRAFT


# --- The meeting's page -----------------------------------------------------------------------


def test_the_meeting_page_shows_everything_at_a_glance(
    office_meeting, province_officer, employee, login
):
    actions.add_agenda_item(office_meeting, by=province_officer, title="Báo cáo tổng kết năm")
    actions.add_file(
        office_meeting,
        by=province_officer,
        title="Dự thảo nghị quyết",
        upload=SimpleUploadedFile("nq.pdf", b"%PDF-1.4"),
    )
    seat(office_meeting, employee)
    actions.add_participant(
        office_meeting, by=province_officer, full_name="Khách mời", role=ParticipantRole.GUEST
    )
    actions.send_question(office_meeting, by=employee, text="Về chế độ làm thêm giờ")
    response = login(province_officer).get(reverse("meetings:detail", args=[office_meeting.pk]))
    page = _page(response)
    latest = format_date(timezone.localdate(office_meeting.starts_at) - dt.timedelta(days=7))
    assert response.context["step"]["text"].startswith("Công bố thông báo")
    assert latest in page
    assert "Hội nghị cán bộ, công chức, viên chức" in page
    assert "Điều 51" in page  # the citation of the kind
    assert "Hội trường tầng 2" in page
    assert "Báo cáo tổng kết năm" in page
    assert "Dự thảo nghị quyết" in page
    assert "Về chế độ làm thêm giờ" in page
    people = response.context["people"]
    assert (people["convened"], people["guests"], people["total"]) == (13, 1, 14)


def test_the_meeting_page_keeps_its_queries_few(
    office_meeting, province_officer, login, django_assert_max_num_queries
):
    client = login(province_officer)
    client.get(reverse("meetings:detail", args=[office_meeting.pk]))
    with django_assert_max_num_queries(30):
        client.get(reverse("meetings:detail", args=[office_meeting.pk]))


def test_a_participant_sees_their_seat_and_code_and_not_others_questions(
    office_meeting, employee, secretary, login
):
    mine = seat(office_meeting, employee)
    seat(office_meeting, secretary, role=ParticipantRole.SECRETARY)
    actions.send_question(office_meeting, by=secretary, text="Câu hỏi của thư ký")
    response = login(employee).get(reverse("meetings:detail", args=[office_meeting.pk]))
    page = _page(response)
    assert mine.code in page
    assert "Câu hỏi của thư ký" not in page
    assert "Bước tiếp theo" not in page


def test_a_participant_sends_a_question_from_the_meeting_page(office_meeting, employee, login):
    seat(office_meeting, employee)
    client = login(employee)
    response = client.post(reverse("meetings:questions", args=[office_meeting.pk]), {"text": ""})
    assert response.status_code == 400
    assert response.context["form"].errors["text"]
    response = client.post(
        reverse("meetings:questions", args=[office_meeting.pk]), {"text": "Xin hỏi về quỹ"}
    )
    assert response.status_code == 302
    assert Question.objects.get().asked_by == employee


def test_the_next_step_warns_when_the_notice_day_has_passed(tree, province_officer, login):
    meeting = make_meeting(tree.office, starts_in=dt.timedelta(days=3))
    response = login(province_officer).get(reverse("meetings:detail", args=[meeting.pk]))
    assert response.context["step"]["tone"] == "bad"
    response = login(province_officer).post(reverse("meetings:notice", args=[meeting.pk]), {})
    assert response.status_code == 400
    assert format_date(today() - dt.timedelta(days=4)) in _page(response)
    assert Meeting.objects.get(pk=meeting.pk).status == MeetingStatus.DRAFT


def test_publishing_the_notice_from_its_page(office_meeting, province_officer, login):
    client = login(province_officer)
    response = client.get(reverse("meetings:notice", args=[office_meeting.pk]))
    assert office_meeting.title in response.context["form"]["notice_text"].value()
    response = client.post(
        reverse("meetings:notice", args=[office_meeting.pk]), {"notice_text": "Thông báo."}
    )
    assert response.status_code == 302
    office_meeting.refresh_from_db()
    assert (office_meeting.status, office_meeting.notice_text) == (
        MeetingStatus.NOTICED,
        "Thông báo.",
    )


# --- Agenda, files, participants pages --------------------------------------------------------


def test_agenda_page_adds_moves_and_rejects_bad_input(office_meeting, province_officer, login):
    client = login(province_officer)
    url = reverse("meetings:agenda", args=[office_meeting.pk])
    assert client.post(url, {"title": "Một"}).status_code == 302
    assert client.post(url, {"title": "Hai", "minutes": "15"}).status_code == 302
    response = client.post(url, {"title": "", "minutes": "-3"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"title", "minutes"}
    second = office_meeting.agenda.get(title="Hai")
    client.post(reverse("meetings:agenda_move", args=[second.pk]), {"to": "up"})
    assert [i.title for i in office_meeting.agenda.all()] == ["Hai", "Một"]
    response = client.post(reverse("meetings:agenda_edit", args=[second.pk]), {"title": "Hai*"})
    assert response.status_code == 302
    client.post(reverse("meetings:agenda_delete", args=[second.pk]))
    assert [i.title for i in office_meeting.agenda.all()] == ["Một"]


def test_files_are_downloaded_only_by_those_who_see_the_meeting(
    office_meeting, province_officer, commune_officer, employee, login
):
    client = login(province_officer)
    upload = SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 bao cao", content_type="application/pdf")
    response = client.post(
        reverse("meetings:files", args=[office_meeting.pk]), {"upload": upload, "title": ""}
    )
    assert response.status_code == 302
    item = office_meeting.files.get()
    url = reverse("meetings:file_download", args=[item.pk])
    response = login(employee).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert login(commune_officer).get(url).status_code == 404
    assert login(employee).post(reverse("meetings:file_delete", args=[item.pk])).status_code == 403


def test_a_wrong_file_shows_a_vietnamese_error(office_meeting, province_officer, login):
    response = login(province_officer).post(
        reverse("meetings:files", args=[office_meeting.pk]),
        {"upload": SimpleUploadedFile("virus.exe", b"MZ....")},
    )
    assert response.status_code == 400
    assert "loại tệp" in response.context["form"].errors["upload"][0]
    assert not office_meeting.files.exists()


def test_participants_page_invites_staff_by_ticking_and_by_name(
    tree, province_officer, employee, secretary, login
):
    meeting = make_meeting(tree.office)
    client = login(province_officer)
    url = reverse("meetings:participants", args=[meeting.pk])
    response = client.get(url)
    assert employee.display_name in _page(response)
    response = client.post(
        reverse("meetings:participants_staff", args=[meeting.pk]), {"users": [employee.pk]}
    )
    assert response.status_code == 302
    response = client.post(reverse("meetings:participants_staff", args=[meeting.pk]), {})
    assert response.status_code == 400
    assert response.context["staff_form"].errors["users"]
    response = client.post(
        url, {"full_name": "Ông Trần Văn Khách", "role": ParticipantRole.GUEST, "user": ""}
    )
    assert response.status_code == 302
    response = client.post(url, {"full_name": "", "role": "member", "user": "khong-co"})
    assert response.status_code == 400
    assert response.context["form"].errors["user"]
    assert set(meeting.participants.values_list("full_name", flat=True)) == {
        employee.display_name,
        "Ông Trần Văn Khách",
    }
    person = meeting.participants.get(user=employee)
    response = client.post(
        reverse("meetings:participant_role", args=[person.pk]), {"role": "secretary"}
    )
    assert Participant.objects.get(pk=person.pk).role == ParticipantRole.SECRETARY
    response = client.post(reverse("meetings:participant_role", args=[person.pk]), {"role": "x"})
    assert response.status_code == 302
    client.post(reverse("meetings:participant_remove", args=[person.pk]))
    assert not meeting.participants.filter(pk=person.pk).exists()
    assert secretary not in {p.user for p in meeting.participants.all()}


def test_the_secretary_records_and_answers_questions_during_the_meeting(tree, secretary, login):
    meeting = make_meeting(tree.office, status=MeetingStatus.IN_PROGRESS)
    seat(meeting, secretary, role=ParticipantRole.SECRETARY)
    client = login(secretary)
    url = reverse("meetings:questions", args=[meeting.pk])
    response = client.post(url, {"asker_name": "", "text": ""})
    assert response.status_code == 400
    assert set(response.context["record_form"].errors) == {"asker_name", "text"}
    client.post(url, {"asker_name": "Bà Lan", "text": "Nhà ăn tập thể?"})
    question = Question.objects.get()
    response = client.post(
        reverse("meetings:question_answer", args=[question.pk]), {f"a{question.pk}-answer": ""}
    )
    assert response.status_code == 400
    client.post(
        reverse("meetings:question_answer", args=[question.pk]),
        {f"a{question.pk}-answer": "Sẽ mở từ tháng sau."},
    )
    question.refresh_from_db()
    assert question.answer == "Sẽ mở từ tháng sau."
