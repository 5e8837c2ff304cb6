"""A unit cannot issue two documents with the same number: the API says which field is wrong."""

import datetime as dt

import pytest

from coso.plans import actions
from coso.plans.models import Plan


@pytest.fixture
def existing(tree, commune_officer) -> Plan:
    return actions.create_plan(
        by=commune_officer,
        unit=tree.commune,
        title="Kế hoạch của xã năm 2024",
        number="12-KH/UBND",
        issued_on=dt.date(2024, 2, 1),
    )


def test_creating_a_plan_with_a_taken_number_answers_400_on_number(
    client, tree, commune_officer, existing
):
    client.force_login(commune_officer)

    response = client.post(
        "/api/v1/plans/",
        {
            "unit_id": tree.commune.pk,
            "title": "Kế hoạch khác",
            "issued_on": "2024-03-01",
            "number": "12-kh/ubnd",  # the same number, other case
        },
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "12-kh/ubnd" in response.json()["detail"]["number"][0]
    assert Plan.objects.count() == 1


def test_renumbering_a_plan_to_a_taken_number_answers_400_on_number(
    client, tree, commune_officer, existing
):
    other = actions.create_plan(
        by=commune_officer,
        unit=tree.commune,
        title="Kế hoạch khác",
        number="13-KH/UBND",
        issued_on=dt.date(2024, 3, 1),
    )
    client.force_login(commune_officer)

    response = client.patch(
        f"/api/v1/plans/{other.pk}", {"number": "12-KH/UBND"}, content_type="application/json"
    )

    assert response.status_code == 400
    assert list(response.json()["detail"]) == ["number"]
    other.refresh_from_db()
    assert other.number == "13-KH/UBND"


def test_another_unit_may_use_the_same_number(client, tree, province_officer, existing):
    client.force_login(province_officer)

    response = client.post(
        "/api/v1/plans/",
        {
            "unit_id": tree.province.pk,
            "title": "Kế hoạch của tỉnh",
            "issued_on": "2024-03-01",
            "number": "12-KH/UBND",
        },
        content_type="application/json",
    )

    assert response.status_code == 201
