"""A secret ballot records who voted but never how (Law 10/2022/QH15, art. 18): the choice is
stored in a row with no household, vote, voter or time, so no query can join them."""

import pytest
from django.db import connection

from coso.community import actions
from coso.community.models import SecretChoice, Vote
from coso.core.models import AuditEntry

from .conftest import open_meeting, open_online


@pytest.fixture
def secret_online(commune_officer, village, households):
    return open_online(commune_officer, village, secret=True)


def test_secret_choice_has_no_link_to_the_household(secret_online, households):
    # Given three households vote in a secret online ballot
    for household, choice in zip(households[:3], ["yes", "no", "yes"], strict=True):
        actions.cast_online_vote(
            by=household.representative_user, matter=secret_online, choice=choice
        )
    # Then who voted is known…
    votes = Vote.objects.filter(matter=secret_online)
    assert sorted(v.household.code for v in votes) == ["H001", "H002", "H003"]
    # …but the vote rows carry no choice
    assert set(votes.values_list("choice", flat=True)) == {""}
    # and the choices live in rows with nothing but the matter and the choice
    columns = {
        c.name
        for c in connection.introspection.get_table_description(
            connection.cursor(), SecretChoice._meta.db_table
        )
    }
    assert columns == {"id", "matter_id", "choice"}
    assert sorted(
        SecretChoice.objects.filter(matter=secret_online).values_list("choice", flat=True)
    ) == [
        "no",
        "yes",
        "yes",
    ]
    # random keys: their order does not follow the order of the votes
    assert all(len(str(c.pk)) == 36 for c in SecretChoice.objects.all())


def test_the_audit_log_does_not_reveal_a_secret_choice(secret_online, households):
    # Given a household voted "no" in secret
    actions.cast_online_vote(
        by=households[0].representative_user, matter=secret_online, choice="no"
    )
    # Then no audit entry mentions the choice table or the choice
    entries = AuditEntry.objects.all()
    assert not entries.filter(content_type__model="secretchoice").exists()
    vote_entries = [e for e in entries if e.content_type.model == "vote"]
    assert vote_entries
    assert all('"no"' not in str(e.changes) for e in vote_entries)


def test_secret_tally_is_correct_and_hidden_from_the_receipt(
    client, commune_officer, secret_online, households
):
    # Given 6 households agree and 2 disagree in secret
    for household in households[:6]:
        actions.cast_online_vote(
            by=household.representative_user, matter=secret_online, choice="yes"
        )
    for household in households[6:8]:
        actions.cast_online_vote(
            by=household.representative_user, matter=secret_online, choice="no"
        )
    # When the receipt page is shown to a voter, Then it does not show their choice
    client.force_login(households[6].representative_user)
    page = client.get(f"/bieu-quyet/{secret_online.pk}/bo-phieu/").content.decode()
    assert "receipt" in page.lower() or "Biên nhận" in page
    assert "Disagree" not in page and "Không tán thành" not in page
    # and the officer's page does not show the running count while voting is open
    client.force_login(commune_officer)
    detail = client.get(f"/bieu-quyet/{secret_online.pk}/").content.decode()
    assert "H009" in detail  # who has not voted is known
    assert "Tán thành: 6" not in detail  # how they voted is not, until the count
    # When counted, Then the result is right
    matter = actions.close_voting(by=commune_officer, matter=secret_online)
    assert (matter.yes_count, matter.no_count, matter.adopted) == (6, 2, True)


def test_secret_paper_ballot_at_a_meeting(commune_officer, counter, village, households):
    # Given a secret ballot at a meeting, counted by the board
    matter = open_meeting(commune_officer, village, kind="village_head", secret=True)
    actions.set_counting_board(by=commune_officer, matter=matter, members=[counter])
    actions.record_attendance(by=commune_officer, matter=matter, present=households[:7])
    codes = {
        c.household_id: c.code for c in actions.prepare_ballots(by=commune_officer, matter=matter)
    }
    for household in households[:7]:
        actions.record_paper_ballot(
            by=counter, matter=matter, code=codes[household.pk], choice="yes"
        )
    # Then the stored votes name the households and no choice
    assert set(Vote.objects.filter(matter=matter).values_list("choice", flat=True)) == {""}
    assert Vote.objects.filter(matter=matter).count() == 7
    # and a show of hands is refused for a secret ballot
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        actions.record_meeting_votes(by=commune_officer, matter=matter, votes={households[8]: "no"})
    assert actions.close_voting(by=commune_officer, matter=matter).adopted is True
