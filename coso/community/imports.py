"""Reading a household register from a spreadsheet (XLSX or CSV) with a per-row report.

The first row names the columns; their Vietnamese names are recognised with or without
diacritics ("Mã hộ", "ma ho"). Rows are numbered as the spreadsheet shows them (the header is
row 1), so the officer finds each error where the report says.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coso.core.text import fold
from coso.core.uploads import validate_upload

if TYPE_CHECKING:
    from .models import Household

MAX_ROWS = 5000

# Column -> accepted (folded) header names.
COLUMNS: dict[str, tuple[str, ...]] = {
    "code": ("ma ho", "ma so ho", "ma", "so ho", "code", "household code"),
    "representative_name": (
        "nguoi dai dien",
        "dai dien ho",
        "chu ho",
        "ho ten chu ho",
        "ho va ten chu ho",
        "ho ten",
        "representative",
    ),
    "address": ("dia chi", "address"),
    "members_count": ("so nhan khau", "nhan khau", "so thanh vien", "so nguoi", "members"),
    "phone": ("dien thoai", "so dien thoai", "sdt", "phone"),
}
REQUIRED = ("code", "representative_name")
COLUMN_LABELS = {
    "code": gettext_lazy("household code"),
    "representative_name": gettext_lazy("representative"),
    "address": gettext_lazy("address"),
    "members_count": gettext_lazy("number of members"),
    "phone": gettext_lazy("phone"),
}


@dataclass(frozen=True)
class RowIssue:
    row: int
    field: str
    message: str

    @property
    def column(self) -> str:
        return str(COLUMN_LABELS.get(self.field, "")) if self.field else ""


@dataclass
class HouseholdRow:
    number: int
    code: str
    representative_name: str
    address: str
    members_count: int
    phone: str


@dataclass
class ImportResult:
    """What an import found: rows read, rows in error, rows skipped, households created."""

    rows: list[HouseholdRow] = field(default_factory=list)
    errors: list[RowIssue] = field(default_factory=list)
    skipped: list[RowIssue] = field(default_factory=list)
    created: list[Household] = field(default_factory=list)

    def error(self, row: int, field_name: str, message: str) -> None:
        self.errors.append(RowIssue(row, field_name, message))

    def skip(self, row: int, message: str) -> None:
        self.skipped.append(RowIssue(row, "code", message))

    @property
    def ok(self) -> bool:
        return not self.errors


def _file_error(message: str) -> ValidationError:
    return ValidationError({"file": message})


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def _read_xlsx(upload: UploadedFile) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        upload.seek(0)
        workbook = load_workbook(io.BytesIO(upload.read()), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError):
        raise _file_error(_("The spreadsheet cannot be read; save it again as .xlsx.")) from None
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            return []
        rows: list[list[str]] = []
        for values in sheet.iter_rows(values_only=True):
            rows.append([_cell(v) for v in values])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def _read_csv(upload: UploadedFile) -> list[list[str]]:
    upload.seek(0)
    raw = upload.read()
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - cp1258 decodes almost anything
        raise _file_error(_("The CSV file is not in UTF-8; save it again as CSV UTF-8."))
    if "\x00" in text:
        raise _file_error(_("The CSV file is not in UTF-8; save it again as CSV UTF-8."))
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for values in reader:
            rows.append([_cell(v) for v in values])
            if len(rows) > MAX_ROWS + 1:
                break
    except csv.Error:
        raise _file_error(_("The CSV file is malformed; save it again as CSV UTF-8.")) from None
    return rows


def _header_map(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for index, name in enumerate(header):
        folded = fold(name).strip(" :*.")
        for column, names in COLUMNS.items():
            if folded in names and column not in found:
                found[column] = index
    return found


def read_household_rows(upload: UploadedFile) -> ImportResult:
    """Parse and check every row; file-level problems raise ValidationError on `file`."""
    extension = Path(upload.name or "").suffix.lower()
    if extension not in (".xlsx", ".csv"):
        raise _file_error(_("Import a spreadsheet saved as .xlsx or .csv."))
    try:
        validate_upload(upload)
    except ValidationError as exc:
        raise _file_error(exc.messages[0]) from None
    table = _read_xlsx(upload) if extension == ".xlsx" else _read_csv(upload)
    # Blank rows (often left at the end of a sheet) are not households.
    numbered = [(n, row) for n, row in enumerate(table, start=1) if any(row)]
    if not numbered:
        raise _file_error(_("The file has no rows."))
    header_number, header = numbered[0]
    columns = _header_map(header)
    missing = [c for c in REQUIRED if c not in columns]
    if missing:
        raise _file_error(
            _(
                "The first row must name the columns; missing: %(columns)s. Expected columns: "
                "Mã hộ, Người đại diện, Địa chỉ, Số nhân khẩu, Điện thoại."
            )
            % {"columns": ", ".join(str(COLUMN_LABELS[c]) for c in missing)}
        )
    body = numbered[1:]
    if not body:
        raise _file_error(_("The file has a header but no households."))
    if len(body) > MAX_ROWS:
        raise _file_error(
            _("The file has more than %(max)s rows; split it into smaller files.")
            % {"max": MAX_ROWS}
        )
    result = ImportResult()
    seen: dict[str, int] = {}
    for number, values in body:

        def get(column: str, values: list[str] = values) -> str:
            index = columns.get(column)
            return values[index] if index is not None and index < len(values) else ""

        before = len(result.errors)
        code = get("code")
        name = get("representative_name")
        members_text = get("members_count")
        phone = get("phone")
        address = get("address")
        if not code:
            result.error(number, "code", _("The household code is missing."))
        elif len(code) > 30:
            result.error(number, "code", _("The household code has at most 30 characters."))
        elif code in seen:
            result.error(
                number,
                "code",
                _("Household %(code)s is already on row %(row)s of this file.")
                % {"code": code, "row": seen[code]},
            )
        else:
            seen[code] = number
        if not name:
            result.error(number, "representative_name", _("The representative's name is missing."))
        elif len(name) > 200:
            result.error(number, "representative_name", _("The name has at most 200 characters."))
        members = 1
        if members_text:
            try:
                members = int(members_text)
            except ValueError:
                members = 0
            if not 1 <= members <= 99:
                result.error(
                    number,
                    "members_count",
                    _("“%(value)s” is not a number of members between 1 and 99.")
                    % {"value": members_text},
                )
        if len(phone) > 30:
            result.error(number, "phone", _("The phone number has at most 30 characters."))
        if len(address) > 255:
            result.error(number, "address", _("The address has at most 255 characters."))
        if len(result.errors) == before:
            result.rows.append(
                HouseholdRow(
                    number=number,
                    code=code,
                    representative_name=name,
                    address=address,
                    members_count=members,
                    phone=phone,
                )
            )
    return result
