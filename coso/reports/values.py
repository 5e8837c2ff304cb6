"""Turning what an officer typed into an indicator's value, with a Vietnamese error if it is wrong."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .models import Indicator, IndicatorKind

TRUE_WORDS = {"1", "true", "yes", "co", "có", "on"}
FALSE_WORDS = {"0", "false", "no", "khong", "không", "off"}


@dataclass(frozen=True)
class Parsed:
    number: Decimal | None = None
    text: str = ""
    date: dt.date | None = None

    @property
    def is_empty(self) -> bool:
        return self.number is None and self.date is None and not self.text


# "1.200" and "12.345.678": dots grouping thousands, as Vietnamese write numbers.
_GROUPED = re.compile(r"^[1-9]\d{0,2}(\.\d{3})+$")


def _number(raw: str) -> Decimal:
    # Officers write 1.234,5 (Vietnamese), 1.200 (thousands) or 1234.5: a comma is the decimal
    # mark when there is one, and dots that group digits by three are thousands separators.
    cleaned = raw.replace(" ", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif _GROUPED.match(cleaned):
        cleaned = cleaned.replace(".", "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise ValidationError(_("Enter a number.")) from exc
    if not value.is_finite():
        raise ValidationError(_("Enter a number."))
    return value


def parse_value(indicator: Indicator, raw: object) -> Parsed:
    """Parse one raw value (a string from a form, or a JSON value from the API)."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return Parsed()
    text = str(raw).strip()
    kind = indicator.kind
    if kind in (IndicatorKind.INTEGER, IndicatorKind.DECIMAL, IndicatorKind.PERCENT):
        value = (
            raw if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool) else None
        )
        number = Decimal(str(value)) if value is not None else _number(text)
        if number < 0:
            raise ValidationError(_("The number cannot be negative."))
        if kind == IndicatorKind.INTEGER and number != number.to_integral_value():
            raise ValidationError(_("Enter a whole number."))
        if kind == IndicatorKind.PERCENT and number > 100:
            raise ValidationError(_("A percentage cannot be over 100."))
        if abs(number) >= Decimal("1e14"):
            raise ValidationError(_("The number is too large."))
        return Parsed(number=number)
    if kind == IndicatorKind.BOOLEAN:
        word = text.lower()
        if raw is True or word in TRUE_WORDS:
            return Parsed(number=Decimal(1))
        if raw is False or word in FALSE_WORDS:
            return Parsed(number=Decimal(0))
        raise ValidationError(_("Answer yes or no."))
    if kind == IndicatorKind.DATE:
        for fmt in ("%d/%m/%Y", "%Y-%m-%d"):
            try:
                return Parsed(date=dt.datetime.strptime(text, fmt).date())
            except ValueError:
                continue
        raise ValidationError(_("Enter a real date as dd/mm/yyyy."))
    if kind == IndicatorKind.CHOICE:
        if text not in [str(c) for c in indicator.choices]:
            raise ValidationError(_("Choose one of the listed answers."))
        return Parsed(text=text)
    limit = 20000 if kind == IndicatorKind.NARRATIVE else 1000
    if len(text) > limit:
        raise ValidationError(_("The text is too long (at most %(n)s characters).") % {"n": limit})
    return Parsed(text=text)
