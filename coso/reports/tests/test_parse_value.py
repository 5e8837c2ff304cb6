from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from coso.reports.models import Indicator, IndicatorKind
from coso.reports.values import parse_value


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1.200", Decimal(1200)),
        ("12.345.678", Decimal(12345678)),
        ("1.234,5", Decimal("1234.5")),
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        ("0.125", Decimal("0.125")),
        (" 3 000 ", Decimal(3000)),
        (7, Decimal(7)),
    ],
)
def test_numbers_as_officers_write_them(raw, expected):
    indicator = Indicator(code="x", label="x", kind=IndicatorKind.DECIMAL)
    assert parse_value(indicator, raw).number == expected


@pytest.mark.parametrize("raw", ["-1", "abc", "1e400", "NaN"])
def test_not_a_count(raw):
    indicator = Indicator(code="x", label="x", kind=IndicatorKind.INTEGER)
    with pytest.raises(ValidationError):
        parse_value(indicator, raw)
