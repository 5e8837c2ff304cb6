"""Who may require reports, read a requirement and roll it over: every persona."""

from __future__ import annotations

import pytest
from django.urls import reverse

from conftest import PERSONAS, client_as
from coso.reports.models import ReportRequirement

from .conftest_requirements import create_data

CREATE_FOR_PROVINCE = {
    "admin": 200,
    "province_officer": 200,
    "commune_officer": 404,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 403,
    "citizen": 404,
    "anonymous": 302,
}
VIEW = {
    "admin": 200,
    "province_officer": 200,
    "commune_officer": 200,  # its commune is asked
    "other_commune_officer": 200,  # so is the ward
    "employee": 404,  # the bloc is asked, not the office the employee works in
    "committee_member": 200,
    "citizen": 404,
    "anonymous": 302,
}
ROLL_OVER = {
    "admin": 302,
    "province_officer": 302,
    "commune_officer": 403,
    "other_commune_officer": 403,
    "employee": 404,
    "committee_member": 403,
    "citizen": 404,
    "anonymous": 302,
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_create_page_for_the_province(client, tree, personas, persona):
    response = client_as(client, personas, persona).get(
        reverse("reports:requirement_create") + f"?unit={tree.province.pk}"
    )

    assert response.status_code == CREATE_FOR_PROVINCE[persona]
    if persona == "anonymous":
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("persona", PERSONAS)
def test_create_page_for_the_commune(client, tree, personas, persona):
    expected = {"admin": 200, "province_officer": 200, "commune_officer": 200}
    response = client_as(client, personas, persona).get(
        reverse("reports:requirement_create") + f"?unit={tree.commune.pk}"
    )

    if persona == "anonymous":
        assert response.status_code == 302
    elif persona == "committee_member":
        assert response.status_code == 403  # follows the commune, does not manage it
    else:
        assert response.status_code == expected.get(persona, 404)


@pytest.mark.parametrize("persona", PERSONAS)
def test_create_page_without_a_unit(client, tree, personas, persona):
    managers = {"admin", "province_officer", "commune_officer", "other_commune_officer"}

    response = client_as(client, personas, persona).get(reverse("reports:requirement_create"))

    if persona == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == (200 if persona in managers else 403)


@pytest.mark.parametrize("persona", PERSONAS)
def test_posting_a_requirement_for_the_province(client, tree, personas, persona, report_form):
    response = client_as(client, personas, persona).post(
        reverse("reports:requirement_create") + f"?unit={tree.province.pk}",
        create_data(report_form),
    )

    allowed = persona in ("admin", "province_officer")
    assert response.status_code == (302 if allowed else CREATE_FOR_PROVINCE[persona])
    assert ReportRequirement.objects.exists() == allowed


@pytest.mark.parametrize("persona", PERSONAS)
def test_view_requirement(client, personas, persona, half_year_requirement):
    response = client_as(client, personas, persona).get(
        reverse("reports:requirement", args=[half_year_requirement.pk])
    )

    assert response.status_code == VIEW[persona]


@pytest.mark.parametrize("persona", PERSONAS)
def test_roll_over_requirement(client, personas, persona, half_year_requirement):
    response = client_as(client, personas, persona).post(
        reverse("reports:requirement_roll_over", args=[half_year_requirement.pk])
    )

    assert response.status_code == ROLL_OVER[persona]
    rolled = persona in ("admin", "province_officer")
    assert ReportRequirement.objects.filter(previous=half_year_requirement).exists() == rolled


@pytest.mark.parametrize("persona", PERSONAS)
def test_roll_over_is_not_a_get(client, personas, persona, half_year_requirement):
    response = client_as(client, personas, persona).get(
        reverse("reports:requirement_roll_over", args=[half_year_requirement.pk])
    )

    assert response.status_code == (302 if persona == "anonymous" else 405)
    assert ReportRequirement.objects.count() == 1


@pytest.mark.parametrize("persona", PERSONAS)
def test_home_page(client, personas, persona):
    response = client_as(client, personas, persona).get(reverse("reports:home"))

    assert response.status_code == (302 if persona == "anonymous" else 200)


def test_a_requirement_that_does_not_exist_is_not_found(login, province_officer):
    response = login(province_officer).get(reverse("reports:requirement", args=[999999]))

    assert response.status_code == 404
