"""Completeness lists and indicator totals as spreadsheets (numbers stay numbers)."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..models import IndicatorKind
from .common import clean

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE7F0")
THIN = Side(style="thin", color="999999")
HEADER_BORDER = Border(bottom=THIN)
TOTAL_BORDER = Border(top=THIN)
DATE_FORMAT = "dd/mm/yyyy"
# Sheet names: at most 31 characters, none of []:*?/\ (Excel's rule).
SHEET_NAME_LIMIT = 31


# What the exporters read: the tables of coso.reports.queries, described here by their shape so
# the writers stay pure functions of their input.
class _Named(Protocol):
    name: str


class CompletenessRowLike(Protocol):
    unit: _Named
    required: int
    on_time: int
    late: int
    missing: int


class CompletenessTableLike(Protocol):
    total: CompletenessRowLike
    rows: Sequence[CompletenessRowLike]


class IndicatorLike(Protocol):
    code: str
    label: str
    kind: str


class TotalsRowLike(Protocol):
    unit: _Named
    values: Mapping[str, Decimal | None]


class TotalsTableLike(Protocol):
    indicators: Sequence[IndicatorLike]
    total: TotalsRowLike
    rows: Sequence[TotalsRowLike]


@dataclass(frozen=True)
class ExpectedSubmission:
    """One line of the list of every expected report in a subtree."""

    unit_name: str
    depth: int  # levels below the unit the list is for: the name is indented by it
    status: str
    first_submitted: dt.date | None
    late: bool


def _append(sheet: Worksheet, values: Sequence[object]) -> None:
    """Append a row; text stays text even when it starts with "=" (no formula injection)."""
    sheet.append([clean(v) if isinstance(v, str) else v for v in values])
    for cell in sheet[sheet.max_row]:
        if cell.data_type == "f":
            cell.data_type = "s"


def _header(sheet: Worksheet, titles: Iterable[str], widths: Iterable[float]) -> None:
    _append(sheet, list(titles))
    for cell in sheet[1]:
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "B2"


def _total_style(sheet: Worksheet) -> None:
    for cell in sheet[sheet.max_row]:
        cell.font = BOLD
        cell.border = TOTAL_BORDER


def _save(workbook: Workbook) -> bytes:
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def sheet_title(text: str) -> str:
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip()
    return cleaned[:SHEET_NAME_LIMIT] or "Sheet"


def completeness_xlsx(
    table: CompletenessTableLike,
    expected: Iterable[ExpectedSubmission],
    *,
    title: str = "",
) -> bytes:
    """Sheet 1: required, on time, late and missing per child unit, with totals.
    Sheet 2: every expected submission of the subtree with its status."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(_("Completeness"))
    _header(
        sheet,
        (_("Unit"), _("Required"), _("On time"), _("Late"), _("Not submitted")),
        (48, 12, 12, 12, 12),
    )
    for row in table.rows:
        _append(sheet, [row.unit.name, row.required, row.on_time, row.late, row.missing])
    total = table.total
    _append(sheet, [_("Total"), total.required, total.on_time, total.late, total.missing])
    _total_style(sheet)
    if title:
        workbook.properties.title = title

    detail = workbook.create_sheet(sheet_title(_("Expected reports")))
    _header(
        detail,
        (_("Unit"), _("Status"), _("First submitted"), _("Late")),
        (56, 22, 16, 10),
    )
    for line in expected:
        _append(
            detail,
            [line.unit_name, line.status, line.first_submitted, _("Yes") if line.late else ""],
        )
        row = detail.max_row
        detail.cell(row, 1).alignment = Alignment(indent=max(0, line.depth))
        detail.cell(row, 3).number_format = DATE_FORMAT
    return _save(workbook)


def _cell_number(value: Decimal | None) -> int | float | None:
    """Whole numbers as int, others as float: spreadsheets sum them as numbers, never text."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def _number_format(kind: str) -> str:
    if kind in (IndicatorKind.DECIMAL, IndicatorKind.PERCENT):
        return "#,##0.##"
    return "#,##0"


def totals_xlsx(table: TotalsTableLike, *, title: str = "") -> bytes:
    """Rows: child units and the total; columns: the indicators that roll up."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title(_("Indicator totals"))
    indicators = list(table.indicators)
    _header(
        sheet,
        [_("Unit"), *(i.label for i in indicators)],
        [40, *(max(14, min(30, len(i.label) * 0.6)) for i in indicators)],
    )
    sheet.row_dimensions[1].height = 60
    formats = [_number_format(i.kind) for i in indicators]
    for row in [*table.rows, table.total]:
        name = _("Total") if row is table.total else row.unit.name
        _append(sheet, [name, *(_cell_number(row.values.get(i.code)) for i in indicators)])
        for column, number_format in enumerate(formats, start=2):
            sheet.cell(sheet.max_row, column).number_format = number_format
    _total_style(sheet)
    if title:
        workbook.properties.title = title
    return _save(workbook)
