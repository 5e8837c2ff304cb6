"""The API schema describes the reports endpoints, their filters and the 409 conflict."""

EXPECTED = {
    "/api/v1/report-forms/": {"get"},
    "/api/v1/report-forms/{form_id}": {"get"},
    "/api/v1/report-requirements/": {"get", "post"},
    "/api/v1/report-requirements/{requirement_id}": {"get"},
    "/api/v1/report-submissions/": {"get"},
    "/api/v1/report-submissions/{submission_id}": {"get"},
    "/api/v1/report-submissions/{submission_id}/values": {"get", "put"},
    "/api/v1/report-submissions/{submission_id}/submit": {"post"},
    "/api/v1/report-submissions/{submission_id}/accept": {"post"},
    "/api/v1/report-submissions/{submission_id}/return": {"post"},
}


def test_the_schema_lists_the_reports_endpoints(client, citizen):
    client.force_login(citizen)

    schema = client.get("/api/v1/openapi.json").json()

    paths = {path: set(methods) for path, methods in schema["paths"].items()}
    for path, methods in EXPECTED.items():
        assert methods <= paths.get(path, set()), path
    submissions = schema["paths"]["/api/v1/report-submissions/"]["get"]
    params = {p["name"] for p in submissions["parameters"]}
    assert {"limit", "offset", "requirement_id", "status", "unit_id", "late", "missing"} <= params
    requirements = schema["paths"]["/api/v1/report-requirements/"]["get"]
    assert {"unit_id", "year", "period_kind"} <= {p["name"] for p in requirements["parameters"]}
    save = schema["paths"]["/api/v1/report-submissions/{submission_id}/values"]["put"]
    assert {"200", "409"} <= set(save["responses"])
