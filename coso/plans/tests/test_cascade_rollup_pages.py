"""Two communes carry a province task down; the province plan shows how far they got."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from coso.plans import actions
from coso.plans.models import Plan, Task, TaskStatus
from coso.plans.rollups import rollups_for_plan

from .conftest import make_plan


@pytest.fixture
def province_plan(tree, root_admin):
    plan = make_plan(
        root_admin, tree.province, "04-KH/BCĐ", issue=False, task_title="Tuyên truyền Luật"
    )
    actions.add_task(plan, by=root_admin, title="Sơ kết 6 tháng", timing="month", month=6)
    return actions.issue_plan(plan, by=root_admin)


def _derive(client, parent, unit, number, tasks):
    return client.post(
        reverse("plans:derive", args=[parent.pk]),
        {
            "unit": unit.pk,
            "kind": "plan",
            "number": number,
            "issued_on": "01/02/2024",
            "title": f"Kế hoạch của {unit.name}",
            "tasks": [t.pk for t in tasks],
        },
    )


def test_derive_page_prefills_and_ticks_every_task(login, province_plan, commune_officer):
    html = (
        login(commune_officer)
        .get(reverse("plans:derive", args=[province_plan.pk]))
        .content.decode()
    )

    assert province_plan.title in html
    assert html.count("checked") == province_plan.tasks.count()
    assert "Xã Thanh Miện" in html
    assert "Phường Quy Nhơn" not in html


def test_cascade_rollup_after_two_communes_carry_a_task_and_one_finishes(
    login, tree, province_plan, commune_officer, other_commune_officer, province_officer
):
    propaganda = province_plan.tasks.get(title="Tuyên truyền Luật")
    # given both communes build their plans from the province's, carrying the first task
    assert (
        _derive(
            login(commune_officer), province_plan, tree.commune, "12-KH/UBND", [propaganda]
        ).status_code
        == 302
    )
    assert (
        _derive(
            login(other_commune_officer),
            province_plan,
            tree.other_commune,
            "20-KH/UBND",
            [propaganda],
        ).status_code
        == 302
    )
    # and the commune finishes its copy
    carried = Task.objects.get(unit=tree.commune, source_task=propaganda)
    login(commune_officer).post(reverse("plans:task_status", args=[carried.pk]), {"status": "done"})

    # when the province officer opens the province plan
    html = (
        login(province_officer)
        .get(reverse("plans:detail", args=[province_plan.pk]))
        .content.decode()
    )

    # then the roll-up shows two units, one done, 50 % on average, and both derived plans
    assert "2 đơn vị đã cụ thể hóa: 1/2 hoàn thành, tiến độ trung bình 50%." in html
    assert html.count("đơn vị đã cụ thể hóa") == 1  # the second task was carried by nobody
    assert "Xã Thanh Miện: 12-KH/UBND" in html
    assert "Phường Quy Nhơn: 20-KH/UBND" in html
    carried_list = login(province_officer).get(reverse("plans:task_carried", args=[propaganda.pk]))
    assert "Xã Thanh Miện" in carried_list.content.decode()
    assert "Phường Quy Nhơn" in carried_list.content.decode()


def test_commune_sees_only_its_own_figures_in_the_province_rollup(
    login, tree, province_plan, commune_officer, other_commune_officer
):
    propaganda = province_plan.tasks.get(title="Tuyên truyền Luật")
    _derive(
        login(other_commune_officer), province_plan, tree.other_commune, "20-KH/UBND", [propaganda]
    )
    _derive(login(commune_officer), province_plan, tree.commune, "12-KH/UBND", [propaganda])

    html = (
        login(commune_officer)
        .get(reverse("plans:detail", args=[province_plan.pk]))
        .content.decode()
    )
    carried_list = login(commune_officer).get(reverse("plans:task_carried", args=[propaganda.pk]))

    assert "1 đơn vị đã cụ thể hóa" in html
    assert "Phường Quy Nhơn" not in carried_list.content.decode()


def test_a_task_carried_at_two_levels_counts_at_each_level(tree, root_admin):
    # given central → province → commune, each carrying the same task
    central = make_plan(root_admin, tree.central, "72-CTr/BCĐTW", issue=True)
    root = central.tasks.get()
    province = actions.derive_plan(
        central,
        by=root_admin,
        unit=tree.province,
        carried_task_ids=[root.pk],
        title="KH tỉnh",
        issued_on=dt.date(2024, 2, 1),
    )
    actions.issue_plan(province, by=root_admin)
    commune = actions.derive_plan(
        province,
        by=root_admin,
        unit=tree.commune,
        carried_task_ids=[province.tasks.get().pk],
        title="KH xã",
        issued_on=dt.date(2024, 3, 1),
    )
    actions.change_task_status(commune.tasks.get(), by=root_admin, status=TaskStatus.DONE)

    # then the central task sees both levels, the province task only the commune
    central_rollup = rollups_for_plan(central, central.tasks.all())[root.pk]
    province_task = province.tasks.get()
    province_rollup = rollups_for_plan(province, [province_task])[province_task.pk]
    assert (central_rollup.carried, central_rollup.units, central_rollup.done) == (2, 2, 1)
    assert (province_rollup.carried, province_rollup.done, province_rollup.average_progress) == (
        1,
        1,
        100,
    )


def test_derive_carries_only_ticked_tasks(login, tree, province_plan, commune_officer):
    first = province_plan.tasks.order_by("order").first()

    _derive(login(commune_officer), province_plan, tree.commune, "12-KH/UBND", [first])

    plan = Plan.objects.get(unit=tree.commune)
    assert [t.source_task_id for t in plan.tasks.all()] == [first.pk]


def test_derive_from_a_draft_is_refused(login, tree, root_admin, commune_officer, province_officer):
    draft = make_plan(root_admin, tree.province, "05-KH/BCĐ", issue=False)

    response = _derive(
        login(province_officer), draft, tree.commune, "12-KH/UBND", draft.tasks.all()
    )

    assert response.status_code == 302
    assert not Plan.objects.filter(unit=tree.commune).exists()
