"""Two officers editing the same draft: the second is told, keeps their entries, sees the first's."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from coso.reports import actions
from coso.reports.models import SubmissionValue

from .conftest_submission import filled, vi


def _number(submission, code: str):
    return SubmissionValue.objects.get(submission=submission, indicator__code=code).number


def test_the_second_save_of_the_same_draft_is_a_conflict_that_loses_nothing(
    submission, commune_officer, province_officer
):
    # given a draft both officers open at the same revision
    actions.save_draft(
        submission, by=commune_officer, values={"received": "10", "resolved": "5"}, revision=0
    )
    url = reverse("reports:submission", args=[submission.pk])
    first, second = Client(), Client()
    first.force_login(commune_officer)
    second.force_login(province_officer)
    assert 'name="revision" value="1"' in first.get(url).content.decode()
    assert 'name="revision" value="1"' in second.get(url).content.decode()

    # when the first saves, then the second saves other figures from the same revision
    assert first.post(url, filled(1, received="12", resolved="5")).status_code == 302
    response = second.post(url, filled(1, received="20", resolved="7", contact="Trần Thị Tỉnh"))

    # then the second is told, with everything they typed still in the form
    page = response.content.decode()
    assert response.status_code == 409
    assert (
        vi(
            "Someone else saved this report after you opened it. Your entries are still in "
            "the form: check the figures below, then save again."
        )
        in page
    )
    assert 'name="v_received" value="20"' in page
    assert 'name="v_resolved" value="7"' in page
    assert 'value="Trần Thị Tỉnh"' in page
    # beside the figure that differs, the value saved now; none beside those that agree
    assert page.count('class="small saved-now"') == 3  # received, resolved, contact
    received_block = page.split('id="id_v_received"')[1].split('class="field')[0]
    assert "12" in received_block and vi("Saved now") in received_block
    # the new revision is carried, so the next save goes through
    assert 'name="revision" value="2"' in page
    # and the database keeps the first save
    assert _number(submission, "received") == 12

    # when the second saves again with the new revision
    response = second.post(url, filled(2, received="20", resolved="7"))

    assert response.status_code == 302
    assert _number(submission, "received") == 20 and _number(submission, "resolved") == 7


def test_a_stale_submit_submits_nothing(submission, commune_officer, province_officer):
    actions.save_draft(submission, by=commune_officer, values={"received": "10"}, revision=0)
    url = reverse("reports:submission", args=[submission.pk])
    first, second = Client(), Client()
    first.force_login(commune_officer)
    second.force_login(province_officer)
    first.post(url, filled(1, received="11"))

    response = second.post(url, filled(1, "submit", received="99"))

    assert response.status_code == 409
    submission.refresh_from_db()
    assert submission.version == 0 and _number(submission, "received") == 11
