"""Demo conferences and dialogues, built through the real actions.

- The Quảng Trị provincial office's officials' conference for last year, held in March: attendance,
  two resolutions voted by show of hands, the People's Inspection Board elected by the counting
  board's figures, questions (one answered in the room, one followed as a feedback item),
  commitments (one done, one under way, one overdue) and the published minutes.
- The first enterprise's workers' conference, noticed for next week, with its agenda.
- The town of Thanh Miện: its yearly dialogue conference with the people, public on the portal,
  and its citizen reception days (one held this month, one coming).

Actions work in the present (a notice must precede the meeting, a meeting opens on its day), so a
meeting of the past is held today through the actions and its dates are then moved back, as its
record would read had coso been used at the time.
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from coso.meetings import actions, followup, hold, voting
from coso.meetings.models import (
    Commitment,
    KindCode,
    Meeting,
    MeetingKind,
    Motion,
    Participant,
    ParticipantRole,
    VoteMethod,
)
from coso.oversight.models import BoardKind

from . import places

OFFICE_STAFF = 24  # convened at the office's conference (its staff with a seat this year)
OFFICE_ABSENT = 3
SPENDING_RULES = "Thông qua Quy chế chi tiêu nội bộ năm {year}"
DEMOCRACY_RULES = "Thông qua Quy chế thực hiện dân chủ ở cơ sở (sửa đổi)"
OVERDUE_COMMITMENT = "Bố trí phòng đọc tài liệu và máy tính tra cứu cho công chức tại tầng 3"


def build_meetings(builder) -> None:
    office = builder.units.get(places.QT_OFFICE)
    if office is not None:
        _office_conference(builder, office)
    enterprise_name = places.QT_ENTERPRISES[0][0]
    enterprise = builder.units.get(enterprise_name)
    if enterprise is not None:
        _workers_conference(builder, enterprise)
    town = builder.units[places.THANH_MIEN_TOWN]
    _town_dialogue(builder, town)
    _receptions(builder, town)


def _kind(code: str) -> MeetingKind:
    return MeetingKind.objects.get(code=code)


def _at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _ready(kind: MeetingKind, hours: int = 8) -> dt.datetime:
    """The earliest moment a meeting of `kind` may be noticed for, from today."""
    return _at(timezone.localdate() + dt.timedelta(days=kind.notice_days + 1), hours)


def _move_back(meeting: Meeting, starts_at: dt.datetime) -> None:
    """Move a meeting held today, with everything timed in it, to `starts_at`."""
    meeting.refresh_from_db()
    shift = starts_at - meeting.starts_at
    noticed_at = starts_at - dt.timedelta(days=meeting.kind.notice_days + 3)

    def moved(moment: dt.datetime | None) -> dt.datetime | None:
        return moment + shift if moment is not None else None

    Meeting.objects.filter(pk=meeting.pk).update(
        starts_at=starts_at,
        ends_at=moved(meeting.ends_at) or starts_at + dt.timedelta(hours=4),
        noticed_at=noticed_at if meeting.noticed_at else None,
        opened_at=moved(meeting.opened_at),
        ended_at=moved(meeting.ended_at),
        minutes_published_at=(
            starts_at + dt.timedelta(days=5) if meeting.minutes_published_at else None
        ),
    )
    for participant in meeting.participants.exclude(checked_in_at=None):
        Participant.objects.filter(pk=participant.pk).update(
            checked_in_at=participant.checked_in_at + shift
        )
    for motion in meeting.motions.all():
        Motion.objects.filter(pk=motion.pk).update(
            opened_at=moved(motion.opened_at), closed_at=moved(motion.closed_at)
        )
    meeting.elections.update(opened_at=starts_at, closed_at=starts_at + dt.timedelta(hours=3))


def _office_conference(builder, office) -> None:
    officer = builder.officer_of(office)
    kind = _kind(KindCode.OFFICIALS_CONFERENCE)
    year = builder.today.year - 1
    meeting = actions.create_meeting(
        by=officer,
        unit=office,
        kind=kind,
        starts_at=_ready(kind),
        year=year,
        title=f"Hội nghị cán bộ, công chức, viên chức năm {year}",
        venue="Hội trường Văn phòng UBND tỉnh, 45 Hùng Vương, Đông Hà",
        description=f"Tổng kết công tác năm {year}, triển khai nhiệm vụ năm {year + 1}; "
        "bầu Ban Thanh tra nhân dân nhiệm kỳ mới.",
    )
    for title, presenter, minutes in (
        (f"Báo cáo tổng kết công tác năm {year}", "Chánh Văn phòng", 40),
        ("Báo cáo hoạt động của Ban Thanh tra nhân dân", "Trưởng ban Thanh tra nhân dân", 15),
        (f"Dự thảo Quy chế chi tiêu nội bộ năm {year + 1}", "Phòng Hành chính - Tổ chức", 20),
        ("Thảo luận, chất vấn người đứng đầu", "Chủ trì hội nghị", 45),
        ("Bầu Ban Thanh tra nhân dân", "Công đoàn cơ quan", 30),
    ):
        actions.add_agenda_item(
            meeting, by=officer, title=title, presenter=presenter, minutes=minutes
        )
    staff = getattr(builder, "staff", None)
    secretary = builder.person(unit=office, job_title="Chuyên viên Phòng Hành chính - Tổ chức")
    actions.add_participant(
        meeting,
        by=officer,
        user=secretary,
        full_name=secretary.full_name,
        job_title=secretary.job_title,
        role=ParticipantRole.SECRETARY,
    )
    actions.add_participant(
        meeting,
        by=officer,
        full_name="Lê Quang Minh",
        job_title="Chánh Văn phòng",
        role=ParticipantRole.CHAIR,
    )
    if staff is not None:
        actions.add_participant(
            meeting, by=officer, user=staff, full_name=staff.full_name, job_title=staff.job_title
        )
    while meeting.participants.count() < OFFICE_STAFF:
        actions.add_participant(
            meeting, by=officer, full_name=builder.random_name(), job_title="Chuyên viên"
        )
    actions.add_participant(
        meeting,
        by=officer,
        full_name="Nguyễn Thị Hồng",
        job_title="Chủ tịch Công đoàn Viên chức tỉnh",
        role=ParticipantRole.GUEST,
    )
    if staff is not None:
        actions.send_question(
            meeting, by=staff, text="Đề nghị công khai tiêu chí xét nâng lương trước thời hạn."
        )
    actions.publish_notice(meeting, by=officer)

    # The conference is held today, then moved back to March.
    Meeting.objects.filter(pk=meeting.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=5))
    meeting.refresh_from_db()
    hold.open_meeting(meeting, by=officer)
    absent = set(
        meeting.participants.filter(is_convened=True, user__isnull=True)
        .exclude(role=ParticipantRole.CHAIR)
        .values_list("pk", flat=True)[:OFFICE_ABSENT]
    )
    for participant in meeting.participants.exclude(pk__in=absent):
        hold.check_in(participant, by=officer)
    present = OFFICE_STAFF - OFFICE_ABSENT
    spending = voting.add_motion(meeting, by=officer, title=SPENDING_RULES.format(year=year + 1))
    rules = voting.add_motion(meeting, by=officer, title=DEMOCRACY_RULES)
    for motion, (yes, no, abstain) in ((spending, (present - 2, 1, 1)), (rules, (present, 0, 0))):
        voting.open_motion(motion, by=officer)
        voting.record_hands(motion, by=officer, yes=yes, no=no, abstain=abstain)
        voting.close_motion(motion, by=officer)
    election = voting.add_election(
        meeting,
        by=officer,
        title="Bầu Ban Thanh tra nhân dân nhiệm kỳ mới",
        seats=3,
        board_kind=BoardKind.AGENCY,
        method=VoteMethod.HANDS,
    )
    candidates = [
        voting.add_candidate(election, by=officer, full_name=builder.random_name(), job_title=title)
        for title in (
            "Chuyên viên Phòng Tổng hợp",
            "Chuyên viên Phòng Nội chính",
            "Kế toán viên",
            "Chuyên viên Trung tâm Thông tin - Công báo",
        )
    ]
    voting.open_election(election, by=officer)
    voting.record_election_counts(
        election,
        by=officer,
        ballots_cast=present,
        ballots_invalid=0,
        votes={c.pk: v for c, v in zip(candidates, (19, 17, 15, 8), strict=True)},
    )
    voting.close_election(election, by=officer)
    raised = actions.record_question(
        meeting,
        by=officer,
        asker_name="Trần Văn Phong",
        text="Khi nào cơ quan bố trí đủ chỗ để xe cho công chức và khách đến làm việc?",
    )
    answered = actions.record_question(
        meeting,
        by=officer,
        asker_name="Hoàng Thị Mai",
        text="Chế độ hỗ trợ công chức đi học nâng cao trình độ năm tới thế nào?",
    )
    actions.answer_question(
        answered,
        by=officer,
        answer="Thực hiện theo Quy chế chi tiêu nội bộ vừa thông qua, mức hỗ trợ giữ như năm trước.",
    )
    hold.end_meeting(meeting, by=officer)
    followup.record_outcome(
        meeting,
        by=officer,
        discussion="Các ý kiến thống nhất với báo cáo tổng kết; đề nghị cải thiện điều kiện làm việc, "
        "công khai tiêu chí thi đua và nâng lương.",
        conclusions=f"Hội nghị thống nhất các chỉ tiêu năm {year + 1}; giao Phòng Hành chính - "
        "Tổ chức hoàn thiện các quy chế đã thông qua và công khai trong 05 ngày làm việc.",
    )
    lead = builder.units.get(places.QT_OFFICE_LEAD_DEPARTMENT, office)
    commitments = [
        followup.add_commitment(
            meeting,
            by=officer,
            text=text,
            owner_unit=lead,
            owner_name=owner,
            due_on=builder.today + dt.timedelta(days=30),
        )
        for text, owner in (
            ("Ban hành và công khai Quy chế chi tiêu nội bộ đã thông qua", "Trưởng phòng HC-TC"),
            (OVERDUE_COMMITMENT, "Trưởng phòng HC-TC"),
            ("Bố trí thêm chỗ để xe tại khu đất phía sau trụ sở", "Chánh Văn phòng"),
        )
    ]
    followup.complete_commitment(
        commitments[0], by=officer, result="Đã ban hành Quyết định và niêm yết tại trụ sở."
    )
    followup.forward_question(raised, by=officer)
    followup.publish_minutes(meeting, by=officer)
    conference_day = min(dt.date(builder.today.year, 3, 12), builder.today - dt.timedelta(days=14))
    _move_back(meeting, _at(conference_day, 8))
    Commitment.objects.filter(pk=commitments[0].pk).update(
        due_on=conference_day + dt.timedelta(days=20), done_on=conference_day + dt.timedelta(days=9)
    )
    # The reading room was promised for three weeks ago.
    Commitment.objects.filter(pk=commitments[1].pk).update(
        due_on=builder.today - dt.timedelta(days=21)
    )
    Commitment.objects.filter(pk=commitments[2].pk).update(
        due_on=builder.today + dt.timedelta(days=5)
    )


def _workers_conference(builder, enterprise) -> None:
    officer = builder.officer_of(enterprise)
    kind = _kind(KindCode.WORKERS_CONFERENCE)
    year = builder.today.year
    meeting = actions.create_meeting(
        by=officer,
        unit=enterprise,
        kind=kind,
        starts_at=_ready(kind, 14),
        year=year,
        title=f"Hội nghị người lao động năm {year}",
        venue="Hội trường Công ty, 09 Trần Hưng Đạo, Đông Hà",
        description="Đánh giá việc thực hiện thỏa ước lao động tập thể và nội quy lao động; "
        "thảo luận thang lương, bảng lương năm tới.",
    )
    for title in (
        "Báo cáo kết quả sản xuất, kinh doanh và thực hiện chế độ với người lao động",
        "Báo cáo thực hiện thỏa ước lao động tập thể",
        "Thảo luận dự thảo thang lương, bảng lương",
        "Biểu quyết nghị quyết hội nghị",
    ):
        actions.add_agenda_item(meeting, by=officer, title=title)
    for _index in range(30):
        actions.add_participant(
            meeting, by=officer, full_name=builder.random_name(), job_title="Công nhân"
        )
    actions.publish_notice(meeting, by=officer)


def _town_dialogue(builder, town) -> None:
    officer = builder.officer_of(town)
    kind = _kind(KindCode.COMMUNE_DIALOGUE)
    meeting = actions.create_meeting(
        by=officer,
        unit=town,
        kind=kind,
        starts_at=_ready(kind, 19) + dt.timedelta(days=3),
        year=builder.today.year,
        is_public=True,
        title=f"Hội nghị đối thoại giữa Chủ tịch UBND thị trấn với Nhân dân năm {builder.today.year}",
        venue="Nhà văn hóa thị trấn Thanh Miện",
        description="Đối thoại về giải phóng mặt bằng đường trục thị trấn, thu gom rác thải và "
        "trật tự đô thị. Người dân gửi câu hỏi trước qua trưởng khu dân cư hoặc trang phản ánh.",
    )
    for title in (
        "Chủ tịch UBND thị trấn thông tin tình hình kinh tế - xã hội",
        "Người dân nêu ý kiến, kiến nghị",
        "Lãnh đạo UBND thị trấn trả lời, giải trình",
    ):
        actions.add_agenda_item(meeting, by=officer, title=title)
    actions.publish_notice(meeting, by=officer)


def _receptions(builder, town) -> None:
    officer = builder.officer_of(town)
    kind = _kind(KindCode.CITIZEN_RECEPTION)
    today = builder.today
    held = actions.create_meeting(
        by=officer,
        unit=town,
        kind=kind,
        starts_at=timezone.now() + dt.timedelta(hours=1),
        year=today.year,
        title=f"Tiếp công dân định kỳ tháng {today.month}/{today.year}",
        venue="Phòng tiếp công dân, UBND thị trấn",
    )
    Meeting.objects.filter(pk=held.pk).update(starts_at=timezone.now() - dt.timedelta(minutes=5))
    held.refresh_from_db()
    hold.open_meeting(held, by=officer)
    question = actions.record_question(
        held,
        by=officer,
        asker_name="Phạm Văn Tư",
        text="Cống thoát nước trước nhà số 12 khu 3 bị tắc, mưa to nước tràn vào nhà.",
    )
    hold.end_meeting(held, by=officer)
    followup.forward_question(question, by=officer)
    next_day = today + dt.timedelta(days=7)
    first_day = today.replace(day=1)
    first_thursday = first_day + dt.timedelta(days=(3 - first_day.weekday()) % 7)
    _move_back(held, _at(min(first_thursday, today), 8))
    actions.create_meeting(
        by=officer,
        unit=town,
        kind=kind,
        starts_at=_at(next_day, 8),
        year=next_day.year,
        title=f"Tiếp công dân ngày {next_day:%d/%m/%Y}",
        venue="Phòng tiếp công dân, UBND thị trấn",
    )
