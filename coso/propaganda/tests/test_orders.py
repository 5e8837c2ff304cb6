"""An upper unit orders its subtree to disseminate a text: each unit below sees what it must
still disseminate, the upper level sees the coverage, reminders go out once."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coso.core.dates import today
from coso.core.models import Notification
from coso.propaganda import actions, coverage
from coso.propaganda.models import Order
from coso.propaganda.reminders import send_order_reminders
from coso.units.models import UnitKind

from .conftest import make_text, session_of


def test_the_commune_that_recorded_a_session_has_covered_the_order(world, tree):
    rows = {u.pk: u.covered for u in coverage.coverage_rows(world.order)}
    # Only communes were ordered: the commune with a session, the other commune without.
    assert rows == {tree.commune.pk: True, tree.other_commune.pk: False}
    assert coverage.progress(world.order).percent == 50


def test_coverage_grows_when_the_other_commune_records_a_session(
    world, tree, other_commune_officer
):
    session_of(other_commune_officer, tree.other_commune, [world.law])
    assert coverage.progress(world.order) == coverage.Progress(total=2, covered=2)
    assert coverage.progress_of_orders([world.order])[world.order.pk].covered == 2


def test_a_session_of_a_unit_below_does_not_cover_its_parent(world, tree, commune_officer):
    order = actions.create_order(
        by=commune_officer, unit=tree.commune, text=world.decree, due_on=today()
    )
    session_of(commune_officer, tree.commune, [world.decree])  # the commune itself, not below
    assert coverage.progress(order) == coverage.Progress(total=1, covered=0)


def test_the_progress_is_one_aggregate_query(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        coverage.progress(world.order)


def test_units_below_see_what_they_must_still_disseminate(world, tree, other_commune_officer):
    assert coverage.pending_orders(tree.other_commune) == [world.order]
    assert coverage.pending_orders(tree.commune) == []  # already covered
    assert coverage.pending_orders(tree.office) == []  # not a commune
    session_of(other_commune_officer, tree.other_commune, [world.law])
    assert coverage.pending_orders(tree.other_commune) == []


def test_the_pending_page_shows_the_text_to_the_other_commune(world, other_commune_officer, login):
    response = login(other_commune_officer).get(reverse("propaganda:pending"))
    assert response.status_code == 200
    assert world.law.number_symbol in response.content.decode()


def test_the_coverage_page_shows_who_has_not(world, province_officer, login, tree):
    response = login(province_officer).get(
        reverse("propaganda:order_detail", args=[world.order.pk])
    )
    html = response.content.decode()
    assert tree.other_commune.name in html and "Chưa" in html
    assert 'aria-valuenow="1"' in html


def test_bad_orders_are_refused(world, tree, province_officer, commune_officer):
    with pytest.raises(ValidationError) as refused:
        actions.create_order(
            by=province_officer, unit=tree.province, text=world.law, due_on=today()
        )
    assert "text" in refused.value.message_dict  # already ordered
    with pytest.raises(ValidationError) as refused:
        actions.create_order(
            by=province_officer,
            unit=tree.province,
            text=world.decree,
            due_on=today() - dt.timedelta(days=1),
        )
    assert "due_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        actions.create_order(
            by=province_officer,
            unit=tree.province,
            text=world.decree,
            due_on=today(),
            unit_kinds=["planet"],
        )
    assert "unit_kinds" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        actions.create_order(
            by=province_officer, unit=tree.village, text=world.decree, due_on=today()
        )
    assert "unit" in refused.value.message_dict
    with pytest.raises(PermissionDenied):
        actions.create_order(
            by=commune_officer, unit=tree.province, text=world.decree, due_on=today()
        )
    assert Order.objects.count() == 1


def test_a_cancelled_order_is_no_longer_pending_and_cannot_be_cancelled_twice(
    world, tree, province_officer
):
    actions.cancel_order(world.order, by=province_officer)
    assert coverage.pending_orders(tree.other_commune) == []
    with pytest.raises(ValidationError):
        actions.cancel_order(world.order, by=province_officer)


def test_the_order_form_shows_errors_on_fields(world, tree, province_officer, login):
    response = login(province_officer).post(
        reverse("propaganda:order_create") + f"?unit={tree.province.pk}",
        {"unit": tree.province.pk, "text": world.law.pk, "due_on": "01/01/2001"},
    )
    assert response.status_code == 200
    assert "Ngày này đã qua." in response.content.decode()


# --- Reminders --------------------------------------------------------------------------------


def test_reminders_go_to_the_units_that_have_not_disseminated_once(
    world, tree, other_commune_officer, commune_officer
):
    created = send_order_reminders(today())
    again = send_order_reminders(today())

    notes = Notification.objects.filter(key__startswith="propaganda-order")
    assert created == 1 and again == 0
    assert [n.recipient_id for n in notes] == [other_commune_officer.pk]
    assert "phổ biến" in notes[0].message


def test_no_reminder_long_before_the_date(world, tree, other_commune_officer):
    assert send_order_reminders(world.order.due_on - dt.timedelta(days=30)) == 0


def test_an_overdue_reminder_follows_once(world, tree, other_commune_officer):
    send_order_reminders(today())
    late = send_order_reminders(world.order.due_on + dt.timedelta(days=1))
    assert late == 1
    assert send_order_reminders(world.order.due_on + dt.timedelta(days=2)) == 0


def test_the_task_runs(world, other_commune_officer):
    from coso.propaganda.tasks import send_reminders

    result = send_reminders.call(reschedule=False)
    assert result["reminders"] == 1


def test_an_order_for_every_kind_reaches_the_agency_too(world, tree, province_officer, employee):
    order = actions.create_order(
        by=province_officer, unit=tree.province, text=world.decree, due_on=today()
    )
    kinds = {u.kind for u in coverage.target_units(order)}
    assert UnitKind.AGENCY in kinds and UnitKind.RESIDENTIAL in kinds


def test_the_order_and_class_lists_take_a_fixed_number_of_queries(
    world, tree, province_officer, login, django_assert_num_queries
):
    for number in ("904/2099/KH-TEST", "905/2099/KH-TEST", "906/2099/KH-TEST"):
        actions.create_order(
            by=province_officer, unit=tree.province, text=make_text(number), due_on=today()
        )
    client = login(province_officer)
    client.get(reverse("propaganda:orders"))
    with django_assert_num_queries(8):
        response = client.get(reverse("propaganda:orders"))
    assert len(response.context["rows"]) == 4
    with django_assert_num_queries(6):
        client.get(reverse("propaganda:classes"))
