"""The voting pages: who sees and does what (every persona), the officer's forms and the
participant's phone ballot, bad input answered in Vietnamese and never with a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from coso.meetings import voting
from coso.meetings.models import Motion, MotionBallot, MotionChoice, VoteMethod, VoteStatus
from coso.meetings.voting_views import voting_context

from .voting_support import in_progress, present, seat_secretary, voter

# The office's conference: officers above it run it, its staff read it, others see nothing.
SEE = {
    "admin": 200,
    "province_officer": 200,
    "employee": 200,
    "commune_officer": 404,
    "other_commune_officer": 404,
    "citizen": 404,
    "committee_member": 200,  # the province's steering committee reads its units
}
RUN = {
    "admin": 302,
    "province_officer": 302,
    "employee": 403,
    "commune_officer": 404,
    "other_commune_officer": 404,
    "citizen": 404,
    "committee_member": 403,
}


@pytest.fixture
def meeting(tree, province_officer):
    meeting = in_progress(tree.office)
    present(meeting, 10)
    return meeting


@pytest.mark.parametrize("persona", sorted(SEE))
def test_who_sees_the_votes(client, personas, meeting, persona):
    client.force_login(getattr(personas, persona))
    motion = voting.add_motion(meeting, by=personas.province_officer, title="Thông qua")
    assert client.get(reverse("meetings:voting", args=[meeting.pk])).status_code == SEE[persona]
    election = voting.add_election(meeting, by=personas.province_officer, title="Bầu", seats=1)
    answer = client.get(reverse("meetings:election_detail", args=[election.pk]))
    assert answer.status_code == SEE[persona]
    # the progress of a vote is for those who run it
    expected = RUN[persona] if RUN[persona] != 302 else 200
    answer = client.get(reverse("meetings:motion_progress", args=[motion.pk]))
    assert answer.status_code == expected


@pytest.mark.parametrize("persona", sorted(RUN))
def test_who_opens_and_closes_a_vote(client, personas, meeting, persona):
    motion = voting.add_motion(meeting, by=personas.province_officer, title="Thông qua")
    client.force_login(getattr(personas, persona))
    answer = client.post(reverse("meetings:motion_open", args=[motion.pk]))
    assert answer.status_code == RUN[persona]
    opened = Motion.objects.get(pk=motion.pk).status == VoteStatus.OPEN
    assert opened is (RUN[persona] == 302)


@pytest.mark.parametrize("persona", sorted(RUN))
def test_who_adds_a_motion(client, personas, meeting, persona):
    client.force_login(getattr(personas, persona))
    answer = client.post(
        reverse("meetings:motion_add", args=[meeting.pk]),
        {"title": "Thông qua nghị quyết", "method": "hands"},
    )
    assert answer.status_code == RUN[persona]
    assert Motion.objects.exists() is (RUN[persona] == 302)


@pytest.mark.parametrize("persona", sorted(SEE))
def test_only_a_convened_participant_gets_a_ballot(client, personas, meeting, persona):
    motion = voting.open_motion(
        voting.add_motion(
            meeting, by=personas.province_officer, title="Bầu", method=VoteMethod.BALLOT
        ),
        by=personas.province_officer,
    )
    client.force_login(getattr(personas, persona))
    answer = client.post(reverse("meetings:motion_ballot", args=[motion.pk]), {"choice": "yes"})
    # nobody of the personas sits at the meeting: no ballot (403 when they see it)
    assert answer.status_code == (403 if SEE[persona] == 200 else 404)
    assert not MotionBallot.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client, meeting):
    answer = client.get(reverse("meetings:voting", args=[meeting.pk]))
    assert answer.status_code == 302 and answer.url.startswith(reverse("login"))


def test_the_officer_adds_opens_counts_and_closes_a_motion_from_the_page(
    client, province_officer, meeting
):
    client.force_login(province_officer)
    page = reverse("meetings:voting", args=[meeting.pk])
    # the section carries the add form
    html = client.get(page).content.decode()
    assert 'id="motion-form"' in html
    answer = client.post(
        reverse("meetings:motion_add", args=[meeting.pk]),
        {"title": "Thông qua Quy chế", "method": "hands", "next": page},
    )
    motion = Motion.objects.get()
    assert answer.status_code == 302 and answer.url == f"{page}#motion-{motion.pk}"
    assert f'id="motion-open-{motion.pk}"' in client.get(page).content.decode()
    client.post(reverse("meetings:motion_open", args=[motion.pk]), {"next": page})
    html = client.get(page).content.decode()
    assert f'id="hands-form-{motion.pk}"' in html and f'id="motion-close-{motion.pk}"' in html
    client.post(
        reverse("meetings:motion_hands", args=[motion.pk]),
        {"yes": 7, "no": 2, "abstain": 1, "next": page},
    )
    client.post(reverse("meetings:motion_close", args=[motion.pk]), {"next": page})
    html = client.get(page).content.decode()
    assert f'id="motion-result-{motion.pk}" data-adopted="true"' in html
    assert 'data-yes="7"' in html


def test_counts_above_those_present_show_a_vietnamese_error_and_save_nothing(
    client, province_officer, meeting
):
    motion = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Thông qua"), by=province_officer
    )
    client.force_login(province_officer)
    answer = client.post(
        reverse("meetings:motion_hands", args=[motion.pk]), {"yes": 9, "no": 2, "abstain": 0}
    )
    assert answer.status_code == 200
    assert "nhiều hơn" in answer.content.decode()
    assert Motion.objects.get(pk=motion.pk).yes == 0


@pytest.mark.parametrize(
    "data",
    [
        {"yes": "abc", "no": 0, "abstain": 0},
        {"yes": -3, "no": 0, "abstain": 0},
        {"yes": "99999999999999999999", "no": 0, "abstain": 0},
        {},
    ],
)
def test_bad_counts_never_answer_500(client, province_officer, meeting, data):
    motion = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Thông qua"), by=province_officer
    )
    client.force_login(province_officer)
    answer = client.post(reverse("meetings:motion_hands", args=[motion.pk]), data)
    assert answer.status_code == 200
    assert 'class="error"' in answer.content.decode()
    assert Motion.objects.get(pk=motion.pk).yes == 0


def test_closing_without_quorum_shows_the_reason(client, tree, province_officer):
    meeting = in_progress(tree.office)
    present(meeting, 5)
    motion = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Thông qua"), by=province_officer
    )
    client.force_login(province_officer)
    answer = client.post(reverse("meetings:motion_close", args=[motion.pk]), follow=True)
    assert answer.status_code == 200
    assert "tỷ lệ tham dự" in answer.content.decode()
    assert Motion.objects.get(pk=motion.pk).status == VoteStatus.OPEN


def test_an_unsafe_next_address_is_ignored(client, province_officer, meeting):
    client.force_login(province_officer)
    answer = client.post(
        reverse("meetings:motion_add", args=[meeting.pk]),
        {"title": "Thông qua", "method": "hands", "next": "https://evil.example/"},
    )
    assert answer.url.startswith(reverse("meetings:voting", args=[meeting.pk]))


def test_bad_ids_answer_404(client, province_officer):
    client.force_login(province_officer)
    assert client.get("/hoi-nghi/bieu-quyet/99999999999999999999/bo-phieu/").status_code == 404
    assert client.get("/hoi-nghi/bau-cu/0/").status_code == 404


def test_a_participant_votes_on_the_phone_and_sees_a_receipt_without_the_choice(
    client, province_officer, meeting
):
    motion = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Bầu", method=VoteMethod.BALLOT),
        by=province_officer,
    )
    user = voter(meeting, "an")
    client.force_login(user)
    # the meeting's votes show a Vote button
    html = client.get(reverse("meetings:voting", args=[meeting.pk])).content.decode()
    assert f'id="motion-vote-{motion.pk}"' in html
    url = reverse("meetings:motion_ballot", args=[motion.pk])
    assert 'id="ballot-yes"' in client.get(url).content.decode()
    answer = client.post(url, {"choice": "no"}, follow=True)
    html = answer.content.decode()
    assert 'id="ballot-receipt"' in html
    assert "Không đồng ý" not in html and "Disagree" not in html
    # a second try is refused with a clear message
    again = client.post(url, {"choice": "yes"})
    assert again.status_code == 409
    assert "đã bỏ phiếu rồi" in again.content.decode()
    assert MotionChoice.objects.get().choice == "no"


def test_a_participant_not_checked_in_is_told_to_check_in(client, province_officer, meeting):
    motion = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Bầu", method=VoteMethod.BALLOT),
        by=province_officer,
    )
    client.force_login(voter(meeting, "an", checked_in=False))
    answer = client.post(reverse("meetings:motion_ballot", args=[motion.pk]), {"choice": "yes"})
    assert answer.status_code == 200
    assert "điểm danh" in answer.content.decode()
    assert not MotionBallot.objects.exists()


def test_the_secretary_sees_who_has_not_voted(client, province_officer, secretary, meeting):
    seat_secretary(meeting, secretary)
    motion = voting.open_motion(
        voting.add_motion(meeting, by=province_officer, title="Bầu", method=VoteMethod.BALLOT),
        by=province_officer,
    )
    client.force_login(secretary)
    html = client.get(reverse("meetings:motion_progress", args=[motion.pk])).content.decode()
    assert 'id="not-voted"' in html and "Nguyễn Văn An" in html
    fragment = client.get(
        reverse("meetings:motion_progress", args=[motion.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert fragment.lstrip().startswith("<section") and "<html" not in fragment


def test_an_election_from_the_pages_with_the_board_set_up(client, province_officer, meeting):
    client.force_login(province_officer)
    answer = client.post(
        reverse("meetings:election_add", args=[meeting.pk]),
        {"title": "Bầu Ban TTND", "seats": 3, "board_kind": "agency", "method": "hands"},
    )
    assert answer.status_code == 302
    election = meeting.elections.get()
    # a unit leader is refused with the law's reason
    refused = client.post(
        reverse("meetings:candidate_add", args=[election.pk]),
        {"full_name": "Chánh Văn phòng", "is_unit_leader": "on"},
    )
    assert refused.status_code == 200 and "Điều 60" in refused.content.decode()
    for name in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"):
        client.post(reverse("meetings:candidate_add", args=[election.pk]), {"full_name": name})
    assert election.candidates.count() == 3
    client.post(reverse("meetings:election_open", args=[election.pk]))
    ids = list(election.candidates.order_by("full_name").values_list("pk", flat=True))
    counts = {"ballots_cast": 10, "ballots_invalid": 0}
    counts |= {f"votes_{pk}": 8 for pk in ids}
    assert (
        client.post(reverse("meetings:election_counts", args=[election.pk]), counts).status_code
        == 302
    )
    client.post(reverse("meetings:election_close", args=[election.pk]))
    html = client.get(reverse("meetings:election_detail", args=[election.pk])).content.decode()
    assert f'id="election-result-{election.pk}"' in html
    assert f'id="election-board-{election.pk}"' in html
    answer = client.post(reverse("meetings:election_board", args=[election.pk]))
    from coso.oversight.models import Board

    board = Board.objects.get()
    assert answer.status_code == 302
    assert answer.url == reverse("oversight:detail", args=[board.pk])
    assert board.members.count() == 3


def test_the_voting_section_costs_a_fixed_number_of_queries(
    rf, province_officer, meeting, django_assert_num_queries
):
    for n in range(3):
        motion = voting.add_motion(meeting, by=province_officer, title=f"Nội dung {n}")
        voting.open_motion(motion, by=province_officer)
        election = voting.add_election(meeting, by=province_officer, title=f"Bầu {n}", seats=1)
        voting.add_candidate(election, by=province_officer, full_name="Nguyễn Văn An")
    request = rf.get("/")
    request.user = province_officer
    with django_assert_num_queries(5):
        voting_context(request, meeting)
