"""Bad input to the reports API answers a 4xx JSON error, never a 500, and saves nothing."""

import pytest

from coso.core.models import AuditEntry
from coso.reports.models import Period, ReportRequirement, Submission, SubmissionValue
from coso.reports.tests.conftest_api import submitted

NOT_JSON = "Nội dung gửi lên không phải JSON hợp lệ."
NOT_VALID = "Dữ liệu gửi lên không hợp lệ."


def _counts() -> tuple[int, ...]:
    return (
        Period.objects.count(),
        ReportRequirement.objects.count(),
        Submission.objects.filter(revision__gt=0).count(),
        SubmissionValue.objects.count(),
        AuditEntry.objects.count(),
    )


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"received": -1}, "received"),  # a negative count
        ({"received": "-3"}, "received"),
        ({"received": 1.5}, "received"),  # not a whole number
        ({"received": "mười"}, "received"),
        ({"received": 10**20}, "received"),  # too large to store
        ({"rate": 101}, "rate"),  # a percentage over 100
        ({"held": "có lẽ"}, "held"),
        ({"held_on": "2024-02-31"}, "held_on"),  # no such day
        ({"held_on": "31/02/2024"}, "held_on"),
        ({"received": 3, "resolved": 4}, "resolved"),  # resolved > received
        ({"received": 3, "no_such_code": 4}, "__all__"),
        ({"results": "x" * 20001}, "results"),
    ],
)
def test_invalid_figures_answer_400_per_indicator(
    client, commune_officer, commune_submission, values, field
):
    # given a commune officer with the draft open
    client.force_login(commune_officer)
    before = _counts()

    # when they save a figure that breaks a rule
    response = client.put(
        f"/api/v1/report-submissions/{commune_submission.pk}/values",
        {"revision": 0, "values": values},
        content_type="application/json",
    )

    # then the answer names the indicator and nothing at all is saved
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    detail = response.json()["detail"]
    assert detail[field] and all(isinstance(m, str) and m for m in detail[field])
    assert _counts() == before


@pytest.mark.parametrize(
    "body",
    [
        {"values": {"received": 1}},  # no revision
        {"revision": "mới nhất", "values": {"received": 1}},
        {"revision": -1, "values": {"received": 1}},
        {"revision": 0},  # no values
        {"revision": 0, "values": [1, 2]},
        {"revision": 0, "values": {"received": [1]}},
        {"revision": 0, "values": {"received": {"value": 1}}},
    ],
)
def test_bodies_of_the_wrong_shape_answer_422(client, commune_officer, commune_submission, body):
    client.force_login(commune_officer)
    before = _counts()

    response = client.put(
        f"/api/v1/report-submissions/{commune_submission.pk}/values",
        body,
        content_type="application/json",
    )

    assert response.status_code == 422
    assert response.json()["detail"] == NOT_VALID
    assert response.json()["errors"]
    assert _counts() == before


@pytest.mark.parametrize(
    "raw",
    [
        '{"revision": 0, "values": {"received": NaN}}',
        '{"revision": 0, "values": {"rate": Infinity}}',
        '{"revision": 0, "values": {"received": -Infinity}}',
    ],
)
def test_numbers_that_are_not_finite_are_refused(client, commune_officer, commune_submission, raw):
    client.force_login(commune_officer)
    before = _counts()

    response = client.put(
        f"/api/v1/report-submissions/{commune_submission.pk}/values",
        raw,
        content_type="application/json",
    )

    assert response.status_code in (400, 422)
    assert response.json()["detail"]
    assert _counts() == before


