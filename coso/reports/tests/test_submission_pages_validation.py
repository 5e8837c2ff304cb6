"""Bad figures typed into the report page: a Vietnamese message under the field, nothing saved."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from coso.reports.models import SubmissionStatus

from .conftest_submission import filled, vi


def _errors_under(page: str, code: str) -> list[str]:
    """The error lines rendered under the field of indicator `code`."""
    return re.findall(rf'<p class="error" id="id_v_{code}-error">([^<]*)</p>', page)


@pytest.mark.parametrize(
    ("values", "code", "message"),
    [
        ({"received": "-3"}, "received", "The number cannot be negative."),
        ({"received": "10", "rate": "101"}, "rate", "A percentage cannot be over 100."),
        ({"received": "4.5"}, "received", "Enter a whole number."),
        ({"received": "mười"}, "received", "Enter a number."),
        (
            {"received": "10", "conference_on": "31/02/2024"},
            "conference_on",
            "Enter a real date as dd/mm/yyyy.",
        ),
        ({"received": "10", "rating": "Xuất sắc"}, "rating", "Choose one of the listed answers."),
    ],
)
def test_a_bad_figure_is_explained_under_its_field_and_nothing_is_saved(
    client, submission, commune_officer, values, code, message
):
    client.force_login(commune_officer)

    response = client.post(reverse("reports:submission", args=[submission.pk]), filled(0, **values))

    assert response.status_code == 200
    page = response.content.decode()
    assert _errors_under(page, code) == [vi(message)]
    submission.refresh_from_db()
    assert submission.revision == 0 and submission.status == SubmissionStatus.NOT_STARTED
    assert not submission.values.exists()


def test_resolved_above_received_is_explained_under_resolved(client, submission, commune_officer):
    client.force_login(commune_officer)

    response = client.post(
        reverse("reports:submission", args=[submission.pk]),
        filled(0, received="3", resolved="4", contact="Nguyễn Văn A"),
    )

    page = response.content.decode()
    assert response.status_code == 200
    errors = _errors_under(page, "resolved")
    assert len(errors) == 1 and "Số phản ánh đã giải quyết" in errors[0]
    assert _errors_under(page, "received") == []
    # what the officer typed is still there
    assert 'value="Nguyễn Văn A"' in page and 'value="4"' in page
    assert not submission.values.exists()


def test_several_bad_figures_are_all_reported_at_once(client, submission, commune_officer):
    client.force_login(commune_officer)

    response = client.post(
        reverse("reports:submission", args=[submission.pk]),
        filled(0, "submit", received="-1", rate="150", conference_on="31/02/2024"),
    )

    page = response.content.decode()
    assert _errors_under(page, "received") == [vi("The number cannot be negative.")]
    assert _errors_under(page, "rate") == [vi("A percentage cannot be over 100.")]
    assert _errors_under(page, "conference_on") == [vi("Enter a real date as dd/mm/yyyy.")]
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.NOT_STARTED and submission.version == 0


@pytest.mark.parametrize(
    "data",
    [
        {"revision": "abc", "v_received": "1"},
        {"v_received": "1"},
        {"revision": "-5", "v_received": "1"},
        {"revision": "0", "v_has_board": "maybe"},
        {"revision": "0", "v_unknown": "1", "v_received": "2"},
    ],
)
def test_a_tampered_post_is_refused_without_a_500(client, submission, commune_officer, data):
    client.force_login(commune_officer)

    response = client.post(reverse("reports:submission", args=[submission.pk]), data)

    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert "errors" in response.content.decode()
        assert not submission.values.exists()


def test_a_thousands_dot_is_read_as_vietnamese_grouping(client, submission, commune_officer):
    client.force_login(commune_officer)

    client.post(
        reverse("reports:submission", args=[submission.pk]),
        filled(0, received="12.500", resolved="1.234", budget="2.500,75"),
    )

    figures = {v.indicator.code: v.number for v in submission.values.select_related("indicator")}
    assert figures == {"received": 12500, "resolved": 1234, "budget": pytest.approx(2500.75)}
