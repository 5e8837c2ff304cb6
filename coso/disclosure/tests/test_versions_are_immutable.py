"""A published item is never edited in place: a correction is a new version, and the earlier
one stays readable, unchanged, with its dates (issue 4, item 2)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from coso.core.errors import InvalidTransition
from coso.disclosure import actions
from coso.disclosure.models import ChannelMethod, Disclosure, DisclosureFile, DisclosureStatus
from coso.disclosure.versions import version_history

from .conftest import pdf_file, publish


def _snapshot(item: Disclosure) -> tuple:
    item.refresh_from_db()
    return (item.title, item.body, item.starts_on, item.ends_on, item.status, item.version)


def test_editing_a_published_item_is_refused(tree, commune_officer):
    item = publish(commune_officer, tree.commune)
    before = _snapshot(item)

    with pytest.raises(ValidationError) as exc:
        actions.update_disclosure(item, by=commune_officer, title="Sửa lén")

    assert exc.value.code == "published_is_final"
    assert "bản đính chính" in exc.value.messages[0]
    assert _snapshot(item) == before


def test_files_of_a_published_item_do_not_change(tree, commune_officer, world):
    with pytest.raises(ValidationError):
        actions.add_file(world.budget, by=commune_officer, file=pdf_file("them.pdf"))
    with pytest.raises(ValidationError):
        actions.remove_file(world.budget_file, by=commune_officer)
    assert list(world.budget.files.all()) == [world.budget_file]


def test_a_draft_can_still_change(tree, commune_officer, world):
    draft = actions.update_disclosure(
        world.draft,
        by=commune_officer,
        title="Phương án bồi thường (dự thảo 2)",
        category_code="dau_tu",
    )
    assert draft.title == "Phương án bồi thường (dự thảo 2)"
    assert draft.category.code == "dau_tu"


def test_a_correction_is_a_new_version_and_keeps_the_old_one(tree, commune_officer, world):
    # given the published budget with a file and a posting
    old = world.budget
    before = _snapshot(old)[:4]

    # when the officer publishes a correction
    new = actions.correct_disclosure(
        old,
        by=commune_officer,
        correction_note="Sửa tổng thu theo Nghị quyết HĐND.",
        body="Tổng thu 12.800 triệu đồng.",
    )

    # then version 2 is published, and version 1 is kept unchanged, marked as replaced
    old.refresh_from_db()
    assert (new.version, new.status, new.supersedes_id) == (2, DisclosureStatus.PUBLISHED, old.pk)
    assert new.series_id == old.pk
    assert new.body == "Tổng thu 12.800 triệu đồng." and new.title == old.title
    assert old.status == DisclosureStatus.SUPERSEDED and old.superseded_at == new.published_at
    assert _snapshot(old)[:4] == before
    # the new posting starts today and lasts as long as the first one did
    assert new.starts_on == dt.date(2025, 3, 17)
    assert new.posting_days == old.posting_days == 30
    # files are carried over (same stored file); the old version keeps its own
    assert [f.file.name for f in new.files.all()] == [world.budget_file.file.name]
    assert list(old.files.all()) == [world.budget_file]
    # the ways of disclosure belong to the earlier posting unless asked for
    assert not new.channels.exists() and old.channels.count() == 1


def test_the_history_lists_every_version_with_its_dates(tree, commune_officer, world):
    v3 = actions.correct_disclosure(
        world.plan_v2, by=commune_officer, correction_note="Bổ sung chỉ tiêu môi trường."
    )

    history = version_history(v3)

    assert [(v.version, v.status) for v in history] == [
        (1, "superseded"),
        (2, "superseded"),
        (3, "published"),
    ]
    assert history[0].starts_on == dt.date(2025, 2, 3)
    assert history[1].correction_note == "Sửa chỉ tiêu thu ngân sách."
    assert version_history(world.plan_v1) == history
    assert all(v.root_id == world.plan_v1.pk for v in history[1:])


def test_a_replaced_version_cannot_be_corrected_again(tree, commune_officer, world):
    with pytest.raises(InvalidTransition):
        actions.correct_disclosure(world.plan_v1, by=commune_officer, correction_note="Lần nữa")
    assert Disclosure.objects.filter(root=world.plan_v1).count() == 1


def test_a_correction_says_what_it_corrects(tree, commune_officer, world):
    with pytest.raises(ValidationError) as exc:
        actions.correct_disclosure(world.budget, by=commune_officer, correction_note="  ")
    assert "correction_note" in exc.value.message_dict
    world.budget.refresh_from_db()
    assert world.budget.status == DisclosureStatus.PUBLISHED


def test_a_correction_can_keep_the_ways_and_add_a_file(tree, commune_officer):
    item = publish(commune_officer, tree.commune, "phi_le_phi")
    actions.add_channel(
        item,
        by=commune_officer,
        method=ChannelMethod.LOUDSPEAKER,
        starts_on=dt.date(2025, 3, 10),
        ends_on=dt.date(2025, 3, 12),
    )

    new = actions.correct_disclosure(
        item,
        by=commune_officer,
        correction_note="Bổ sung biểu phí.",
        keep_channels=True,
        new_files=[pdf_file("bieu-phi.pdf")],
    )

    assert new.broadcast_days == 3 and not new.lacks_broadcast
    assert [f.original_name for f in new.files.all()] == ["bieu-phi.pdf"]


def test_a_bad_corrected_file_leaves_everything_as_it_was(tree, commune_officer, world):
    bad = pdf_file("bieu.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(ValidationError) as exc:
        actions.correct_disclosure(
            world.budget, by=commune_officer, correction_note="Sửa", new_files=[bad]
        )
    assert "file" in exc.value.message_dict
    world.budget.refresh_from_db()
    assert world.budget.status == DisclosureStatus.PUBLISHED
    assert Disclosure.objects.filter(supersedes=world.budget).count() == 0
    assert DisclosureFile.objects.count() == 2
