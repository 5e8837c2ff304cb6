"""The JSON API: matters visible by role, and a household's online vote (201), a second vote
(409, Vietnamese message), a bad choice (422), no household (404)."""

from coso.community.models import Vote


def _vote(client, matter, choice="yes"):
    return client.post(
        f"/api/v1/community/matters/{matter.pk}/votes",
        {"choice": choice},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="vi",
    )


def test_cast_then_second_vote_is_409(client, voter, online_matter):
    client.force_login(voter)
    first = _vote(client, online_matter)
    assert first.status_code == 201
    assert first.json()["household_code"] == "H001"
    assert first.json()["choice"] == "yes"
    second = _vote(client, online_matter, "no")
    assert second.status_code == 409
    assert "đã biểu quyết" in second.json()["detail"]
    assert Vote.objects.get().choice == "yes"


def test_bad_choice_and_no_household(client, voter, citizen, online_matter):
    client.force_login(voter)
    assert _vote(client, online_matter, "maybe").status_code == 422
    client.force_login(citizen)
    assert _vote(client, online_matter).status_code == 404
    client.logout()
    assert _vote(client, online_matter).status_code == 401
    assert Vote.objects.count() == 0


def test_online_vote_on_a_meeting_is_400(client, voter, meeting_matter):
    client.force_login(voter)
    response = _vote(client, meeting_matter)
    assert response.status_code == 400
    assert response.json()["detail"]


def test_list_and_detail(
    client, commune_officer, other_commune_officer, voter, online_matter, households
):
    client.force_login(voter)
    _vote(client, online_matter)
    listed = client.get("/api/v1/community/matters/").json()
    assert [m["id"] for m in listed["items"]] == [online_matter.pk]
    detail = client.get(f"/api/v1/community/matters/{online_matter.pk}").json()
    assert detail["my_household"]["voted"] is True
    assert detail["tally"]["voted"] == 1 and detail["tally"]["votes_needed"] == 6
    client.force_login(commune_officer)
    assert client.get("/api/v1/community/matters/").json()["count"] == 1
    client.force_login(other_commune_officer)
    assert client.get("/api/v1/community/matters/").json()["count"] == 0
    assert client.get(f"/api/v1/community/matters/{online_matter.pk}").status_code == 404


def test_secret_tally_hidden_while_open(client, commune_officer, village, households):
    from .conftest import open_online

    matter = open_online(commune_officer, village, secret=True)
    client.force_login(households[0].representative_user)
    vote = _vote(client, matter, "no").json()
    assert vote["choice"] == ""
    tally = client.get(f"/api/v1/community/matters/{matter.pk}").json()["tally"]
    assert tally["voted"] == 1 and tally["no"] is None
