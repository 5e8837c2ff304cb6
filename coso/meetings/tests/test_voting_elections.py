"""Elections: candidates checked against the board's rules of composition, at most `seats`
marks, elected with strictly more than half of the valid ballots, a tie at the last seat
reported and not guessed, and the People's Inspection Board set up from the result."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coso.meetings import voting
from coso.meetings.models import (
    Candidate,
    Election,
    ElectionBallot,
    ElectionMark,
    KindCode,
    VoteMethod,
    VoteStatus,
)
from coso.oversight.models import Board, BoardKind, BoardStatus
from coso.units import actions as unit_actions
from coso.units.models import UnitKind

from .voting_support import in_progress, present, voter

NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"]


def _election(meeting, by, *, seats=3, names=NAMES, board_kind="", method=VoteMethod.HANDS):
    election = voting.add_election(
        meeting,
        by=by,
        title="Bầu Ban Thanh tra nhân dân",
        seats=seats,
        board_kind=board_kind,
        method=method,
    )
    for name in names:
        voting.add_candidate(election, by=by, full_name=name)
    return election


def _counted(meeting, by, votes, *, seats=3, cast=10, invalid=0, board_kind=""):
    election = _election(meeting, by, seats=seats, names=NAMES[: len(votes)], board_kind=board_kind)
    voting.open_election(election, by=by)
    ids = list(election.candidates.order_by("full_name").values_list("pk", "full_name"))
    by_name = {name: pk for pk, name in ids}
    voting.record_election_counts(
        election,
        by=by,
        ballots_cast=cast,
        ballots_invalid=invalid,
        votes={by_name[NAMES[i]]: n for i, n in enumerate(votes)},
    )
    return voting.close_election(election, by=by)


def _elected(election) -> list[str]:
    return sorted(election.candidates.filter(elected=True).values_list("full_name", flat=True))


@pytest.fixture
def room(tree):
    meeting = in_progress(tree.office)
    present(meeting, 10)
    return meeting


def test_a_unit_leader_is_refused_as_a_candidate_for_the_agencys_board(room, province_officer):
    election = _election(room, province_officer, names=[], board_kind=BoardKind.AGENCY)
    with pytest.raises(ValidationError) as exc:
        voting.add_candidate(
            election, by=province_officer, full_name="Giám đốc Văn phòng", is_unit_leader=True
        )
    assert "is_unit_leader" in exc.value.message_dict
    assert "Điều 60" in exc.value.message_dict["is_unit_leader"][0]
    assert not Candidate.objects.exists()


def test_a_unit_leader_may_stand_in_an_election_that_fills_no_board(room, province_officer):
    election = _election(room, province_officer, names=[])
    voting.add_candidate(
        election, by=province_officer, full_name="Giám đốc Văn phòng", is_unit_leader=True
    )
    assert Candidate.objects.count() == 1


def test_a_commune_official_is_refused_for_the_communes_board(tree, commune_officer):
    meeting = in_progress(tree.village, code=KindCode.COMMUNITY_CONFERENCE, participants=20)
    election = _election(meeting, commune_officer, seats=1, names=[], board_kind=BoardKind.COMMUNE)
    with pytest.raises(ValidationError) as exc:
        voting.add_candidate(
            election, by=commune_officer, full_name="Công chức xã", is_commune_official=True
        )
    assert "is_commune_official" in exc.value.message_dict
    # a resident is accepted and represents the village
    candidate = voting.add_candidate(election, by=commune_officer, full_name="Người dân thôn")
    assert candidate.community == tree.village


def test_an_agency_with_seven_staff_or_fewer_elects_no_board(tree, root_admin, province_officer):
    small = unit_actions.create_unit(
        by=root_admin, parent=tree.bloc, name="Ban nhỏ", kind=UnitKind.AGENCY, staff_count=7
    )
    meeting = in_progress(small)
    with pytest.raises(ValidationError) as exc:
        voting.add_election(
            meeting, by=province_officer, title="Bầu", seats=3, board_kind=BoardKind.AGENCY
        )
    assert "board_kind" in exc.value.message_dict
    assert not Election.objects.exists()


def test_an_agency_board_has_at_most_nine_seats(room, province_officer):
    with pytest.raises(ValidationError) as exc:
        voting.add_election(
            room, by=province_officer, title="Bầu", seats=10, board_kind=BoardKind.AGENCY
        )
    assert "seats" in exc.value.message_dict


def test_zero_seats_is_refused(room, province_officer):
    with pytest.raises(ValidationError) as exc:
        voting.add_election(room, by=province_officer, title="Bầu", seats=0)
    assert "seats" in exc.value.message_dict


def test_too_few_candidates_for_the_seats_is_warned_not_refused(room, province_officer):
    election = _election(room, province_officer, seats=3, names=NAMES[:2])
    assert voting.election_warnings(election)
    voting.open_election(election, by=province_officer)
    assert Election.objects.get(pk=election.pk).status == VoteStatus.OPEN


def test_an_election_without_candidates_cannot_open(room, province_officer):
    election = _election(room, province_officer, names=[])
    with pytest.raises(ValidationError):
        voting.open_election(election, by=province_officer)


def test_marking_more_candidates_than_seats_is_refused(room, province_officer):
    election = _election(room, province_officer, seats=2, method=VoteMethod.BALLOT)
    voting.open_election(election, by=province_officer)
    user = voter(room, "an")
    ids = list(election.candidates.values_list("pk", flat=True))
    with pytest.raises(ValidationError) as exc:
        voting.cast_election_ballot(election, by=user, candidates=ids[:3])
    assert "candidates" in exc.value.message_dict
    assert not ElectionBallot.objects.exists() and not ElectionMark.objects.exists()
    # two marks are accepted, and a second ballot is refused
    voting.cast_election_ballot(election, by=user, candidates=ids[:2])
    with pytest.raises(ValidationError) as exc:
        voting.cast_election_ballot(election, by=user, candidates=ids[:1])
    assert exc.value.code == "already_voted"
    assert ElectionMark.objects.count() == 2


def test_a_candidate_of_another_election_cannot_be_marked(room, province_officer):
    election = _election(room, province_officer, seats=2, method=VoteMethod.BALLOT)
    other = _election(room, province_officer, seats=2, names=["Người khác"])
    voting.open_election(election, by=province_officer)
    stranger = other.candidates.get()
    with pytest.raises(ValidationError):
        voting.cast_election_ballot(election, by=voter(room, "an"), candidates=[stranger.pk])


def test_elected_needs_strictly_more_than_half_of_the_valid_ballots(room, province_officer):
    # Given 10 valid ballots for 3 seats: 6, 5 (exactly half), 9
    election = _counted(room, province_officer, [6, 5, 9], seats=3)
    # Then only those above half are elected, the third seat stays empty
    assert _elected(election) == ["Lê Văn Cường", "Nguyễn Văn An"]
    result = voting.election_result(election)
    assert result.seats_left == 1 and not result.has_tie
    assert result.needed == 6


def test_invalid_ballots_do_not_count_in_the_half(room, province_officer):
    # 10 cast, 2 invalid: 8 valid, so 5 votes is more than half
    election = _counted(room, province_officer, [5, 4], seats=2, invalid=2)
    assert _elected(election) == ["Nguyễn Văn An"]


def test_only_the_top_seats_are_elected(room, province_officer):
    election = _counted(room, province_officer, [9, 8, 2, 1], seats=2)
    assert _elected(election) == ["Nguyễn Văn An", "Trần Thị Bình"]


def test_a_tie_at_the_last_seat_is_reported_and_not_guessed(room, province_officer):
    # Given 2 seats: 8 votes, then 6 and 6 for the last seat
    election = _counted(room, province_officer, [8, 6, 6], seats=2)
    result = voting.election_result(election)
    # Then the first is elected, the tied two are not, and the tie is reported
    assert _elected(election) == ["Nguyễn Văn An"]
    assert result.has_tie
    assert sorted(c.full_name for c in result.tied) == ["Lê Văn Cường", "Trần Thị Bình"]
    assert result.seats_left == 1


def test_counts_larger_than_the_room_are_refused(room, province_officer):
    election = _election(room, province_officer, seats=2, names=NAMES[:2])
    voting.open_election(election, by=province_officer)
    first = election.candidates.order_by("full_name").first()
    with pytest.raises(ValidationError) as exc:
        voting.record_election_counts(
            election, by=province_officer, ballots_cast=11, ballots_invalid=0, votes={}
        )
    assert "ballots_cast" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        voting.record_election_counts(
            election, by=province_officer, ballots_cast=8, ballots_invalid=0, votes={first.pk: 9}
        )
    assert f"votes_{first.pk}" in exc.value.message_dict
    with pytest.raises(ValidationError):
        voting.record_election_counts(
            election, by=province_officer, ballots_cast=8, ballots_invalid=9, votes={}
        )
    election.refresh_from_db()
    assert election.ballots_cast == 0
    assert not election.candidates.filter(votes__gt=0).exists()


def test_closing_an_election_without_quorum_is_refused(tree, province_officer):
    meeting = in_progress(tree.office)
    present(meeting, 7)
    election = _election(meeting, province_officer, seats=1, names=NAMES[:2])
    voting.open_election(election, by=province_officer)
    with pytest.raises(ValidationError) as exc:
        voting.close_election(election, by=province_officer)
    assert exc.value.code == "no_quorum"
    assert Election.objects.get(pk=election.pk).status == VoteStatus.OPEN


def test_a_secret_election_is_counted_from_the_marks(room, province_officer):
    election = _election(room, province_officer, seats=2, names=NAMES[:3], method=VoteMethod.BALLOT)
    voting.open_election(election, by=province_officer)
    ids = {c.full_name: c.pk for c in election.candidates.all()}
    marks = [["Nguyễn Văn An", "Trần Thị Bình"], ["Nguyễn Văn An"], ["Lê Văn Cường"], []]
    for n, names in enumerate(marks):
        voting.cast_election_ballot(
            election, by=voter(room, f"v{n}"), candidates=[ids[x] for x in names]
        )
    # the candidates' votes stay untouched (and unaudited) while voting is open
    assert not Candidate.objects.filter(votes__gt=0).exists()
    election = voting.close_election(election, by=province_officer)
    assert election.ballots_cast == 4
    votes = dict(election.candidates.values_list("full_name", "votes"))
    assert votes == {"Nguyễn Văn An": 2, "Trần Thị Bình": 1, "Lê Văn Cường": 1}
    # 2 of 4 is exactly half: nobody elected
    assert _elected(election) == []
    keys = list(ElectionMark.objects.values_list("pk", flat=True))
    assert all(key >= 2**40 for key in keys)


def test_the_agency_board_is_set_up_from_the_result(room, province_officer):
    # Given the office's conference elected three members of its board
    election = _counted(room, province_officer, [9, 8, 7, 2], seats=3, board_kind=BoardKind.AGENCY)
    # When the board is set up
    board = voting.set_up_board(election, by=province_officer)
    # Then it is the office's board being formed, with the three elected as members
    assert board.unit == room.unit and board.kind == BoardKind.AGENCY
    assert board.status == BoardStatus.FORMING
    assert sorted(board.members.values_list("full_name", flat=True)) == [
        "Lê Văn Cường",
        "Nguyễn Văn An",
        "Trần Thị Bình",
    ]
    # and a second time is refused: the unit already has a board
    with pytest.raises(ValidationError):
        voting.set_up_board(election, by=province_officer)
    assert Board.objects.count() == 1


def test_each_community_adds_its_member_to_the_communes_board(tree, commune_officer, root_admin):
    west = unit_actions.create_unit(
        by=root_admin, parent=tree.commune, name="Thôn Tây", kind=UnitKind.RESIDENTIAL
    )
    boards = []
    for unit, name in ((tree.village, "Người dân Đông"), (west, "Người dân Tây")):
        meeting = in_progress(unit, code=KindCode.COMMUNITY_CONFERENCE, participants=20)
        present(meeting, 15)
        election = _election(
            meeting, commune_officer, seats=1, names=[name], board_kind=BoardKind.COMMUNE
        )
        voting.open_election(election, by=commune_officer)
        candidate = election.candidates.get()
        voting.record_election_counts(
            election,
            by=commune_officer,
            ballots_cast=15,
            ballots_invalid=0,
            votes={candidate.pk: 12},
        )
        voting.close_election(election, by=commune_officer)
        boards.append(voting.set_up_board(election, by=commune_officer))
    # Then one board of the commune, one member per community
    assert boards[0] == boards[1]
    assert boards[0].unit == tree.commune
    members = dict(boards[0].members.values_list("full_name", "community__name"))
    assert members == {"Người dân Đông": "Thôn Đông", "Người dân Tây": "Thôn Tây"}


def test_a_board_is_not_set_up_before_the_election_closes(room, province_officer):
    election = _election(room, province_officer, seats=3, board_kind=BoardKind.AGENCY)
    with pytest.raises(ValidationError):
        voting.set_up_board(election, by=province_officer)
    assert not Board.objects.exists()


def test_only_officers_set_up_the_board(room, province_officer, employee):
    election = _counted(room, province_officer, [9, 8, 7], seats=3, board_kind=BoardKind.AGENCY)
    with pytest.raises(PermissionDenied):
        voting.set_up_board(election, by=employee)


def test_candidates_are_fixed_once_the_election_opens(room, province_officer):
    election = _election(room, province_officer, seats=1, names=NAMES[:2])
    voting.open_election(election, by=province_officer)
    with pytest.raises(ValidationError):
        voting.add_candidate(election, by=province_officer, full_name="Muộn")
    with pytest.raises(ValidationError):
        voting.remove_candidate(election.candidates.first(), by=province_officer)
    assert election.candidates.count() == 2


def test_an_election_counted_in_the_room_needs_its_figures_before_closing(room, province_officer):
    election = _election(room, province_officer, seats=1, names=NAMES[:2])
    voting.open_election(election, by=province_officer)
    with pytest.raises(ValidationError) as exc:
        voting.close_election(election, by=province_officer)
    assert exc.value.code == "no_counts"
