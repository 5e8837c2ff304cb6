"""Bad input through the pages: a Vietnamese message on the page, nothing saved, never a 500."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from coso.plans import actions
from coso.plans.models import Plan, Task, TaskEvidence

from .conftest import pdf_file


def _create_data(tree, **changes) -> dict:
    data = {
        "kind": "plan",
        "number": "07-KH/UBND",
        "issued_on": "15/01/2024",
        "title": "Kế hoạch năm 2024",
        "sections-TOTAL_FORMS": "1",
        "sections-INITIAL_FORMS": "0",
        "sections-0-number": "I.",
        "sections-0-title": "Mục đích, yêu cầu",
        "sections-0-body": "",
    }
    return data | changes


def test_thirty_first_of_february_is_refused_on_the_plan_form(login, tree, commune_officer):
    # given the create page of the commune
    client = login(commune_officer)
    url = reverse("plans:create") + f"?unit={tree.commune.pk}"

    # when the officer types 31/02/2024
    response = client.post(url, _create_data(tree, unit=tree.commune.pk, issued_on="31/02/2024"))

    # then the page says so in Vietnamese and no plan exists
    assert response.status_code == 200
    assert "Nhập ngày có thật theo dạng dd/mm/yyyy." in response.content.decode()
    assert not Plan.objects.exists()


def test_thirty_first_of_february_is_refused_as_a_task_due_date(
    login, tree, commune_officer, root_admin
):
    plan = actions.create_plan(
        by=root_admin, unit=tree.commune, title="KH", issued_on=dt.date(2024, 1, 2)
    )
    client = login(commune_officer)

    response = client.post(
        reverse("plans:task_add", args=[plan.pk]),
        {"title": "Hội nghị", "timing": "date", "due_date": "31/02/2024"},
    )

    assert response.status_code == 200
    assert "Nhập ngày có thật theo dạng dd/mm/yyyy." in response.content.decode()
    assert not Task.objects.exists()


def test_task_due_before_its_plans_date_is_refused(login, tree, commune_officer, root_admin):
    plan = actions.create_plan(
        by=root_admin, unit=tree.commune, title="KH", issued_on=dt.date(2024, 3, 1)
    )
    client = login(commune_officer)

    response = client.post(
        reverse("plans:task_add", args=[plan.pk]),
        {"title": "Hội nghị", "timing": "date", "due_date": "01/02/2024"},
    )

    assert response.status_code == 200
    assert "Hạn hoàn thành trước ngày của kế hoạch (01/03/2024)." in response.content.decode()
    assert not Task.objects.exists()


def test_quarter_timing_without_a_quarter_is_refused(login, tree, commune_officer, root_admin):
    plan = actions.create_plan(
        by=root_admin, unit=tree.commune, title="KH", issued_on=dt.date(2024, 3, 1)
    )

    response = login(commune_officer).post(
        reverse("plans:task_add", args=[plan.pk]), {"title": "Hội nghị", "timing": "quarter"}
    )

    assert response.status_code == 200
    assert "Chọn một quý từ I đến IV." in response.content.decode()
    assert not Task.objects.exists()


def test_duplicate_document_number_within_one_unit_is_refused(
    login, tree, commune_officer, root_admin
):
    actions.create_plan(
        by=root_admin,
        unit=tree.commune,
        title="Đã có",
        number="07-KH/UBND",
        issued_on=dt.date(2024, 1, 2),
    )
    client = login(commune_officer)

    response = client.post(
        reverse("plans:create") + f"?unit={tree.commune.pk}",
        _create_data(tree, unit=tree.commune.pk, number="07-kh/ubnd"),
    )

    assert response.status_code == 200
    assert "Đơn vị này đã có văn bản số 07-kh/ubnd." in response.content.decode()
    assert Plan.objects.count() == 1


def test_same_number_in_another_unit_is_fine(login, tree, province_officer, root_admin):
    actions.create_plan(
        by=root_admin,
        unit=tree.commune,
        title="Của xã",
        number="07-KH/UBND",
        issued_on=dt.date(2024, 1, 2),
    )

    response = login(province_officer).post(
        reverse("plans:create") + f"?unit={tree.other_commune.pk}",
        _create_data(tree, unit=tree.other_commune.pk),
    )

    assert response.status_code == 302
    assert Plan.objects.filter(number="07-KH/UBND").count() == 2


def test_sections_entered_in_the_form_are_saved(login, tree, commune_officer):
    response = login(commune_officer).post(
        reverse("plans:create") + f"?unit={tree.commune.pk}",
        _create_data(tree, unit=tree.commune.pk, legal_texts="Luật số 10/2022/QH15\n\n"),
    )

    plan = Plan.objects.get()
    assert response.status_code == 302
    assert [s.title for s in plan.sections.all()] == ["Mục đích, yêu cầu"]
    assert [b.citation for b in plan.bases.all()] == ["Luật số 10/2022/QH15"]


@pytest.fixture
def commune_task(tree, root_admin):
    plan = actions.create_plan(
        by=root_admin, unit=tree.commune, title="KH", issued_on=dt.date(2024, 1, 2)
    )
    return actions.add_task(plan, by=root_admin, title="Niêm yết", timing="ongoing")


@override_settings(COSO_MAX_UPLOAD_BYTES=1024)
def test_oversized_upload_is_refused(login, commune_task, commune_officer):
    client = login(commune_officer)
    big = pdf_file("lon.pdf", b"%PDF-1.4\n" + b"0" * 4096)

    response = client.post(
        reverse("plans:evidence_add", args=[commune_task.pk]), {"note": "", "file": big}
    )

    assert response.status_code == 200
    assert "Tệp quá lớn" in response.content.decode()
    assert not TaskEvidence.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("setup.exe", b"MZ\x90\x00\x03", "Không chấp nhận loại tệp này."),
        (
            "bao-cao.pdf",
            b"MZ\x90\x00 this is not a pdf",
            "Nội dung tệp không đúng với loại tệp (.pdf).",
        ),
    ],
)
def test_wrong_type_upload_is_refused(login, commune_task, commune_officer, name, content, message):
    client = login(commune_officer)
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")

    response = client.post(
        reverse("plans:evidence_add", args=[commune_task.pk]), {"note": "Xem", "file": upload}
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not TaskEvidence.objects.exists()


def test_evidence_without_note_or_file_is_refused(login, commune_task, commune_officer):
    response = login(commune_officer).post(
        reverse("plans:evidence_add", args=[commune_task.pk]), {"note": "  "}
    )

    assert response.status_code == 200
    assert "Ghi nội dung hoặc đính kèm tệp." in response.content.decode()
    assert not TaskEvidence.objects.exists()


@pytest.mark.parametrize("progress", ["150", "-5", "abc"])
def test_impossible_progress_is_refused(login, commune_task, commune_officer, progress):
    response = login(commune_officer).post(
        reverse("plans:task_progress", args=[commune_task.pk]), {"progress": progress}
    )

    assert response.status_code == 200
    commune_task.refresh_from_db()
    assert commune_task.progress == 0


def test_nonsense_filters_do_not_break_the_lists(login, commune_officer):
    client = login(commune_officer)

    for url in (
        reverse("plans:list") + "?year=abc&unit=x&status=zzz&page=99",
        reverse("plans:tasks") + "?year=abc&quarter=9&unit=x&overdue=maybe&page=-1",
    ):
        assert client.get(url).status_code == 200
