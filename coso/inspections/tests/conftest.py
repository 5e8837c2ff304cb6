"""Inspections built through the real actions, shared by the tests of this app.

The province's steering committee inspects Xã Thanh Miện and Văn phòng UBND tỉnh. The
committee member sits in the team (linked account, records findings); the leader is a name
without an account. Dates are relative to today: the clock cannot move in a test.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from coso.core.dates import today
from coso.inspections import actions
from coso.inspections.actions import ActionSpec
from coso.inspections.models import InspectionPlan, InspectionTarget
from coso.units.models import UnitKind


def days(n: int) -> dt.date:
    return today() + dt.timedelta(days=n)


def ddmm(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def make_plan(by, committee, *, title="Kiểm tra việc thực hiện dân chủ ở cơ sở năm nay"):
    return actions.create_plan(
        by=by,
        committee=committee,
        year=today().year,
        number="05-KH/BCĐ",
        title=title,
        content="Kiểm tra việc xây dựng và thực hiện quy chế dân chủ; công khai; đối thoại.",
        starts_on=days(-40),
        ends_on=days(10),
    )


def prepare(plan, by, units, *, member=None) -> list[InspectionTarget]:
    actions.add_team_member(plan, by=by, name="Nguyễn Văn Trưởng Đoàn", is_leader=True)
    if member is not None:
        actions.add_team_member(plan, by=by, user=member, title="Ủy viên Ban Chỉ đạo")
    return [actions.add_target(plan, by=by, unit=u, planned_on=days(-35)) for u in units]


def running_plan(by, committee, units, *, member=None):
    plan = make_plan(by, committee)
    targets = prepare(plan, by, units, member=member)
    actions.issue_plan(plan, by=by)
    actions.start_plan(plan, by=by)
    plan.refresh_from_db()
    return plan, [InspectionTarget.objects.get(pk=t.pk) for t in targets]


def finding(target, by, text="Xã đã ban hành quy chế dân chủ nhưng chưa niêm yết đầy đủ."):
    return actions.record_finding(
        target,
        by=by,
        text=text,
        good_points="Tổ chức đối thoại định kỳ với Nhân dân.",
        shortcomings="Chưa công khai dự toán ngân sách tại nhà văn hóa thôn.",
        recorded_on=days(-30),
    )


def conclude(target, by, *, deadlines=(-5,), concluded=-30):
    specs = [
        ActionSpec(f"Chấn chỉnh việc niêm yết công khai, lần {i + 1}", days(d))
        for i, d in enumerate(deadlines)
    ]
    return actions.conclude_target(
        target,
        by=by,
        conclusion="Yêu cầu chấn chỉnh ngay việc công khai ngân sách.",
        concluded_on=days(concluded),
        actions=specs,
    )


@pytest.fixture
def world(tree, province_officer, committee, committee_member, commune_officer):
    """A running plan of the province over the commune and the office: the commune has findings
    and a conclusion with one overdue and one future corrective action; the office nothing yet.
    Plus a draft plan over the other commune."""
    plan, (commune_target, office_target) = running_plan(
        province_officer, committee, [tree.commune, tree.office], member=committee_member
    )
    commune_finding = finding(commune_target, committee_member)
    conclude(commune_target, province_officer, deadlines=(-5, 20))
    overdue, upcoming = commune_target.actions.order_by("deadline")
    draft = make_plan(province_officer, committee, title="Kế hoạch nháp")
    actions.add_target(draft, by=province_officer, unit=tree.other_commune, planned_on=days(-35))
    return SimpleNamespace(
        plan=InspectionPlan.objects.get(pk=plan.pk),
        commune_target=InspectionTarget.objects.get(pk=commune_target.pk),
        office_target=office_target,
        finding=commune_finding,
        overdue=overdue,
        upcoming=upcoming,
        draft=draft,
    )


@pytest.fixture
def campaign(tree, province_officer, committee):
    """A self-inspection ordered to the communes, agencies and enterprises below the province."""
    created = actions.create_campaign(
        by=province_officer,
        committee=committee,
        year=today().year,
        title="Tự kiểm tra việc thực hiện dân chủ ở cơ sở 6 tháng đầu năm",
        content="Các đơn vị tự kiểm tra và báo cáo kết quả.",
        unit_kinds=[UnitKind.COMMUNE, UnitKind.AGENCY, UnitKind.ENTERPRISE],
        deadline=days(10),
    )
    return actions.open_campaign(created, by=province_officer)
