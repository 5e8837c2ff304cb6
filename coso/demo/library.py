"""Demo legal library: the core texts come with the migration; the demo adds the Quảng Trị
provincial texts its office's plan cites, then links every plan's legal bases to the library by
number (so the town's plan citing the replaced decree 04/2015/NĐ-CP shows the flag)."""

from __future__ import annotations

import datetime as dt

from coso.library import actions
from coso.library.models import LegalText, number_key
from coso.plans.legal_bases import link_bases
from coso.plans.models import PlanBasis

UBND_QT = "UBND tỉnh Quảng Trị"
HDND_QT = "HĐND tỉnh Quảng Trị"

PROVINCIAL_TEXTS = (
    (
        "88/KH-UBND",
        "plan",
        UBND_QT,
        "Kế hoạch triển khai thi hành Luật Thực hiện dân chủ ở cơ sở",
        dt.date(2023, 4, 24),
    ),
    (
        "18/KH-UBND",
        "plan",
        UBND_QT,
        "Kế hoạch thực hiện công tác dân chủ ở cơ sở năm 2025",
        dt.date(2025, 1, 17),
    ),
    (
        "120/2024/NQ-HĐND",
        "provincial_resolution",
        HDND_QT,
        "Nghị quyết quy định các biện pháp bảo đảm thực hiện dân chủ ở cơ sở trên địa bàn "
        "tỉnh Quảng Trị",
        dt.date(2024, 12, 6),
    ),
)


def build_library(builder) -> None:
    by = builder.admin
    for number, kind, issuer, title, issued in PROVINCIAL_TEXTS:
        if issued > builder.today:
            continue
        if LegalText.objects.filter(number_key=number_key(number)).exists():
            continue
        actions.create_text(
            by=by,
            number_symbol=number,
            text_type=kind,
            issuer=issuer,
            title=title,
            issued_on=issued,
            effective_on=issued,
            summary="Văn bản của tỉnh Quảng Trị được Kế hoạch của Văn phòng UBND tỉnh viện dẫn.",
        )
    link_bases(PlanBasis.objects.all(), by=by)
