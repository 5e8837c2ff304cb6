"""A corrective action is overdue when it is not done after its deadline: not on the day itself."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.inspections import actions
from coso.inspections.models import CorrectiveAction

from .conftest import days


def test_on_the_deadline_day_it_is_not_overdue_the_day_after_it_is(world):
    action = world.upcoming
    deadline = action.deadline

    assert not action.is_overdue(deadline)
    assert action not in CorrectiveAction.objects.overdue(deadline)
    assert action.is_overdue(deadline + dt.timedelta(days=1))
    assert action in CorrectiveAction.objects.overdue(deadline + dt.timedelta(days=1))


def test_a_reported_action_awaiting_acceptance_is_still_overdue(world, commune_officer):
    actions.report_action(world.overdue, by=commune_officer, note="Đã niêm yết.")

    assert world.overdue in CorrectiveAction.objects.overdue(days(0))


def test_a_done_action_is_never_overdue(world, commune_officer, province_officer):
    actions.report_action(world.overdue, by=commune_officer, note="Đã niêm yết.")
    actions.accept_action(world.overdue, by=province_officer)

    assert world.overdue not in CorrectiveAction.objects.overdue(days(100))
    world.overdue.refresh_from_db()
    assert not world.overdue.is_overdue(days(100))


def test_the_unit_list_sorts_actions_into_to_do_overdue_and_done(
    world, login, commune_officer, province_officer
):
    actions.report_action(world.upcoming, by=commune_officer, note="Xong.")
    actions.accept_action(world.upcoming, by=province_officer)
    client = login(commune_officer)
    base = reverse("inspections:actions") + f"?unit={world.commune_target.unit_id}&side=inspected"

    overdue = client.get(base + "&state=overdue").content.decode()
    done = client.get(base + "&state=done").content.decode()
    todo = client.get(base + "&state=todo").content.decode()

    assert world.overdue.description in overdue and "Quá hạn" in overdue
    assert world.upcoming.description not in overdue
    assert world.upcoming.description in done
    assert world.overdue.description not in todo


def test_the_inspecting_side_lists_what_its_inspections_required(world, login, province_officer):
    client = login(province_officer)
    url = reverse("inspections:actions") + f"?unit={world.plan.unit_id}&side=inspecting"

    page = client.get(url + "&state=overdue").content.decode()

    assert world.overdue.description in page
    assert "Xã Thanh Miện" in page
