"""The report page costs a fixed number of queries, however many versions and files it has."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coso.reports import actions

from .conftest_submission import pdf_file


def _history(submission, commune_officer, province_officer, rounds: int, first: int = 0) -> None:
    for n in range(first, first + rounds):
        submission.refresh_from_db()
        actions.save_draft(
            submission,
            by=commune_officer,
            values={"received": str(n + 1)},
            revision=submission.revision,
        )
        actions.add_attachment(submission, by=commune_officer, file=pdf_file(f"tep-{n}.pdf"))
        actions.submit(submission, by=commune_officer)
        actions.return_submission(submission, by=province_officer, reason=f"Lần {n}")


def test_the_page_does_not_grow_with_its_history(
    client, submission, commune_officer, province_officer, django_assert_num_queries
):
    _history(submission, commune_officer, province_officer, 1)
    client.force_login(commune_officer)
    url = reverse("reports:submission", args=[submission.pk])
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    _history(submission, commune_officer, province_officer, 4, first=1)

    with django_assert_num_queries(len(few.captured_queries)):
        page = client.get(url).content.decode()

    assert "tep-4.pdf" in page and "Lần 4" in page


def test_a_version_page_costs_a_fixed_number_of_queries(
    client, submission, commune_officer, province_officer, django_assert_max_num_queries
):
    _history(submission, commune_officer, province_officer, 2)
    client.force_login(province_officer)

    with django_assert_max_num_queries(10):
        response = client.get(reverse("reports:submission_version", args=[submission.pk, 2]))

    assert response.status_code == 200
