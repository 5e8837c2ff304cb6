"""The secretary's check-in page, the projector's QR page, the live quorum and the QR link."""

from __future__ import annotations

import re

from django.urls import reverse

from coso.meetings.models import CheckinMethod, MeetingStatus, Motion, ParticipantRole, VoteStatus

from .conftest import make_meeting, seat
from .test_hold_actions import meeting_today, open_today

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(name, *args):
    return reverse(f"meetings:{name}", args=args)


# --- The check-in page ---------------------------------------------------------------------------


def test_the_secretary_sees_everyone_with_a_big_button_and_the_quorum(
    tree, secretary, login, django_assert_max_num_queries
):
    meeting = open_today(tree.office, participants=12)
    seat(meeting, secretary, role=ParticipantRole.SECRETARY)
    client = login(secretary)

    with django_assert_max_num_queries(12):
        response = client.get(_url("hold_checkin", meeting.pk))

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('data-checkin="') == 13
    person = meeting.participants.get(full_name="Nguyễn Văn An")
    assert f'id="checkin-{person.pk}"' in page
    assert 'id="quorum"' in page and 'data-present="0"' in page and 'data-convened="13"' in page
    assert "Chưa hợp lệ" in page
    assert 'id="hold-end"' in page
    assert 'id="id_code"' in page


def test_the_check_in_page_costs_the_same_queries_for_many_people(
    tree, province_officer, login, django_assert_num_queries
):
    small = open_today(tree.office, participants=3)
    large = open_today(tree.office, participants=60, title="Hội nghị đại biểu")
    client = login(province_officer)
    client.get(_url("hold_checkin", small.pk))  # warm the session

    with django_assert_num_queries(7) as small_run:
        client.get(_url("hold_checkin", small.pk))
    with django_assert_num_queries(len(small_run.captured_queries)):
        client.get(_url("hold_checkin", large.pk))


def test_the_list_is_searched_without_diacritics(tree, province_officer, login):
    meeting = open_today(tree.office, participants=12)
    client = login(province_officer)

    page = client.get(_url("hold_checkin", meeting.pk), {"q": "tran thi binh"}).content.decode()

    assert page.count('data-checkin="') == 1
    assert "Trần Thị Bình" in page


def test_the_list_shows_only_those_not_yet_checked_in(tree, province_officer, login):
    meeting = open_today(tree.office, participants=4)
    client = login(province_officer)
    first = meeting.participants.first()
    client.post(_url("hold_check_in", first.pk))

    page = client.get(_url("hold_checkin", meeting.pk), {"show": "waiting"}).content.decode()

    assert page.count('data-checkin="') == 3
    assert f'id="participant-{first.pk}"' not in page


def test_one_tap_with_htmx_swaps_the_row_and_refreshes_the_quorum(tree, province_officer, login):
    meeting = open_today(tree.office, participants=3)
    person = meeting.participants.first()
    client = login(province_officer)

    response = client.post(_url("hold_check_in", person.pk), **HTMX)

    row = response.content.decode()
    assert response.status_code == 200
    assert response["HX-Trigger"] == "quorum-changed"
    assert row.lstrip().startswith(f'<li id="participant-{person.pk}"')
    assert 'data-present="true"' in row and f'id="undo-{person.pk}"' in row
    person.refresh_from_db()
    assert person.checkin_method == CheckinMethod.LIST


def test_a_tap_on_someone_already_checked_in_shows_why_in_the_row(tree, province_officer, login):
    meeting = open_today(tree.office, participants=3)
    person = meeting.participants.first()
    client = login(province_officer)
    client.post(_url("hold_check_in", person.pk), **HTMX)

    response = client.post(_url("hold_check_in", person.pk), **HTMX)

    row = response.content.decode()
    assert response.status_code == 200
    assert "HX-Trigger" not in response
    assert "đã được điểm danh lúc" in row
    assert meeting.participants.filter(checked_in_at__isnull=False).count() == 1


def test_without_javascript_a_tap_comes_back_to_the_list_with_its_filter(
    tree, province_officer, login
):
    meeting = open_today(tree.office, participants=3)
    person = meeting.participants.get(full_name="Nguyễn Văn An")
    client = login(province_officer)

    response = client.post(_url("hold_check_in", person.pk), {"q": "an", "show": "waiting"})

    assert response.status_code == 302
    assert response["Location"] == (
        f"{_url('hold_checkin', meeting.pk)}?q=an&show=waiting#participant-{person.pk}"
    )
    page = client.get(response["Location"]).content.decode()
    assert "Đã điểm danh: Nguyễn Văn An." in page


def test_the_undo_link_takes_a_check_in_back(tree, province_officer, login):
    meeting = open_today(tree.office, participants=3)
    person = meeting.participants.first()
    client = login(province_officer)
    client.post(_url("hold_check_in", person.pk))

    response = client.post(_url("hold_undo", person.pk), **HTMX)

    assert f'id="checkin-{person.pk}"' in response.content.decode()
    person.refresh_from_db()
    assert not person.is_present


