"""Reports through the API: every persona × read / save / submit / accept / return."""

import datetime as dt

import pytest

from conftest import PERSONAS, client_as
from coso.core.models import AuditEntry
from coso.reports import actions
from coso.reports.models import ReportRequirement, Submission, SubmissionStatus
from coso.reports.tests.conftest_api import submitted

# The commune's report: read by whoever's roles reach the commune or the receiving province.
READ = {
    "admin": 200,
    "province_officer": 200,
    "commune_officer": 200,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 200,
    "citizen": 404,
    "anonymous": 401,
}
# Managers over the commune fill and send its report; a committee member only reads it.
EDIT = {**READ, "committee_member": 403}
# The receiving side (managers over the province) and nobody else accepts or returns.
DECIDE = {**EDIT, "commune_officer": 403}
# The province's requirement: also read by every unit it asks for a report.
READ_REQUIREMENT = {**READ, "other_commune_officer": 200}
# Requiring a report from the province's units: the province's managers.
CREATE_REQUIREMENT = {
    "admin": 201,
    "province_officer": 201,
    "commune_officer": 404,
    "other_commune_officer": 404,
    "employee": 404,
    "committee_member": 403,
    "citizen": 404,
    "anonymous": 401,
}


def _state(submission: Submission) -> tuple:
    submission.refresh_from_db()
    return (
        submission.status,
        submission.revision,
        submission.values.count(),
        AuditEntry.objects.count(),
    )


@pytest.mark.parametrize("persona", PERSONAS)
def test_read_a_communes_report(client, personas, commune_submission, persona):
    actions.save_draft(
        commune_submission, by=personas.commune_officer, values={"received": "7"}, revision=0
    )
    api = client_as(client, personas, persona)

    response = api.get(f"/api/v1/report-submissions/{commune_submission.pk}")

    assert response.status_code == READ[persona]
    if response.status_code == 200:
        body = response.json()
        assert body["values"] == {"received": 7}
        assert body["unit_name"] == "Xã Thanh Miện"
        assert body["revision"] == 1


@pytest.mark.parametrize("persona", PERSONAS)
def test_list_shows_the_communes_report_to_those_who_may_read_it(
    client, personas, commune_submission, persona
):
    api = client_as(client, personas, persona)

    response = api.get("/api/v1/report-submissions/")

    if persona == "anonymous":
        assert response.status_code == 401
        return
    ids = {item["id"] for item in response.json()["items"]}
    assert (commune_submission.pk in ids) == (READ[persona] == 200 and persona != "anonymous")


@pytest.mark.parametrize("persona", PERSONAS)
def test_save_figures_in_the_draft(client, personas, commune_submission, persona):
    api = client_as(client, personas, persona)
    before = _state(commune_submission)

    response = api.put(
        f"/api/v1/report-submissions/{commune_submission.pk}/values",
        {"revision": 0, "values": {"received": 12, "resolved": "9"}},
        content_type="application/json",
    )

    assert response.status_code == EDIT[persona]
    if response.status_code == 200:
        assert response.json()["values"] == {"received": 12, "resolved": 9}
        assert response.json()["status"] == SubmissionStatus.DRAFT
        assert _state(commune_submission)[1:3] == (1, 2)
    else:
        assert _state(commune_submission) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_submit_the_report(client, personas, commune_submission, persona):
    actions.save_draft(
        commune_submission,
        by=personas.commune_officer,
        values={"received": "12", "resolved": "9"},
        revision=0,
    )
    api = client_as(client, personas, persona)
    before = _state(commune_submission)

    response = api.post(f"/api/v1/report-submissions/{commune_submission.pk}/submit")

    assert response.status_code == EDIT[persona]
    if response.status_code == 200:
        body = response.json()
        assert body["status"] == SubmissionStatus.SUBMITTED
        assert [v["data"] for v in body["versions"]] == [{"received": "12", "resolved": "9"}]
    else:
        assert _state(commune_submission) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_accept_the_report(client, personas, commune_submission, persona):
    submitted(commune_submission, personas.commune_officer)
    api = client_as(client, personas, persona)
    before = _state(commune_submission)

    response = api.post(f"/api/v1/report-submissions/{commune_submission.pk}/accept")

    assert response.status_code == DECIDE[persona]
    if response.status_code == 200:
        assert response.json()["status"] == SubmissionStatus.ACCEPTED
        assert response.json()["versions"][0]["outcome"] == SubmissionStatus.ACCEPTED
    else:
        assert _state(commune_submission) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_return_the_report(client, personas, commune_submission, persona):
    submitted(commune_submission, personas.commune_officer)
    api = client_as(client, personas, persona)
    before = _state(commune_submission)

    response = api.post(
        f"/api/v1/report-submissions/{commune_submission.pk}/return",
        {"reason": "Thiếu số liệu quý II"},
        content_type="application/json",
    )

    assert response.status_code == DECIDE[persona]
    if response.status_code == 200:
        body = response.json()
        assert body["status"] == SubmissionStatus.RETURNED
        assert body["return_reason"] == "Thiếu số liệu quý II"
        assert body["can_edit"] is (persona != "committee_member")
    else:
        assert _state(commune_submission) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_read_the_provinces_requirement(client, personas, api_requirement, persona):
    api = client_as(client, personas, persona)

    response = api.get(f"/api/v1/report-requirements/{api_requirement.pk}")

    assert response.status_code == READ_REQUIREMENT[persona]
    if response.status_code == 200:
        body = response.json()
        assert body["period"]["code"] == "2024S1"
        assert body["required_count"] == 3
        assert body["submitted_count"] == 0


@pytest.mark.parametrize("persona", PERSONAS)
def test_require_a_report_from_the_provinces_units(client, personas, tree, api_form, persona):
    api = client_as(client, personas, persona)
    before = (ReportRequirement.objects.count(), Submission.objects.count())

    response = api.post(
        "/api/v1/report-requirements/",
        {
            "unit_id": tree.province.pk,
            "title": "Tổng kết năm 2024",
            "form_id": api_form.pk,
            "period": {"kind": "year", "year": 2024},
            "deadline": "2024-12-10",
            "receiving_office": "Ban Dân vận Tỉnh ủy",
            "target_mode": "kinds",
            "target_kinds": ["commune"],
            "repeats_yearly": True,
        },
        content_type="application/json",
    )

    assert response.status_code == CREATE_REQUIREMENT[persona]
    if response.status_code == 201:
        body = response.json()
        assert body["period"]["code"] == "2024"
        assert body["deadline"] == "2024-12-10"
        assert body["required_count"] == 2  # the two communes
        requirement = ReportRequirement.objects.get(pk=body["id"])
        assert requirement.repeats_yearly and requirement.deadline == dt.date(2024, 12, 10)
    else:
        assert (ReportRequirement.objects.count(), Submission.objects.count()) == before


@pytest.mark.parametrize("persona", PERSONAS)
def test_read_a_form_shipped_with_coso(client, personas, api_form, persona):
    api = client_as(client, personas, persona)

    response = api.get(f"/api/v1/report-forms/{api_form.pk}")

    assert response.status_code == (401 if persona == "anonymous" else 200)
    if response.status_code == 200:
        body = response.json()
        codes = [i["code"] for s in body["sections"] for i in s["indicators"]]
        assert codes == ["received", "resolved", "rate", "held", "held_on", "results"]
        assert body["rules"] == [
            {
                "id": body["rules"][0]["id"],
                "left": "resolved",
                "operator": "lte",
                "right": "received",
                "message": "",
            }
        ]
