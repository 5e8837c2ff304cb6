"""Consultations built through the real actions, shared by the tests of this app."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from coso.consultations import actions
from coso.consultations.models import (
    Channel,
    Comment,
    Consultation,
    ConsultationKind,
)
from coso.core.dates import today

SECTIONS = (
    ("Điều 1. Phạm vi", "Quy định việc đóng góp xây dựng nhà văn hóa thôn."),
    ("Điều 2. Mức đóng góp", "Mỗi hộ đóng góp 500.000 đồng, chia làm hai đợt."),
)
PHONE = "0912 345 678"


def kind(code: str = "commune-decision") -> ConsultationKind:
    return ConsultationKind.objects.get(code=code)


def make_consultation(
    by,
    unit,
    *,
    open_it: bool = True,
    title: str = "Dự thảo quy định đóng góp xây dựng nhà văn hóa",
    opens_on: dt.date | None = None,
    closes_on: dt.date | None = None,
    channels=(Channel.PORTAL, Channel.MEETING),
    sections=SECTIONS,
) -> Consultation:
    start = opens_on or today()
    consultation = actions.create_consultation(
        by=by,
        unit=unit,
        kind=kind(),
        title=title,
        introduction="Ủy ban nhân dân xã lấy ý kiến Nhân dân trước khi quyết định.",
        opens_on=start,
        closes_on=closes_on or start + dt.timedelta(days=20),
        channels=channels,
        sections=sections,
    )
    if open_it:
        consultation = actions.open_consultation(consultation, by=by)
    return consultation


def time_passes(consultation: Consultation, days: int) -> Consultation:
    """As if `days` days had passed: the period and the comments' dates move back by that much.

    The clock cannot be moved in a test without mocking it, so the records are moved instead.
    """
    delta = dt.timedelta(days=days)
    consultation.refresh_from_db()
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=consultation.opens_on - delta, closes_on=consultation.closes_on - delta
    )
    for comment in Comment.objects.filter(consultation=consultation):
        Comment.objects.filter(pk=comment.pk).update(received_on=comment.received_on - delta)
    consultation.refresh_from_db()
    return consultation


def comment(consultation, text: str, *, section=None, name="Nguyễn Văn An", contact=PHONE):
    return actions.submit_comment(
        consultation=consultation, by=None, text=text, section=section, name=name, contact=contact
    )


@pytest.fixture
def consultation(tree, commune_officer) -> Consultation:
    """An open consultation of the commune, taking comments online today."""
    return make_consultation(commune_officer, tree.commune)


@pytest.fixture
def world(tree, commune_officer, other_commune_officer):
    """The commune's open consultation with comments, its draft, its ended one, the ward's."""
    open_one = make_consultation(commune_officer, tree.commune)
    first, second = open_one.sections.all()
    comments = [
        comment(open_one, "Nên chia làm ba đợt cho hộ khó khăn.", section=second),
        comment(open_one, "Đề nghị miễn cho hộ nghèo.", section=second, contact="an@example.org"),
        comment(open_one, "Đồng ý với toàn bộ dự thảo."),
    ]
    draft = make_consultation(commune_officer, tree.commune, open_it=False, title="Bản nháp")
    ended = make_consultation(commune_officer, tree.commune, title="Đã hết hạn")
    ended_comment = comment(ended, "Ý kiến về dự thảo đã hết hạn.")
    ended = time_passes(ended, 30)
    ward = make_consultation(other_commune_officer, tree.other_commune, title="Của phường")
    return SimpleNamespace(
        open=open_one,
        first=first,
        second=second,
        comments=comments,
        draft=draft,
        ended=ended,
        ended_comment=ended_comment,
        ward=ward,
    )


def publish(consultation, by, *, summary: str = "Tiếp thu phần lớn ý kiến.") -> Consultation:
    """Group every comment in one group, answer it and publish (the period must be over)."""
    ids = list(consultation.comments.visible().values_list("pk", flat=True))
    if ids:
        group = actions.group_comments(
            consultation, by=by, comments=ids, new_title="Ý kiến về mức đóng góp"
        )
        actions.answer_group(
            group,
            by=by,
            response="adopted",
            response_text="Tiếp thu: chia làm ba đợt đóng góp.",
        )
    return actions.publish_synthesis(consultation, by=by, summary=summary)
