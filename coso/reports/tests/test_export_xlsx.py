import datetime as dt
from decimal import Decimal

import openpyxl
from django.utils.translation import gettext as _

from coso.reports.exports.xlsx import ExpectedSubmission, completeness_xlsx, totals_xlsx
from coso.reports.models import Indicator, IndicatorKind
from coso.reports.queries import (
    CompletenessRow,
    CompletenessTable,
    TotalsRow,
    TotalsTable,
)
from coso.units.models import Unit

from .conftest_exports import as_stream, libreoffice_converts


def _completeness() -> CompletenessTable:
    rows = [
        CompletenessRow(Unit(name="Xã Thanh Miện"), 4, 2, 1, 1),
        CompletenessRow(Unit(name="Phường Quy Nhơn"), 3, 0, 0, 3),
    ]
    total = CompletenessRow(None, 7, 2, 1, 4)
    return CompletenessTable(
        requirement=None, unit=Unit(name="Tỉnh Gia Lai"), total=total, rows=rows
    )


def test_the_completeness_sheet_has_one_row_per_child_and_totals(tmp_path):
    expected = [
        ExpectedSubmission("Xã Thanh Miện", 1, "Đã nộp", dt.date(2024, 6, 20), True),
        ExpectedSubmission("Thôn Đông", 2, "Chưa bắt đầu", None, False),
    ]

    content = completeness_xlsx(_completeness(), expected, title="Sơ kết 2024")

    workbook = openpyxl.load_workbook(as_stream(content))
    sheet = workbook.worksheets[0]
    assert [c.value for c in sheet[1]] == [
        _("Unit"),
        _("Required"),
        _("On time"),
        _("Late"),
        _("Not submitted"),
    ]
    assert all(c.font.bold for c in sheet[1])
    assert sheet.freeze_panes == "B2"
    assert sheet.column_dimensions["A"].width >= 40
    assert [c.value for c in sheet[2]] == ["Xã Thanh Miện", 4, 2, 1, 1]
    assert [c.value for c in sheet[4]] == [_("Total"), 7, 2, 1, 4]
    assert sheet[4][0].font.bold
    assert all(isinstance(c.value, int) for c in sheet[3][1:])

    detail = workbook.worksheets[1]
    assert detail.max_row == 3 and detail.freeze_panes == "B2"
    assert detail["A2"].value == "Xã Thanh Miện" and detail["A2"].alignment.indent == 1
    assert (
        detail["C2"].value == dt.datetime(2024, 6, 20)
        and detail["C2"].number_format == "dd/mm/yyyy"
    )
    assert detail["D2"].value == _("Yes") and detail["D3"].value is None
    assert detail["B3"].value == "Chưa bắt đầu" and detail["C3"].value is None
    assert libreoffice_converts(content, ".xlsx", tmp_path, "csv")


def test_the_totals_sheet_keeps_numbers_as_numbers(tmp_path):
    indicators = [
        Indicator(code="sessions", label="Số buổi tuyên truyền", kind=IndicatorKind.INTEGER),
        Indicator(code="budget", label="Kinh phí (triệu đồng)", kind=IndicatorKind.DECIMAL),
        Indicator(code="coverage", label="Tỷ lệ hộ được phổ biến", kind=IndicatorKind.PERCENT),
    ]
    rows = [
        TotalsRow(
            Unit(name="Xã Thanh Miện"),
            {"sessions": Decimal(12), "budget": Decimal("15.5"), "coverage": Decimal("80")},
        ),
        TotalsRow(
            Unit(name="Phường Quy Nhơn"),
            {"sessions": Decimal(3), "budget": None, "coverage": Decimal("90.50")},
        ),
    ]
    total = TotalsRow(
        None, {"sessions": Decimal(15), "budget": Decimal("15.5"), "coverage": Decimal("85.25")}
    )
    table = TotalsTable(None, Unit(name="Tỉnh Gia Lai"), indicators, total, rows)

    content = totals_xlsx(table)

    sheet = openpyxl.load_workbook(as_stream(content)).active
    assert [c.value for c in sheet[1]] == [_("Unit"), *(i.label for i in indicators)]
    assert [c.value for c in sheet[2]] == ["Xã Thanh Miện", 12, 15.5, 80]
    assert [c.value for c in sheet[3]] == ["Phường Quy Nhơn", 3, None, 90.5]
    assert [c.value for c in sheet[4]] == [_("Total"), 15, 15.5, 85.25]
    assert isinstance(sheet["B2"].value, int) and isinstance(sheet["C2"].value, float)
    assert sheet["B4"].font.bold and sheet.freeze_panes == "B2"
    assert libreoffice_converts(content, ".xlsx", tmp_path, "csv")
