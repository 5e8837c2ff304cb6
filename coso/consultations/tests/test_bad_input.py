"""Bad input through pages and the API: a Vietnamese message, nothing saved, never a 500."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from coso.consultations.models import COMMENT_MAX_LENGTH, Comment, Consultation

from .conftest import PHONE


@pytest.fixture
def safe_client():
    return Client(raise_request_exception=False)


def test_a_comment_longer_than_the_limit_is_refused(client, consultation):
    response = client.post(
        reverse("consultations_public:comment", args=[consultation.pk]),
        {"text": "x" * (COMMENT_MAX_LENGTH + 1), "name": "An", "contact": PHONE, "section": ""},
    )

    assert response.status_code == 200
    assert f"tối đa {COMMENT_MAX_LENGTH} ký tự" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_name_longer_than_the_limit_is_refused(client, consultation):
    response = client.post(
        reverse("consultations_public:comment", args=[consultation.pk]),
        {"text": "Ý kiến bình thường.", "name": "A" * 500, "contact": PHONE, "section": ""},
    )

    assert response.status_code == 200
    assert not Comment.objects.exists()


@pytest.mark.parametrize("section", ["999999", "abc", "-1", "99999999999999999999999"])
def test_an_unknown_section_is_refused(client, consultation, section):
    response = client.post(
        reverse("consultations_public:comment", args=[consultation.pk]),
        {"text": "Ý kiến về mục lạ.", "name": "An", "contact": PHONE, "section": section},
    )

    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_section_of_another_consultation_is_refused(client, world):
    other = world.ended.sections.first()
    response = client.post(
        reverse("consultations_public:comment", args=[world.open.pk]),
        {"text": "Ý kiến lạc chỗ.", "name": "An", "contact": PHONE, "section": str(other.pk)},
    )

    assert response.status_code == 200
    assert Comment.objects.filter(consultation=world.open).count() == 3


@pytest.mark.parametrize(
    "url",
    [
        "/cong-khai/lay-y-kien/999999/",
        "/cong-khai/lay-y-kien/99999999999999999999999/",
        "/cong-khai/lay-y-kien/don-vi/999999/",
        "/cong-khai/lay-y-kien/tep/999999/",
        "/cong-khai/lay-y-kien/999999/tong-hop.docx",
        "/cong-khai/lay-y-kien/999999/da-gui/",
    ],
)
def test_unknown_public_addresses_answer_404(safe_client, db, url):
    assert safe_client.get(url).status_code == 404


def test_a_reload_of_the_form_address_goes_back_to_the_form(client, consultation):
    response = client.get(reverse("consultations_public:comment", args=[consultation.pk]))

    assert response.status_code == 302
    assert response["Location"].endswith("#gop-y")


def test_the_create_page_explains_bad_dates(login, tree, commune_officer):
    client = login(commune_officer)

    response = client.post(
        reverse("consultations:create") + f"?unit={tree.commune.pk}",
        {
            "unit": tree.commune.pk,
            "kind": "not-a-number",
            "title": "",
            "opens_on": "31/02/2026",
            "closes_on": "hôm qua",
            "channels": ["pigeon"],
            "sections-TOTAL_FORMS": "1",
            "sections-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "Nhập ngày có thật theo dạng dd/mm/yyyy." in body
    assert not Consultation.objects.filter(unit=tree.commune).exists()


def test_a_broken_management_form_is_not_a_server_error(safe_client, tree, commune_officer):
    safe_client.force_login(commune_officer)

    response = safe_client.post(
        reverse("consultations:create") + f"?unit={tree.commune.pk}", {"title": "Thiếu"}
    )

    assert response.status_code == 200


def test_grouping_with_garbage_ids_is_not_a_server_error(safe_client, world, commune_officer):
    safe_client.force_login(commune_officer)

    response = safe_client.post(
        reverse("consultations:comments", args=[world.open.pk]),
        {"comments": ["abc", "99999999999999999999"], "group": "xyz", "new_title": "N"},
    )

    assert response.status_code == 200
    assert not world.open.groups.exists()


@pytest.mark.parametrize(
    "body",
    [
        "not json",
        '{"text": 5}',
        '{"text": "Ý kiến", "section_id": "abc"}',
        '{"text": "Ý kiến", "channel": "pigeon"}',
        '{"text": "Ý kiến", "section_id": 99999999}',
        '{"text": ""}',
    ],
)
def test_the_api_refuses_malformed_comments_cleanly(safe_client, world, citizen, body):
    safe_client.force_login(citizen)

    response = safe_client.post(
        f"/api/v1/consultations/{world.open.pk}/comments", body, content_type="application/json"
    )

    assert response.status_code in (400, 422)
    assert "detail" in response.json()
    assert Comment.objects.filter(consultation=world.open).count() == 3


@pytest.mark.parametrize(
    "query",
    [
        "?unit=abc",
        "?unit=99999999999999999999999",
        "?page=abc",
        "?page=99999",
        "?muc=99999999999999999999999",
        "?nhom=99999999999999999999999&chua-nhom=1&an=1",
        "?q=" + "dan chu " * 40,
        "?status=unknown",
    ],
)
def test_odd_query_strings_never_crash_the_pages(safe_client, world, commune_officer, query):
    safe_client.force_login(commune_officer)

    for url in (
        reverse("consultations:list"),
        reverse("consultations:create"),
        reverse("consultations:comments", args=[world.open.pk]),
        reverse("consultations_public:detail", args=[world.open.pk]),
        reverse("consultations_public:unit", args=[world.open.unit_id]),
    ):
        response = safe_client.get(url + query)
        assert response.status_code in (200, 404), (url, query)
