"""Importing the register from a spreadsheet (XLSX or CSV). The report names each bad row (row
number, column, Vietnamese message). The import is all or nothing: with any error nothing is
saved. A household already in the register (same code) is reported as skipped, never
duplicated."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from openpyxl import Workbook

from coso.community import actions
from coso.community.models import Household

HEADER = ["Mã hộ", "Người đại diện", "Địa chỉ", "Số nhân khẩu", "Điện thoại"]


def xlsx(rows, header=HEADER, name="so-ho.xlsx") -> SimpleUploadedFile:
    book = Workbook()
    sheet = book.active
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def csv_file(text: str, name="so-ho.csv", encoding="utf-8") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(encoding))


GOOD = [
    ["TD-001", "Nguyễn Văn An", "Xóm 1", 4, "0912345678"],
    ["TD-002", "Trần Thị Bình", "Xóm 1", 6, ""],
    ["TD-003", "Lê Văn Cường", "Xóm 2", None, None],
]


def test_xlsx_import_creates_every_household(commune_officer, village):
    result = actions.import_households(by=commune_officer, unit=village, file=xlsx(GOOD))
    assert result.ok
    assert [h.code for h in result.created] == ["TD-001", "TD-002", "TD-003"]
    household = Household.objects.get(code="TD-002")
    assert (household.representative_name, household.members_count) == ("Trần Thị Bình", 6)
    # an empty number of members means one
    assert Household.objects.get(code="TD-003").members_count == 1


def test_csv_with_semicolons_and_headers_without_diacritics(commune_officer, village):
    text = "ma ho;chu ho;dia chi;so nhan khau\nA1;Phạm Văn Dũng;Xóm 3;3\nA2;Võ Thị Em;Xóm 3;2\n"
    result = actions.import_households(by=commune_officer, unit=village, file=csv_file(text))
    assert result.ok and len(result.created) == 2
    assert Household.objects.get(code="A1").address == "Xóm 3"


def test_csv_saved_by_excel_in_windows_1258(commune_officer, village):
    text = "Ma ho,Chu ho\nB1,Nguyen Van Giau\n"
    result = actions.import_households(
        by=commune_officer, unit=village, file=csv_file(text, encoding="cp1258")
    )
    assert result.ok and Household.objects.filter(code="B1").exists()


def test_malformed_rows_are_reported_and_nothing_is_saved(commune_officer, village):
    rows = [
        GOOD[0],
        ["", "Không có mã", "", 2, ""],  # row 3: no code
        ["TD-005", "", "", 2, ""],  # row 4: no name
        ["TD-006", "Hoàng Văn Hải", "", "nhiều", ""],  # row 5: members not a number
        ["TD-001", "Trùng mã", "", 1, ""],  # row 6: same code as row 2
    ]
    with translation.override("vi"):
        result = actions.import_households(by=commune_officer, unit=village, file=xlsx(rows))
    # Then each bad row is reported with its number and column, in Vietnamese
    assert [(e.row, e.field) for e in result.errors] == [
        (3, "code"),
        (4, "representative_name"),
        (5, "members_count"),
        (6, "code"),
    ]
    assert "dòng 2" in result.errors[3].message
    assert "nhiều" in result.errors[2].message
    # and nothing is saved, not even the good row
    assert not result.created
    assert Household.objects.count() == 0


def test_importing_the_same_file_twice_never_duplicates(commune_officer, village):
    actions.import_households(by=commune_officer, unit=village, file=xlsx(GOOD))
    # When the same file (plus one new household) is imported again
    again = actions.import_households(
        by=commune_officer,
        unit=village,
        file=xlsx([*GOOD, ["TD-004", "Đặng Thị Kim", "Xóm 2", 3, ""]]),
    )
    # Then the three known households are reported as skipped, the new one is added
    assert again.ok
    assert [s.row for s in again.skipped] == [2, 3, 4]
    assert [h.code for h in again.created] == ["TD-004"]
    assert Household.objects.filter(unit=village).count() == 4


@pytest.mark.parametrize(
    ("upload", "expected"),
    [
        (SimpleUploadedFile("so-ho.pdf", b"%PDF-1.4 ..."), "xlsx"),
        (SimpleUploadedFile("so-ho.docx", b"PK\x03\x04..."), "xlsx"),
        (SimpleUploadedFile("so-ho.xlsx", b"this is not a spreadsheet"), ""),
        (SimpleUploadedFile("so-ho.xlsx", b"PK\x03\x04 broken zip"), ""),
        (SimpleUploadedFile("so-ho.csv", b""), ""),
        (SimpleUploadedFile("so-ho.csv", b"\n\n  \n"), ""),
        (SimpleUploadedFile("so-ho.csv", "Mã hộ,Người đại diện\n".encode()), ""),
        (SimpleUploadedFile("so-ho.csv", "Họ,Tên\nA,B\n".encode()), "Mã hộ"),
    ],
    ids=[
        "pdf",
        "docx",
        "fake-xlsx",
        "broken-zip",
        "empty",
        "blank-lines",
        "header-only",
        "no-header",
    ],
)
def test_bad_files_get_a_clear_message_on_the_file(commune_officer, village, upload, expected):
    with translation.override("vi"), pytest.raises(ValidationError) as refused:
        actions.import_households(by=commune_officer, unit=village, file=upload)
    message = refused.value.message_dict["file"][0]
    assert message and expected in message
    assert Household.objects.count() == 0


def test_import_page_shows_the_report(client, commune_officer, village):
    client.force_login(commune_officer)
    rows = [GOOD[0], ["", "Không có mã", "", 2, ""]]
    with translation.override("vi"):
        response = client.post(
            f"/bieu-quyet/ho-gia-dinh/nhap-tu-tep/?unit={village.pk}",
            {"file": xlsx(rows)},
            HTTP_ACCEPT_LANGUAGE="vi",
        )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Thiếu mã hộ" in page
    assert "<td>3</td>" in page
    assert Household.objects.count() == 0


def test_import_page_refuses_a_wrong_file_without_error_page(client, commune_officer, village):
    client.force_login(commune_officer)
    response = client.post(
        f"/bieu-quyet/ho-gia-dinh/nhap-tu-tep/?unit={village.pk}",
        {"file": SimpleUploadedFile("anh.png", b"\x89PNG....")},
    )
    assert response.status_code == 200
    assert "xlsx" in response.content.decode()
    assert Household.objects.count() == 0
