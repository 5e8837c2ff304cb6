"""The API rides on the web session, so changes need the CSRF token like the pages' forms."""

import pytest
from django.test import Client

from coso.units.models import Unit


@pytest.fixture
def browser(admin) -> Client:
    """A client that checks CSRF as a real browser session would be checked."""
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin)
    return client


def _new_unit(tree) -> dict:
    return {"parent_id": tree.commune.pk, "name": "Thôn Tây", "kind": "residential"}


def test_a_change_without_the_csrf_token_is_refused(browser, tree):
    count = Unit.objects.count()

    response = browser.post("/api/v1/units/", _new_unit(tree), content_type="application/json")

    assert response.status_code == 403
    assert "X-CSRFToken" in response.json()["detail"]
    assert Unit.objects.count() == count


def test_a_change_with_the_csrf_cookie_in_the_header_is_accepted(browser, tree):
    # given the csrftoken cookie a page of the site has set
    browser.get("/dang-nhap/")
    token = browser.cookies["csrftoken"].value

    response = browser.post(
        "/api/v1/units/", _new_unit(tree), content_type="application/json", HTTP_X_CSRFTOKEN=token
    )

    assert response.status_code == 201
    assert Unit.objects.filter(name="Thôn Tây").exists()


def test_reading_needs_no_csrf_token(browser, tree):
    response = browser.get(f"/api/v1/units/{tree.commune.pk}")

    assert response.status_code == 200