def test_the_code_box_checks_in_and_updates_the_persons_row(tree, province_officer, login):
    meeting = open_today(tree.office, participants=3)
    person = meeting.participants.get(full_name="Lê Văn Cường")
    client = login(province_officer)

    response = client.post(
        _url("hold_checkin_code", meeting.pk), {"code": person.code.lower()}, **HTMX
    )

    html = response.content.decode()
    assert response["HX-Trigger"] == "quorum-changed"
    assert 'id="codebox"' in html and "Đã điểm danh: Lê Văn Cường." in html
    assert f'id="participant-{person.pk}"' in html and 'hx-swap-oob="true"' in html
    person.refresh_from_db()
    assert person.checkin_method == CheckinMethod.CODE


def test_a_wrong_code_is_shown_on_the_code_field_in_vietnamese(tree, province_officer, login):
    meeting = open_today(tree.office, participants=3)
    client = login(province_officer)

    with_htmx = client.post(_url("hold_checkin_code", meeting.pk), {"code": "abc"}, **HTMX)
    without = client.post(_url("hold_checkin_code", meeting.pk), {"code": ""})

    assert "Không có người tham dự hội nghị này mang mã ABC" in with_htmx.content.decode()
    assert "HX-Trigger" not in with_htmx
    assert without.status_code == 200
    assert "Trường này là bắt buộc." in without.content.decode()
    assert not meeting.participants.filter(checked_in_at__isnull=False).exists()


def test_after_the_meeting_the_list_has_no_buttons(tree, province_officer, login):
    meeting = make_meeting(tree.office, status=MeetingStatus.HELD, participants=3)
    client = login(province_officer)

    page = client.get(_url("hold_checkin", meeting.pk)).content.decode()
    refused = client.post(_url("hold_check_in", meeting.participants.first().pk))

    assert 'data-checkin="' not in page and 'id="codebox"' not in page
    assert "Hội nghị đã kết thúc" in page
    assert refused.status_code == 302
    assert not meeting.participants.filter(checked_in_at__isnull=False).exists()


def test_nonsense_in_the_address_is_not_a_500(tree, province_officer, login):
    meeting = open_today(tree.office, participants=1)
    client = login(province_officer)

    odd = client.get(_url("hold_checkin", meeting.pk), {"show": "<x>", "q": "%" * 300})
    huge = client.get(f"/hoi-nghi/{'9' * 25}/diem-danh/")
    missing = client.post(_url("hold_check_in", 999999))

    assert odd.status_code == 200
    assert huge.status_code == 404
    assert missing.status_code == 404


# --- Opening and ending ----------------------------------------------------------------------------


def test_opening_from_the_check_in_page_comes_back_to_it(tree, province_officer, login):
    meeting = meeting_today(tree.office)
    client = login(province_officer)

    response = client.post(_url("hold_open", meeting.pk), {"next": "checkin"})

    assert response["Location"] == _url("hold_checkin", meeting.pk)
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.IN_PROGRESS


def test_ending_with_a_vote_open_says_so_and_keeps_the_meeting_open(tree, province_officer, login):
    meeting = open_today(tree.office)
    Motion.objects.create(meeting=meeting, title="Quy chế dân chủ", status=VoteStatus.OPEN)
    client = login(province_officer)

    response = client.post(_url("hold_end", meeting.pk), follow=True)

    assert "Quy chế dân chủ" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.IN_PROGRESS


def test_opening_too_early_is_a_message_not_an_error_page(tree, province_officer, login):
    meeting = make_meeting(tree.office, status=MeetingStatus.NOTICED, participants=2)
    client = login(province_officer)

    response = client.post(_url("hold_open", meeting.pk), follow=True)

    assert response.status_code == 200
    assert "chỉ khai mạc được từ ngày đó" in response.content.decode()


# --- The live quorum -------------------------------------------------------------------------------


def test_the_quorum_fragment_answers_204_when_nothing_changed(
    tree, province_officer, login, django_assert_max_num_queries
):
    meeting = open_today(tree.office, participants=3)
    client = login(province_officer)
    first = client.get(_url("hold_quorum", meeting.pk), **HTMX)
    seen = re.search(r'"seen": "([^"]+)"', first.content.decode()).group(1)

    with django_assert_max_num_queries(6):
        unchanged = client.get(_url("hold_quorum", meeting.pk), {"seen": seen}, **HTMX)
    client.post(_url("hold_check_in", meeting.participants.first().pk))
    changed = client.get(_url("hold_quorum", meeting.pk), {"seen": seen}, **HTMX)

    assert unchanged.status_code == 204
    assert changed.status_code == 200
    assert 'data-present="1"' in changed.content.decode()


