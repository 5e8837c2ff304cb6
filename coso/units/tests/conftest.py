"""Fixtures for the units pages: the committee member's seat and follow assignment, a DB snapshot."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from coso.core.models import AuditEntry
from coso.units.models import (
    CommitteeMember,
    FollowAssignment,
    FollowUpNote,
    RoleAssignment,
    SteeringCommittee,
    Unit,
    User,
)


@pytest.fixture
def seat(committee, committee_member) -> CommitteeMember:
    """The committee member's seat on the province's steering committee."""
    return CommitteeMember.objects.get(committee=committee, user=committee_member)


@pytest.fixture
def follow(seat, tree) -> FollowAssignment:
    """The committee member follows Xã Thanh Miện."""
    return FollowAssignment.objects.get(member=seat, unit=tree.commune)


@pytest.fixture
def snapshot() -> Callable[[], tuple]:
    """Everything the units pages can change, to prove a refused request changed nothing."""

    def _take() -> tuple:
        return (
            list(
                Unit.objects.order_by("pk").values_list(
                    "pk", "name", "short_name", "path", "closed_on", "merged_into"
                )
            ),
            list(RoleAssignment.objects.order_by("pk").values_list("pk", "user", "unit", "role")),
            User.objects.count(),
            SteeringCommittee.objects.count(),
            CommitteeMember.objects.count(),
            list(FollowAssignment.objects.order_by("pk").values_list("pk", "unit", "ended_on")),
            FollowUpNote.objects.count(),
            AuditEntry.objects.count(),
        )

    return _take
