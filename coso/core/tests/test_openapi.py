"""The API describes itself: an OpenAPI schema and interactive docs for signed-in users."""

import pytest

EXPECTED = {
    "/api/v1/units/": {"get", "post"},
    "/api/v1/units/{unit_id}": {"get", "patch"},
    "/api/v1/units/{unit_id}/move": {"post"},
    "/api/v1/units/{unit_id}/close": {"post"},
    "/api/v1/units/{unit_id}/committees": {"get", "post"},
    "/api/v1/committees/{committee_id}": {"get"},
    "/api/v1/committees/{committee_id}/members": {"post"},
    "/api/v1/committee-members/{member_id}/follows": {"post"},
    "/api/v1/follows/{follow_id}/notes": {"post"},
    "/api/v1/plans/": {"get", "post"},
    "/api/v1/plans/{plan_id}": {"get", "patch"},
    "/api/v1/plans/{plan_id}/issue": {"post"},
    "/api/v1/plans/{plan_id}/derive": {"post"},
    "/api/v1/plans/{plan_id}/tasks": {"post"},
    "/api/v1/tasks/": {"get"},
    "/api/v1/tasks/{task_id}": {"get", "patch"},
    "/api/v1/tasks/{task_id}/status": {"post"},
    "/api/v1/tasks/{task_id}/progress": {"post"},
}


def test_the_schema_lists_every_endpoint(client, citizen):
    # given any signed-in user
    client.force_login(citizen)

    # when they fetch the schema
    response = client.get("/api/v1/openapi.json")

    # then every endpoint is described with its methods
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "coso API"
    paths = {path: set(methods) for path, methods in schema["paths"].items()}
    for path, methods in EXPECTED.items():
        assert methods <= paths.get(path, set()), path


def test_the_schema_explains_how_to_authenticate(client, citizen):
    client.force_login(citizen)

    schema = client.get("/api/v1/openapi.json").json()

    assert "X-CSRFToken" in schema["info"]["description"]
    assert schema["components"]["securitySchemes"]["SessionAuth"]["in"] == "cookie"


def test_list_endpoints_document_pagination_and_filters(client, citizen):
    client.force_login(citizen)

    schema = client.get("/api/v1/openapi.json").json()

    params = {p["name"] for p in schema["paths"]["/api/v1/tasks/"]["get"]["parameters"]}
    assert {"limit", "offset", "unit_id", "plan_id", "status", "overdue", "year"} <= params
    params = {p["name"] for p in schema["paths"]["/api/v1/units/"]["get"]["parameters"]}
    assert {"limit", "offset", "parent", "q", "include_closed"} <= params


def test_the_docs_page_is_served(client, citizen):
    client.force_login(citizen)

    response = client.get("/api/v1/docs")

    assert response.status_code == 200
    assert b"openapi.json" in response.content


@pytest.mark.parametrize("url", ["/api/v1/openapi.json", "/api/v1/docs"])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/dang-nhap/")
