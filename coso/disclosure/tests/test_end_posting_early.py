"""Ending a posting early records the day and the reason; the compliance view lists it."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from coso.core.errors import InvalidTransition
from coso.disclosure import actions
from coso.disclosure.models import Disclosure, DisclosureStatus

from .conftest import publish


def test_the_day_and_reason_are_recorded(tree, commune_officer):
    item = publish(commune_officer, tree.commune, days=30)  # 10/03 to 08/04

    item = actions.end_posting_early(
        item, by=commune_officer, ended_on=dt.date(2025, 3, 15), reason="Niêm yết nhầm danh sách."
    )

    assert item.status == DisclosureStatus.ENDED_EARLY
    assert item.ended_on == dt.date(2025, 3, 15)
    assert item.end_reason == "Niêm yết nhầm danh sách."
    # Law on Access to Information, art. 21: it stayed up 6 of the 30 days required
    assert item.posting_days == 6 and item.is_short
    warnings = item.warnings()
    assert any("15/03/2025" in w and "Niêm yết nhầm" in w for w in warnings)
    assert list(Disclosure.objects.flagged()) == [item]
    assert item.is_public  # the public still reads what was posted, and that it ended


@pytest.mark.parametrize(
    ("ended_on", "reason", "field"),
    [
        (dt.date(2025, 3, 9), "Nhầm", "ended_on"),  # before the posting started
        (dt.date(2025, 3, 18), "Nhầm", "ended_on"),  # tomorrow
        (dt.date(2025, 3, 15), "  ", "reason"),
    ],
)
def test_bad_input_changes_nothing(tree, commune_officer, ended_on, reason, field):
    item = publish(commune_officer, tree.commune)

    with pytest.raises(ValidationError) as exc:
        actions.end_posting_early(item, by=commune_officer, ended_on=ended_on, reason=reason)

    assert field in exc.value.message_dict
    item.refresh_from_db()
    assert item.status == DisclosureStatus.PUBLISHED and item.ended_on is None


def test_a_posting_already_over_is_not_ended_early(tree, commune_officer):
    item = publish(commune_officer, tree.commune, starts_on=dt.date(2025, 2, 1), days=30)

    with pytest.raises(ValidationError) as exc:
        actions.end_posting_early(
            item, by=commune_officer, ended_on=dt.date(2025, 3, 5), reason="Hết hạn"
        )
    assert "ended_on" in exc.value.message_dict


def test_only_a_published_posting_ends(tree, commune_officer, world):
    for item in (world.draft, world.plan_v1):
        with pytest.raises(InvalidTransition):
            actions.end_posting_early(
                item, by=commune_officer, ended_on=dt.date(2025, 3, 15), reason="Nhầm"
            )
