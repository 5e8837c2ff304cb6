"""The page "Tình hình tổ chức hội nghị": who has held the meetings the law requires."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.meetings.models import KindCode, MeetingStatus

from .conftest import kind
from .test_obligations_rules import meeting_on

URL = reverse("meetings:obligations")


def test_the_province_sees_each_child_unit_with_counts_at_the_top(
    client, province_officer, tree, django_assert_max_num_queries
):
    # given the office held its 2025 conference and the communes did nothing
    meeting_on(tree.office, KindCode.OFFICIALS_CONFERENCE, dt.date(2025, 12, 10), year=2025)
    client.force_login(province_officer)

    # when the province officer opens the page for 2025
    with django_assert_max_num_queries(12):
        response = client.get(URL, {"unit": tree.province.pk, "year": 2025})

    # then each child unit is a row linking to its own roll-up, and the totals are on top
    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="?unit={tree.bloc.pk}&amp;year=2025&amp;kind="' in page
    assert tree.commune.name in page and tree.other_commune.name in page
    rollup = response.context["rollup"]
    assert rollup.totals.held == 1
    assert dict((k, n) for k, _label, n in response.context["statuses"])["held"] == 1
    assert "Đã tổ chức" in page


def test_a_unit_that_owes_it_links_to_its_meetings(client, province_officer, tree):
    client.force_login(province_officer)

    response = client.get(URL, {"unit": tree.bloc.pk, "year": 2025})

    officials = kind(KindCode.OFFICIALS_CONFERENCE)
    link = f"{reverse('meetings:list')}?unit={tree.office.pk}&amp;kind={officials.pk}&amp;year=2025"
    assert link in response.content.decode()


def test_the_status_filter_keeps_the_rows_that_have_it(client, province_officer, tree):
    meeting_on(tree.office, KindCode.OFFICIALS_CONFERENCE, dt.date(2025, 12, 10), year=2025)
    client.force_login(province_officer)

    response = client.get(URL, {"unit": tree.province.pk, "year": 2025, "status": "held"})

    assert [row.unit for row in response.context["rows"]] == [tree.bloc]


def test_the_kind_filter_shows_one_column(client, province_officer, tree):
    client.force_login(province_officer)
    reception = kind(KindCode.CITIZEN_RECEPTION)

    response = client.get(URL, {"unit": tree.province.pk, "kind": reception.pk})

    assert [k.code for k in response.context["rollup"].kinds] == [KindCode.CITIZEN_RECEPTION]


def test_a_user_with_one_unit_starts_from_it(client, commune_officer, tree):
    client.force_login(commune_officer)

    response = client.get(URL)

    assert response.context["unit"] == tree.commune


def test_a_user_with_several_units_chooses_one(client, tree, commune_officer, root_admin):
    from coso.units.actions import assign_role
    from coso.units.models import Role

    assign_role(by=root_admin, user=commune_officer, unit=tree.office, role=Role.UNIT_OFFICER)
    client.force_login(commune_officer)

    response = client.get(URL)

    assert response.context["unit"] is None
    assert {u.name for u in response.context["roots"]} == {tree.commune.name, tree.office.name}


@pytest.mark.parametrize("year", ["abc", "1900", "3000"])
def test_a_bad_year_says_so_in_vietnamese(client, province_officer, tree, year):
    client.force_login(province_officer)

    response = client.get(URL, {"unit": tree.province.pk, "year": year})

    assert response.status_code == 200
    assert "năm" in " ".join(response.context["form"].errors["year"]).lower()


@pytest.mark.parametrize("unit", ["abc", "99999999", "9" * 30])
def test_a_bad_unit_answers_404(client, province_officer, unit):
    client.force_login(province_officer)

    assert client.get(URL, {"unit": unit}).status_code == 404


# Who may open the province's roll-up: every persona.
EXPECTED = {
    "admin": 200,
    "province_officer": 200,
    "committee_member": 200,
    "commune_officer": 404,
    "other_commune_officer": 404,
    "employee": 404,
    "citizen": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_permission_matrix_of_the_roll_up(client, personas, tree, persona):
    client = client_as(client, personas, persona)

    response = client.get(URL, {"unit": tree.province.pk})

    assert response.status_code == EXPECTED[persona]


def test_a_citizen_without_a_role_is_told_there_is_nothing_to_follow(client, citizen):
    client.force_login(citizen)

    response = client.get(URL)

    assert response.status_code == 200
    assert response.context["unit"] is None and response.context["roots"] == []


def test_the_api_gives_the_same_roll_up(client, province_officer, tree):
    meeting_on(tree.office, KindCode.OFFICIALS_CONFERENCE, dt.date(2025, 12, 10), year=2025)
    client.force_login(province_officer)

    response = client.get(
        "/api/v1/meetings/obligations/", {"unit_id": tree.province.pk, "year": 2025}
    )

    data = response.json()
    assert response.status_code == 200
    assert data["totals"]["held"] == 1
    assert [row["unit_name"] for row in data["rows"]][0] == tree.bloc.name
    officials = next(k for k in data["kinds"] if k["code"] == KindCode.OFFICIALS_CONFERENCE)
    bloc_cells = {c["kind_id"]: c for c in data["rows"][0]["cells"]}
    assert bloc_cells[officials["id"]]["status"] == "held"
    assert bloc_cells[officials["id"]]["deadline"] == "2026-03-31"


def test_the_api_refuses_a_bad_year_and_hides_other_units(client, commune_officer, tree):
    client.force_login(commune_officer)

    bad = client.get("/api/v1/meetings/obligations/", {"unit_id": tree.commune.pk, "year": 1})
    other = client.get("/api/v1/meetings/obligations/", {"unit_id": tree.other_commune.pk})

    assert bad.status_code == 400
    assert "year" in bad.json()["detail"]
    assert other.status_code == 404


def test_a_cancelled_meeting_does_not_count_on_the_page(client, commune_officer, tree):
    meeting_on(tree.commune, KindCode.COMMUNE_DIALOGUE, dt.date(2025, 11, 5), year=2025)
    meeting_on(
        tree.other_commune,
        KindCode.COMMUNE_DIALOGUE,
        dt.date(2025, 11, 5),
        MeetingStatus.CANCELLED,
        year=2025,
    )
    client.force_login(commune_officer)

    response = client.get(URL, {"year": 2025, "kind": kind(KindCode.COMMUNE_DIALOGUE).pk})

    assert response.context["rollup"].totals.held == 1


def test_a_bad_year_keeps_the_other_filters(client, province_officer, tree):
    client.force_login(province_officer)
    reception = kind(KindCode.CITIZEN_RECEPTION)

    response = client.get(URL, {"unit": tree.province.pk, "year": "x", "kind": reception.pk})

    assert [k.code for k in response.context["rollup"].kinds] == [KindCode.CITIZEN_RECEPTION]


@pytest.mark.parametrize("params", [{"kind_id": 10**20}, {"unit_id": 10**20}, {"year": 10**20}])
def test_the_api_never_crashes_on_huge_numbers(client, province_officer, tree, params):
    client.force_login(province_officer)

    response = client.get("/api/v1/meetings/obligations/", {"unit_id": tree.province.pk, **params})

    assert response.status_code in (200, 400, 404, 422)
