import pytest
from django.urls import reverse


@pytest.mark.parametrize("name", ["dashboard:unit", "dashboard:coverage"])
def test_officer_of_another_commune_gets_404(tree, other_commune_officer, login, name):
    response = login(other_commune_officer).get(reverse(name, args=[tree.commune.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["dashboard:unit", "dashboard:coverage"])
def test_citizen_gets_404(tree, citizen, login, name):
    response = login(citizen).get(reverse(name, args=[tree.commune.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["dashboard:unit", "dashboard:coverage"])
def test_anonymous_visitor_is_sent_to_login(tree, client, name):
    url = reverse(name, args=[tree.commune.pk])

    response = client.get(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("name", ["dashboard:unit", "dashboard:coverage"])
def test_officers_of_the_commune_and_above_see_it(
    tree, commune_officer, province_officer, login, name
):
    url = reverse(name, args=[tree.commune.pk])

    assert login(commune_officer).get(url).status_code == 200
    assert login(province_officer).get(url).status_code == 200


def test_unknown_unit_is_404(tree, admin, login):
    response = login(admin).get(reverse("dashboard:unit", args=[999999]))

    assert response.status_code == 404
