"""Two officers saving the same draft through the API: the second gets 409 and loses nothing."""

from coso.reports.models import Submission


def test_a_stale_save_answers_409_with_the_current_revision(
    client, commune_officer, province_officer, commune_submission
):
    # given two officers who opened the draft at revision 0, and the first saved
    url = f"/api/v1/report-submissions/{commune_submission.pk}/values"
    client.force_login(province_officer)
    first = client.put(
        url, {"revision": 0, "values": {"received": 10}}, content_type="application/json"
    )
    assert first.status_code == 200 and first.json()["revision"] == 1

    # when the second saves what they typed on top of revision 0
    client.force_login(commune_officer)
    second = client.put(
        url, {"revision": 0, "values": {"received": 12}}, content_type="application/json"
    )

    # then they are told, in Vietnamese JSON, and the first officer's figure is kept
    assert second.status_code == 409
    body = second.json()
    assert body["revision"] == 1
    assert body["detail"]
    assert Submission.objects.get(pk=commune_submission.pk).values.get().number == 10

    # and saving again with the current revision goes through
    third = client.put(
        url, {"revision": 1, "values": {"received": 12}}, content_type="application/json"
    )
    assert third.status_code == 200
    assert third.json()["values"] == {"received": 12}
    assert third.json()["revision"] == 2
    assert client.get(url).json() == {"revision": 2, "values": {"received": 12}}


def test_a_submitted_report_is_neither_saved_nor_submitted_again(
    client, commune_officer, commune_submission
):
    # given a report the commune has sent
    client.force_login(commune_officer)
    url = f"/api/v1/report-submissions/{commune_submission.pk}"
    client.put(
        f"{url}/values", {"revision": 0, "values": {"received": 3}}, content_type="application/json"
    )
    sent = client.post(f"{url}/submit").json()

    # when a second tab saves or sends it again
    save = client.put(
        f"{url}/values",
        {"revision": sent["revision"], "values": {"received": 4}},
        content_type="application/json",
    )
    again = client.post(f"{url}/submit")

    # then both are refused with a JSON message and the sent figures stand
    assert save.status_code == 400 and save.json()["detail"]
    assert again.status_code == 400 and again.json()["detail"]
    submission = Submission.objects.get(pk=commune_submission.pk)
    assert submission.version == 1 and submission.values.get().number == 3
