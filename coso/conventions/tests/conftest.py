"""Conventions of Thôn Đông (the residential community of the root conftest's tree), built
through the real actions of conventions, consultations and community decisions."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from conftest import make_user
from coso.community import actions as community_actions
from coso.community.models import DecisionMethod, Household, Matter
from coso.consultations.models import Consultation
from coso.conventions import actions
from coso.conventions.models import Convention, ConventionVersion
from coso.core.dates import today
from coso.units import actions as unit_actions
from coso.units.models import Role, Unit

TEXT = """Hương ước Thôn Đông
Điều 1. Giữ gìn an ninh trật tự
Các hộ gia đình cùng nhau giữ gìn an ninh trật tự, phòng chống tệ nạn xã hội.
Điều 2. Vệ sinh môi trường
Mỗi hộ thu gom rác thải đúng nơi quy định, tổng vệ sinh đường làng vào sáng Chủ nhật cuối tháng.
"""
AMENDED = TEXT + "Điều 3. Việc cưới, việc tang\nTổ chức việc cưới, việc tang văn minh, tiết kiệm.\n"


def add_households(officer, unit: Unit, count: int) -> list[Household]:
    return [
        community_actions.add_household(
            by=officer,
            unit=unit,
            code=f"H{number:03d}",
            representative_name=f"Trần Văn Hộ {number}",
            address=f"Xóm {number % 3 + 1}, Thôn Đông",
            members_count=1 + number % 4,
        )
        for number in range(1, count + 1)
    ]


def start(officer, unit: Unit, **fields) -> Convention:
    return actions.start_convention(
        by=officer, unit=unit, title="Hương ước Thôn Đông", text=TEXT, **fields
    )


def working(convention: Convention) -> ConventionVersion:
    return convention.versions.order_by("-number").first()


def comment_period_passes(version: ConventionVersion) -> ConventionVersion:
    """As if the 30 days of comment had passed: the consultation's dates move back.

    The clock cannot be moved in a test without mocking it, so the records are moved instead.
    """
    version.refresh_from_db()
    consultation = version.consultation
    shift = (consultation.closes_on - today()).days + 1
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=consultation.opens_on - dt.timedelta(days=shift),
        closes_on=consultation.closes_on - dt.timedelta(days=shift),
    )
    version.refresh_from_db()
    return version


def post_for_comment(version: ConventionVersion, officer, days: int = 30) -> ConventionVersion:
    return actions.put_out_for_comment(
        version, by=officer, opens_on=today(), closes_on=today() + dt.timedelta(days=days - 1)
    )


def households_vote(
    version: ConventionVersion, officer, households: list[Household], yes: int
) -> Matter:
    """Every household attends the meeting; `yes` of them agree, the others disagree."""
    matter = actions.put_to_households(
        version,
        by=officer,
        method=DecisionMethod.MEETING,
        meeting_at=timezone.now(),
        meeting_place="Nhà văn hóa Thôn Đông",
    )
    community_actions.record_attendance(by=officer, matter=matter, present=households)
    community_actions.record_meeting_votes(
        by=officer,
        matter=matter,
        votes={h: ("yes" if i < yes else "no") for i, h in enumerate(households)},
    )
    return community_actions.close_voting(by=officer, matter=matter)


def approve(version: ConventionVersion, officer, households) -> ConventionVersion:
    """Comment period passed, a majority of households agreed, decision recorded."""
    version = post_for_comment(version, officer)
    version = comment_period_passes(version)
    households_vote(version, officer, households, yes=len(households) // 2 + 1)
    return actions.record_households_decision(version, by=officer)


def bring_into_force(version: ConventionVersion, officer, households) -> ConventionVersion:
    version = approve(version, officer, households)
    version = actions.submit_to_commune(version, by=officer, submitted_on=today())
    return actions.recognise_version(version, by=officer, decided_on=today(), decision_number="")


def backdate(version: ConventionVersion, days: int) -> ConventionVersion:
    """As if the version had been approved, submitted and decided `days` days ago."""
    delta = dt.timedelta(days=days)
    fields = {}
    for name in (
        "approved_on",
        "submission_deadline",
        "submitted_on",
        "decision_deadline",
        "decided_on",
        "in_force_from",
        "superseded_on",
    ):
        value = getattr(version, name)
        if value is not None:
            fields[name] = value - delta
    ConventionVersion.objects.filter(pk=version.pk).update(**fields)
    version.refresh_from_db()
    return version


@pytest.fixture
def households(commune_officer, tree) -> list[Household]:
    """Ten households of Thôn Đông."""
    return add_households(commune_officer, tree.village, 10)


@pytest.fixture
def village_officer(root_admin, tree):
    """An officer of Thôn Đông only: drafts and submits, but the commune decides."""
    user = make_user("thon", "Hà Văn Thôn", tree.village)
    unit_actions.assign_role(by=root_admin, user=user, unit=tree.village, role=Role.UNIT_OFFICER)
    return user


@pytest.fixture
def convention(commune_officer, tree) -> Convention:
    return start(commune_officer, tree.village)


@pytest.fixture
def world(tree, commune_officer, households):
    """A convention in force (version 1) with version 2 submitted to the commune, and a
    draft convention of the same village."""
    in_force = start(commune_officer, tree.village)
    bring_into_force(working(in_force), commune_officer, households)
    second = actions.start_amendment(
        in_force, by=commune_officer, text=AMENDED, changes="Bổ sung Điều 3."
    )
    second = approve(second, commune_officer, households)
    second = actions.submit_to_commune(second, by=commune_officer)
    draft = actions.start_convention(
        by=commune_officer, unit=tree.village, title="Quy ước về nước sạch", text=TEXT
    )
    return SimpleNamespace(
        in_force=in_force,
        first=in_force.versions.get(number=1),
        second=second,
        draft=draft,
        draft_version=working(draft),
    )
