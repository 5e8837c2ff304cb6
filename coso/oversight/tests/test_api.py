"""The API lists boards and recommendations under the pages' permission policy."""

from __future__ import annotations

from coso.oversight.models import BoardKind


def test_the_api_lists_the_boards_of_the_subtree(client, world, commune_officer):
    client.force_login(commune_officer)
    data = client.get("/api/v1/oversight/boards/").json()
    ids = {item["id"] for item in data["items"]}
    assert ids == {world.board.pk, world.forming.pk}
    data = client.get("/api/v1/oversight/boards/", {"kind": BoardKind.INVESTMENT}).json()
    assert [item["id"] for item in data["items"]] == [world.forming.pk]


def test_the_api_shows_the_composition_problems(client, world, other_commune_officer):
    client.force_login(other_commune_officer)
    data = client.get(f"/api/v1/oversight/boards/{world.sibling.pk}").json()
    assert data["member_count"] == 2
    assert len(data["members"]) == 2
    refusals = [p for p in data["composition_problems"] if p["refuses_recognition"]]
    assert refusals[0]["code"] == "too_few_members"
    assert "cần ít nhất 5" in refusals[0]["message"]


def test_the_api_hides_other_communes(client, world, other_commune_officer, citizen):
    client.force_login(other_commune_officer)
    assert client.get(f"/api/v1/oversight/boards/{world.board.pk}").status_code == 404
    client.force_login(citizen)
    assert client.get("/api/v1/oversight/boards/").json()["count"] == 0
    assert client.get("/api/v1/oversight/recommendations/").json()["count"] == 0


def test_the_api_lists_recommendations_with_their_status(client, world, board_member):
    client.force_login(board_member)
    data = client.get("/api/v1/oversight/recommendations/").json()
    assert data["count"] == 1
    item = data["items"][0]
    assert item["status"] == "sent"
    assert item["overdue"] is False
    assert item["board_id"] == world.board.pk
    assert client.get("/api/v1/oversight/recommendations/", {"overdue": True}).json()["count"] == 0


def test_the_api_needs_a_session(client, world):
    assert client.get("/api/v1/oversight/boards/").status_code == 401
