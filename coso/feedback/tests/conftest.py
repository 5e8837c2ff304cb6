"""Feedback built through the real actions, shared by every test of this app.

`make_feedback(unit, ...)` receives one item the way a person would send it (the public page
when `by` is None, a signed-in sender, or an officer's entry with a source); the fixtures give
a reflection, a complaint and a denunciation received by Xã Thanh Miện.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache

from coso.core.dates import today
from coso.feedback import actions
from coso.feedback.models import (
    OFFICER_SOURCES,
    Feedback,
    FeedbackEvent,
    FeedbackField,
    FeedbackKind,
    Source,
)

# A denouncer's name that must never leak: tests look for it (and its folded form) everywhere.
SECRET_NAME = "Trịnh Văn Bí Mật"
SECRET_PHONE = "0987 654 321"
SECRET_EMAIL = "bimat@example.org"
SECRET_ADDRESS = "Số 9 ngõ Kín, Thôn Đông"
SENDER_NAME = "Nguyễn Thị Phản Ánh"


@pytest.fixture(autouse=True)
def _fresh_rate_limits(db):
    """Rate limits count in the cache (a database table): each test starts with none counted."""
    cache.clear()
    yield
    cache.clear()


def kind(code: str = "reflection") -> FeedbackKind:
    """One of the seeded kinds: reflection, recommendation, complaint, denunciation."""
    return FeedbackKind.objects.get(code=code)


def field(code: str = "transport-infrastructure") -> FeedbackField:
    """One of the seeded fields (land, environment, transport-infrastructure, …, other)."""
    return FeedbackField.objects.get(code=code)


def make_feedback(
    unit,
    *,
    kind_code: str = "reflection",
    by=None,
    source: str | None = None,
    title: str = "Đường liên thôn bị ngập nước",
    content: str = "Đoạn đường từ Thôn Đông ra chợ ngập nước mỗi khi mưa, xe máy không đi được.",
    sender_name: str = SENDER_NAME,
    sender_phone: str = "0912 000 111",
    sender_email: str = "",
    sender_address: str = "",
    received_on: dt.date | None = None,
    publish_consent: bool = False,
    field_code: str | None = None,
    **extra,
) -> Feedback:
    """Receive one item through `actions.submit_feedback`.

    `by` None: sent from the public page. `by` a person without a role over the unit: sent
    signed in. `by` an officer of the unit: entered by hand from the phone (or `source`).
    """
    if source is None:
        if by is None:
            source = Source.PORTAL
        else:
            from coso.feedback.access import can_record_feedback

            source = Source.PHONE if can_record_feedback(by, unit) else Source.ACCOUNT
    if source in OFFICER_SOURCES and received_on is None:
        received_on = today()
    return actions.submit_feedback(
        unit=unit,
        kind=kind(kind_code),
        title=title,
        content=content,
        source=source,
        by=by,
        sender_name=sender_name,
        sender_phone=sender_phone,
        sender_email=sender_email,
        sender_address=sender_address,
        publish_consent=publish_consent,
        received_on=received_on,
        field=field(field_code) if field_code else None,
        **extra,
    )


def make_denunciation(unit, *, by=None, **extra) -> Feedback:
    """A denunciation whose sender (SECRET_NAME …) must stay hidden from all but the handler."""
    extra.setdefault("title", "Tố cáo cán bộ địa chính nhận tiền")
    extra.setdefault(
        "content",
        "Tôi tố cáo cán bộ địa chính xã nhận tiền của người dân khi làm thủ tục cấp giấy "
        "chứng nhận quyền sử dụng đất.",
    )
    return make_feedback(
        unit,
        kind_code="denunciation",
        by=by,
        sender_name=SECRET_NAME,
        sender_phone=SECRET_PHONE,
        sender_email=SECRET_EMAIL,
        sender_address=SECRET_ADDRESS,
        **extra,
    )


def received_days_ago(feedback: Feedback, days: int) -> Feedback:
    """As if the item had been received `days` days ago: its receipt day and due date move back.

    The clock cannot be moved in a test without mocking it, so the record is moved instead.
    """
    feedback.refresh_from_db()
    delta = dt.timedelta(days=days)
    received_on = feedback.received_on - delta
    Feedback.objects.filter(pk=feedback.pk).update(
        received_on=received_on, due_on=actions.due_date(feedback.kind, received_on)
    )
    feedback.refresh_from_db()
    return feedback


def public_events(feedback: Feedback) -> list[FeedbackEvent]:
    return list(feedback.events.filter(is_public=True))


@pytest.fixture
def reflection(tree):
    """A reflection sent from the public page to Xã Thanh Miện."""
    return make_feedback(tree.commune)


@pytest.fixture
def complaint(tree):
    return make_feedback(
        tree.commune,
        kind_code="complaint",
        title="Khiếu nại quyết định thu hồi đất",
        content="Tôi khiếu nại quyết định thu hồi 200 m² đất nông nghiệp của gia đình tôi.",
    )


@pytest.fixture
def denunciation(tree):
    """A denunciation sent from the public page to Xã Thanh Miện; sender SECRET_NAME."""
    return make_denunciation(tree.commune)


@pytest.fixture
def second_officer(root_admin, tree):
    """Another officer of Xã Thanh Miện: same unit as commune_officer, not handling the case."""
    from conftest import make_user
    from coso.units import actions as unit_actions
    from coso.units.models import Role

    user = make_user("xa2", "Bùi Thị Cán Bộ", tree.commune, email="xa2@example.org")
    unit_actions.assign_role(by=root_admin, user=user, unit=tree.commune, role=Role.UNIT_OFFICER)
    return user
