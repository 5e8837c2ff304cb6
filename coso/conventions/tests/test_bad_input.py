"""Bad input through the pages: a Vietnamese message, nothing half-saved, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from coso.consultations.models import Consultation
from coso.conventions.models import Convention, VersionStatus

from .conftest import working


@pytest.fixture
def safe_client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "data",
    [
        {"opens_on": "31/02/2026", "closes_on": "01/04/2026"},
        {"opens_on": "01/03/2026", "closes_on": "hôm nay"},
        {"opens_on": "", "closes_on": ""},
        {"opens_on": "01/05/2026", "closes_on": "01/03/2026", "channels": ["pigeon"]},
    ],
)
def test_bad_comment_periods_are_explained(safe_client, convention, commune_officer, data):
    safe_client.force_login(commune_officer)
    version = working(convention)

    response = safe_client.post(reverse("conventions:version_comment", args=[version.pk]), data)

    assert response.status_code == 200
    version.refresh_from_db()
    assert version.status == VersionStatus.DRAFTING
    assert not Consultation.objects.exists()


def test_an_empty_text_is_refused(safe_client, tree, commune_officer):
    safe_client.force_login(commune_officer)

    response = safe_client.post(
        reverse("conventions:create"),
        {
            "unit": tree.village.pk,
            "kind": "huong_uoc",
            "title": "Hương ước",
            "text": "  ",
            "review_day": "18",
            "review_month": "11",
        },
    )

    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()
    assert not Convention.objects.exists()


def test_a_commune_is_not_a_residential_community(tree, commune_officer):
    from django.core.exceptions import ValidationError

    from coso.conventions import actions

    with pytest.raises(ValidationError) as caught:
        actions.start_convention(by=commune_officer, unit=tree.commune, title="X", text="Điều 1.")

    assert "unit" in caught.value.message_dict


def test_an_action_out_of_turn_is_a_message_not_an_error(safe_client, convention, commune_officer):
    safe_client.force_login(commune_officer)

    response = safe_client.post(
        reverse("conventions:version_result", args=[working(convention).pk]), follow=True
    )

    assert response.status_code == 200
    assert "Không thể chuyển trạng thái" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/cong-khai/huong-uoc/999999/",
        "/cong-khai/huong-uoc/99999999999999999999999/",
        "/cong-khai/huong-uoc/phien-ban/999999/",
        "/cong-khai/huong-uoc/don-vi/999999/",
    ],
)
def test_unknown_public_addresses_answer_404(safe_client, db, url):
    assert safe_client.get(url).status_code == 404


def test_huge_ids_in_the_api_are_not_errors(safe_client, citizen):
    safe_client.force_login(citizen)

    assert safe_client.get("/api/v1/conventions/99999999999999999999").status_code in (404, 422)
    assert safe_client.get("/api/v1/conventions/?unit_id=99999999999999999999").status_code in (
        200,
        422,
    )


@pytest.mark.parametrize(
    "query", ["?unit=abc", "?unit=99999999999999999999999", "?page=abc", "?q=" + "huong uoc " * 30]
)
def test_odd_query_strings_never_crash_the_pages(safe_client, world, commune_officer, query):
    safe_client.force_login(commune_officer)

    for url in (
        reverse("conventions:list"),
        reverse("conventions:create"),
        reverse("conventions:detail", args=[world.in_force.pk]),
        reverse("conventions_public:unit", args=[world.in_force.unit_id]),
    ):
        response = safe_client.get(url + query)
        assert response.status_code in (200, 404), (url, query)
