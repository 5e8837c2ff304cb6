"""Disclosures built through the real actions, shared by the tests of this app."""

from __future__ import annotations

import datetime as dt
import io
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coso.disclosure import actions
from coso.disclosure.models import ChannelMethod

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
TODAY = dt.date(2025, 3, 17)  # a Monday


def pdf_file(name: str = "du-toan.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png_file(name: str = "bang-tin.png") -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 180, 120)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def publish(by, unit, code: str = "ngan_sach", *, days: int | None = 30, **fields):
    """Publish an item starting `starts_on` (default 10/03/2025) lasting `days` days."""
    starts_on = fields.pop("starts_on", dt.date(2025, 3, 10))
    ends_on = starts_on + dt.timedelta(days=days - 1) if days else None
    return actions.publish_disclosure(
        by=by,
        unit=unit,
        category_code=code,
        title=fields.pop("title", "Công khai dự toán ngân sách xã năm 2025"),
        body=fields.pop("body", "Tổng thu 12.500 triệu đồng; tổng chi 12.500 triệu đồng."),
        starts_on=starts_on,
        ends_on=fields.pop("ends_on", ends_on),
        **fields,
    )


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch):
    """Every test of this app runs on Monday 17/03/2025."""
    monkeypatch.setattr("coso.disclosure.actions.today", lambda: TODAY)
    monkeypatch.setattr("coso.disclosure.views.today", lambda: TODAY)
    monkeypatch.setattr("coso.disclosure.public.today", lambda: TODAY)
    monkeypatch.setattr("coso.disclosure.api.today", lambda: TODAY)


@pytest.fixture
def world(tree, personas, root_admin):
    """The commune's published budget (a file, a posting with a photo), its draft, a corrected
    plan (two versions), the ward's published item and the village's contributions."""
    officer = personas.commune_officer
    budget = actions.create_disclosure(
        by=officer,
        unit=tree.commune,
        category_code="ngan_sach",
        title="Công khai dự toán ngân sách xã năm 2025",
        body="Tổng thu 12.500 triệu đồng.",
        issued_on=dt.date(2025, 3, 5),
        starts_on=dt.date(2025, 3, 10),
        ends_on=dt.date(2025, 4, 8),
    )
    budget_file = actions.add_file(budget, by=officer, file=pdf_file(), title="Biểu dự toán")
    budget = actions.publish(budget, by=officer)
    posting = actions.add_channel(
        budget,
        by=officer,
        method=ChannelMethod.POSTING,
        detail="Bảng tin trụ sở UBND xã",
        starts_on=dt.date(2025, 3, 10),
        photo=png_file(),
    )
    draft = actions.create_disclosure(
        by=officer,
        unit=tree.commune,
        category_code="dat_dai",
        title="Phương án bồi thường dự án đường liên xã",
        starts_on=dt.date(2025, 3, 20),
    )
    draft_file = actions.add_file(draft, by=officer, file=pdf_file("phuong-an.pdf"))
    plan_v1 = publish(
        officer,
        tree.commune,
        "ke_hoach_kt_xh",
        title="Kế hoạch phát triển kinh tế - xã hội năm 2025",
        body="Thu ngân sách 11.900 triệu đồng.",
        starts_on=dt.date(2025, 2, 3),
        days=45,
    )
    plan_v2 = actions.correct_disclosure(
        plan_v1,
        by=officer,
        correction_note="Sửa chỉ tiêu thu ngân sách.",
        body="Thu ngân sách 12.500 triệu đồng.",
        starts_on=dt.date(2025, 3, 3),
    )
    plan_v1.refresh_from_db()
    ward = publish(personas.other_commune_officer, tree.other_commune, title="Ngân sách phường")
    village = publish(
        officer, tree.village, "quy_dong_gop", title="Thu chi quỹ làm đường thôn Đông"
    )
    return SimpleNamespace(
        budget=budget,
        budget_file=budget_file,
        posting=posting,
        draft=draft,
        draft_file=draft_file,
        plan_v1=plan_v1,
        plan_v2=plan_v2,
        ward=ward,
        village=village,
    )
