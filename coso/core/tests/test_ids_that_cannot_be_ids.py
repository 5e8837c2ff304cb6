"""An id typed or mangled in a link ("?unit=abc", a number too large) answers 404, never 500."""

import pytest
from django.urls import reverse

from coso.core.pages import row_id


def test_row_id_accepts_only_what_can_be_a_record_id():
    assert row_id("42") == 42
    assert row_id(42) == 42
    assert row_id("abc") is None
    assert row_id("") is None
    assert row_id(None) is None
    assert row_id("-1") is None
    assert row_id("1" * 30) is None  # beyond a 64-bit key: PostgreSQL would refuse the query
    assert row_id(10**30) is None


@pytest.mark.django_db
@pytest.mark.parametrize("raw", ["abc", "1" * 30, "1.5"])
def test_a_plan_form_for_a_unit_that_cannot_exist_answers_404(client, personas, raw):
    # given a commune officer following a mangled link to create a plan
    client.force_login(personas.commune_officer)

    # when the unit in the link is not an id
    response = client.get(reverse("plans:create"), {"unit": raw})

    # then it is simply not found
    assert response.status_code == 404


@pytest.mark.django_db
def test_a_mangled_unit_id_in_the_api_answers_404(client, personas):
    client.force_login(personas.commune_officer)
    response = client.get(f"/api/v1/units/{'9' * 30}")
    assert response.status_code in (404, 422)
