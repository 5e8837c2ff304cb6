"""Bad input on the pages: a clear Vietnamese message on the field, nothing half-saved, never 500."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coso.disclosure.models import Disclosure, DisclosureChannel, DisclosureFile, DisclosureStatus

from .conftest import pdf_file


@pytest.fixture
def officer_client(client, commune_officer):
    client.force_login(commune_officer)
    return client


def _field_errors(response, field: str) -> list[str]:
    return [str(e) for e in response.context["form"].errors.get(field, [])]


def _create(client, tree, **data):
    base = {"category_code": "ngan_sach", "title": "Dự toán ngân sách", "starts_on": "10/03/2025"}
    return client.post(reverse("disclosure:create") + f"?unit={tree.commune.pk}", base | data)


def test_an_end_before_the_start(officer_client, tree):
    response = _create(officer_client, tree, ends_on="09/03/2025")

    assert response.status_code == 200
    assert _field_errors(response, "ends_on") == [
        "Thời gian niêm yết không thể kết thúc trước ngày bắt đầu (10/03/2025)."
    ]
    assert not Disclosure.objects.exists()


def test_an_unknown_category(officer_client, tree):
    response = _create(officer_client, tree, category_code="khong_co")

    assert response.status_code == 200
    assert _field_errors(response, "category_code")
    assert not Disclosure.objects.exists()


@pytest.mark.parametrize("value", ["31/02/2025", "2025-13-01", "hôm nay"])
def test_a_date_that_does_not_exist(officer_client, tree, value):
    response = _create(officer_client, tree, starts_on=value)

    assert response.status_code == 200
    assert _field_errors(response, "starts_on") == ["Nhập ngày có thật theo dạng dd/mm/yyyy."]
    assert not Disclosure.objects.exists()


def test_a_nul_character_is_refused(officer_client, tree):
    response = _create(officer_client, tree, title="Dự\x00toán")

    assert response.status_code == 200
    assert _field_errors(response, "title")
    assert not Disclosure.objects.exists()


def test_a_unit_without_a_list(officer_client, tree, province_officer, client):
    client.force_login(province_officer)
    response = client.get(reverse("disclosure:create") + f"?unit={tree.province.pk}", follow=True)

    assert response.status_code == 200
    assert "không quy định danh mục công khai" in response.content.decode()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            SimpleUploadedFile("virus.exe", b"MZ\x90\x00", "application/octet-stream"),
            "Không chấp nhận loại tệp này",
        ),
        (
            SimpleUploadedFile("du-toan.pdf", b"PK\x03\x04 zip", "application/pdf"),
            "không đúng với loại tệp",
        ),
        (SimpleUploadedFile("trong.pdf", b"", "application/pdf"), None),
    ],
)
def test_a_file_of_the_wrong_type(officer_client, world, upload, message):
    before = DisclosureFile.objects.count()

    response = officer_client.post(
        reverse("disclosure:file_add", args=[world.draft.pk]), {"file": upload}
    )

    assert response.status_code == 200
    errors = [str(e) for e in response.context["file_form"].errors["file"]]
    assert errors
    if message:
        assert message in errors[0]
    assert DisclosureFile.objects.count() == before


def test_a_photo_that_is_not_an_image(officer_client, world):
    response = officer_client.post(
        reverse("disclosure:channel_add", args=[world.budget.pk]),
        {"method": "posting", "photo": pdf_file("anh.pdf")},
    )

    assert response.status_code == 200
    assert "Chọn ảnh" in str(response.context["channel_form"].errors["photo"])
    assert DisclosureChannel.objects.count() == 1


def test_a_broadcast_without_its_days(officer_client, world):
    response = officer_client.post(
        reverse("disclosure:channel_add", args=[world.budget.pk]), {"method": "loudspeaker"}
    )

    assert response.status_code == 200
    assert set(response.context["channel_form"].errors) == {"starts_on", "ends_on"}


def test_editing_a_published_item_is_refused_with_a_clear_message(officer_client, world):
    url = reverse("disclosure:edit", args=[world.budget.pk])

    for response in (
        officer_client.get(url, follow=True),
        officer_client.post(
            url,
            {"category_code": "ngan_sach", "title": "Sửa", "starts_on": "10/03/2025"},
            follow=True,
        ),
    ):
        assert response.redirect_chain[-1][0] == reverse(
            "disclosure:detail", args=[world.budget.pk]
        )
        assert "không sửa trực tiếp" in response.content.decode()
    world.budget.refresh_from_db()
    assert world.budget.title == "Công khai dự toán ngân sách xã năm 2025"


def test_correcting_a_replaced_version_is_refused(officer_client, world):
    response = officer_client.post(
        reverse("disclosure:correct", args=[world.plan_v1.pk]),
        {"correction_note": "Sửa", "title": "X", "starts_on": "17/03/2025"},
        follow=True,
    )

    assert response.status_code == 200
    assert "Chỉ phiên bản đang công khai" in response.content.decode()
    assert Disclosure.objects.filter(root=world.plan_v1).count() == 1


def test_a_correction_without_a_note(officer_client, world):
    response = officer_client.post(
        reverse("disclosure:correct", args=[world.budget.pk]),
        {"correction_note": "  ", "title": world.budget.title, "starts_on": "17/03/2025"},
    )

    assert response.status_code == 200
    assert _field_errors(response, "correction_note")
    world.budget.refresh_from_db()
    assert world.budget.status == DisclosureStatus.PUBLISHED


def test_ending_early_on_a_day_before_the_start(officer_client, world):
    response = officer_client.post(
        reverse("disclosure:end_early", args=[world.budget.pk]),
        {"ended_on": "01/03/2025", "reason": "Nhầm"},
    )

    assert response.status_code == 200
    assert _field_errors(response, "ended_on")
    world.budget.refresh_from_db()
    assert world.budget.status == DisclosureStatus.PUBLISHED


def test_publishing_twice_answers_a_message(officer_client, world):
    response = officer_client.post(
        reverse("disclosure:publish", args=[world.budget.pk]), follow=True
    )

    assert response.status_code == 200
    assert "Không thể chuyển trạng thái" in response.content.decode()


def test_a_notice_for_a_draft_is_refused(officer_client, world):
    response = officer_client.get(reverse("disclosure:notice", args=[world.draft.pk]), follow=True)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")


@pytest.mark.parametrize("query", ["?year=abc", "?year=99999", "?page=zzz", "?category=abc"])
def test_odd_filters_do_not_break_the_lists(officer_client, tree, world, query):
    assert officer_client.get(reverse("disclosure:list") + query).status_code == 200
    assert (
        officer_client.get(
            reverse("disclosure:compliance", args=[tree.commune.pk]) + query
        ).status_code
        == 200
    )
    assert (
        officer_client.get(
            reverse("disclosure_public:unit", args=[tree.commune.pk]) + query
        ).status_code
        == 200
    )
