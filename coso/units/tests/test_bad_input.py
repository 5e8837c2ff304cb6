"""Bad input never becomes a 500: the page comes back with a Vietnamese error and saves nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from coso.units import actions
from coso.units.models import FollowUpNote, UnitKind


def test_moving_a_unit_under_its_own_descendant_is_refused(login, tree, admin, snapshot):
    before = snapshot()

    response = login(admin).post(
        reverse("units:move", args=[tree.commune.pk]), {"new_parent": tree.village.pk}
    )

    message = "Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó."
    assert response.status_code == 200
    assert message in response.context["form"].errors["new_parent"]
    assert message in response.content.decode()
    assert snapshot() == before


def test_moving_a_unit_under_itself_is_refused(login, tree, admin, snapshot):
    before = snapshot()

    response = login(admin).post(
        reverse("units:move", args=[tree.commune.pk]), {"new_parent": tree.commune.pk}
    )

    assert response.status_code == 200
    assert "new_parent" in response.context["form"].errors
    assert snapshot() == before


def test_closing_twice_is_refused(login, tree, admin, snapshot):
    actions.close_unit(tree.village, by=admin, closed_on=dt.date(2025, 7, 1))
    before = snapshot()

    response = login(admin).post(
        reverse("units:close", args=[tree.village.pk]),
        {"closed_on": "02/07/2025", "reason": "", "merged_into": ""},
    )

    assert response.status_code == 200
    assert "Đơn vị này đã giải thể/sáp nhập rồi." in response.content.decode()
    assert response.context["form"].errors
    assert snapshot() == before


def test_a_future_follow_up_date_is_refused(login, tree, committee_member, follow, snapshot):
    before = snapshot()
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).strftime("%d/%m/%Y")

    response = login(committee_member).post(
        reverse("units:assignment", args=[follow.pk]),
        {"visited_on": tomorrow, "findings": "Đã kiểm tra"},
    )

    assert response.status_code == 200
    assert "Ngày không được sau ngày hôm nay." in response.context["note_form"].errors["visited_on"]
    assert FollowUpNote.objects.count() == 0
    assert snapshot() == before


@pytest.mark.parametrize("name", ["", "   "])
def test_an_empty_name_is_refused_on_rename(login, tree, admin, snapshot, name):
    before = snapshot()

    response = login(admin).post(
        reverse("units:rename", args=[tree.commune.pk]), {"name": name, "short_name": ""}
    )

    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.context["form"].errors["name"]
    assert snapshot() == before


def test_an_empty_name_is_refused_on_create(login, tree, admin, snapshot):
    before = snapshot()

    response = login(admin).post(
        reverse("units:create", args=[tree.commune.pk]), {"name": "", "kind": UnitKind.RESIDENTIAL}
    )

    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.context["form"].errors["name"]
    assert snapshot() == before


def test_an_impossible_date_is_refused(login, tree, admin, snapshot):
    before = snapshot()

    response = login(admin).post(
        reverse("units:close", args=[tree.village.pk]), {"closed_on": "31/02/2025"}
    )

    assert response.status_code == 200
    assert "closed_on" in response.context["form"].errors
    assert snapshot() == before


@pytest.mark.parametrize("value", ["abc", "999999", "-1"])
def test_a_unknown_parent_is_refused(login, tree, admin, snapshot, value):
    before = snapshot()

    response = login(admin).post(
        reverse("units:move", args=[tree.village.pk]), {"new_parent": value}
    )

    assert response.status_code == 200
    assert "new_parent" in response.context["form"].errors
    assert snapshot() == before


def test_adding_under_a_closed_unit_is_refused(login, tree, admin, snapshot):
    actions.close_unit(tree.village, by=admin, closed_on=dt.date(2025, 7, 1))
    before = snapshot()

    response = login(admin).post(
        reverse("units:create", args=[tree.village.pk]),
        {"name": "Tổ 1", "kind": UnitKind.RESIDENTIAL},
    )

    assert response.status_code == 200
    assert "Không thể thêm đơn vị vào đơn vị đã giải thể." in response.content.decode()
    assert snapshot() == before


def test_a_missing_unit_is_a_404(login, tree, admin):
    assert login(admin).get(reverse("units:detail", args=[999999])).status_code == 404
