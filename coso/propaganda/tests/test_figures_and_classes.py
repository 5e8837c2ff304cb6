"""Training classes with their attendance, and the figures flowing into a periodic report."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from coso.core.dates import today
from coso.propaganda import actions
from coso.propaganda.figures import report_figures
from coso.propaganda.models import Trainee
from coso.reports import actions as report_actions
from coso.reports import figures as report_figures_module
from coso.reports.builtin_form import CODE
from coso.reports.models import PeriodKind, ReportForm

from .conftest import session_of

FIGURES_PATH = "coso.propaganda.figures.report_figures"


def _attend(world, commune_officer, employee):
    a = actions.add_participant(world.training, by=commune_officer, full_name="Nguyễn Thị Học")
    b = actions.add_participant(world.training, by=commune_officer, user=employee)
    actions.add_participant(world.training, by=commune_officer, full_name="Trần Văn Vắng")
    actions.set_attendance(world.training, by=commune_officer, attended_ids=[a.pk, b.pk])


def test_attendance_is_set_not_toggled(world, commune_officer, employee):
    _attend(world, commune_officer, employee)
    ids = list(Trainee.objects.filter(attended=True).values_list("pk", flat=True))
    assert actions.set_attendance(world.training, by=commune_officer, attended_ids=ids) == 2
    assert Trainee.objects.filter(attended=True).count() == 2


def test_an_account_is_listed_once_and_a_nameless_participant_is_refused(
    world, commune_officer, employee
):
    actions.add_participant(world.training, by=commune_officer, user=employee)
    with pytest.raises(ValidationError) as refused:
        actions.add_participant(world.training, by=commune_officer, user=employee)
    assert "user" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        actions.add_participant(world.training, by=commune_officer, full_name="  ")
    assert "full_name" in refused.value.message_dict
    assert world.training.participants.count() == 1


def test_a_class_cannot_end_before_it_starts_nor_expect_negative_people(tree, commune_officer):
    with pytest.raises(ValidationError) as refused:
        actions.create_class(
            by=commune_officer,
            unit=tree.commune,
            title="Lớp A",
            starts_on=today(),
            ends_on=today() - dt.timedelta(days=1),
        )
    assert "ends_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        actions.create_class(
            by=commune_officer,
            unit=tree.commune,
            title="Lớp A",
            starts_on=today(),
            expected_count=-3,
        )
    assert "expected_count" in refused.value.message_dict


def test_the_class_page_lists_participants_and_saves_attendance(
    world, commune_officer, login, employee
):
    client = login(commune_officer)
    response = client.post(
        reverse("propaganda:participant_add", args=[world.training.pk]),
        {"full_name": "Lê Thị Mới", "position": "Trưởng thôn"},
    )
    assert response.status_code == 302
    trainee = Trainee.objects.get(full_name="Lê Thị Mới")
    client.post(
        reverse("propaganda:attendance", args=[world.training.pk]), {"attended": [trainee.pk, "x"]}
    )
    trainee.refresh_from_db()
    assert trainee.attended
    html = client.get(reverse("propaganda:class_detail", args=[world.training.pk])).content.decode()
    assert "Lê Thị Mới" in html
    response = client.post(
        reverse("propaganda:participant_add", args=[world.training.pk]), {"user": "khongai"}
    )
    assert response.status_code == 200
    assert "Không có tài khoản nào" in response.content.decode()


def test_figures_count_sessions_classes_people_and_attendance(
    world, tree, commune_officer, other_commune_officer, employee
):
    _attend(world, commune_officer, employee)
    session_of(other_commune_officer, tree.other_commune, reached_youth=7)
    session_of(commune_officer, tree.village, reached_workers=20, days_ago=400)  # too old

    start, end = today() - dt.timedelta(days=30), today()
    assert report_figures(tree.commune, start, end) == {
        "propaganda-sessions": 2,  # one session, one class
        "propaganda-participants": 102,  # 100 reached + 2 attended
    }
    assert report_figures(tree.province, start, end) == {
        "propaganda-sessions": 3,
        "propaganda-participants": 149,  # + 40 citizens and 7 young people
    }
    assert report_figures(tree.office, start, end) == {
        "propaganda-sessions": 0,
        "propaganda-participants": 0,
    }


def test_the_figures_fill_the_periodic_report(
    tree, province_officer, commune_officer, settings, world
):
    settings.COSO_REPORT_FIGURES = [*settings.COSO_REPORT_FIGURES, FIGURES_PATH]
    year = today().year
    requirement = report_actions.create_requirement(
        by=province_officer,
        unit=tree.province,
        title=f"Báo cáo năm {year}",
        form=ReportForm.objects.get(code=CODE),
        period=report_actions.get_period(PeriodKind.YEAR, year, 1),
        deadline=dt.date(year, 12, 31),
        receiving_office="Ban Dân vận",
        levels_down=2,
    )
    submission = requirement.submissions.get(unit=tree.commune)
    in_year = today() - dt.timedelta(days=1) >= dt.date(year, 1, 1)

    saved, _filled = report_figures_module.prefill_from_records(submission, by=commune_officer)

    values = {v.indicator.code: v.number for v in saved.values.select_related("indicator")}
    if in_year:  # the world's session and class were held in the last few days
        assert values["propaganda-participants"] == 100
        assert values["propaganda-sessions"] >= 1
