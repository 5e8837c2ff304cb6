from urllib.parse import quote

import docx
import openpyxl
import pypdf
from django.urls import reverse
from django.utils.translation import gettext as _

from .conftest_exports import as_stream


def test_the_commune_downloads_its_report_as_docx_with_a_vietnamese_file_name(
    login, commune_officer, commune_report
):
    response = login(commune_officer).get(
        reverse("reports:submission_docx", args=[commune_report.pk]),
        {"signer_title": "TM. Ủy ban nhân dân / Chủ tịch", "signer_name": "Lê Văn Xã"},
    )

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    disposition = response["Content-Disposition"]
    assert 'filename="bao-cao-6-thang-dau-nam-2024-xa-thanh-mien.docx"' in disposition
    assert "filename*=UTF-8''" + quote("Báo cáo 6 tháng đầu năm 2024 - Xã Thanh Miện.docx") in (
        disposition
    )
    text = "\n".join(
        cell.text
        for table in docx.Document(as_stream(response.content)).tables
        for row in table.rows
        for cell in row.cells
    )
    assert "XÃ THANH MIỆN" in text and "TM. ỦY BAN NHÂN DÂN" in text and "Lê Văn Xã" in text


def test_the_province_downloads_a_commune_report_as_pdf(login, province_officer, commune_report):
    response = login(province_officer).get(
        reverse("reports:submission_pdf", args=[commune_report.pk])
    )

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pypdf.PdfReader(as_stream(response.content)).pages[0].extract_text()
    assert "BÁO CÁO" in text and "XÃ THANH MIỆN" in text


def test_the_province_downloads_completeness_of_its_children(
    login, province_officer, tree, export_requirement, commune_report
):
    url = reverse("reports:completeness_xlsx", args=[export_requirement.pk])

    response = login(province_officer).get(url)

    assert response.status_code == 200
    workbook = openpyxl.load_workbook(as_stream(response.content))
    rows = {r[0]: r[1:] for r in workbook.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert rows[tree.commune.name] == (1, 1, 0, 0)
    assert rows[tree.other_commune.name] == (1, 0, 0, 1)
    assert rows[_("Total")] == (3, 1, 0, 2)
    detail = list(workbook.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert [line[0] for line in detail] == [
        tree.bloc.name,
        tree.commune.name,
        tree.other_commune.name,
    ]
    assert detail[1][2] is not None and detail[2][2] is None


def test_the_province_downloads_totals_as_numbers(
    login, province_officer, tree, export_requirement, commune_report
):
    response = login(province_officer).get(
        reverse("reports:totals_xlsx", args=[export_requirement.pk]), {"unit": tree.province.pk}
    )

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(as_stream(response.content)).active
    header = [c.value for c in sheet[1]]
    rows = {
        r[0]: dict(zip(header[1:], r[1:], strict=True))
        for r in sheet.iter_rows(min_row=2, values_only=True)
    }
    assert rows[tree.commune.name]["Số lượt người tham dự"] == 1250
    assert rows[tree.commune.name]["Kinh phí (triệu đồng)"] == 15.5
    assert rows[_("Total")]["Số buổi tuyên truyền"] == 12
    assert rows[tree.other_commune.name]["Số buổi tuyên truyền"] is None


def test_downloads_take_a_fixed_number_of_queries(
    login, province_officer, export_requirement, commune_report, django_assert_max_num_queries
):
    client = login(province_officer)
    client.get(reverse("reports:totals_xlsx", args=[export_requirement.pk]))  # warm the session

    with django_assert_max_num_queries(12):
        client.get(reverse("reports:completeness_xlsx", args=[export_requirement.pk]))
    with django_assert_max_num_queries(12):
        client.get(reverse("reports:totals_xlsx", args=[export_requirement.pk]))
    with django_assert_max_num_queries(12):
        client.get(reverse("reports:submission_docx", args=[commune_report.pk]))
