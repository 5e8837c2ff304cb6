"""Texts, sessions, classes and orders built through the real actions, shared by the tests."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from coso.core.dates import today
from coso.library.models import LegalText, TextType
from coso.propaganda import actions
from coso.propaganda.models import SessionForm


def make_text(number: str, title: str = "Văn bản thử nghiệm", **fields) -> LegalText:
    fields.setdefault("text_type", TextType.PLAN)
    fields.setdefault("issuer", "Ban Chỉ đạo thử nghiệm")
    return LegalText.objects.create(number_symbol=number, title=title, **fields)


def session_of(by, unit, texts=(), *, days_ago: int = 1, **fields):
    fields.setdefault("title", "Hội nghị phổ biến Luật Thực hiện dân chủ ở cơ sở")
    fields.setdefault("form", SessionForm.MEETING)
    fields.setdefault("reached_citizens", 40)
    return actions.record_session(
        by=by, unit=unit, texts=texts, held_on=today() - dt.timedelta(days=days_ago), **fields
    )


@pytest.fixture
def world(tree, province_officer, commune_officer):
    law = make_text("901/2099/KH-TEST", "Kế hoạch tuyên truyền Luật Thực hiện dân chủ ở cơ sở")
    decree = make_text("902/2099/KH-TEST", "Kế hoạch phổ biến Nghị định hướng dẫn")
    session = session_of(
        commune_officer,
        tree.commune,
        [law],
        reached_officials=10,
        reached_party_members=5,
        reached_citizens=85,
    )
    training = actions.create_class(
        by=commune_officer,
        unit=tree.commune,
        title="Tập huấn nghiệp vụ cho Ban Thanh tra nhân dân",
        texts=[law],
        starts_on=today() - dt.timedelta(days=3),
        ends_on=today() - dt.timedelta(days=2),
        trainers="Ông Nguyễn Văn Giảng",
        expected_count=3,
    )
    order = actions.create_order(
        by=province_officer,
        unit=tree.province,
        text=law,
        due_on=today() + dt.timedelta(days=5),
        unit_kinds=["commune"],
    )
    return SimpleNamespace(law=law, decree=decree, session=session, training=training, order=order)