@pytest.mark.parametrize(
    ("method", "url", "raw"),
    [
        ("put", "/api/v1/report-submissions/{pk}/values", "{not json"),
        ("put", "/api/v1/report-submissions/{pk}/values", "revision=0&received=3"),
        ("post", "/api/v1/report-submissions/{pk}/return", "[1, 2"),
        ("post", "/api/v1/report-requirements/", "\x01\x02"),
    ],
)
def test_a_body_that_is_not_json_answers_400(
    client, province_officer, commune_submission, method, url, raw
):
    client.force_login(province_officer)
    before = _counts()

    response = getattr(client, method)(
        url.format(pk=commune_submission.pk), raw, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {"detail": NOT_JSON}
    assert _counts() == before


def test_returning_without_a_reason_is_refused(
    client, province_officer, commune_officer, tree, commune_submission
):
    submitted(commune_submission, commune_officer)
    client.force_login(province_officer)
    url = f"/api/v1/report-submissions/{commune_submission.pk}/return"

    blank = client.post(url, {"reason": "  "}, content_type="application/json")
    missing = client.post(url, {}, content_type="application/json")

    assert blank.status_code == 400 and blank.json()["detail"]["reason"]
    assert missing.status_code == 422
    assert Submission.objects.get(pk=commune_submission.pk).status == "submitted"


def _requirement(tree, api_form, **changes) -> dict:
    body = {
        "unit_id": tree.province.pk,
        "title": "Báo cáo quý II năm 2024",
        "form_id": api_form.pk,
        "period": {"kind": "quarter", "year": 2024, "number": 2},
        "deadline": "2024-06-20",
        "receiving_office": "Ban Dân vận Tỉnh ủy",
    }
    body.update(changes)
    return body


@pytest.mark.parametrize(
    ("changes", "status", "field"),
    [
        ({"deadline": "2024-02-31"}, 422, "deadline"),  # no such day
        ({"deadline": "20/06/2024"}, 422, "deadline"),  # the API speaks ISO
        ({"title": ["Báo cáo"]}, 422, "title"),
        ({"title": "x" * 501}, 422, "title"),
        ({"levels_down": 0}, 422, "levels_down"),
        ({"target_kinds": ["planet"]}, 422, "target_kinds"),
        ({"target_mode": "everyone"}, 422, "target_mode"),
        ({"period": {"kind": "decade", "year": 2024}}, 422, "kind"),
        ({"period": {"kind": "year", "year": 20240}}, 422, "year"),
        ({"period": "2024Q2"}, 422, "period"),
        ({"title": "   "}, 400, "title"),
        ({"deadline": "2024-03-31"}, 400, "deadline"),  # before the quarter starts
        ({"period": {"kind": "quarter", "year": 2024, "number": 5}}, 400, "period"),
        ({"period": {"kind": "half"}}, 400, "period"),  # no year
        ({"period": {"kind": "ad_hoc"}}, 400, "period"),  # no dates
        (
            {"period": {"kind": "ad_hoc", "start": "2024-05-01", "end": "2024-04-01"}},
            400,
            "period",
        ),
        ({"receiving_office": ""}, 400, "receiving_office"),
        ({"target_mode": "list", "target_unit_ids": []}, 400, "target_units"),
        ({"target_mode": "list", "target_unit_ids": [987654]}, 400, "target_unit_ids"),
        ({"target_mode": "kinds", "target_kinds": []}, 400, "target_kinds"),
    ],
)
def test_invalid_requirements_are_refused_and_create_nothing(
    client, tree, province_officer, api_form, changes, status, field
):
    client.force_login(province_officer)
    before = _counts()

    response = client.post(
        "/api/v1/report-requirements/",
        _requirement(tree, api_form, **changes),
        content_type="application/json",
    )

    assert response.status_code == status, response.content
    payload = response.json()
    if status == 422:
        assert field in {part for error in payload["errors"] for part in error["loc"]}
    else:
        assert payload["detail"][field]
    assert _counts() == before


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/report-submissions/99999999999999999999",
        "/api/v1/report-requirements/99999999999999999999",
        "/api/v1/report-forms/99999999999999999999",
        "/api/v1/report-submissions/?unit_id=99999999999999999999&requirement_id=99999999999999999999",
        "/api/v1/report-requirements/?unit_id=99999999999999999999&year=99999999999",
        "/api/v1/report-submissions/?status=lost&late=maybe",
    ],
)
def test_ids_and_filters_out_of_range_never_answer_500(client, province_officer, db, url):
    client.force_login(province_officer)

    response = client.get(url)

    assert response.status_code in (200, 404, 422)
    assert response.json()


def test_a_nul_character_is_refused_not_a_crash(
    client, tree, province_officer, api_form, commune_submission
):
    # PostgreSQL cannot store U+0000 in text: it must be a 4xx, never a 500
    client.force_login(province_officer)
    before = _counts()

    requirement = client.post(
        "/api/v1/report-requirements/",
        _requirement(tree, api_form, title="Báo cáo\u0000"),
        content_type="application/json",
    )
    values = client.put(
        f"/api/v1/report-submissions/{commune_submission.pk}/values",
        {"revision": 0, "values": {"results": "Kết quả\u0000"}},
        content_type="application/json",
    )

    assert 400 <= requirement.status_code < 500
    assert 400 <= values.status_code < 500
    assert _counts() == before
