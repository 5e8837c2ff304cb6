"""Lists of forms, requirements and reports: filters, and a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coso.reports import actions
from coso.reports.models import PeriodKind
from coso.reports.tests.conftest_api import submitted
from coso.units import actions as unit_actions
from coso.units.models import UnitKind


def _ids(client, url: str) -> list[int]:
    response = client.get(url)
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def _queries(client, url: str) -> tuple[int, int]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries), response.json()["count"]


def _yearly(tree, officer, form, year: int, kind=PeriodKind.YEAR, levels_down: int = 1):
    return actions.create_requirement(
        by=officer,
        unit=tree.province,
        title=f"Tổng kết năm {year}",
        form=form,
        period=actions.get_period(kind, year, 0 if kind == PeriodKind.YEAR else 2),
        deadline=dt.date(year, 12, 10),
        receiving_office="Ban Dân vận Tỉnh ủy",
        levels_down=levels_down,
    )


def test_submission_filters(client, tree, province_officer, commune_officer, api_requirement):
    # given the half-year requirement: the commune sent late, the ward never sent
    commune = api_requirement.submissions.get(unit=tree.commune)
    ward = api_requirement.submissions.get(unit=tree.other_commune)
    bloc = api_requirement.submissions.get(unit=tree.bloc)
    submitted(commune, commune_officer)  # today, long after 15/06/2024
    client.force_login(province_officer)
    base = f"/api/v1/report-submissions/?requirement_id={api_requirement.pk}"

    assert set(_ids(client, base)) == {commune.pk, ward.pk, bloc.pk}
    assert _ids(client, f"{base}&status=submitted") == [commune.pk]
    assert set(_ids(client, f"{base}&missing=true")) == {ward.pk, bloc.pk}
    assert _ids(client, f"{base}&missing=false") == [commune.pk]
    assert set(_ids(client, f"{base}&late=true")) == {commune.pk, ward.pk, bloc.pk}
    assert _ids(client, f"{base}&late=false") == []
    assert _ids(client, f"{base}&unit_id={tree.commune.pk}") == [commune.pk]
    assert _ids(client, f"{base}&unit_id={tree.village.pk}") == []
    item = client.get(f"{base}&status=submitted").json()["items"][0]
    assert item["is_late"] is True and item["is_missing"] is False
    assert item["period_label"] and item["deadline"] == "2024-06-15"


def test_a_commune_lists_only_its_own_reports(
    client, tree, commune_officer, other_commune_officer, api_requirement
):
    client.force_login(other_commune_officer)

    items = client.get("/api/v1/report-submissions/").json()["items"]

    assert [item["unit_name"] for item in items] == ["Phường Quy Nhơn"]


def test_requirement_filters(client, tree, province_officer, commune_officer, api_form):
    y2023 = _yearly(tree, province_officer, api_form, 2023)
    y2024 = _yearly(tree, province_officer, api_form, 2024)
    half = _yearly(tree, province_officer, api_form, 2024, kind=PeriodKind.HALF_YEAR)
    own = actions.create_requirement(
        by=commune_officer,
        unit=tree.commune,
        title="Báo cáo của thôn",
        form=api_form,
        period=actions.get_period(PeriodKind.QUARTER, 2024, 3),
        deadline=dt.date(2024, 9, 25),
        receiving_office="Văn phòng UBND xã",
    )
    client.force_login(province_officer)

    assert set(_ids(client, "/api/v1/report-requirements/?year=2024")) == {
        y2024.pk,
        half.pk,
        own.pk,
    }
    assert _ids(client, "/api/v1/report-requirements/?year=2024&period_kind=year") == [y2024.pk]
    assert _ids(client, f"/api/v1/report-requirements/?unit_id={tree.commune.pk}") == [own.pk]
    assert y2023.pk in _ids(client, "/api/v1/report-requirements/?period_kind=year")
    # the commune sees what it issued and what asks it for a report
    client.force_login(commune_officer)
    assert set(_ids(client, "/api/v1/report-requirements/")) == {
        y2023.pk,
        y2024.pk,
        half.pk,
        own.pk,
    }


def test_forms_of_other_units_are_not_listed(client, tree, root_admin, commune_officer, api_form):
    province_form = actions.create_form(
        by=root_admin, owner_unit=tree.province, code="tinh", name="Biểu của tỉnh"
    )
    other_form = actions.create_form(
        by=root_admin, owner_unit=tree.other_commune, code="phuong", name="Biểu của phường"
    )
    client.force_login(commune_officer)

    ids = _ids(client, "/api/v1/report-forms/")

    assert api_form.pk in ids and province_form.pk in ids
    assert other_form.pk not in ids
    assert client.get(f"/api/v1/report-forms/{other_form.pk}").status_code == 404


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        # session, user, the user's roles, count, rows (+ the unit filter's path, + target units)
        ("/api/v1/report-submissions/", 5),
        ("/api/v1/report-submissions/?late=true&unit_id={province}", 6),
        ("/api/v1/report-requirements/", 6),
        ("/api/v1/report-requirements/?year=2024&period_kind=year&unit_id={province}", 7),
        ("/api/v1/report-forms/", 5),
    ],
)
def test_lists_run_a_fixed_number_of_queries(
    client, tree, root_admin, admin, province_officer, api_form, url, queries
):
    # given a small tree with one yearly requirement
    _yearly(tree, province_officer, api_form, 2024, levels_down=3)
    client.force_login(admin)
    url = url.format(province=tree.province.pk)
    small_queries, small_count = _queries(client, url)

    # when the tree, the requirements and the forms grow
    for n in range(6):
        unit_actions.create_unit(
            by=admin, parent=tree.commune, name=f"Thôn {n}", kind=UnitKind.RESIDENTIAL
        )
        actions.create_form(by=root_admin, owner_unit=None, code=f"bieu-{n}", name=f"Biểu {n}")
    for year in (2022, 2023):
        _yearly(tree, province_officer, api_form, year, levels_down=3)
    _yearly(tree, province_officer, api_form, 2024, levels_down=3, kind=PeriodKind.HALF_YEAR)
    _yearly(tree, province_officer, api_form, 2024, levels_down=2)
    client.force_login(admin)
    large_queries, large_count = _queries(client, url)

    # then the list is longer but costs the same number of queries
    assert large_count > small_count
    assert large_queries == small_queries == queries


def test_a_report_costs_the_same_queries_however_many_figures_and_versions(
    client, province_officer, commune_officer, commune_submission
):
    # given a report with one figure and one submitted version
    submission = submitted(commune_submission, commune_officer)
    client.force_login(province_officer)
    url = f"/api/v1/report-submissions/{submission.pk}"
    small_queries, _count = _detail_queries(client, url)

    # when it is returned, completed and sent again
    submission = actions.return_submission(submission, by=province_officer, reason="Bổ sung")
    submission = actions.save_draft(
        submission,
        by=commune_officer,
        values={"rate": "75,5", "held": "có", "held_on": "20/05/2024", "results": "Tốt"},
        revision=submission.revision,
    )
    actions.submit(submission, by=commune_officer)
    large_queries, body = _detail_queries(client, url)

    # then reading it costs the same
    assert len(body["values"]) == 6 and len(body["versions"]) == 2
    assert body["values"]["rate"] == 75.5 and body["values"]["held"] is True
    assert body["values"]["held_on"] == "2024-05-20"
    assert large_queries == small_queries


def _detail_queries(client, url: str) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(ctx.captured_queries), response.json()
