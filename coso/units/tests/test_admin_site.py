"""The Django admin lists the units app's records for a superuser; the tree is not edited there."""

from __future__ import annotations

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    "name",
    [
        "unit",
        "user",
        "roleassignment",
        "steeringcommittee",
        "followassignment",
        "followupnote",
    ],
)
def test_admin_lists_open(client, root_admin, committee_member, name):
    client.force_login(root_admin)

    response = client.get(reverse(f"admin:units_{name}_changelist"))

    assert response.status_code == 200


def test_unit_can_be_corrected_but_not_added_in_admin(client, root_admin, tree):
    client.force_login(root_admin)

    change = client.get(reverse("admin:units_unit_change", args=[tree.commune.pk]))
    add = client.get(reverse("admin:units_unit_add"))

    assert change.status_code == 200
    assert add.status_code == 403
