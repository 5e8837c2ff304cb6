"""The read-only JSON API of conventions, under the pages' permission policy."""

from __future__ import annotations


def test_a_citizen_reads_the_versions_the_public_reads(client, world, citizen):
    client.force_login(citizen)

    listed = client.get("/api/v1/conventions/").json()["items"]
    detail = client.get(f"/api/v1/conventions/{world.in_force.pk}").json()

    assert [c["title"] for c in listed] == [world.in_force.title]
    assert [v["number"] for v in detail["versions"]] == [1]
    assert client.get(f"/api/v1/conventions/{world.draft.pk}").status_code == 404


def test_the_communes_officer_reads_every_version(client, world, commune_officer):
    client.force_login(commune_officer)

    detail = client.get(f"/api/v1/conventions/{world.in_force.pk}").json()

    assert [(v["number"], v["status"]) for v in detail["versions"]] == [
        (2, "submitted"),
        (1, "in_force"),
    ]
    assert detail["versions"][0]["decision_deadline"] is not None


def test_anonymous_callers_must_sign_in(client, world):
    assert client.get("/api/v1/conventions/").status_code == 401
