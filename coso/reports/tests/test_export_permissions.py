import pytest
from django.urls import reverse

SUBMISSION_URLS = ("reports:submission_docx", "reports:submission_pdf")
REQUIREMENT_URLS = ("reports:completeness_xlsx", "reports:totals_xlsx")


@pytest.mark.parametrize("name", SUBMISSION_URLS)
def test_another_commune_cannot_download_the_commune_report(
    login, other_commune_officer, commune_report, name
):
    response = login(other_commune_officer).get(reverse(name, args=[commune_report.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("name", SUBMISSION_URLS)
def test_anonymous_visitors_are_sent_to_sign_in(client, commune_report, name):
    url = reverse(name, args=[commune_report.pk])

    response = client.get(url)

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", REQUIREMENT_URLS)
def test_anonymous_visitors_are_sent_to_sign_in_for_tables(client, export_requirement, name):
    response = client.get(reverse(name, args=[export_requirement.pk]))

    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("name", REQUIREMENT_URLS)
def test_a_commune_cannot_read_the_tables_of_another_commune(
    login, commune_officer, tree, export_requirement, name
):
    url = reverse(name, args=[export_requirement.pk])
    client = login(commune_officer)

    assert client.get(url, {"unit": tree.commune.pk}).status_code == 200
    assert client.get(url, {"unit": tree.other_commune.pk}).status_code == 404
    # Without ?unit= the table is the requiring province's, which a commune does not reach.
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("name", REQUIREMENT_URLS)
@pytest.mark.parametrize("unit", ["abc", "-1", "999999", "1.5"])
def test_a_malformed_or_unknown_unit_is_not_found(
    login, province_officer, export_requirement, name, unit
):
    response = login(province_officer).get(
        reverse(name, args=[export_requirement.pk]), {"unit": unit}
    )

    assert response.status_code == 404


@pytest.mark.parametrize("name", REQUIREMENT_URLS)
def test_a_unit_outside_the_requirement_is_not_found(login, admin, tree, export_requirement, name):
    response = login(admin).get(
        reverse(name, args=[export_requirement.pk]), {"unit": tree.central.pk}
    )

    assert response.status_code == 404
