"""The whole life of a report through the pages: draft, submit, return, correct, resubmit, accept."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from coso.reports.models import SubmissionStatus, SubmissionValue

from .conftest_submission import filled, vi


def test_the_commune_fills_the_province_returns_and_then_accepts(
    client, submission, commune_officer, province_officer
):
    url = reverse("reports:submission", args=[submission.pk])
    client.force_login(commune_officer)

    # given an empty report, the commune officer sees the form with both buttons
    page = client.get(url).content.decode()
    assert "Sơ kết 6 tháng đầu năm 2024" in page and "Ban Dân vận Tỉnh ủy" in page
    assert vi("Save draft") in page and vi("Submit report") in page
    assert 'inputmode="decimal"' in page

    # when they save a draft
    response = client.post(
        url,
        filled(
            0,
            received="1.200",
            resolved="950",
            rate="87,5",
            has_board="1",
            rating="Khá",
            conference_on="05/04/2024",
            results="Đã tổ chức hội nghị.",
        ),
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.DRAFT and submission.revision == 1
    assert (
        SubmissionValue.objects.get(submission=submission, indicator__code="received").number
        == 1200
    )
    assert SubmissionValue.objects.get(
        submission=submission, indicator__code="conference_on"
    ).date == dt.date(2024, 4, 5)

    # then the form opens prefilled at the new revision
    page = client.get(url).content.decode()
    assert 'value="1200"' in page and 'value="87,5"' in page and 'value="05/04/2024"' in page
    assert 'name="revision" value="1"' in page

    # when they submit
    response = client.post(url, filled(1, "submit", received="1200", resolved="950"))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED and submission.version == 1
    # the page is now read-only, numbers grouped in thousands
    page = client.get(url).content.decode()
    assert vi("Save draft") not in page and "1.200" in page
    # the commune cannot accept its own report
    assert (
        client.post(reverse("reports:submission_accept", args=[submission.pk])).status_code == 403
    )

    # when the province returns it with a reason
    client.force_login(province_officer)
    page = client.get(url).content.decode()
    assert reverse("reports:submission_accept", args=[submission.pk]) in page
    assert reverse("reports:submission_return", args=[submission.pk]) in page
    response = client.post(
        reverse("reports:submission_return", args=[submission.pk]),
        {"reason": "Thiếu số liệu quý II"},
    )
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.RETURNED

    # then the commune sees the reason and corrects the report
    client.force_login(commune_officer)
    page = client.get(url).content.decode()
    assert "Thiếu số liệu quý II" in page and vi("Submit report") in page
    response = client.post(
        url, filled(submission.revision, "submit", received="1200", resolved="1000")
    )
    assert response.status_code == 302

    # and the province accepts the second version
    client.force_login(province_officer)
    response = client.post(reverse("reports:submission_accept", args=[submission.pk]))
    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.ACCEPTED and submission.version == 2
    page = client.get(url).content.decode()
    assert reverse("reports:submission_accept", args=[submission.pk]) not in page
    assert vi("Submitted late") in page

    # both versions stay readable, each with its own figures and outcome
    first = client.get(reverse("reports:submission_version", args=[submission.pk, 1]))
    second = client.get(reverse("reports:submission_version", args=[submission.pk, 2]))
    assert first.status_code == 200 and second.status_code == 200
    first_page, second_page = first.content.decode(), second.content.decode()
    assert "Số phản ánh đã giải quyết" in first_page and "950" in first_page
    assert "Thiếu số liệu quý II" in first_page
    assert "1.000" in second_page and "1.200" in second_page
    assert (
        client.get(reverse("reports:submission_version", args=[submission.pk, 3])).status_code
        == 404
    )


def test_the_version_list_names_who_sent_each_version(
    client, submission, commune_officer, province_officer
):
    url = reverse("reports:submission", args=[submission.pk])
    client.force_login(commune_officer)
    client.post(url, filled(0, "submit", received="3"))
    client.force_login(province_officer)
    client.post(
        reverse("reports:submission_return", args=[submission.pk]), {"reason": "Ghi rõ nguồn"}
    )

    page = client.get(url).content.decode()

    versions = page.split('id="versions"')[1]
    assert commune_officer.display_name in versions
    assert "Ghi rõ nguồn" in versions
    assert reverse("reports:submission_version", args=[submission.pk, 1]) in versions


def test_a_missing_required_figure_blocks_submission_and_saves_nothing(
    client, submission, commune_officer
):
    client.force_login(commune_officer)

    response = client.post(
        reverse("reports:submission", args=[submission.pk]), filled(0, "submit", resolved="2")
    )

    assert response.status_code == 200
    assert vi("This field is required.") in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.NOT_STARTED and submission.revision == 0
    assert not submission.values.exists()


def test_returning_without_a_reason_is_refused(
    client, submission, commune_officer, province_officer
):
    client.force_login(commune_officer)
    client.post(
        reverse("reports:submission", args=[submission.pk]), filled(0, "submit", received="3")
    )
    client.force_login(province_officer)

    response = client.post(
        reverse("reports:submission_return", args=[submission.pk]), {"reason": " "}
    )

    assert response.status_code == 200
    assert vi("Say what must be corrected.") in response.content.decode()
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


def test_an_overdue_report_is_marked(client, submission, commune_officer):
    client.force_login(commune_officer)

    page = client.get(reverse("reports:submission", args=[submission.pk])).content.decode()

    # the deadline (15/06/2024) has passed and nothing was sent
    assert "15/06/2024" in page and vi("Overdue") in page
