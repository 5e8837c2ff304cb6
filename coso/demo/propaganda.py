"""Demo dissemination and training, built through the real actions.

- The province above the town of Thanh Miện asks its communes to disseminate Law 10/2022/QH15
  within three weeks; the town has done it (a conference with the people and the loudspeaker
  news), the other communes have not yet, so its coverage page shows who is missing.
- The town trained its People's Inspection Board and the heads of its residential communities
  on the Law and Decree 59/2023/NĐ-CP: participants named, most attended.
- The Quảng Trị provincial office disseminated Decree 61/2023/NĐ-CP to its officials.
"""

from __future__ import annotations

import datetime as dt

from coso.library.models import LegalText, number_key
from coso.propaganda import actions
from coso.propaganda.models import SessionForm
from coso.units.models import UnitKind

from . import places

LAW = "10/2022/QH15"
DECREE_59 = "59/2023/NĐ-CP"
DECREE_61 = "61/2023/NĐ-CP"
TOWN_CONFERENCE = "Hội nghị tuyên truyền Luật Thực hiện dân chủ ở cơ sở cho cán bộ và Nhân dân"
TRAINING_TITLE = "Tập huấn nghiệp vụ thực hiện dân chủ ở cơ sở năm {year}"


def _texts(*numbers: str) -> list[LegalText]:
    found = {
        t.number_key: t for t in LegalText.objects.filter(number_key__in=map(number_key, numbers))
    }
    return [found[number_key(n)] for n in numbers if number_key(n) in found]


def build_propaganda(builder) -> None:
    today: dt.date = builder.today
    town = builder.units[places.THANH_MIEN_TOWN]
    officer = builder.officer_of(town)
    law = _texts(LAW)
    province = town.parent_unit()
    if province is not None and law:
        actions.create_order(
            by=builder.officer_of(province),
            unit=province,
            text=law[0],
            due_on=today + dt.timedelta(days=21),
            unit_kinds=[UnitKind.COMMUNE],
            note="Tổ chức phổ biến sâu rộng đến cán bộ, đảng viên và Nhân dân; báo cáo kết quả.",
        )
    actions.record_session(
        by=officer,
        unit=town,
        texts=_texts(LAW, DECREE_59),
        title=TOWN_CONFERENCE,
        held_on=today - dt.timedelta(days=12),
        form=SessionForm.MEETING,
        reached_officials=32,
        reached_party_members=58,
        reached_citizens=146,
        reached_youth=20,
        note="Báo cáo viên của Ban Dân vận huyện trình bày; phát 200 tờ gấp.",
    )
    actions.record_session(
        by=officer,
        unit=town,
        texts=law,
        title="Phát thanh chuyên mục Dân chủ ở cơ sở trên hệ thống loa truyền thanh",
        held_on=today - dt.timedelta(days=5),
        form=SessionForm.LOUDSPEAKER,
        reached_citizens=1200,
    )
    _town_training(builder, town, officer, today)
    office = builder.units.get(places.QT_OFFICE)
    if office is not None:
        actions.record_session(
            by=builder.officer_of(office),
            unit=office,
            texts=_texts(DECREE_61),
            title="Quán triệt Nghị định 61/2023/NĐ-CP về quy ước, hương ước cho công chức",
            held_on=today - dt.timedelta(days=20),
            form=SessionForm.MEETING,
            reached_officials=64,
            reached_party_members=41,
        )


def _town_training(builder, town, officer, today: dt.date) -> None:
    training = actions.create_class(
        by=officer,
        unit=town,
        title=TRAINING_TITLE.format(year=today.year),
        content=(
            "Nội dung Luật Thực hiện dân chủ ở cơ sở; trình tự Nhân dân bàn và quyết định; "
            "kỹ năng giám sát của Ban Thanh tra nhân dân."
        ),
        texts=_texts(LAW, DECREE_59),
        starts_on=today - dt.timedelta(days=9),
        ends_on=today - dt.timedelta(days=8),
        trainers="Báo cáo viên Ban Dân vận, Ủy ban MTTQ Việt Nam huyện",
        expected_count=len(places.THANH_MIEN_COMMUNITIES) + 4,
    )
    attended = []
    for i, community in enumerate(places.THANH_MIEN_COMMUNITIES):
        trainee = actions.add_participant(
            training,
            by=officer,
            full_name=builder.random_name(),
            position=f"Trưởng {community}",
        )
        if i % 5:
            attended.append(trainee.pk)
    actions.set_attendance(training, by=officer, attended_ids=attended)
