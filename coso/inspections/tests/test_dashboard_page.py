"""An overdue corrective action shows on the dashboard of the inspected unit and of the
inspecting one, and not on an unrelated unit's."""

from __future__ import annotations

from django.urls import reverse


def _dashboard(client, user, unit) -> str:
    client.force_login(user)
    response = client.get(reverse("dashboard:unit", args=[unit.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_both_sides_see_the_overdue_action(client, tree, world, commune_officer, province_officer):
    overdue = world.overdue.description

    inspected = _dashboard(client, commune_officer, tree.commune)
    inspecting = _dashboard(client, province_officer, tree.province)

    assert "Yêu cầu chấn chỉnh quá hạn" in inspected
    assert overdue in inspected
    assert overdue in inspecting
    # The action due in 20 days is not overdue yet.
    assert world.upcoming.description not in inspected


def test_another_commune_sees_none(client, tree, world, other_commune_officer):
    page = _dashboard(client, other_commune_officer, tree.other_commune)

    assert world.overdue.description not in page
