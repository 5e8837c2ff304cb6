"""Paper ballots carry a unique, unguessable code per household; the counting board enters each
by its code. A code that does not exist or was already used gets a clear Vietnamese message and
nothing is stored."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from coso.community import actions
from coso.community.models import BallotCode, Vote

from .conftest import open_ballot


@pytest.fixture
def ballot(commune_officer, counter, village, households):
    matter = open_ballot(commune_officer, village)
    actions.set_counting_board(by=commune_officer, matter=matter, members=[counter])
    return matter


def test_every_household_gets_one_unique_code(commune_officer, ballot, households):
    codes = actions.prepare_ballots(by=commune_officer, matter=ballot)
    # one per household, unique, 12 characters from an alphabet without look-alikes
    assert len(codes) == len(households)
    assert len({c.code for c in codes}) == len(codes)
    assert all(len(c.code) == 12 and not set(c.code) & set("01ILO") for c in codes)
    # preparing again keeps the printed codes
    again = actions.prepare_ballots(by=commune_officer, matter=ballot)
    assert [c.code for c in again] == [c.code for c in codes]


def test_the_board_enters_a_ballot_typed_with_spaces_and_lower_case(
    commune_officer, counter, ballot, households
):
    code = actions.prepare_ballots(by=commune_officer, matter=ballot)[0]
    typed = f" {code.code[:4].lower()}-{code.code[4:8]} {code.code[8:]} "
    vote = actions.record_paper_ballot(by=counter, matter=ballot, code=typed, choice="no")
    assert vote.household == code.household
    assert vote.recorded_by == counter and vote.cast_by is None
    code.refresh_from_db()
    assert code.used_at is not None


def test_unknown_code_is_refused_in_vietnamese(commune_officer, counter, ballot, households):
    actions.prepare_ballots(by=commune_officer, matter=ballot)
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        actions.record_paper_ballot(by=counter, matter=ballot, code="ZZZZ-ZZZZ-ZZZZ", choice="yes")
    assert "ZZZZZZZZZZZZ" in refused.value.message_dict["code"][0]
    assert "Không có phiếu" in refused.value.message_dict["code"][0]
    assert Vote.objects.count() == 0


def test_used_code_is_refused_in_vietnamese(commune_officer, counter, ballot, households):
    code = actions.prepare_ballots(by=commune_officer, matter=ballot)[0].code
    actions.record_paper_ballot(by=counter, matter=ballot, code=code, choice="yes")
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        actions.record_paper_ballot(by=counter, matter=ballot, code=code, choice="no")
    assert "đã được nhập" in refused.value.message_dict["code"][0]
    assert Vote.objects.get().choice == "yes"


def test_code_of_another_matter_is_refused(commune_officer, counter, village, ballot, households):
    other = open_ballot(commune_officer, village)
    other_code = actions.prepare_ballots(by=commune_officer, matter=other)[0].code
    actions.prepare_ballots(by=commune_officer, matter=ballot)
    with pytest.raises(ValidationError):
        actions.record_paper_ballot(by=counter, matter=ballot, code=other_code, choice="yes")
    assert Vote.objects.count() == 0
    assert BallotCode.objects.filter(used_at__isnull=False).count() == 0


def test_empty_code_and_bad_choice_are_refused(commune_officer, counter, ballot, households):
    code = actions.prepare_ballots(by=commune_officer, matter=ballot)[0].code
    with pytest.raises(ValidationError) as empty:
        actions.record_paper_ballot(by=counter, matter=ballot, code="  ", choice="yes")
    assert "code" in empty.value.message_dict
    with pytest.raises(ValidationError) as bad:
        actions.record_paper_ballot(by=counter, matter=ballot, code=code, choice="maybe")
    assert "choice" in bad.value.message_dict
    # nothing half-saved: the code is still unused
    assert BallotCode.objects.get(code=code).used_at is None
    assert Vote.objects.count() == 0


def test_only_the_board_and_managers_enter_ballots(
    commune_officer, ballot, households, citizen, employee, other_commune_officer
):
    code = actions.prepare_ballots(by=commune_officer, matter=ballot)[0].code
    for outsider in (citizen, employee, other_commune_officer, households[0].representative_user):
        with pytest.raises(PermissionDenied):
            actions.record_paper_ballot(by=outsider, matter=ballot, code=code, choice="yes")
    assert actions.record_paper_ballot(by=commune_officer, matter=ballot, code=code, choice="yes")


def test_no_ballot_after_counting(commune_officer, counter, ballot, households):
    code = actions.prepare_ballots(by=commune_officer, matter=ballot)[0].code
    actions.close_voting(by=commune_officer, matter=ballot)
    with pytest.raises(ValidationError):
        actions.record_paper_ballot(by=counter, matter=ballot, code=code, choice="yes")
    assert Vote.objects.count() == 0