def test_the_quorum_fragment_shows_valid_at_exactly_two_thirds(tree, province_officer, login):
    meeting = open_today(tree.office, participants=3)
    client = login(province_officer)
    for person in list(meeting.participants.all())[:2]:
        client.post(_url("hold_check_in", person.pk))

    fragment = client.get(_url("hold_quorum", meeting.pk)).content.decode()

    assert 'data-valid="true"' in fragment and 'data-verdict="valid"' in fragment
    assert "Hợp lệ" in fragment
    assert "hx-trigger=" in fragment


def test_an_ended_meeting_stops_polling(tree, province_officer, login):
    meeting = make_meeting(tree.office, status=MeetingStatus.HELD, participants=3)
    client = login(province_officer)

    fragment = client.get(_url("hold_quorum", meeting.pk)).content.decode()

    assert "hx-trigger=" not in fragment
    assert "Điểm danh khi bế mạc" in fragment


# --- The QR code -----------------------------------------------------------------------------------


def test_the_projector_page_shows_the_qr_code_and_the_quorum(tree, province_officer, login):
    meeting = open_today(tree.office, participants=3)
    client = login(province_officer)

    page = client.get(_url("hold_qr", meeting.pk)).content.decode()

    assert '<svg viewBox="' in page and 'class="qr"' in page
    assert f"/hoi-nghi/diem-danh/{meeting.checkin_token}/" in page
    assert 'id="quorum"' in page and "quorum-big" in page


def test_the_qr_code_carries_the_sites_public_address(tree, province_officer, login, settings):
    settings.COSO_BASE_URL = "https://coso.example.vn/"
    meeting = open_today(tree.office, participants=1)

    page = login(province_officer).get(_url("hold_qr", meeting.pk)).content.decode()

    assert f"https://coso.example.vn/hoi-nghi/diem-danh/{meeting.checkin_token}/" in page


def test_scanning_the_qr_code_checks_the_participant_in(tree, employee, login):
    meeting = open_today(tree.office, participants=3)
    mine = seat(meeting, employee)

    response = login(employee).get(_url("hold_scan", meeting.checkin_token))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-outcome="checked_in"' in page
    assert "Hoàng Văn Viên, bạn đã được điểm danh lúc" in page
    mine.refresh_from_db()
    assert mine.checkin_method == CheckinMethod.QR


def test_scanning_twice_says_when_the_first_was(tree, employee, login):
    meeting = open_today(tree.office, participants=3)
    seat(meeting, employee)
    client = login(employee)
    client.get(_url("hold_scan", meeting.checkin_token))

    again = client.get(_url("hold_scan", meeting.checkin_token))

    assert again.status_code == 200
    assert 'data-outcome="already"' in again.content.decode()


def test_someone_not_invited_who_scans_gets_a_clear_message(tree, citizen, login):
    meeting = open_today(tree.office, participants=3)

    response = login(citizen).get(_url("hold_scan", meeting.checkin_token))

    assert response.status_code == 403
    assert "không có tên trong danh sách người tham dự" in response.content.decode()
    assert not meeting.participants.filter(checked_in_at__isnull=False).exists()


def test_a_made_up_token_is_a_404_page_in_vietnamese(tree, employee, login):
    response = login(employee).get(_url("hold_scan", "khong-phai-ma-that"))

    assert response.status_code == 404
    assert "Mã điểm danh không hợp lệ" in response.content.decode()


def test_scanning_needs_signing_in_first(tree, client):
    meeting = open_today(tree.office, participants=3)

    response = client.get(_url("hold_scan", meeting.checkin_token))

    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")


# --- The section of the meeting's page ----------------------------------------------------------


def test_the_meeting_page_shows_the_quorum_and_the_buttons_to_run_it(tree, province_officer, login):
    meeting = open_today(tree.office, participants=3)

    page = login(province_officer).get(_url("detail", meeting.pk)).content.decode()

    assert 'id="hold-section"' in page and 'id="quorum"' in page
    assert 'id="hold-end"' in page and 'id="hold-checkin-link"' in page
    assert 'id="hold-qr-link"' in page and 'id="hold-open"' not in page


def test_the_meeting_page_offers_to_open_on_its_day(tree, province_officer, login):
    meeting = meeting_today(tree.office)

    page = login(province_officer).get(_url("detail", meeting.pk)).content.decode()

    assert 'id="hold-open"' in page and "disabled" not in page.split('id="hold-open"')[1][:40]


def test_a_participant_sees_their_code_and_no_buttons(tree, employee, login):
    meeting = meeting_today(tree.office)
    mine = seat(meeting, employee)

    page = login(employee).get(_url("detail", meeting.pk)).content.decode()

    assert mine.code in page
    assert 'id="hold-open"' not in page and 'id="hold-checkin-link"' not in page
