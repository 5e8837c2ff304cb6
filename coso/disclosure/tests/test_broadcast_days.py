"""Law 10/2022/QH15, art. 13: items 7-12 of art. 11 are read on the loudspeakers for at least
3 consecutive days. Fewer days is a warning listed on the compliance view."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from coso.disclosure import actions
from coso.disclosure.models import ChannelMethod, Disclosure, longest_consecutive_run

from .conftest import publish

D = dt.date


def _broadcast(item, by, start: dt.date, end: dt.date) -> Disclosure:
    actions.add_channel(
        item,
        by=by,
        method=ChannelMethod.LOUDSPEAKER,
        detail="Đài truyền thanh xã",
        starts_on=start,
        ends_on=end,
    )
    return Disclosure.objects.select_related("category").get(pk=item.pk)


def test_a_fee_list_without_broadcast_is_flagged(tree, commune_officer):
    item = publish(commune_officer, tree.commune, "phi_le_phi")

    assert item.lacks_broadcast
    assert any("Điều 13" in w and "0" in w for w in item.warnings())


def test_two_days_are_too_few(tree, commune_officer):
    item = publish(commune_officer, tree.commune, "phi_le_phi")

    item = _broadcast(item, commune_officer, D(2025, 3, 10), D(2025, 3, 11))

    assert item.broadcast_days == 2
    assert item.lacks_broadcast
    assert list(Disclosure.objects.flagged()) == [item]


def test_three_consecutive_days_meet_the_rule(tree, commune_officer):
    item = publish(commune_officer, tree.commune, "phi_le_phi")

    item = _broadcast(item, commune_officer, D(2025, 3, 10), D(2025, 3, 12))

    assert item.broadcast_days == 3
    assert item.warnings() == []
    assert not Disclosure.objects.flagged().exists()


def test_days_with_a_gap_are_not_consecutive(tree, commune_officer):
    item = publish(commune_officer, tree.commune, "doi_tuong_thu_huong")

    _broadcast(item, commune_officer, D(2025, 3, 10), D(2025, 3, 11))
    item = _broadcast(item, commune_officer, D(2025, 3, 13), D(2025, 3, 13))

    assert item.broadcast_days == 2
    assert item.lacks_broadcast


def test_adjacent_broadcasts_join_into_one_run(tree, commune_officer):
    item = publish(commune_officer, tree.commune, "doi_tuong_thu_huong")

    _broadcast(item, commune_officer, D(2025, 3, 10), D(2025, 3, 10))
    item = _broadcast(item, commune_officer, D(2025, 3, 11), D(2025, 3, 12))

    assert item.broadcast_days == 3
    assert not item.lacks_broadcast


def test_categories_outside_items_7_to_12_need_no_broadcast(tree, commune_officer):
    item = publish(commune_officer, tree.commune, "ngan_sach")

    assert not item.lacks_broadcast
    assert item.warnings() == []


def test_a_loudspeaker_broadcast_needs_its_days(tree, commune_officer):
    item = publish(commune_officer, tree.commune, "phi_le_phi")

    with pytest.raises(ValidationError) as exc:
        actions.add_channel(item, by=commune_officer, method=ChannelMethod.LOUDSPEAKER)
    assert {"starts_on", "ends_on"} <= set(exc.value.message_dict)

    with pytest.raises(ValidationError) as exc:
        actions.add_channel(
            item,
            by=commune_officer,
            method=ChannelMethod.LOUDSPEAKER,
            starts_on=D(2025, 3, 12),
            ends_on=D(2025, 3, 10),
        )
    assert "ends_on" in exc.value.message_dict
    assert not item.channels.exists()


def test_longest_run():
    assert longest_consecutive_run([]) == 0
    assert longest_consecutive_run([(D(2025, 1, 1), D(2025, 1, 1))]) == 1
    assert (
        longest_consecutive_run(
            [
                (D(2025, 1, 5), D(2025, 1, 6)),
                (D(2025, 1, 1), D(2025, 1, 3)),
                (D(2025, 1, 4), D(2025, 1, 4)),
            ]
        )
        == 6
    )
    assert (
        longest_consecutive_run([(D(2025, 1, 1), D(2025, 1, 10)), (D(2025, 1, 2), D(2025, 1, 3))])
        == 10
    )
