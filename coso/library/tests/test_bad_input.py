"""Bad input: a clear Vietnamese message on the field, nothing half-saved, never a 500."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from coso.library import actions
from coso.library.models import LegalText

from .conftest import add_text

pytestmark = pytest.mark.django_db
D = "%d/%m/%Y"


def _form(**changes) -> dict:
    return {
        "number_symbol": "12/2024/NĐ-CP",
        "text_type": "decree",
        "issuer": "Chính phủ",
        "title": "Nghị định mới",
        "issued_on": "01/02/2024",
        "effective_on": "01/03/2024",
        "expires_on": "",
        "summary": "",
        "url": "",
    } | changes


def test_duplicate_number_from_the_same_issuer_names_the_existing_text(admin):
    # given the core decree 59/2023/NĐ-CP
    count = LegalText.objects.count()
    # when someone adds it again, spelled without diacritics and with spaces
    with pytest.raises(ValidationError) as err:
        add_text(admin, "59/2023/ND-CP ", issuer="chinh phu")
    # then the message names the existing text, and nothing is saved
    message = err.value.message_dict["number_symbol"][0]
    assert "59/2023/NĐ-CP" in message
    assert "Quy định chi tiết một số điều của Luật Thực hiện dân chủ ở cơ sở" in message
    assert "đã có" in message
    assert LegalText.objects.count() == count


def test_same_number_from_another_issuer_is_accepted(admin):
    text = add_text(admin, "59/2023/NĐ-CP", issuer="UBND tỉnh Gia Lai", text_type="decision")
    assert text.pk


def test_editing_into_a_duplicate_is_refused(admin):
    text = add_text(admin, "7/2024/NĐ-CP")
    with pytest.raises(ValidationError) as err:
        actions.update_text(
            text,
            by=admin,
            number_symbol="61/2023/NĐ-CP",
            text_type="decree",
            issuer="Chính phủ",
            title="Sửa",
        )
    assert "61/2023/NĐ-CP" in err.value.message_dict["number_symbol"][0]


def test_effective_after_expiry_is_refused(admin):
    with pytest.raises(ValidationError) as err:
        add_text(
            admin, "8/2024/NĐ-CP", effective_on=dt.date(2024, 5, 1), expires_on=dt.date(2024, 4, 1)
        )
    message = err.value.message_dict["effective_on"][0]
    assert "01/05/2024" in message and "01/04/2024" in message
    assert not LegalText.objects.filter(number_symbol="8/2024/NĐ-CP").exists()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"number_symbol": ""}, "number_symbol"),
        ({"number_symbol": "không số"}, "number_symbol"),
        ({"number_symbol": "1/" + "x" * 120}, "number_symbol"),
        ({"title": "   "}, "title"),
        ({"issuer": ""}, "issuer"),
        ({"text_type": "poem"}, "text_type"),
        ({"issued_on": "31/02/2024"}, "issued_on"),
        ({"issued_on": "01/01/2999", "effective_on": ""}, "issued_on"),
        ({"effective_on": "01/01/2024"}, "effective_on"),
        ({"effective_on": "01/06/2024", "expires_on": "01/05/2024"}, "effective_on"),
        ({"url": "javascript:alert(1)"}, "url"),
        ({"title": "x\x00y"}, "title"),
    ],
)
def test_the_form_shows_a_vietnamese_error_on_the_field(client, admin, changes, field):
    client.force_login(admin)
    count = LegalText.objects.count()
    response = client.post(reverse("library:create"), _form(**changes))
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert LegalText.objects.count() == count


def test_the_form_refuses_a_duplicate_with_the_existing_text(client, admin):
    client.force_login(admin)
    response = client.post(
        reverse("library:create"), _form(number_symbol="10/2022/QH15", issuer="Quốc hội")
    )
    assert response.status_code == 200
    assert "Luật Thực hiện dân chủ ở cơ sở" in response.context["form"].errors["number_symbol"][0]


def test_a_file_that_is_not_what_it_claims_is_refused(client, admin):
    client.force_login(admin)
    fake = SimpleUploadedFile("vanban.pdf", b"MZ not a pdf", content_type="application/pdf")
    response = client.post(reverse("library:create"), _form() | {"file": fake})
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not LegalText.objects.filter(number_symbol="12/2024/NĐ-CP").exists()


def test_a_good_form_adds_the_text(client, admin):
    client.force_login(admin)
    response = client.post(reverse("library:create"), _form())
    text = LegalText.objects.get(number_symbol="12/2024/NĐ-CP")
    assert response.status_code == 302
    assert text.created_by == admin and not text.is_core


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("replace", {"replacement": "abc"}),
        ("replace", {"replacement": "999999999"}),
        ("replace", {"replacement": "", "on": "32/13/2024"}),
        ("amend", {"amending": ""}),
        ("expire", {"on": "hôm qua"}),
        ("expire", {"on": "01/01/1990"}),
    ],
)
def test_status_forms_with_bad_input_answer_400_and_change_nothing(client, admin, name, data):
    client.force_login(admin)
    text = add_text(admin, "9/2024/NĐ-CP", effective_on=dt.date(2024, 2, 1))
    response = client.post(reverse(f"library:{name}", args=[text.pk]), data)
    assert response.status_code == 400
    text.refresh_from_db()
    assert text.status == "in_force" and text.replaced_by_id is None


def test_a_cycle_through_the_page_shows_the_message(client, admin, chain):
    a, b, _c = chain
    actions.replace_text(a, by=admin, replacement=b)
    client.force_login(admin)
    response = client.post(reverse("library:replace", args=[b.pk]), {"replacement": a.pk})
    assert response.status_code == 400
    assert response.context["replace_form"].errors["replacement"]


@pytest.mark.parametrize("raw", ["abc", "99999999999999999999999", "-1"])
def test_bad_ids_answer_404(client, admin, raw):
    client.force_login(admin)
    assert client.get(f"/van-ban/{raw}/").status_code == 404
    assert client.get(f"/api/v1/library/texts/{raw}").status_code in (404, 422)


def test_bad_filters_do_not_crash(client, citizen):
    client.force_login(citizen)
    response = client.get(reverse("library:list"), {"year": "abc", "text_type": "x", "q": "%_"})
    assert response.status_code == 200


def test_a_concurrent_duplicate_gets_the_same_message(admin):
    # given two officers adding the same text at once: the second passed the check before the
    # first saved, so only the unique constraint stops it
    add_text(admin, "20/2024/NĐ-CP", title="Bản đầu tiên")
    count = LegalText.objects.count()
    twin = LegalText(
        number_symbol="20/2024/NĐ-CP", text_type="decree", issuer="Chính phủ", title="Bản sau"
    )
    # when it is saved
    with pytest.raises(ValidationError) as err:
        actions._save(twin)
    # then the message names the first text, and nothing more is saved
    assert "Bản đầu tiên" in err.value.message_dict["number_symbol"][0]
    assert LegalText.objects.count() == count
