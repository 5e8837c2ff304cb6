"""`coso load_demo`: the demo every newcomer sees first must load and be usable."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction

from coso.demo.builder import DEMO_ACCOUNTS, DEMO_PASSWORD
from coso.plans.models import BasisKind, Plan, PlanStatus, Task
from coso.units.models import RoleAssignment, Unit, User


@pytest.fixture(scope="module")
def demo_output(django_db_setup, django_db_blocker):
    """Load the demo once for the module, on an empty database, and roll it back afterwards."""
    with django_db_blocker.unblock(), transaction.atomic():
        assert not Unit.objects.exists()
        out = io.StringIO()
        call_command("load_demo", "--if-empty", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_output, db) -> str:
    return demo_output


def test_every_demo_account_logs_in_and_reaches_its_home_page(demo, client):
    for account in DEMO_ACCOUNTS:
        assert client.login(username=account.username, password=DEMO_PASSWORD), account.username

        response = client.get("/", follow=True)

        assert response.status_code == 200, account.username
        client.logout()


def test_accounts_hold_the_roles_they_are_printed_with(demo):
    admin = User.objects.get(username="admin")
    assert admin.is_superuser
    roles = dict(RoleAssignment.objects.values_list("user__username", "role").distinct())
    assert roles["tinh"] == "steering_officer"
    assert roles["uyvien"] == "committee_member"
    assert roles["xa"] == "unit_officer"
    assert roles["nhanvien"] == "staff"
    assert "congdan" not in roles
    assert User.objects.get(username="uyvien").committee_seats.get().follows.count() == 4


def test_the_command_prints_the_address_and_the_accounts(demo):
    assert "http://127.0.0.1:8000/" in demo
    for account in DEMO_ACCOUNTS:
        assert account.username in demo
    assert DEMO_PASSWORD in demo
    assert "Tên đăng nhập" in demo


def test_central_program_is_issued_with_its_eight_tasks(demo):
    program = Plan.objects.get(number="72-CTr/BCĐTW")

    assert program.status == PlanStatus.ISSUED
    assert program.issued_on.strftime("%d/%m/%Y") == "10/01/2024"
    assert program.place == "Hà Nội"
    assert program.unit.depth == 1
    assert program.tasks.count() == 8
    inspection = program.tasks.get(order=6)
    assert {u.name for u in inspection.target_units.all()} == {
        "Tỉnh Ninh Bình",
        "Tỉnh Hòa Bình",
        "Tỉnh Kiên Giang",
    }


def test_a_derived_plan_links_to_its_parent_and_carries_its_tasks(demo):
    office_plan = Plan.objects.get(unit__name="Văn phòng UBND tỉnh Quảng Trị", year=2025)

    parent = office_plan.parent_plan
    assert parent is not None and parent.number == "18/KH-UBND"
    assert office_plan.bases.filter(kind=BasisKind.UPPER_PLAN, linked_plan=parent).exists()
    carried = office_plan.tasks.filter(source_task__isnull=False)
    assert carried.exists()
    assert all(task.source_task.plan_id == parent.pk for task in carried)
    assert Task.objects.filter(root_task__plan=parent).exclude(plan=parent).exists()


def test_the_cascade_shows_issued_draft_and_missing_plans_and_overdue_tasks(demo):
    parent = Plan.objects.get(number="18/KH-UBND", unit__name="Tỉnh Quảng Trị")
    communes = Unit.objects.filter(kind="commune", path__startswith=parent.unit_path)
    derived = Plan.objects.filter(parent_plan=parent, unit__in=communes)

    assert derived.filter(status=PlanStatus.ISSUED).exists()
    assert derived.filter(status=PlanStatus.DRAFT).exists()
    assert derived.count() < communes.count()
    assert Task.objects.overdue().exists()
    assert Task.objects.filter(status="done", evidence__isnull=False).exists()


def test_merged_units_keep_their_history(demo):
    binh_dinh = Unit.objects.get(name="Tỉnh Bình Định")
    bloc_plan = Plan.objects.get(number="04-KH/BCĐ", unit__name__startswith="Đảng ủy Khối")
    town = Unit.objects.get(name="Thị trấn Thanh Miện")

    assert binh_dinh.closed_on is not None and binh_dinh.merged_into.name == "Tỉnh Gia Lai"
    assert bloc_plan.unit.is_within(binh_dinh)
    assert Unit.objects.get(path=town.path[: -Unit.steplen]).name == "Thành phố Hải Phòng"
    assert Plan.objects.get(unit=town, year=2024).unit_path == town.path
    assert Unit.objects.filter(depth=2, closed_on__isnull=True).count() == 34


def test_if_empty_twice_on_a_loaded_database_creates_nothing(demo):
    before = (
        Unit.objects.count(),
        User.objects.count(),
        Plan.objects.count(),
        Task.objects.count(),
    )

    for _ in range(2):
        out = io.StringIO()
        call_command("load_demo", "--if-empty", stdout=out)
        assert "admin" in out.getvalue()

    after = (Unit.objects.count(), User.objects.count(), Plan.objects.count(), Task.objects.count())
    assert after == before


def test_without_if_empty_it_refuses_a_database_that_has_units(demo):
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=io.StringIO())


def test_the_demo_has_reports_sent_late_missing_and_one_prefilled_from_below(demo):
    from coso.reports.models import ReportRequirement, Submission, SubmissionStatus

    province = Unit.objects.get(name="Tỉnh Quảng Trị")
    asked = Submission.objects.filter(requirement__unit=province)
    assert asked.filter(status=SubmissionStatus.ACCEPTED).exists()
    assert asked.filter(status=SubmissionStatus.NOT_STARTED).exists()
    assert any(s.is_late for s in asked.exclude(first_submitted_at=None))
    assert ReportRequirement.objects.filter(unit=province, repeats_yearly=True).exists()
    own = Submission.objects.get(unit=province, requirement__unit__depth=1)
    assert own.is_aggregate and own.status == SubmissionStatus.DRAFT and own.values.exists()


def test_the_demo_towns_public_page_says_how_to_send_feedback(demo, client):
    # given the demo loaded
    from coso.demo import places

    town = Unit.objects.get(name=places.THANH_MIEN_TOWN)

    # when an anonymous visitor opens the town's public page
    html = client.get(f"/cong-khai/{town.pk}/").content.decode()

    # then they read what the town disclosed and where to bring their feedback
    assert "Tiếp công dân: sáng thứ Năm hằng tuần" in html
    assert "Công khai dự toán ngân sách" in html


def test_the_demo_has_a_conference_held_a_dialogue_announced_and_a_late_commitment(demo, client):
    from coso.core.dates import today
    from coso.demo import places
    from coso.demo.meetings import OVERDUE_COMMITMENT
    from coso.meetings.models import Commitment, KindCode, Meeting, MeetingStatus

    conference = Meeting.objects.get(kind__code=KindCode.OFFICIALS_CONFERENCE)
    assert conference.status == MeetingStatus.CLOSED
    assert conference.year == today().year - 1
    assert conference.motions.filter(adopted=True).count() == 2
    assert conference.elections.get().candidates.filter(elected=True).count() == 3
    assert Commitment.objects.get(text=OVERDUE_COMMITMENT).due_on < today()
    assert conference.questions.exclude(feedback=None).exists()

    # the town's dialogue is announced on its public page, without signing in
    town = Unit.objects.get(name=places.THANH_MIEN_TOWN)
    dialogue = Meeting.objects.get(unit=town, kind__code=KindCode.COMMUNE_DIALOGUE)
    html = client.get(f"/cong-khai/{town.pk}/").content.decode()
    assert dialogue.title in html
