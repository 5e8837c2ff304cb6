"""A household's representative votes online: one form, then a receipt and never a second
form. A citizen without a household has nothing to vote on."""

import datetime as dt

from django.utils import timezone

from coso.community import actions
from coso.community.models import Vote

from .conftest import open_online


def test_vote_then_receipt_and_no_second_form(client, voter, online_matter, households):
    client.force_login(voter)
    form_page = client.get(f"/bieu-quyet/{online_matter.pk}/bo-phieu/").content.decode()
    assert 'name="choice"' in form_page and "H001" in form_page
    response = client.post(f"/bieu-quyet/{online_matter.pk}/bo-phieu/", {"choice": "yes"})
    assert response.status_code == 302
    receipt = client.get(f"/bieu-quyet/{online_matter.pk}/bo-phieu/").content.decode()
    assert 'id="receipt"' in receipt and 'name="choice"' not in receipt
    vote = Vote.objects.get()
    assert f"{online_matter.pk}-{vote.pk}" in receipt
    # a second post (an old tab) is refused with a message and changes nothing
    again = client.post(f"/bieu-quyet/{online_matter.pk}/bo-phieu/", {"choice": "no"})
    assert again.status_code == 409
    assert 'name="choice"' not in again.content.decode()
    assert Vote.objects.get().choice == "yes"


def test_my_matters_lists_the_votes_of_my_community(client, voter, online_matter):
    client.force_login(voter)
    page = client.get("/bieu-quyet/cua-toi/").content.decode()
    assert online_matter.title in page and "H001" in page


def test_citizen_without_household_cannot_vote(client, citizen, online_matter):
    client.force_login(citizen)
    assert client.get(f"/bieu-quyet/{online_matter.pk}/bo-phieu/").status_code == 404
    assert (
        client.post(f"/bieu-quyet/{online_matter.pk}/bo-phieu/", {"choice": "yes"}).status_code
        == 404
    )
    page = client.get("/bieu-quyet/cua-toi/").content.decode()
    assert online_matter.title not in page
    assert Vote.objects.count() == 0


def test_bad_choice_is_shown_on_the_form(client, voter, online_matter):
    client.force_login(voter)
    response = client.post(f"/bieu-quyet/{online_matter.pk}/bo-phieu/", {"choice": "maybe"})
    assert response.status_code == 200
    assert response.context["form"].errors["choice"]
    assert Vote.objects.count() == 0


def test_no_form_outside_the_voting_period(client, commune_officer, village, households, voter):
    later = open_online(
        commune_officer, village, voting_opens_at=timezone.now() + dt.timedelta(days=1)
    )
    client.force_login(voter)
    page = client.get(f"/bieu-quyet/{later.pk}/bo-phieu/").content.decode()
    assert 'name="choice"' not in page
    client.post(f"/bieu-quyet/{later.pk}/bo-phieu/", {"choice": "yes"})
    assert Vote.objects.count() == 0
    closed = open_online(commune_officer, village)
    actions.close_voting(by=commune_officer, matter=closed)
    assert 'name="choice"' not in client.get(f"/bieu-quyet/{closed.pk}/bo-phieu/").content.decode()
