"""The counting board's page: paper ballots entered by their code, typed or scanned.

Law 10/2022/QH15, arts. 17-18: one vote per household whatever the channel; a code that does
not exist or was already used is refused with a clear Vietnamese message and records nothing.
"""

import re

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.community import actions
from coso.community.documents.build import grouped
from coso.community.models import BallotCode, SecretChoice, Vote, VoteChoice

from .conftest import open_ballot

VIETNAMESE = re.compile("[ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]")


@pytest.fixture
def ballots(commune_officer, ballot_matter) -> list[BallotCode]:
    return actions.prepare_ballots(by=commune_officer, matter=ballot_matter)


def _url(matter) -> str:
    return reverse("community:counting", args=[matter.pk])


def _code_error(response) -> str:
    errors = response.context["form"].errors.get("code", [])
    assert len(errors) == 1, response.context["form"].errors
    return errors[0]


def test_a_good_code_is_recorded_and_the_tally_moves(
    client, commune_officer, ballot_matter, ballots
):
    # Given the printed ballots of ten households
    client.force_login(commune_officer)

    # When the first ballot is typed as printed, in lower case and with its dashes
    response = client.post(
        _url(ballot_matter),
        {"code": grouped(ballots[0].code).lower(), "choice": VoteChoice.YES},
        follow=True,
    )

    # Then the household's vote is stored once and the page shows the new tally
    vote = Vote.objects.get(matter=ballot_matter)
    assert vote.household == ballots[0].household and vote.choice == VoteChoice.YES
    content = response.content.decode()
    assert response.status_code == 200
    assert ballots[0].household.code in content
    assert re.search(r'id="tally-yes">1<', content)
    assert re.search(r"remaining: 9|còn lại: 9", content)


def test_an_unknown_code_gives_a_vietnamese_message_and_records_nothing(
    client, commune_officer, ballot_matter, ballots
):
    client.force_login(commune_officer)

    response = client.post(_url(ballot_matter), {"code": "ZZZZ-ZZZZ-ZZZZ", "choice": "yes"})

    assert response.status_code == 200
    message = _code_error(response)
    assert "ZZZZZZZZZZZZ" in message and VIETNAMESE.search(message), message
    assert message in response.content.decode()
    assert not Vote.objects.filter(matter=ballot_matter).exists()


def test_a_reused_code_gives_a_vietnamese_message_and_records_nothing(
    client, commune_officer, ballot_matter, ballots
):
    # Given a ballot already entered
    client.force_login(commune_officer)
    client.post(_url(ballot_matter), {"code": ballots[1].code, "choice": "no"})

    # When the same code is entered again with another choice
    response = client.post(_url(ballot_matter), {"code": ballots[1].code, "choice": "yes"})

    # Then it is refused and the first entry stands alone
    message = _code_error(response)
    assert ballots[1].code in message and VIETNAMESE.search(message), message
    assert list(Vote.objects.filter(matter=ballot_matter).values_list("choice", flat=True)) == [
        "no"
    ]


def test_a_code_of_another_matter_is_refused(
    client, commune_officer, village, ballot_matter, ballots
):
    other = open_ballot(commune_officer, village)
    foreign = actions.prepare_ballots(by=commune_officer, matter=other)[0]
    client.force_login(commune_officer)

    response = client.post(_url(ballot_matter), {"code": foreign.code, "choice": "yes"})

    assert foreign.code in _code_error(response)
    assert not Vote.objects.exists()


def test_a_missing_choice_is_asked_for_and_nothing_is_recorded(
    client, commune_officer, ballot_matter, ballots
):
    client.force_login(commune_officer)

    response = client.post(_url(ballot_matter), {"code": ballots[0].code})

    assert response.status_code == 200
    assert response.context["form"].errors["choice"]
    assert not Vote.objects.exists()
    assert BallotCode.objects.get(pk=ballots[0].pk).used_at is None


