"""A unit with no plan of its own after the date its parent set is reminded."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse

from conftest import make_user
from coso.core.models import Notification
from coso.plans import actions
from coso.plans.models import Timing
from coso.plans.reminders import send_due_reminders
from coso.units import actions as unit_actions
from coso.units.models import Role

DUE = dt.date(2024, 3, 1)
AFTER_DUE = dt.date(2024, 3, 10)


@pytest.fixture
def province_plan(tree, province_officer):
    plan = actions.create_plan(
        by=province_officer,
        unit=tree.province,
        title="Kế hoạch thực hiện dân chủ ở cơ sở năm 2024",
        number="04-KH/BCĐ",
        issued_on=dt.date(2024, 1, 24),
        subordinate_plans_due=DUE,
    )
    actions.add_task(
        plan, by=province_officer, title="Tuyên truyền Luật", timing=Timing.QUARTER, quarter=2
    )
    return actions.issue_plan(plan, by=province_officer)


def commune_issues_its_plan(plan, officer, unit):
    own = actions.derive_plan(
        plan,
        by=officer,
        unit=unit,
        carried_task_ids=list(plan.tasks.values_list("pk", flat=True)),
        title="Kế hoạch của xã",
        issued_on=dt.date(2024, 2, 1),
    )
    return actions.issue_plan(own, by=officer)


def test_commune_without_a_plan_after_the_due_date_is_reminded_and_the_one_with_a_plan_is_not(
    tree, province_plan, province_officer, commune_officer, other_commune_officer
):
    # given Xã Thanh Miện issued its plan and Phường Quy Nhơn did not
    commune_issues_its_plan(province_plan, commune_officer, tree.commune)

    # when the worker runs after the due date
    summary = send_due_reminders(AFTER_DUE)

    # then only Phường Quy Nhơn's officer is reminded
    note = Notification.objects.get()
    assert note.recipient == other_commune_officer
    assert note.key == f"plan-missing:{province_plan.pk}:{tree.other_commune.pk}"
    assert "Phường Quy Nhơn" in note.message
    assert "04-KH/BCĐ" in note.message
    assert "01/03/2024" in note.message
    assert note.url == reverse("plans:detail", args=[province_plan.pk])
    assert summary.missing_plans == 1
    # and the officer has no e-mail address, so nothing is e-mailed
    assert mail.outbox == []


def test_officer_with_an_address_is_emailed(tree, root_admin, province_plan, other_commune_officer):
    other_commune_officer.email = "phuong@example.org"
    other_commune_officer.save()

    send_due_reminders(AFTER_DUE)

    assert [m.to for m in mail.outbox] == [["phuong@example.org"]]
    assert "Phường Quy Nhơn" in mail.outbox[0].body


def test_nobody_is_reminded_on_or_before_the_due_date(
    tree, province_plan, commune_officer, other_commune_officer
):
    send_due_reminders(DUE)

    assert not Notification.objects.exists()


def test_a_draft_plan_for_the_same_year_counts_as_having_a_plan(
    tree, province_plan, commune_officer, other_commune_officer
):
    actions.create_plan(
        by=other_commune_officer,
        unit=tree.other_commune,
        title="Kế hoạch của phường (dự thảo)",
        issued_on=dt.date(2024, 2, 20),
    )

    send_due_reminders(AFTER_DUE)

    assert not Notification.objects.filter(recipient=other_commune_officer).exists()
    assert Notification.objects.filter(recipient=commune_officer).exists()


def test_units_that_do_not_plan_and_deeper_units_are_not_reminded(
    tree, root_admin, province_plan, commune_officer, other_commune_officer
):
    # Thôn Đông (residential, below the commune) carries out the commune's plan
    village_officer = make_user("thon", "Trưởng thôn", tree.village, email="thon@example.org")
    unit_actions.assign_role(
        by=root_admin, user=village_officer, unit=tree.village, role=Role.UNIT_OFFICER
    )

    send_due_reminders(AFTER_DUE)

    assert not Notification.objects.filter(recipient=village_officer).exists()


def test_a_draft_or_undated_parent_plan_reminds_nobody(
    tree, province_officer, commune_officer, other_commune_officer
):
    actions.create_plan(
        by=province_officer,
        unit=tree.province,
        title="Dự thảo",
        issued_on=dt.date(2024, 1, 24),
        subordinate_plans_due=DUE,
    )

    send_due_reminders(AFTER_DUE)

    assert not Notification.objects.exists()


def test_running_twice_reminds_once(tree, province_plan, commune_officer, other_commune_officer):
    send_due_reminders(AFTER_DUE)
    count = Notification.objects.count()

    summary = send_due_reminders(AFTER_DUE)

    assert summary.missing_plans == 0
    assert Notification.objects.count() == count == 2
    assert len(mail.outbox) == 1  # only Xã Thanh Miện's officer has an address
