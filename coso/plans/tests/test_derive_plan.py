import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from coso.plans import actions
from coso.plans.models import PlanStatus, Task, Timing


@pytest.fixture
def province_plan(tree, province_officer):
    plan = actions.create_plan(
        by=province_officer,
        unit=tree.province,
        title="Kế hoạch thực hiện dân chủ ở cơ sở năm 2024",
        number="04-KH/BCĐ",
        issued_on=dt.date(2024, 1, 24),
    )
    actions.add_task(
        plan, by=province_officer, title="Tuyên truyền Luật", timing=Timing.QUARTER, quarter=1
    )
    actions.add_task(
        plan,
        by=province_officer,
        title="Sơ kết 6 tháng",
        timing=Timing.DUE_DATE,
        due_date=dt.date(2024, 6, 15),
    )
    return actions.issue_plan(plan, by=province_officer)


def test_commune_carries_chosen_tasks_down_and_they_stay_linked(
    tree, province_plan, commune_officer
):
    first, second = province_plan.tasks.all()

    plan = actions.derive_plan(
        province_plan,
        by=commune_officer,
        unit=tree.commune,
        carried_task_ids=[second.pk],
        title="Kế hoạch của xã",
        issued_on=dt.date(2024, 2, 1),
        number="12-KH/UBND",
    )

    carried = plan.tasks.get()
    assert carried.source_task == second
    assert carried.root_task == second
    assert carried.deadline == dt.date(2024, 6, 15)
    assert plan.parent_plan == province_plan
    assert plan.status == PlanStatus.DRAFT
    assert plan.bases.get().linked_plan == province_plan
    assert Task.objects.filter(root_task=first).count() == 1  # only the original


def test_other_commune_cannot_derive_for_a_commune_it_does_not_hold(
    tree, province_plan, other_commune_officer
):
    with pytest.raises(PermissionDenied):
        actions.derive_plan(
            province_plan,
            by=other_commune_officer,
            unit=tree.commune,
            carried_task_ids=[],
            title="X",
            issued_on=dt.date(2024, 2, 1),
        )


def test_task_due_before_plan_date_is_refused(tree, province_officer):
    plan = actions.create_plan(
        by=province_officer, unit=tree.province, title="KH", issued_on=dt.date(2024, 3, 1)
    )
    with pytest.raises(ValidationError) as err:
        actions.add_task(
            plan,
            by=province_officer,
            title="Sớm",
            timing=Timing.DUE_DATE,
            due_date=dt.date(2024, 2, 1),
        )
    assert "due_date" in err.value.message_dict
    assert plan.tasks.count() == 0


def test_duplicate_document_number_in_one_unit_is_refused(tree, province_plan, province_officer):
    with pytest.raises(ValidationError) as err:
        actions.create_plan(
            by=province_officer,
            unit=tree.province,
            title="Khác",
            number="04-KH/BCĐ",
            issued_on=dt.date(2024, 5, 1),
        )
    assert "number" in err.value.message_dict