def test_htmx_gets_only_the_panel_with_the_new_tally(
    client, commune_officer, ballot_matter, ballots
):
    client.force_login(commune_officer)

    response = client.post(
        _url(ballot_matter),
        {"code": ballots[2].code, "choice": VoteChoice.ABSTAIN},
        headers={"HX-Request": "true"},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content and 'id="counting-panel"' in content
    assert re.search(r'id="tally-abstain">1<', content)
    assert ballots[2].household.code in content


def test_a_secret_ballot_page_lists_who_was_entered_never_how(
    client, commune_officer, village, households
):
    matter = open_ballot(commune_officer, village, secret=True)
    codes = actions.prepare_ballots(by=commune_officer, matter=matter)
    client.force_login(commune_officer)

    response = client.post(_url(matter), {"code": codes[0].code, "choice": "no"}, follow=True)

    assert Vote.objects.get(matter=matter).choice == ""
    assert SecretChoice.objects.get(matter=matter).choice == "no"
    content = response.content.decode()
    recent = content.partition('id="recent-heading"')[2]
    assert codes[0].household.code in recent
    assert not re.search(r"Không đồng ý|Disagree", recent)


def test_the_page_of_a_closed_matter_takes_no_more_ballots(
    client, commune_officer, ballot_matter, ballots
):
    actions.close_voting(by=commune_officer, matter=ballot_matter)
    client.force_login(commune_officer)

    page = client.get(_url(ballot_matter))
    response = client.post(_url(ballot_matter), {"code": ballots[0].code, "choice": "yes"})

    assert 'name="code"' not in page.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Vote.objects.exists()


# --- Who may open the page and enter ballots -------------------------------------------------------

EXPECTED = {
    "admin": 200,
    "province_officer": 200,
    "commune_officer": 200,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 403,
    "citizen": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_counting_page_permissions(client, personas, persona, ballot_matter, ballots):
    client = client_as(client, personas, persona)

    page = client.get(_url(ballot_matter))
    posted = client.post(_url(ballot_matter), {"code": ballots[0].code, "choice": "yes"})

    assert page.status_code == EXPECTED[persona]
    if persona == "anonymous":
        assert page["Location"].startswith(reverse("login"))
    recorded = Vote.objects.filter(matter=ballot_matter).exists()
    assert recorded == (EXPECTED[persona] == 200)
    assert posted.status_code in ((302,) if recorded else (EXPECTED[persona],))


def test_a_counting_board_member_without_a_role_enters_ballots(
    client, commune_officer, ballot_matter, ballots, counter
):
    actions.set_counting_board(by=commune_officer, matter=ballot_matter, members=[counter])
    client.force_login(counter)

    client.post(_url(ballot_matter), {"code": ballots[0].code, "choice": "yes"})

    assert Vote.objects.get(matter=ballot_matter).recorded_by == counter


def test_an_online_vote_takes_the_paper_ballots_of_households_without_an_account(
    client, commune_officer, online_matter
):
    # Law 10/2022/QH15, art. 17: one vote per household whatever the channel; a household
    # without an account answers on paper, entered on the same page.
    codes = actions.prepare_ballots(by=commune_officer, matter=online_matter)
    client.force_login(commune_officer)

    response = client.post(_url(online_matter), {"code": codes[0].code, "choice": "yes"})

    assert response.status_code == 302
    assert Vote.objects.get(matter=online_matter).channel == "paper"


def test_the_page_reads_in_few_queries_however_many_ballots_were_entered(
    client, commune_officer, ballot_matter, ballots, django_assert_max_num_queries
):
    for ballot in ballots[:8]:
        actions.record_paper_ballot(
            by=commune_officer, matter=ballot_matter, code=ballot.code, choice="yes"
        )
    client.force_login(commune_officer)

    with django_assert_max_num_queries(12):
        response = client.get(_url(ballot_matter))

    assert response.content.decode().count("<tr><td>") == 8
