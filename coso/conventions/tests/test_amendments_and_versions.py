"""Amendments are new versions taking the same steps; when one comes into force the one before
is superseded, and every earlier version stays readable with its dates."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.conventions import actions
from coso.conventions.models import VersionStatus
from coso.core.dates import today

from .conftest import backdate, bring_into_force, working


def test_recognising_the_amendment_supersedes_the_version_in_force(world, commune_officer):
    assert world.first.status == VersionStatus.IN_FORCE

    actions.recognise_version(world.second, by=commune_officer, decided_on=today())

    world.first.refresh_from_db()
    world.second.refresh_from_db()
    assert world.second.status == VersionStatus.IN_FORCE
    assert world.first.status == VersionStatus.SUPERSEDED
    assert world.first.superseded_on == today()
    assert world.in_force.versions.filter(status=VersionStatus.IN_FORCE).count() == 1


def test_an_amendment_takes_the_same_steps(world):
    # version 2 was posted for comment, approved by the households and submitted
    second = world.second
    assert second.number == 2
    assert second.consultation is not None
    assert second.consultation.period_days >= 30
    assert second.matter is not None and second.matter.adopted
    assert second.status == VersionStatus.SUBMITTED


def test_only_one_version_on_its_way_at_a_time(world, commune_officer):
    with pytest.raises(ValidationError) as caught:
        actions.start_amendment(world.in_force, by=commune_officer, text="Sửa đổi khác")

    assert "Phiên bản 2" in caught.value.messages[0] or "2" in caught.value.messages[0]


def test_a_refused_version_leaves_the_one_in_force_and_a_new_draft_may_follow(
    world, commune_officer
):
    actions.refuse_version(
        world.second,
        by=commune_officer,
        decided_on=today(),
        reasons="Điều 3 chưa phù hợp với phong tục của địa phương.",
    )

    world.first.refresh_from_db()
    assert world.first.status == VersionStatus.IN_FORCE
    third = actions.start_amendment(world.in_force, by=commune_officer)
    assert third.number == 3
    assert third.text == world.second.text  # starts from the latest text


def test_old_versions_stay_readable_publicly_with_their_dates(client, world, commune_officer):
    backdate(world.first, 400)
    actions.recognise_version(world.second, by=commune_officer, decided_on=today())
    world.first.refresh_from_db()

    detail = client.get(reverse("conventions_public:detail", args=[world.in_force.pk]))
    old = client.get(reverse("conventions_public:version", args=[world.first.pk]))

    body = detail.content.decode()
    assert "Phiên bản 2" in body and "Phiên bản 1" in body
    assert "Điều 3. Việc cưới, việc tang" in body  # the text in force
    old_body = old.content.decode()
    assert old.status_code == 200
    assert "Đã được thay thế" in old_body
    assert world.first.in_force_from.strftime("%d/%m/%Y") in old_body
    assert world.first.superseded_on.strftime("%d/%m/%Y") in old_body
    assert "Điều 3. Việc cưới" not in old_body


def test_drafts_and_refusals_are_not_public(client, world, commune_officer):
    assert (
        client.get(reverse("conventions_public:version", args=[world.second.pk])).status_code == 404
    )
    assert (
        client.get(reverse("conventions_public:detail", args=[world.draft.pk])).status_code == 404
    )


def test_a_first_version_in_force_starts_the_history(tree, commune_officer, households):
    from .conftest import start

    convention = start(commune_officer, tree.village)
    version = bring_into_force(working(convention), commune_officer, households)

    assert version.number == 1
    assert version.status == VersionStatus.IN_FORCE
    assert version.superseded_on is None
