"""The completeness, totals and trends pages and the pre-fill button, as an officer uses them."""

import datetime as dt

import pytest
from django.urls import reverse

from coso.reports.models import SubmissionStatus

from . import conftest_overview
from .conftest_overview import DEADLINE, report, require

half_year = conftest_overview.half_year
overview_form = conftest_overview.overview_form


@pytest.fixture
def reported(tree, half_year, province_officer):
    officer = province_officer
    report(half_year, tree.bloc, officer, {"received": "10", "resolved": "8"})
    report(half_year, tree.office, officer, {"received": "6"})
    report(half_year, tree.commune, officer, {"received": "7"}, on=DEADLINE + dt.timedelta(3))
    return half_year


def test_completeness_page_shows_the_numbers_and_drills_down(
    tree, reported, login, province_officer
):
    client = login(province_officer)
    url = reverse("reports:completeness", args=[reported.pk])

    response = client.get(url)

    assert response.status_code == 200
    table = response.context["table"]
    assert (table.total.required, table.total.on_time, table.total.late) == (6, 2, 1)
    page = response.content.decode()
    assert tree.bloc.name in page and "<svg" in page
    assert f"{url}?unit={tree.bloc.pk}" in page  # the bloc opens one level down

    below = client.get(url, {"unit": tree.bloc.pk})
    assert below.status_code == 200
    assert {r["row"].unit.name for r in below.context["rows"]} == {
        tree.office.name,
        tree.enterprise.name,
    }


def test_totals_page_adds_up_without_double_counting(tree, reported, login, province_officer):
    response = login(province_officer).get(reverse("reports:totals", args=[reported.pk]))

    assert response.status_code == 200
    assert response.context["table"].total.values["received"] == 17
    assert "<strong>17</strong>" in response.content.decode()


def test_a_commune_officer_sees_its_own_commune_and_not_the_other(
    tree, reported, login, commune_officer
):
    client = login(commune_officer)
    url = reverse("reports:completeness", args=[reported.pk])

    own = client.get(url)
    other = client.get(url, {"unit": tree.other_commune.pk})
    province = client.get(url, {"unit": tree.province.pk})
    totals = client.get(reverse("reports:totals", args=[reported.pk]), {"unit": "x"})

    assert own.status_code == 200 and own.context["unit"] == tree.commune
    assert other.status_code == 404 and province.status_code == 404
    assert totals.status_code == 404


def test_the_other_commune_cannot_open_a_requirement_not_addressed_to_it(
    tree, province_officer, overview_form, login, other_commune_officer
):
    to_the_bloc = require(province_officer, tree.bloc, overview_form, levels_down=1)

    client = login(other_commune_officer)
    assert client.get(reverse("reports:completeness", args=[to_the_bloc.pk])).status_code == 404
    assert client.get(reverse("reports:totals", args=[to_the_bloc.pk])).status_code == 404
    assert client.get(reverse("reports:trends"), {"unit": tree.bloc.pk}).status_code == 404


def test_trends_page_draws_the_key_indicator(tree, reported, login, province_officer):
    response = login(province_officer).get(reverse("reports:trends"), {"unit": tree.province.pk})

    assert response.status_code == 200
    assert response.context["indicator"].code == "received"
    assert [p.value for p in response.context["points"]] == [17]
    assert "<svg" in response.content.decode()

    switched = login(province_officer).get(
        reverse("reports:trends"), {"unit": tree.province.pk, "indicator": "nope", "kind": "x"}
    )
    assert switched.status_code == 200 and switched.context["points"] == []


def test_the_prefill_button_fills_the_units_own_report(
    tree, half_year, province_officer, overview_form, login
):
    below = require(province_officer, tree.bloc, overview_form, levels_down=1)
    report(below, tree.office, province_officer, {"received": "6", "results": "Tốt"})
    report(below, tree.enterprise, province_officer, {"received": "4"})
    own = half_year.submissions.get(unit=tree.bloc)

    response = login(province_officer).post(
        reverse("reports:prefill", args=[own.pk]), {"revision": own.revision}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("reports:submission", args=[own.pk])
    own.refresh_from_db()
    assert own.is_aggregate and own.status == SubmissionStatus.DRAFT
    assert own.values.get(indicator__code="received").number == 10


def test_the_prefill_button_reports_a_conflict_and_writes_nothing(
    tree, half_year, province_officer, overview_form, login
):
    below = require(province_officer, tree.bloc, overview_form, levels_down=1)
    report(below, tree.office, province_officer, {"received": "6"})
    own = half_year.submissions.get(unit=tree.bloc)

    response = login(province_officer).post(
        reverse("reports:prefill", args=[own.pk]), {"revision": own.revision + 5}, follow=True
    )

    assert response.status_code == 200
    assert not own.values.exists()
    assert any("saved" in str(m) or "lưu" in str(m) for m in response.context["messages"])


def test_prefill_of_another_communes_report_is_404(tree, half_year, login, other_commune_officer):
    own = half_year.submissions.get(unit=tree.commune)

    response = login(other_commune_officer).post(reverse("reports:prefill", args=[own.pk]))

    assert response.status_code == 404


def test_moving_a_unit_out_of_a_reporting_bloc_makes_its_report_count(
    tree, reported, login, province_officer, root_admin
):
    # given the bloc's report, which already includes the office's 6 cases (total 17)
    from coso.units.actions import move_unit

    # when the office is moved out of the bloc, directly under the province
    move_unit(tree.office, by=root_admin, new_parent=tree.province)

    # then the office's own report counts at the province: 10 + 6 + 7
    response = login(province_officer).get(reverse("reports:totals", args=[reported.pk]))
    assert response.context["table"].total.values["received"] == 23
