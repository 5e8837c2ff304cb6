"""The pages work end to end, refuse bad input with Vietnamese errors per field, never 500, and
read their lists in a fixed number of queries."""

from __future__ import annotations

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coso.core.dates import today
from coso.recognition.models import Campaign, Nomination, NominationStatus

from .conftest import nominate


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def test_a_campaign_is_created_and_opened_through_the_pages(client, tree, province_officer):
    client.force_login(province_officer)
    response = client.post(
        reverse("recognition:campaign_create"),
        {
            "unit": tree.province.pk,
            "title": "Dân vận khéo 2026",
            "starts_on": _d(today()),
            "ends_on": _d(today() + dt.timedelta(days=200)),
            "nomination_deadline": _d(today() + dt.timedelta(days=30)),
            "target_kinds": ["commune"],
            "criteria": "Sáng tạo | 40\nHiệu quả | 60\n",
        },
    )
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert [(c.name, c.max_points) for c in campaign.criteria.all()] == [
        ("Sáng tạo", 40),
        ("Hiệu quả", 60),
    ]

    client.post(reverse("recognition:campaign_open", args=[campaign.pk]))
    campaign.refresh_from_db()
    assert campaign.status == "open"
    page = client.get(reverse("recognition:campaign", args=[campaign.pk]))
    assert "Sáng tạo" in page.content.decode()


def test_bad_campaign_input_shows_errors_on_the_fields(client, tree, province_officer):
    client.force_login(province_officer)
    response = client.post(
        reverse("recognition:campaign_create"),
        {
            "unit": tree.province.pk,
            "title": "Dân vận khéo",
            "starts_on": _d(today()),
            "ends_on": _d(today() - dt.timedelta(days=1)),
            "nomination_deadline": "31/02/2026",
            "criteria": "Sáng tạo không có điểm",
        },
    )
    form = response.context["form"]
    assert response.status_code == 200
    assert set(form.errors) >= {"nomination_deadline", "criteria"}
    assert not Campaign.objects.exists()

    response = client.post(
        reverse("recognition:campaign_create"),
        {
            "unit": tree.province.pk,
            "title": "Dân vận khéo",
            "starts_on": _d(today()),
            "ends_on": _d(today() - dt.timedelta(days=1)),
            "nomination_deadline": _d(today()),
            "criteria": "Sáng tạo | 10",
        },
    )
    assert "ends_on" in response.context["form"].errors
    assert "kết thúc" in response.context["form"].errors["ends_on"][0]


def test_a_nomination_is_sent_through_the_page(client, world, tree, commune_officer):
    client.force_login(commune_officer)
    response = client.post(
        reverse("recognition:nomination_create"),
        {
            "unit": tree.commune.pk,
            "campaign": world.campaign.pk,
            "title": "Mô hình “Tổ hòa giải giỏi”",
            "field": "democracy",
            "subject_kind": "collective",
            "subject_name": "Tổ hòa giải thôn Đông",
            "description": "Hòa giải kịp thời các mâu thuẫn.",
            "results": "Hòa giải thành 15 vụ.",
        },
    )
    assert response.status_code == 302
    assert Nomination.objects.count() == 2


def test_bad_nomination_input_is_refused_per_field(client, world, tree, commune_officer):
    client.force_login(commune_officer)
    response = client.post(
        reverse("recognition:nomination_create"),
        {
            "unit": tree.other_commune.pk,
            "campaign": "999999",
            "title": " ",
            "field": "magic",
            "subject_kind": "collective",
        },
    )
    errors = response.context["form"].errors
    assert response.status_code == 200
    assert {"unit", "campaign", "title", "field", "subject_name"} <= set(errors)
    assert Nomination.objects.count() == 1


def test_bad_scores_and_decisions_are_shown_not_saved(client, world, province_officer):
    client.force_login(province_officer)
    url = reverse("recognition:nomination_score", args=[world.nomination.pk])
    first, second = world.criteria
    response = client.post(url, {f"criterion_{first.pk}": "31", f"criterion_{second.pk}": "abc"})
    assert response.status_code == 400
    errors = response.context["score_form"].errors
    assert {f"criterion_{first.pk}", f"criterion_{second.pk}"} <= set(errors)

    response = client.post(
        reverse("recognition:nomination_decide", args=[world.nomination.pk]),
        {"recognised": "1", "decision_date": _d(today())},
    )
    assert response.status_code == 400
    assert {"recognition_form", "decision_number"} & set(response.context["decision_form"].errors)
    world.nomination.refresh_from_db()
    assert world.nomination.status == NominationStatus.SUBMITTED


def test_a_mislabelled_file_is_refused(client, world, commune_officer):
    client.force_login(commune_officer)
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ not a pdf at all", content_type="application/pdf")

    response = client.post(
        reverse("recognition:evidence_add", args=[world.nomination.pk]), {"file": fake}
    )

    assert response.status_code == 400
    assert "file" in response.context["evidence_form"].errors
    assert not world.nomination.evidence.exists()


def test_nonsense_ids_answer_404(client, world, province_officer):
    client.force_login(province_officer)
    for url in (
        reverse("recognition:nomination", args=[10**17]),
        reverse("recognition:campaign", args=[0]),
        reverse("recognition:evidence", args=[5]),
        reverse("recognition:nomination_create") + "?campaign=abc",
    ):
        assert client.get(url).status_code == 404


def test_the_lists_read_in_fixed_queries(
    client, world, tree, commune_officer, province_officer, django_assert_num_queries
):
    for i in range(5):
        nominate(commune_officer, tree.commune, world.campaign, title=f"Mô hình số {i}")
    client.force_login(province_officer)
    client.get(reverse("recognition:nominations"))  # warm the session

    with django_assert_num_queries(6):  # session, user, grants, count, page, notifications
        response = client.get(reverse("recognition:nominations"), {"q": "mo hinh so"})
    assert response.content.decode().count("Mô hình số") == 5

    with django_assert_num_queries(6):
        client.get(reverse("recognition:campaigns"))
