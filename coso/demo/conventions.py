"""Demo village convention of a residential community of the town of Thanh Miện: the first
version recognised two years ago, an amendment in force since, and a yearly review.

Every step goes through the real actions (comment period, household meeting, dossier, the
town's recognition). The law's periods cannot pass while the demo loads, so once a version is
in force its dates are moved back, as if those days had passed.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from coso.community import actions as community_actions
from coso.community.models import DecisionMethod, Household, Matter
from coso.consultations import actions as consultation_actions
from coso.consultations.models import Consultation
from coso.conventions import actions
from coso.conventions.models import ConventionVersion

from . import places

COMMUNITY = "Khu dân cư Phạm Lựu"
TITLE = "Hương ước Khu dân cư Phạm Lựu"
TEXT_V1 = """Hương ước Khu dân cư Phạm Lựu, thị trấn Thanh Miện
Điều 1. Giữ gìn an ninh trật tự
Các hộ gia đình cùng giữ gìn an ninh trật tự, phát hiện và báo ngay cho Công an thị trấn những việc bất thường.
Điều 2. Vệ sinh môi trường
Mỗi hộ thu gom, phân loại rác thải; tổng vệ sinh đường làng, ngõ xóm vào sáng Chủ nhật cuối tháng.
Điều 3. Khuyến học
Khu dân cư khen thưởng học sinh giỏi vào dịp khai giảng năm học.
"""
TEXT_V2 = (
    TEXT_V1
    + """Điều 4. Việc cưới, việc tang
Tổ chức việc cưới, việc tang văn minh, tiết kiệm; không mở loa quá 22 giờ.
"""
)
HOUSEHOLDS = 24


def build_conventions(builder) -> None:
    town = builder.units[places.THANH_MIEN_TOWN]
    community = builder.units.get(COMMUNITY) or town.get_children().get(name=COMMUNITY)
    officer = builder.officer_of(town)
    households = _households(builder, community, officer)
    today = builder.today

    convention = actions.start_convention(by=officer, unit=community, title=TITLE, text=TEXT_V1)
    first = _through_all_steps(convention.versions.get(), officer, households, yes=19)
    _move_back(first, days=730)
    actions.record_review(
        convention,
        by=officer,
        reviewed_on=convention.next_review_due(first.in_force_from),
        conclusion="amend",
        notes="Đề nghị bổ sung quy định về việc cưới, việc tang.",
    )
    second = actions.start_amendment(
        convention, by=officer, text=TEXT_V2, changes="Bổ sung Điều 4 về việc cưới, việc tang."
    )
    second = _through_all_steps(second, officer, households, yes=17)
    _move_back(second, days=(today - first.in_force_from).days - 365)


def _households(builder, community, officer) -> list[Household]:
    existing = list(Household.objects.filter(unit=community).order_by("code"))
    if existing:
        return existing
    return [
        community_actions.add_household(
            by=officer,
            unit=community,
            code=f"PL{number:03d}",
            representative_name=builder.random_name(),
            address=f"Tổ {number % 4 + 1}, Khu dân cư Phạm Lựu",
            members_count=2 + number % 4,
        )
        for number in range(1, HOUSEHOLDS + 1)
    ]


def _through_all_steps(
    version: ConventionVersion, officer, households: list[Household], *, yes: int
) -> ConventionVersion:
    today = timezone.localdate()
    version = actions.put_out_for_comment(
        version, by=officer, opens_on=today, closes_on=today + dt.timedelta(days=29)
    )
    # The 30 days of comment pass.
    consultation = version.consultation
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=today - dt.timedelta(days=31), closes_on=today - dt.timedelta(days=2)
    )
    consultation_actions.close_consultation(consultation, by=officer)
    version.refresh_from_db()
    matter = actions.put_to_households(
        version,
        by=officer,
        method=DecisionMethod.MEETING,
        meeting_at=timezone.now(),
        meeting_place="Nhà văn hóa Khu dân cư Phạm Lựu",
    )
    present = households[: yes + 2]
    community_actions.record_attendance(by=officer, matter=matter, present=present)
    community_actions.record_meeting_votes(
        by=officer,
        matter=matter,
        votes={h: ("yes" if i < yes else "no") for i, h in enumerate(present)},
    )
    community_actions.close_voting(by=officer, matter=matter)
    version = actions.record_households_decision(version, by=officer)
    version = actions.submit_to_commune(version, by=officer, submitted_on=today)
    return actions.recognise_version(
        version,
        by=officer,
        decided_on=today,
        decision_number=f"{version.number + 11}/QĐ-UBND",
    )


def _move_back(version: ConventionVersion, *, days: int) -> None:
    """As if the version had gone through its steps `days` days ago."""
    delta = dt.timedelta(days=days)
    shifted = {}
    for name in (
        "approved_on",
        "submission_deadline",
        "submitted_on",
        "decision_deadline",
        "decided_on",
        "in_force_from",
    ):
        value = getattr(version, name)
        if value is not None:
            shifted[name] = value - delta
    ConventionVersion.objects.filter(pk=version.pk).update(**shifted)
    # The version it replaced was superseded the day this one came into force.
    ConventionVersion.objects.filter(
        convention_id=version.convention_id, superseded_on__isnull=False
    ).update(superseded_on=shifted["in_force_from"])
    consultation = version.consultation
    Consultation.objects.filter(pk=consultation.pk).update(
        opens_on=consultation.opens_on - delta, closes_on=consultation.closes_on - delta
    )
    matter = version.matter
    Matter.objects.filter(pk=matter.pk).update(
        decided_on=matter.decided_on - delta,
        send_deadline=matter.send_deadline - delta,
        sent_to_commune_on=matter.sent_to_commune_on - delta,
        meeting_at=matter.meeting_at - delta,
    )
    version.refresh_from_db()
