"""Units that have not sent a report are reminded before the deadline and once it has passed."""

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from conftest import make_user
from coso.core.models import Notification
from coso.reports import actions
from coso.reports.models import PeriodKind
from coso.reports.reminders import send_report_reminders
from coso.reports.tests.conftest_api import submitted
from coso.units import actions as unit_actions
from coso.units.models import Role, UnitKind

DEADLINE = dt.date(2024, 6, 15)  # of api_requirement
TWO_DAYS_BEFORE = dt.date(2024, 6, 13)
DAY_AFTER = dt.date(2024, 6, 16)


def submission_url(pk: int) -> str:
    try:
        return reverse("reports:submission", args=[pk])
    except NoReverseMatch:
        return reverse("reports:home")


@pytest.fixture
def officer_without_email(root_admin, tree):
    user = make_user("xa2", "Đặng Văn Không Thư", tree.commune)
    unit_actions.assign_role(
        by=root_admin, user=user, unit=tree.commune, role=Role.STEERING_OFFICER
    )
    return user


@pytest.fixture
def commune_staff(root_admin, tree):
    user = make_user("canbo", "Mai Văn Cán Bộ", tree.commune, email="canbo@example.org")
    unit_actions.assign_role(by=root_admin, user=user, unit=tree.commune, role=Role.STAFF)
    return user


@pytest.fixture
def cast(personas, officer_without_email, commune_staff):
    return personas


def test_before_the_deadline_each_manager_of_the_unit_is_reminded_once(
    tree, cast, api_requirement, officer_without_email
):
    # given the province requires a half-year report by 15/06/2024
    commune = api_requirement.submissions.get(unit=tree.commune)
    ward = api_requirement.submissions.get(unit=tree.other_commune)

    # when the worker runs two days before the deadline
    summary = send_report_reminders(TWO_DAYS_BEFORE)

    # then the managers holding a role in each required unit are reminded, nobody above them
    notes = Notification.objects.filter(key__startswith="report-due:")
    assert {(n.recipient, n.key) for n in notes} == {
        (cast.commune_officer, f"report-due:{commune.pk}"),
        (officer_without_email, f"report-due:{commune.pk}"),
        (cast.other_commune_officer, f"report-due:{ward.pk}"),
    }
    assert summary.due_soon == 3 and summary.overdue == 0
    note = notes.get(recipient=cast.commune_officer)
    assert "Sơ kết 6 tháng đầu năm 2024" in note.message
    assert "Xã Thanh Miện" in note.message
    assert "15/06/2024" in note.message
    assert note.url == submission_url(commune.pk)
    # and only those with an address get an e-mail
    assert [m.to for m in mail.outbox] == [["xa@example.org"]]
    assert "Sơ kết 6 tháng đầu năm 2024" in mail.outbox[0].body
    assert summary.emails == 1


def test_nothing_is_sent_more_than_three_days_ahead(cast, api_requirement):
    summary = send_report_reminders(DEADLINE - dt.timedelta(days=4))

    assert not Notification.objects.exists()
    assert summary.as_dict() == {"due_soon": 0, "overdue": 0, "emails": 0}


def test_running_again_before_the_deadline_reminds_nobody_twice(cast, api_requirement):
    send_report_reminders(TWO_DAYS_BEFORE)
    mail.outbox.clear()

    summary = send_report_reminders(DEADLINE)  # on the day itself

    assert Notification.objects.count() == 3
    assert summary.due_soon == 0 and not mail.outbox


def test_after_the_deadline_the_managers_are_told_once_that_it_is_overdue(
    tree, cast, api_requirement, officer_without_email
):
    # given reminders were sent before the deadline
    send_report_reminders(TWO_DAYS_BEFORE)
    commune = api_requirement.submissions.get(unit=tree.commune)

    # when the worker runs the day after, then again a week later
    first = send_report_reminders(DAY_AFTER)
    again = send_report_reminders(DAY_AFTER + dt.timedelta(days=7))

    # then each manager got one overdue reminder per report, with the deadline
    overdue = Notification.objects.filter(key=f"report-overdue:{commune.pk}")
    assert {n.recipient for n in overdue} == {cast.commune_officer, officer_without_email}
    assert "15/06/2024" in overdue.first().message
    assert first.overdue == 3 and first.due_soon == 0
    assert again.as_dict() == {"due_soon": 0, "overdue": 0, "emails": 0}
    assert Notification.objects.count() == 6
    assert sorted(m.to[0] for m in mail.outbox) == ["xa@example.org", "xa@example.org"]


def test_reports_already_sent_are_not_reminded(tree, cast, api_requirement):
    # given the commune sent its report, and the ward saved a draft only
    commune = api_requirement.submissions.get(unit=tree.commune)
    ward = api_requirement.submissions.get(unit=tree.other_commune)
    submitted(commune, cast.commune_officer)
    actions.save_draft(ward, by=cast.other_commune_officer, values={"received": "2"}, revision=0)

    send_report_reminders(DAY_AFTER)

    # then only the ward is reminded
    assert set(Notification.objects.values_list("key", flat=True)) == {f"report-overdue:{ward.pk}"}


def test_a_returned_report_that_was_sent_once_is_not_reminded(tree, cast, api_requirement):
    commune = api_requirement.submissions.get(unit=tree.commune)
    commune = submitted(commune, cast.commune_officer)
    actions.return_submission(commune, by=cast.province_officer, reason="Bổ sung số liệu")

    send_report_reminders(DAY_AFTER)

    assert not Notification.objects.filter(key__endswith=f":{commune.pk}").exists()


def test_reminders_cost_the_same_queries_however_many_units_are_late(
    tree, root_admin, province_officer, api_form
):
    def require(year: int):
        return actions.create_requirement(
            by=province_officer,
            unit=tree.province,
            title=f"Tổng kết năm {year}",
            form=api_form,
            period=actions.get_period(PeriodKind.YEAR, year),
            deadline=dt.date(year, 12, 10),
            receiving_office="Ban Dân vận Tỉnh ủy",
            levels_down=3,
        )

    def officer_of(unit, n: int):
        user = make_user(f"canbo{n}", f"Cán bộ {n}", unit, email=f"canbo{n}@example.org")
        unit_actions.assign_role(by=root_admin, user=user, unit=unit, role=Role.UNIT_OFFICER)

    officer_of(tree.village, 0)
    require(2023)
    with CaptureQueriesContext(connection) as small:
        small_summary = send_report_reminders(dt.date(2024, 1, 5))

    for n in range(1, 8):
        village = unit_actions.create_unit(
            by=root_admin, parent=tree.commune, name=f"Thôn {n}", kind=UnitKind.RESIDENTIAL
        )
        officer_of(village, n)
    require(2022)
    require(2021)
    with CaptureQueriesContext(connection) as large:
        large_summary = send_report_reminders(dt.date(2024, 1, 6))

    assert large_summary.overdue > small_summary.overdue > 0
    assert large_summary.emails == 8
    assert len(large.captured_queries) == len(small.captured_queries)
