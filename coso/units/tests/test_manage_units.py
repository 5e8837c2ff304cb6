"""An administrator changes the tree through the pages; every change goes through an action."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.core.models import AuditEntry
from coso.units.models import Unit, UnitKind


def test_admin_creates_a_sub_unit(login, tree, admin):
    response = login(admin).post(
        reverse("units:create", args=[tree.commune.pk]),
        {"name": " Thôn Tây ", "kind": UnitKind.RESIDENTIAL, "staff_count": ""},
    )

    unit = Unit.objects.get(name="Thôn Tây")
    assert response.status_code == 302
    assert response["Location"] == reverse("units:detail", args=[unit.pk])
    assert Unit.objects.get_parent(unit).pk == tree.commune.pk


def test_admin_renames_a_unit(login, tree, admin):
    response = login(admin).post(
        reverse("units:rename", args=[tree.commune.pk]),
        {"name": "Xã Thanh Miện Mới", "short_name": "TM"},
        follow=True,
    )

    tree.commune.refresh_from_db()
    assert tree.commune.name == "Xã Thanh Miện Mới"
    assert "Đã đổi tên đơn vị." in response.content.decode()


def test_move_page_finds_the_new_parent_by_search(login, tree, admin):
    response = login(admin).get(reverse("units:move", args=[tree.village.pk]), {"q": "quy nhon"})

    page = response.content.decode()
    assert f'<option value="{tree.other_commune.pk}">Phường Quy Nhơn</option>' in page


def test_admin_moves_a_unit_under_another(login, tree, admin):
    response = login(admin).post(
        reverse("units:move", args=[tree.village.pk]), {"new_parent": tree.other_commune.pk}
    )

    tree.village.refresh_from_db()
    assert response.status_code == 302
    assert Unit.objects.get_parent(tree.village).pk == tree.other_commune.pk


def test_admin_closes_a_unit_merging_it_and_reopens_it(login, tree, admin):
    client = login(admin)

    client.post(
        reverse("units:close", args=[tree.village.pk]),
        {"closed_on": "01/07/2025", "reason": "Sáp nhập thôn", "merged_into": tree.commune.pk},
    )
    tree.village.refresh_from_db()
    closed = (tree.village.closed_on, tree.village.closed_reason, tree.village.merged_into_id)
    client.post(reverse("units:reopen", args=[tree.village.pk]))
    tree.village.refresh_from_db()

    assert closed == (dt.date(2025, 7, 1), "Sáp nhập thôn", tree.commune.pk)
    assert tree.village.closed_on is None


def test_every_change_is_audited_as_the_admin(login, tree, admin):
    login(admin).post(
        reverse("units:rename", args=[tree.village.pk]), {"name": "Thôn Đông A", "short_name": ""}
    )

    entry = AuditEntry.objects.filter(object_pk=str(tree.village.pk)).latest("timestamp")
    assert entry.actor == admin
    assert entry.changes_dict["name"] == ["Thôn Đông", "Thôn Đông A"]


def test_reopen_needs_a_post(login, tree, admin):
    response = login(admin).get(reverse("units:reopen", args=[tree.village.pk]))

    assert response.status_code == 405
