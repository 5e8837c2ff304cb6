"""Shared helpers of the library tests: texts built through the real actions."""

from __future__ import annotations

import datetime as dt

import pytest

from coso.library import actions
from coso.library.models import LegalText


def add_text(by, number: str, **fields) -> LegalText:
    defaults = {
        "number_symbol": number,
        "text_type": "decree",
        "issuer": "Chính phủ",
        "title": f"Nghị định thử nghiệm {number}",
        "issued_on": dt.date(2020, 1, 1),
        "effective_on": dt.date(2020, 2, 1),
    }
    return actions.create_text(by=by, **(defaults | fields))


@pytest.fixture
def chain(admin):
    """Three decrees: A replaced by B, then B by C (through the actions)."""
    a = add_text(admin, "1/2020/NĐ-CP", title="Nghị định A")
    b = add_text(
        admin,
        "2/2021/NĐ-CP",
        title="Nghị định B",
        issued_on=dt.date(2021, 1, 1),
        effective_on=dt.date(2021, 3, 1),
    )
    c = add_text(
        admin,
        "3/2022/NĐ-CP",
        title="Nghị định C",
        issued_on=dt.date(2022, 1, 1),
        effective_on=dt.date(2022, 3, 1),
    )
    return a, b, c
