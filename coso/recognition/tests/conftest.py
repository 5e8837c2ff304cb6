"""A campaign of the province asking its communes for nominations, built through the actions."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from coso.core.dates import today
from coso.recognition import actions
from coso.recognition.models import Field, RecognitionForm, SubjectKind
from coso.units.models import UnitKind

PDF = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"


def pdf(name: str = "bao-cao.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def make_campaign(by, unit, *, open_it: bool = True, deadline: dt.date | None = None, **fields):
    fields.setdefault("title", "Thi đua “Dân vận khéo” năm 2026")
    fields.setdefault("starts_on", today() - dt.timedelta(days=30))
    fields.setdefault("ends_on", today() + dt.timedelta(days=300))
    fields.setdefault("criteria", [("Cách làm sáng tạo", 30), ("Hiệu quả, lan tỏa", 70)])
    fields.setdefault("target_kinds", [UnitKind.COMMUNE])
    campaign = actions.create_campaign(
        by=by,
        unit=unit,
        nomination_deadline=deadline or today() + dt.timedelta(days=10),
        **fields,
    )
    if open_it:
        campaign = actions.open_campaign(campaign, by=by)
    return campaign


def nominate(by, unit, campaign=None, **fields):
    fields.setdefault("title", "Mô hình “Camera an ninh thôn”")
    fields.setdefault("field", Field.SECURITY)
    fields.setdefault("subject_kind", SubjectKind.COLLECTIVE)
    fields.setdefault("subject_name", "Chi hội Cựu chiến binh thôn Đông")
    fields.setdefault("description", "Vận động nhân dân góp tiền lắp camera ở các ngõ xóm.")
    fields.setdefault("results", "Lắp 24 camera; tội phạm trộm cắp giảm rõ rệt.")
    return actions.submit_nomination(by=by, unit=unit, campaign=campaign, **fields)


def recognise(nomination, by, **fields):
    fields.setdefault("recognition_form", RecognitionForm.CERTIFICATE)
    fields.setdefault("decision_number", "125/QĐ-BCĐ")
    fields.setdefault("decision_date", today())
    return actions.decide_nomination(nomination, by=by, recognised=True, **fields)


@pytest.fixture
def world(tree, province_officer, commune_officer, committee_member):
    campaign = make_campaign(province_officer, tree.province)
    nomination = nominate(commune_officer, tree.commune, campaign)
    return SimpleNamespace(
        campaign=campaign,
        criteria=list(campaign.criteria.all()),
        nomination=nomination,
    )
